//! Errors a user can act on: each names the file and says what to do, rather than echoing SQLite.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// Ledger results.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong opening, writing or querying a ledger.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no ledger at {0}; create one with `claimgraph ingest`")]
    Missing(PathBuf),
    #[error("cannot open {0}: {1}")]
    CannotOpen(PathBuf, String),
    #[error(
        "{0} is read-only; check the file's and its directory's permissions, or pass another --db"
    )]
    ReadOnly(PathBuf),
    #[error("{0} is not a claimgraph database or is corrupt ({1}); nothing was changed")]
    Corrupt(PathBuf, String),
    #[error("disk full while writing {0}; the last committed documents are kept")]
    DiskFull(PathBuf),
    #[error(
        "database schema version {found} is newer than this claimgraph supports ({supported}); upgrade claimgraph"
    )]
    TooNew { found: i64, supported: i64 },
    #[error(
        "database schema version {found} is older than this claimgraph's ({supported}) and {path} is read-only, so it cannot be upgraded"
    )]
    NeedsMigration {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("invalid search query {query:?}: {reason}")]
    BadQuery { query: String, reason: String },
    #[error("invalid {what} {value:?}: {reason}")]
    BadArgument {
        what: &'static str,
        value: String,
        reason: String,
    },
    #[error("no document with id {0:?} in the ledger")]
    NoSuchDocument(String),
    #[error("{0}: database error: {1}")]
    Sqlite(PathBuf, rusqlite::Error),
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// Maps a SQLite error on `path` to the error a user can act on.
    pub(crate) fn classify(path: &Path, error: rusqlite::Error) -> Error {
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                Error::Corrupt(path, error.to_string())
            }
            Some(ErrorCode::ReadOnly) => Error::ReadOnly(path),
            Some(ErrorCode::DiskFull) => Error::DiskFull(path),
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                Error::CannotOpen(path, error.to_string())
            }
            _ => Error::Sqlite(path, error),
        }
    }
}
