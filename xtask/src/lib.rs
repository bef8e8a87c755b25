//! `cargo xtask`: the maintainer's tools for the OpenAPI spec.
//!
//! - `cargo xtask regen [--from FILE] [--check]`: import Zoom's document (or
//!   re-derive the current spec), apply `openapi/overlay.yaml`, canonicalise the
//!   webhook spec, validate both, and write `openapi/cobrowse.yaml`,
//!   `openapi/cobrowse-webhooks.yaml` and `openapi/snapshot/`; `--check` only reports.
//! - `cargo xtask upstream`: render our spec as Zoom publishes it (the test fixture).

#![warn(missing_docs)]

pub mod dialect;
pub mod doc;
pub mod emit;
pub mod error;
pub mod openapi;
pub mod overlay;
pub mod regen;
pub mod surface;
pub mod zoom;
