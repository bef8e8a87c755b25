//! Rust SDK for Zoom's Cobrowse SDK REST API.
#![warn(missing_docs)]

pub mod duration;
pub mod enums;
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod generated;
#[cfg(feature = "mock")]
pub mod mock;
pub mod operation;
pub mod transport;

/// Request and response types of the API.
pub mod types {
    pub use crate::duration::{InvalidDuration, SessionDuration};
    pub use crate::enums::{DataCenter, RoleType};
    pub use crate::generated::types::*;
}
