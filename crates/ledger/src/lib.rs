//! The ledger: every analyzed document, its quotes, speakers, stances, entities and numbers, kept in
//! one local SQLite file so thousands of articles can be queried and exported together.
//!
//! Spans are stored as Unicode code-point offsets, as in the JSON contract, so exports can be
//! compared with `claimgraph analyze --format json` directly. The file runs in WAL mode: one writer
//! and any number of readers (other processes included) work at the same time, and a killed writer
//! loses only its uncommitted batch. The schema version lives in `PRAGMA user_version` and is
//! migrated forward on open ([`schema`]).

mod error;
pub mod export;
mod query;
mod schema;
mod store;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use error::{Error, Result};
pub use query::{
    ActorFilter, ActorRow, DocumentRow, QuantityRow, QuoteFilter, QuoteRow, SearchHit, SpanRow,
    Stats,
};
pub use schema::SCHEMA_VERSION;
pub use store::{Outcome, Prepared};

/// File used when neither `--db` nor `CLAIMGRAPH_DB` names one.
pub const DEFAULT_PATH: &str = "claimgraph.db";
/// Environment variable that overrides [`DEFAULT_PATH`].
pub const PATH_ENV: &str = "CLAIMGRAPH_DB";

/// How long a statement waits for another process's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The database path to use: the explicit one, else `$CLAIMGRAPH_DB`, else `./claimgraph.db`.
pub fn resolve_path(explicit: Option<&Path>) -> PathBuf {
    if let Some(path) = explicit {
        return path.to_path_buf();
    }
    match std::env::var_os(PATH_ENV) {
        Some(value) if !value.is_empty() => PathBuf::from(value),
        _ => PathBuf::from(DEFAULT_PATH),
    }
}

/// An open ledger file.
pub struct Ledger {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger").field("path", &self.path).finish()
    }
}

impl Ledger {
    /// Opens `path` for writing, creating the file and migrating its schema as needed.
    pub fn open(path: &Path) -> Result<Ledger> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| Error::classify(path, e))?;
        let ledger = Ledger {
            conn,
            path: path.to_path_buf(),
        };
        if ledger.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(Error::ReadOnly(ledger.path));
        }
        ledger.configure(true)?;
        schema::migrate(&ledger.conn, &ledger.path)?;
        Ok(ledger)
    }

    /// Opens an existing ledger for queries; never creates a file. A read-only file works as long
    /// as its schema needs no migration.
    pub fn open_existing(path: &Path) -> Result<Ledger> {
        if !path.exists() {
            return Err(Error::Missing(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| Error::classify(path, e))?;
        let ledger = Ledger {
            conn,
            path: path.to_path_buf(),
        };
        let writable = !ledger.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true);
        ledger.configure(writable)?;
        if writable {
            schema::migrate(&ledger.conn, &ledger.path)?;
        } else {
            schema::check_current(&ledger.conn, &ledger.path)?;
        }
        Ok(ledger)
    }

    /// The file this ledger lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn configure(&self, writable: bool) -> Result<()> {
        let map = |e| Error::classify(&self.path, e);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(map)?;
        // Reading the header first turns "not a database" into a clear error before any pragma
        // that would write.
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            .map_err(map)?;
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON;")
            .map_err(map)?;
        if writable {
            // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the
            // last commits, never corrupt the file.
            self.conn
                .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
                .map_err(map)?;
        }
        self.conn.set_prepared_statement_cache_capacity(64);
        // `rarray(?)` binds a list of keys, so quote rows are assembled per chunk, not per row.
        rusqlite::vtab::array::load_module(&self.conn).map_err(map)?;
        Ok(())
    }

    /// Result of `PRAGMA integrity_check`: `"ok"` for a sound file.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .map_err(|e| Error::classify(&self.path, e))
    }
}
