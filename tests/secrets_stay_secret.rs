//! No credential or token appears in any Debug or Display output, error included.

mod common;

use httpmock::prelude::*;
use zoom_cobrowse::{Client, ClientBuilder, Credentials, RetryPolicy};

const SECRETS: [&str; 4] = [
    "bearer-secret-1a2b",
    "api-secret-3c4d",
    "client-secret-5e6f",
    "oauth-token-7a8b",
];

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "{what} shows a secret: {text}");
    }
}

fn every_credential_kind() -> Vec<Credentials> {
    vec![
        Credentials::bearer(SECRETS[0]),
        Credentials::api_key("key-1", SECRETS[1]),
        Credentials::server_to_server("acct-1", "client-1", SECRETS[2]),
    ]
}

#[tokio::test]
async fn credentials_clients_and_errors_never_show_secrets() {
    let server = MockServer::start_async().await;
    let token = format!(r#"{{"access_token":"{}","expires_in":3600}}"#, SECRETS[3]);
    common::token_endpoint(&server, 200, "application/json", token).await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(401)
                .header("content-type", "application/json")
                .body(common::INVALID_TOKEN);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s2");
            then.status(502)
                .header("content-type", "text/html")
                .body("<h1>bad gateway</h1>");
        })
        .await;
    for credentials in every_credential_kind() {
        assert_clean("Credentials", &format!("{credentials:?}"));
        let builder = common::builder(&server, credentials).retry(RetryPolicy::disabled());
        assert_clean("ClientBuilder", &format!("{builder:?}"));
        let client = builder.build().unwrap();
        assert_clean("Client before a call", &format!("{client:?}"));
        for session in ["s1", "s2"] {
            let error = client.get_session(session).await.unwrap_err();
            assert_clean(
                "Error",
                &format!("{error} {error:?} {:?}", std::error::Error::source(&error)),
            );
        }
        assert_clean("Client after calls (token cached)", &format!("{client:?}"));
    }
}

#[test]
fn configuration_errors_never_show_secrets() {
    let vars = |name: &str| match name {
        "ZOOM_API_KEY" => Some("key-1".to_string()),
        "ZOOM_API_SECRET" => Some(SECRETS[1].to_string()),
        "ZOOM_BASE_URL" => Some(format!("not a url {}", SECRETS[0])),
        _ => None,
    };
    let error = ClientBuilder::from_vars(vars).unwrap_err();
    assert!(error.to_string().contains("ZOOM_BASE_URL"), "{error}");
    assert_clean("config error", &format!("{error} {error:?}"));
}

#[test]
fn a_client_from_the_environment_debug_prints_no_secret() {
    let vars = |name: &str| (name == "ZOOM_ACCESS_TOKEN").then(|| SECRETS[0].to_string());
    let client: Client = ClientBuilder::from_vars(vars).unwrap().build().unwrap();
    assert_clean("Client", &format!("{client:?}"));
}
