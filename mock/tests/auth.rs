//! The three credential kinds over real HTTP: static bearer tokens, HS256 API JWTs,
//! and Server-to-Server OAuth access tokens from the token endpoint, with expiry and
//! revocation; and no secret in any `Debug` output or error body.

mod support;

use std::time::Duration;

use reqwest::StatusCode;
use secrecy::ExposeSecret;
use serde_json::{Value, json};
use support::{Api, builder, clocked, now, sign_jwt, sign_jwt_with_header, start};
use zoom_cobrowse::Operation;
use zoom_cobrowse_mock::{AcceptedCredentials, MockZoom};

const LIVE: &str = "/cobrowsesdk/live_sessions";

fn invalid_token() -> Value {
    json!({"code": 124, "message": "Invalid access token."})
}

fn expired_token() -> Value {
    json!({"code": 124, "message": "Access token is expired."})
}

async fn status_and_body(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.unwrap())
}

async fn with_token(api: &Api, token: &str) -> (StatusCode, Value) {
    status_and_body(api.get_with(LIVE, &[], token).await.unwrap()).await
}

/// Asks the token endpoint as a Server-to-Server OAuth app does.
async fn fetch_token(
    zoom: &MockZoom,
    client_id: &str,
    client_secret: &str,
    query: &[(&str, &str)],
) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(zoom.oauth_url())
        .basic_auth(client_id, Some(client_secret))
        .query(query)
        .send()
        .await
        .unwrap();
    status_and_body(response).await
}

/// A fresh access token for the simulator's OAuth app, and the endpoint's answer.
async fn access_token(zoom: &MockZoom) -> (String, Value) {
    let (account, client_id, secret) = oauth_app(zoom);
    let query = [
        ("grant_type", "account_credentials"),
        ("account_id", account.as_str()),
    ];
    let (status, body) = fetch_token(zoom, &client_id, &secret, &query).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (body["access_token"].as_str().unwrap().to_owned(), body)
}

fn oauth_app(zoom: &MockZoom) -> (String, String, String) {
    let app = zoom.credentials().oauth.as_ref().unwrap();
    (
        app.account_id.clone(),
        app.client_id.clone(),
        app.client_secret.expose_secret().to_owned(),
    )
}

#[tokio::test]
async fn a_static_bearer_token_is_accepted() {
    let (_zoom, api) = start(
        builder().credentials(AcceptedCredentials::none().with_bearer_token("my-static-token")),
    )
    .await;

    let (status, _) = with_token(&api, "my-static-token").await;

    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn missing_or_unknown_credentials_get_401_code_124() {
    let (zoom, api) = start(builder()).await;

    let response = api
        .http
        .get(format!("{}{LIVE}", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        status_and_body(response).await,
        (StatusCode::UNAUTHORIZED, invalid_token())
    );
    let response = api
        .http
        .get(format!("{}{LIVE}", api.base))
        .basic_auth("zoom-mock-client-id", Some("zoom-mock-client-secret"))
        .send()
        .await
        .unwrap();
    assert_eq!(status_and_body(response).await.0, StatusCode::UNAUTHORIZED);
    for token in ["wrong", "a.b.c", "zoom-mock-bearer-token-but-longer"] {
        let (status, body) = with_token(&api, token).await;
        assert_eq!(
            (status, &body),
            (StatusCode::UNAUTHORIZED, &invalid_token())
        );
        assert!(!body.to_string().contains(token), "the token is not echoed");
    }
    assert_eq!(zoom.stats().unauthorized, 5);
    assert_eq!(zoom.stats().requests(Operation::ListLiveSessions), 5);
}

#[tokio::test]
async fn api_jwts_signed_with_the_api_secret_work_until_exp() {
    let (clock, builder) = clocked();
    let (zoom, api) = start(builder).await;
    let key = zoom.credentials().api_key.as_ref().unwrap();
    let iat = now().timestamp();
    let jwt = sign_jwt(
        key.secret.expose_secret(),
        &json!({"iss": key.key, "iat": iat, "exp": iat + 60}),
    );

    assert_eq!(with_token(&api, &jwt).await.0, StatusCode::OK);
    clock.advance(Duration::from_secs(59));
    assert_eq!(with_token(&api, &jwt).await.0, StatusCode::OK);
    clock.advance(Duration::from_secs(1));
    assert_eq!(
        with_token(&api, &jwt).await,
        (StatusCode::UNAUTHORIZED, expired_token())
    );
}

#[tokio::test]
async fn api_jwts_with_a_wrong_secret_issuer_or_algorithm_are_refused() {
    let (zoom, api) = start(builder()).await;
    let key = zoom.credentials().api_key.as_ref().unwrap();
    let secret = key.secret.expose_secret();
    let exp = now().timestamp() + 600;
    let claims = json!({"iss": key.key, "exp": exp});
    let good = sign_jwt(secret, &claims);
    let unsigned = format!("{}.", good.rsplit_once('.').unwrap().0);

    let refused = [
        sign_jwt("another-secret", &claims),
        sign_jwt(secret, &json!({"iss": "another-key", "exp": exp})),
        sign_jwt(secret, &json!({"iss": key.key})),
        sign_jwt_with_header(secret, &json!({"alg": "HS512"}), &claims),
        sign_jwt_with_header(secret, &json!({"alg": "none"}), &claims),
        unsigned,
    ];
    for jwt in refused {
        assert_eq!(
            with_token(&api, &jwt).await,
            (StatusCode::UNAUTHORIZED, invalid_token()),
            "{jwt}"
        );
    }
    assert_eq!(with_token(&api, &good).await.0, StatusCode::OK);
}

#[tokio::test]
async fn the_token_endpoint_issues_access_tokens_to_the_oauth_app() {
    let (zoom, api) = start(builder()).await;
    let (account, client_id, secret) = oauth_app(&zoom);

    let (token, body) = access_token(&zoom).await;
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 3600);
    assert!(
        body["scope"]
            .as_str()
            .unwrap()
            .contains("cobrowse_sdk:read:list_live_sessions:admin")
    );
    assert_eq!(
        body["api_url"].as_str().unwrap(),
        zoom.base_url().trim_end_matches("/v2")
    );
    assert_eq!(with_token(&api, &token).await.0, StatusCode::OK);

    // The parameters may also come as a form body.
    let response = reqwest::Client::new()
        .post(zoom.oauth_url())
        .basic_auth(&client_id, Some(&secret))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "grant_type=account_credentials&account_id={account}"
        ))
        .send()
        .await
        .unwrap();
    let (status, second) = status_and_body(response).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(
        second["access_token"], body["access_token"],
        "each fetch is a new token"
    );
    assert_eq!(
        (zoom.stats().token_requests, zoom.stats().tokens_issued),
        (2, 2)
    );
}

#[tokio::test]
async fn the_token_endpoint_refuses_bad_clients_grants_and_accounts() {
    let zoom = builder().start().await.unwrap();
    let (account, client_id, secret) = oauth_app(&zoom);
    let good = [
        ("grant_type", "account_credentials"),
        ("account_id", account.as_str()),
    ];

    let (status, body) = fetch_token(&zoom, &client_id, "wrong-secret", &good).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_client"))
    );
    let (status, body) = fetch_token(&zoom, "someone-else", &secret, &good).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_client"))
    );
    let grant = [
        ("grant_type", "client_credentials"),
        ("account_id", account.as_str()),
    ];
    let (status, body) = fetch_token(&zoom, &client_id, &secret, &grant).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("unsupported_grant_type"))
    );
    let other = [
        ("grant_type", "account_credentials"),
        ("account_id", "another-account"),
    ];
    let (status, body) = fetch_token(&zoom, &client_id, &secret, &other).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_request"))
    );

    let response = reqwest::Client::new()
        .post(zoom.oauth_url())
        .query(&good)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "no Basic auth");
    let response = reqwest::Client::new()
        .get(zoom.oauth_url())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(zoom.stats().tokens_issued, 0);
}

#[tokio::test]
async fn access_tokens_expire_after_expires_in_and_a_new_one_works() {
    let (clock, builder) = clocked();
    let (zoom, api) = start(builder.access_token_ttl(Duration::from_secs(120))).await;
    let (token, answer) = access_token(&zoom).await;
    assert_eq!(answer["expires_in"], 120);

    clock.advance(Duration::from_secs(119));
    assert_eq!(with_token(&api, &token).await.0, StatusCode::OK);
    clock.advance(Duration::from_secs(1));
    assert_eq!(
        with_token(&api, &token).await,
        (StatusCode::UNAUTHORIZED, expired_token())
    );

    let (fresh, _) = access_token(&zoom).await;
    assert_eq!(with_token(&api, &fresh).await.0, StatusCode::OK);
}

#[tokio::test]
async fn revoked_access_tokens_are_refused() {
    let (zoom, api) = start(builder()).await;
    let (token, _) = access_token(&zoom).await;
    assert_eq!(with_token(&api, &token).await.0, StatusCode::OK);

    zoom.revoke_access_tokens();

    assert_eq!(
        with_token(&api, &token).await,
        (StatusCode::UNAUTHORIZED, invalid_token())
    );
    assert_eq!(
        with_token(&api, &api.token).await.0,
        StatusCode::OK,
        "static tokens stay"
    );
}

#[tokio::test]
async fn without_credentials_everything_is_refused() {
    let zoom = builder()
        .credentials(AcceptedCredentials::none())
        .start()
        .await
        .unwrap();
    let defaults = AcceptedCredentials::default();
    let default_token = defaults.bearer_tokens[0].expose_secret();
    let api = Api {
        token: default_token.to_owned(),
        ..Api::new_anonymous(&zoom)
    };

    assert_eq!(
        with_token(&api, default_token).await,
        (StatusCode::UNAUTHORIZED, invalid_token())
    );
    let query = [
        ("grant_type", "account_credentials"),
        ("account_id", "zoom-mock-account"),
    ];
    let (status, body) = fetch_token(
        &zoom,
        "zoom-mock-client-id",
        "zoom-mock-client-secret",
        &query,
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_client"))
    );
}

#[tokio::test]
async fn no_secret_appears_in_debug_output() {
    let builder = builder().credentials(
        AcceptedCredentials::default()
            .with_bearer_token("second-static-token")
            .with_api_key(zoom_cobrowse_mock::ApiKey::new("key", "api-secret-value")),
    );
    let zoom = builder.clone().start().await.unwrap();
    let shown = format!("{builder:?} {zoom:?} {:?}", zoom.credentials());

    for secret in [
        "zoom-mock-bearer-token",
        "second-static-token",
        "api-secret-value",
        "zoom-mock-client-secret",
    ] {
        assert!(!shown.contains(secret), "{secret} leaked in {shown}");
    }
    assert!(
        shown.contains("zoom-mock-client-id"),
        "identifiers stay visible"
    );
}
