//! Reads an answer's body within a limit, so a broken or hostile server cannot
//! make the client hold more than that in memory for one answer.
//!
//! The limit is checked against a declared `Content-Length` before reading, and
//! against the bytes received after every chunk while reading: an answer that lies
//! about its length, or streams without one, is refused once it passes the limit,
//! not after it has been buffered whole.

use bytes::{Bytes, BytesMut};
use reqwest::StatusCode;

use crate::error::{Error, ErrorKind};

/// The largest body the client reads by default: 16 MiB. Zoom's largest answer, a
/// page of 300 session users, is a few hundred KiB, so this is far above any real
/// answer and far below what would hurt a process.
pub const DEFAULT_MAX_BODY_SIZE: usize = 16 * 1024 * 1024;

/// Why a body could not be read: the connection failed (worth retrying), or the
/// body is larger than allowed (not worth it).
pub(crate) enum BodyError {
    Transport(reqwest::Error),
    TooLarge(Error),
}

/// The running total of one body against its limit.
#[derive(Debug)]
pub(crate) struct Limited {
    limit: usize,
    status: Option<StatusCode>,
    buffer: BytesMut,
}

impl Limited {
    /// Starts a body whose answer declared `declared` bytes (`Content-Length`),
    /// refusing it at once if that is over `limit`.
    pub(crate) fn new(
        limit: usize,
        declared: Option<u64>,
        status: Option<StatusCode>,
    ) -> Result<Self, Error> {
        let mut body = Self {
            limit,
            status,
            buffer: BytesMut::new(),
        };
        if let Some(declared) = declared {
            if declared > limit as u64 {
                return Err(body.too_large(declared));
            }
            // Trust the declared length for the allocation only up to the limit.
            body.buffer.reserve(declared as usize);
        }
        Ok(body)
    }

    /// Adds one chunk, or refuses the body once it passes the limit.
    pub(crate) fn push(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let total = self.buffer.len().saturating_add(chunk.len());
        if total > self.limit {
            return Err(self.too_large(total as u64));
        }
        self.buffer.extend_from_slice(chunk);
        Ok(())
    }

    /// The whole body.
    pub(crate) fn finish(self) -> Bytes {
        self.buffer.freeze()
    }

    fn too_large(&self, seen: u64) -> Error {
        let error = Error::new(
            ErrorKind::BodyTooLarge,
            format!(
                "the answer's body is larger than the limit of {} bytes (at least {seen} bytes)",
                self.limit
            ),
        );
        match self.status {
            Some(status) => error.with_status(status),
            None => error,
        }
    }
}

/// Reads `response`'s body, chunk by chunk, within `limit` bytes.
pub(crate) async fn read(
    response: &mut reqwest::Response,
    limit: usize,
) -> Result<Bytes, BodyError> {
    let mut body = Limited::new(limit, response.content_length(), Some(response.status()))
        .map_err(BodyError::TooLarge)?;
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Transport)? {
        body.push(&chunk).map_err(BodyError::TooLarge)?;
    }
    Ok(body.finish())
}

/// Collects `chunks` as the client reads an answer's body that declared `declared`
/// bytes: the body, or [`ErrorKind::BodyTooLarge`] as soon as it passes `limit`.
/// For fuzzing and property tests of the limit.
#[cfg(feature = "test-util")]
pub fn collect_within<C: AsRef<[u8]>>(
    limit: usize,
    declared: Option<u64>,
    chunks: impl IntoIterator<Item = C>,
) -> Result<Bytes, Error> {
    let mut body = Limited::new(limit, declared, None)?;
    for chunk in chunks {
        body.push(chunk.as_ref())?;
    }
    Ok(body.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_refused_as_soon_as_it_passes_the_limit() {
        let mut body = Limited::new(10, None, None).unwrap();
        body.push(b"12345").unwrap();
        body.push(b"67890").unwrap();
        let error = body.push(b"1").unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BodyTooLarge);
        let mut exact = Limited::new(10, Some(10), None).unwrap();
        exact.push(b"0123456789").unwrap();
        assert_eq!(exact.finish().len(), 10);
        let declared = Limited::new(10, Some(u64::MAX), Some(StatusCode::OK)).unwrap_err();
        assert_eq!(declared.kind(), ErrorKind::BodyTooLarge);
        assert_eq!(declared.status(), Some(StatusCode::OK));
    }
}
