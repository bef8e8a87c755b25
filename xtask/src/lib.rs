//! `cargo xtask`: the maintainer's tools for the OpenAPI spec.
//!
//! - `cargo xtask regen [--from FILE] [--check]`: import Zoom's document (or
//!   re-derive the current spec), apply `openapi/overlay.yaml`, canonicalise the
//!   webhook spec, validate both, and write `openapi/cobrowse.yaml`,
//!   `openapi/cobrowse-webhooks.yaml`, their JSON renderings (`openapi/*.json`,
//!   what build.rs reads) and `openapi/snapshot/`; `--check` only reports.
//! - `cargo xtask upstream`: render our spec as Zoom publishes it (the test fixture).
//! - `cargo xtask public-api [--check]`: record the public API of each publishable
//!   crate in `public-api/<crate>.txt`; `--check` only reports.

#![deny(missing_docs)]

pub mod api_listing;
pub mod api_render;
pub mod dialect;
pub mod diff;
pub mod doc;
pub mod emit;
pub mod error;
pub mod openapi;
pub mod overlay;
pub mod public_api;
pub mod regen;
pub mod surface;
pub mod zoom;
