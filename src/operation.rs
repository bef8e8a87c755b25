//! What the runtime layer knows about each operation, read from the spec at build time.

use std::fmt;

/// One operation of the API, as generated from the spec's `x-zoom-*` extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// Our operationId, e.g. `list_past_sessions`.
    pub id: &'static str,
    /// Zoom's own operationId, e.g. `Listpastsession`.
    pub zoom_id: &'static str,
    /// HTTP method.
    pub method: &'static str,
    /// Path template, e.g. `/cobrowsesdk/sessions/{sessionId}`.
    pub path: &'static str,
    /// The Zoom rate-limit bucket this operation spends.
    pub rate_limit_label: RateLimitLabel,
}

impl Operation {
    /// Every operation of the API, in path order.
    pub fn all() -> &'static [Operation] {
        crate::generated::OPERATIONS
    }

    /// The operation with our operationId `id`.
    pub fn find(id: &str) -> Option<&'static Operation> {
        Self::all().iter().find(|op| op.id == id)
    }
}

/// Zoom's rate-limit labels: each names a per-account budget shared by every app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RateLimitLabel {
    /// `LIGHT`: 4 / 30 / 80 requests per second (Free / Pro / Business+).
    Light,
    /// `MEDIUM`: 2 / 20 / 60 requests per second.
    Medium,
    /// `HEAVY`: 1 / 10 / 40 requests per second.
    Heavy,
    /// `RESOURCE-INTENSIVE`: 10 / 10 / 20 requests per minute.
    ResourceIntensive,
}

impl RateLimitLabel {
    /// Zoom's spelling of the label.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "LIGHT",
            Self::Medium => "MEDIUM",
            Self::Heavy => "HEAVY",
            Self::ResourceIntensive => "RESOURCE-INTENSIVE",
        }
    }
}

impl fmt::Display for RateLimitLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
