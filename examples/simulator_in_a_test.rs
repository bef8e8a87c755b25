//! Testing your own code against the simulator of `zoom-cobrowse-mock`: a stateful
//! Zoom on a loopback port, with faults on demand. Add it as a dev-dependency:
//!
//! ```toml
//! [dev-dependencies]
//! zoom-cobrowse-mock = "0.1"
//! ```
//!
//! The code under test here counts the agents in today's live sessions; its tests
//! (`cargo test --example simulator_in_a_test`) check it against what the
//! simulator holds, through flaky gateways and with credentials that expire.
//! `cargo run --example simulator_in_a_test` runs it once against a fresh simulator.

use futures_util::TryStreamExt;
use zoom_cobrowse::types::RoleType;
use zoom_cobrowse::{Client, Error};

/// The code under test: how many distinct agents are in live sessions now.
async fn agents_in_live_sessions(client: &Client) -> Result<usize, Error> {
    let mut agents = std::collections::HashSet::new();
    let mut sessions = client.live_sessions().items();
    while let Some(session) = sessions.try_next().await? {
        let users: Vec<_> = client
            .session_users(session.session_id)
            .items()
            .try_collect()
            .await?;
        agents.extend(
            users
                .into_iter()
                .filter(|u| u.role_type == RoleType::Agent)
                .map(|u| u.user_id),
        );
    }
    Ok(agents.len())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    use secrecy::ExposeSecret;
    let zoom = zoom_cobrowse_mock::MockZoom::builder()
        .live_sessions(12)
        .start()
        .await?;
    let token = zoom.credentials().bearer_tokens[0]
        .expose_secret()
        .to_owned();
    let client = Client::builder(zoom_cobrowse::Credentials::bearer(token))
        .base_url(zoom.base_url())
        .build()?;
    println!(
        "{} agents in live sessions",
        agents_in_live_sessions(&client).await?
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use secrecy::ExposeSecret;
    use zoom_cobrowse::{Credentials, Operation, RetryPolicy};
    use zoom_cobrowse_mock::{Fault, FaultPlan, MockZoom, ServerStatus};

    use super::*;

    /// What the simulator holds: the answer the code under test must find.
    fn expected_agents(zoom: &MockZoom) -> usize {
        let agents: HashSet<String> = zoom
            .live_sessions()
            .iter()
            .flat_map(|s| zoom.session_users(&s.session_id).unwrap_or_default())
            .filter(|u| u.role_type == RoleType::Agent)
            .map(|u| u.user_id)
            .collect();
        agents.len()
    }

    fn client(zoom: &MockZoom, credentials: Credentials) -> Client {
        Client::builder(credentials)
            .base_url(zoom.base_url())
            .oauth_url(zoom.oauth_url())
            .retry(RetryPolicy::standard().initial_backoff(std::time::Duration::from_millis(1)))
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn counts_every_agent_through_a_flaky_gateway() {
        let zoom = MockZoom::builder()
            .seed(3)
            .live_sessions(40)
            .start()
            .await
            .unwrap();
        // Two 502 pages from a proxy and one connection dropped: retried, nothing lost.
        zoom.set_faults(
            FaultPlan::new()
                .next(2, Fault::ProxyErrorPage(ServerStatus::BadGateway))
                .next(1, Fault::DropConnection),
        );
        let token = zoom.credentials().bearer_tokens[0]
            .expose_secret()
            .to_owned();

        let found = agents_in_live_sessions(&client(&zoom, Credentials::bearer(token)))
            .await
            .unwrap();

        assert!(expected_agents(&zoom) > 0);
        assert_eq!(found, expected_agents(&zoom));
        // The faults met the first three requests, the live listing's first page.
        assert_eq!(zoom.stats().faults_injected, 3);
        assert_eq!(zoom.stats().requests(Operation::ListLiveSessions), 4);
        assert_eq!(zoom.stats().requests(Operation::ListSessionUsers), 40);
    }

    #[tokio::test]
    async fn an_oauth_token_revoked_mid_run_is_fetched_again() {
        let zoom = MockZoom::builder()
            .seed(4)
            .live_sessions(10)
            .start()
            .await
            .unwrap();
        let app = zoom.credentials().oauth.clone().unwrap();
        let client = client(
            &zoom,
            Credentials::server_to_server(
                app.account_id,
                app.client_id,
                app.client_secret.expose_secret(),
            ),
        );
        assert_eq!(
            agents_in_live_sessions(&client).await.unwrap(),
            expected_agents(&zoom)
        );
        zoom.revoke_access_tokens();

        assert_eq!(
            agents_in_live_sessions(&client).await.unwrap(),
            expected_agents(&zoom)
        );
        assert_eq!(zoom.stats().tokens_issued, 2);
    }
}
