//! The schema and its migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. Migrations are append-only: a
//! released one is never edited, a change is a new entry, so every file ever written can be brought
//! forward. Each runs in its own transaction together with the version bump.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// One schema step: SQL, then an optional Rust step for what SQL cannot compute.
struct Migration {
    sql: &'static str,
    then: Option<fn(&Connection) -> rusqlite::Result<()>>,
}

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`.
const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: include_str!("../migrations/001_initial.sql"),
        then: None,
    },
    Migration {
        sql: include_str!("../migrations/002_numbers_and_speakers.sql"),
        then: Some(mark_nominal_speakers),
    },
    Migration {
        sql: include_str!("../migrations/003_ranges_and_negation.sql"),
        then: None,
    },
];

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
    for (at, migration) in MIGRATIONS.iter().enumerate() {
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
            conn.execute_batch(migration.sql)?;
            if let Some(step) = migration.then {
                step(conn)?;
            }
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

/// Schema 2: speakers of schema-1 rows that are common nouns with no entity of their own in the
/// document become `nominal`, by the rule new rows get from [`crate::store`].
fn mark_nominal_speakers(conn: &Connection) -> rusqlite::Result<()> {
    let names: Vec<String> = conn
        .prepare(
            "SELECT DISTINCT speaker_name FROM quotes WHERE speaker_name IS NOT NULL \
             AND (speaker_kind IS NULL OR speaker_kind = 'person')",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut mark = conn.prepare(
        "UPDATE quotes SET speaker_kind = 'nominal' WHERE speaker_name = ?1 \
         AND (speaker_kind IS NULL OR speaker_kind = 'person') AND NOT EXISTS (\
         SELECT 1 FROM entities e WHERE e.doc = quotes.doc \
         AND (e.canonical = quotes.speaker_name COLLATE NOCASE \
         OR e.text = quotes.speaker_name COLLATE NOCASE))",
    )?;
    for name in names.iter().filter(|n| crate::store::is_nominal_speaker(n)) {
        mark.execute([name])?;
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
