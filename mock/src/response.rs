//! What the simulator answers, before the connection layer sends it (or, for a fault,
//! mangles it): status, headers and body, plus Zoom's error bodies.

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{HeaderMap, StatusCode};
use serde::Serialize;

/// A complete answer.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    /// `value` as JSON.
    pub fn json(status: StatusCode, value: &impl Serialize) -> Self {
        // Our own types always serialize; the fallback only keeps this total.
        let body = serde_json::to_vec(value)
            .unwrap_or_else(|_| br#"{"code":500,"message":"Internal Server Error"}"#.to_vec());
        Self::with_body(status, "application/json;charset=UTF-8", body)
    }

    /// The HTML error page a proxy in front of Zoom sends when Zoom is unreachable.
    pub fn proxy_error_page(status: StatusCode) -> Self {
        let title = format!(
            "{} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("Error")
        );
        let page = format!(
            "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
        );
        Self::with_body(status, "text/html", page.into_bytes())
    }

    fn with_body(status: StatusCode, content_type: &'static str, body: Vec<u8>) -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        Self {
            status,
            headers,
            body: Bytes::from(body),
        }
    }

    /// Adds a header whose value is known to be valid (digits, tokens).
    pub fn header(mut self, name: &'static str, value: impl ToString) -> Self {
        if let Ok(value) = HeaderValue::from_str(&value.to_string()) {
            self.headers.insert(HeaderName::from_static(name), value);
        }
        self
    }
}

/// A Zoom error answer: `{"code", "message"}`, and for validation failures the
/// `errors` list Zoom adds.
#[derive(Debug, Serialize)]
pub(crate) struct ApiError {
    #[serde(skip)]
    pub status: StatusCode,
    pub code: i64,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One invalid field of a validation failure.
#[derive(Debug, Serialize)]
pub(crate) struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            errors: Vec::new(),
        }
    }

    /// Zoom's generic validation failure (code 300) naming the field.
    pub fn invalid_field(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            errors: vec![FieldError {
                field,
                message: message.into(),
            }],
            ..Self::new(StatusCode::BAD_REQUEST, 300, "Validation Failed.")
        }
    }

    /// A request Zoom understands but refuses (code 300 with a sentence).
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 300, message)
    }

    pub fn invalid_page_token() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            30101,
            "The next page token is invalid or expired.",
        )
    }

    pub fn session_not_found(id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            30300,
            format!("Session does not exist: {id}"),
        )
    }

    pub fn invalid_access_token() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 124, "Invalid access token.")
    }

    pub fn expired_access_token() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 124, "Access token is expired.")
    }

    /// Zoom's 429, for a budget spent per `window` ("per-second", "per-minute").
    pub fn too_many_requests(window: &str) -> Self {
        let window = if window.is_empty() {
            String::new()
        } else {
            format!("{window} ")
        };
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            429,
            format!(
                "You have reached the maximum {window}rate limit for this API. Try again later."
            ),
        )
    }

    pub fn server_error(status: StatusCode) -> Self {
        Self::new(
            status,
            i64::from(status.as_u16()),
            status.canonical_reason().unwrap_or("Server Error"),
        )
    }
}

impl From<ApiError> for Reply {
    fn from(error: ApiError) -> Self {
        Reply::json(error.status, &error)
    }
}
