//! One error type for every xtask failure: a message a maintainer can act on.

use std::fmt;
use std::path::Path;

/// Why a task failed; the text names the file, the place in it and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl Error {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }

    /// An error about the file at `path`.
    pub fn in_file(path: &Path, problem: impl fmt::Display) -> Self {
        Self(format!("{}: {problem}", path.display()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// The result of an xtask step.
pub type Result<T> = std::result::Result<T, Error>;
