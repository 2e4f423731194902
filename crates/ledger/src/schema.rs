//! The schema and its migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Migrations are append-only: a
//! released one is never edited, a change is a new entry, so every file ever written can be brought
//! forward. Each runs in its own transaction together with the version bump.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/001_initial.sql")];

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

fn version(conn: &Connection, path: &Path) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| Error::classify(path, e))
}

fn refuse_newer(found: i64) -> Result<()> {
    if found > SCHEMA_VERSION {
        return Err(Error::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Applies every migration the file lacks.
pub(crate) fn migrate(conn: &Connection, path: &Path) -> Result<()> {
    let found = version(conn, path)?;
    refuse_newer(found)?;
    for (at, sql) in MIGRATIONS.iter().enumerate() {
        let target = at as i64 + 1;
        if target <= found {
            continue;
        }
        // IMMEDIATE takes the write lock first, so two processes opening a fresh file at once
        // cannot both run the same migration; the loser re-reads the version and skips it.
        let apply = || -> rusqlite::Result<()> {
            conn.execute_batch("BEGIN IMMEDIATE")?;
            let now: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
            if now >= target {
                return conn.execute_batch("COMMIT");
            }
            conn.execute_batch(sql)?;
            conn.execute_batch(&format!("PRAGMA user_version = {target}"))?;
            conn.execute_batch("COMMIT")
        };
        if let Err(error) = apply() {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(Error::classify(path, error));
        }
    }
    Ok(())
}

/// Checks that a file opened read-only needs no migration.
pub(crate) fn check_current(conn: &Connection, path: &Path) -> Result<()> {
    let found = version(conn, path)?;
    refuse_newer(found)?;
    if found < SCHEMA_VERSION {
        return Err(Error::NeedsMigration {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}
