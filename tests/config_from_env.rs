//! Configuration from environment variables picks the credential kind and names
//! exactly the variable that is missing or malformed.

use std::collections::HashMap;

use zoom_cobrowse::{ClientBuilder, ErrorKind};

fn from(vars: &[(&str, &str)]) -> Result<ClientBuilder, zoom_cobrowse::Error> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    ClientBuilder::from_vars(|name| vars.get(name).cloned())
}

fn config_error(vars: &[(&str, &str)]) -> String {
    let error = from(vars).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    error.to_string()
}

#[test]
fn each_credential_kind_is_recognised() {
    let bearer = from(&[("ZOOM_ACCESS_TOKEN", "t")]).unwrap();
    assert!(format!("{bearer:?}").contains("BearerToken"));
    let api = from(&[("ZOOM_API_KEY", "k"), ("ZOOM_API_SECRET", "s")]).unwrap();
    assert!(format!("{api:?}").contains("ApiKey"));
    let s2s = from(&[
        ("ZOOM_ACCOUNT_ID", "a"),
        ("ZOOM_CLIENT_ID", "c"),
        ("ZOOM_CLIENT_SECRET", "s"),
    ])
    .unwrap();
    assert!(format!("{s2s:?}").contains("ServerToServer"));
}

#[test]
fn the_missing_variable_is_named() {
    assert!(config_error(&[]).contains("no credentials: set ZOOM_ACCESS_TOKEN"));
    assert_eq!(
        config_error(&[("ZOOM_API_KEY", "k")]),
        "ZOOM_API_SECRET is missing (needed with ZOOM_API_KEY)"
    );
    assert_eq!(
        config_error(&[("ZOOM_API_SECRET", "s")]),
        "ZOOM_API_KEY is missing (needed with ZOOM_API_SECRET)"
    );
    assert_eq!(
        config_error(&[("ZOOM_ACCOUNT_ID", "a"), ("ZOOM_CLIENT_ID", "c")]),
        "ZOOM_CLIENT_SECRET is missing (needed with ZOOM_ACCOUNT_ID)"
    );
    assert_eq!(
        config_error(&[("ZOOM_CLIENT_ID", "c"), ("ZOOM_CLIENT_SECRET", "s")]),
        "ZOOM_ACCOUNT_ID is missing (needed with ZOOM_CLIENT_ID)"
    );
}

#[test]
fn malformed_values_are_named() {
    assert_eq!(
        config_error(&[("ZOOM_ACCESS_TOKEN", "  ")]),
        "ZOOM_ACCESS_TOKEN is set but empty"
    );
    let bad_base = config_error(&[("ZOOM_ACCESS_TOKEN", "t"), ("ZOOM_BASE_URL", "api.zoom.us")]);
    assert!(
        bad_base.starts_with("ZOOM_BASE_URL is not a valid URL"),
        "{bad_base}"
    );
    let bad_oauth = config_error(&[
        ("ZOOM_ACCESS_TOKEN", "t"),
        ("ZOOM_OAUTH_URL", "ftp://zoom.us/x"),
    ]);
    assert!(
        bad_oauth.starts_with("ZOOM_OAUTH_URL must be an http(s) URL"),
        "{bad_oauth}"
    );
}

#[test]
fn url_overrides_are_used() {
    let builder = from(&[
        ("ZOOM_ACCESS_TOKEN", "t"),
        ("ZOOM_BASE_URL", "http://127.0.0.1:9/v2/"),
        ("ZOOM_OAUTH_URL", "http://127.0.0.1:9/oauth/token"),
    ])
    .unwrap();
    let shown = format!("{builder:?}");
    assert!(
        shown.contains("http://127.0.0.1:9/v2\""),
        "trailing slash dropped: {shown}"
    );
    assert!(shown.contains("http://127.0.0.1:9/oauth/token"), "{shown}");
}
