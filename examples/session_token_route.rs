//! An axum route that mints the session token the browser Cobrowse SDK joins with.
//!
//! ```text
//! ZOOM_SDK_KEY=... ZOOM_SDK_SECRET=... cargo run --example session_token_route [ADDR]
//! ```
//!
//! `POST /cobrowse/token` with `{"role":"customer"|"agent","user_id":…,"user_name":…}`
//! answers `{"token":…,"expires_at":…}`. In a real app, take the user from your own
//! session (cookie, login) rather than trusting the request: whoever gets an agent
//! token can join as an agent.

use std::process::ExitCode;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use zoom_cobrowse::session_token::{SessionRole, SessionTokenIssuer, SessionUser};

#[tokio::main]
async fn main() -> ExitCode {
    let var = |name| std::env::var(name).unwrap_or_default();
    let issuer = match SessionTokenIssuer::new(
        var("ZOOM_SDK_KEY"),
        SecretString::from(var("ZOOM_SDK_SECRET")),
    ) {
        Ok(issuer) => issuer,
        Err(e) => {
            eprintln!("ZOOM_SDK_KEY / ZOOM_SDK_SECRET: {e}");
            return ExitCode::from(2);
        }
    };
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8081".into());
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("POST http://{addr}/cobrowse/token");
    match axum::serve(listener, app(issuer)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The routes: one, that mints tokens with `issuer`.
fn app(issuer: SessionTokenIssuer) -> axum::Router {
    axum::Router::new()
        .route("/cobrowse/token", post(mint))
        .with_state(Arc::new(issuer))
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Role {
    Customer,
    Agent,
}

#[derive(Deserialize)]
struct TokenRequest {
    role: Role,
    user_id: String,
    user_name: String,
}

#[derive(Serialize)]
struct TokenAnswer {
    token: String,
    expires_at: u64,
}

async fn mint(
    State(issuer): State<Arc<SessionTokenIssuer>>,
    Json(request): Json<TokenRequest>,
) -> Result<Json<TokenAnswer>, (StatusCode, String)> {
    let role = match request.role {
        Role::Customer => SessionRole::Customer,
        Role::Agent => SessionRole::Agent,
    };
    let user = SessionUser::new(role, request.user_id, request.user_name);
    // Every error is about the request (an empty user ID or name), never a secret.
    let token = issuer
        .mint(&user)
        .map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()))?;
    Ok(Json(TokenAnswer {
        token: token.expose().to_owned(),
        expires_at: token.expires_at(),
    }))
}

#[cfg(test)]
mod tests {
    use jsonwebtoken::{Algorithm, DecodingKey, Validation};
    use serde_json::{Value, json};

    use super::*;

    async fn serve() -> String {
        let issuer =
            SessionTokenIssuer::new("sdk-key-1", SecretString::from("sdk-secret-1")).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app(issuer)).await });
        format!("http://{addr}/cobrowse/token")
    }

    #[tokio::test]
    async fn the_route_mints_a_token_an_independent_verifier_accepts() {
        let url = serve().await;
        let answer: Value = reqwest::Client::new()
            .post(&url)
            .json(&json!({"role": "agent", "user_id": "agent-7", "user_name": "Ana"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = answer["token"].as_str().unwrap();
        let claims = jsonwebtoken::decode::<Value>(
            token,
            &DecodingKey::from_secret(b"sdk-secret-1"),
            &Validation::new(Algorithm::HS256),
        )
        .unwrap()
        .claims;
        assert_eq!(claims["app_key"], "sdk-key-1");
        assert_eq!(claims["role_type"], 2);
        assert_eq!(claims["user_id"], "agent-7");
        assert_eq!(claims["exp"], answer["expires_at"]);
    }

    #[tokio::test]
    async fn a_request_without_a_user_is_refused_with_400() {
        let url = serve().await;
        let answer = reqwest::Client::new()
            .post(&url)
            .json(&json!({"role": "customer", "user_id": " ", "user_name": "Jo"}))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 400);
    }
}
