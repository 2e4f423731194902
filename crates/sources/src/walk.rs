//! Listing a directory of inputs: recursive, sorted by name at every level so runs are reproducible,
//! hidden entries skipped, symbolic links to directories not followed (they can form cycles).

use std::collections::VecDeque;
use std::fs;
use std::path::{Path, PathBuf};

use crate::open::{path_stem, Input};
use crate::text::describe_io;
use crate::{failed, warning, Entry};

/// Deeper trees than this are almost certainly a mistake (or a cycle through bind mounts).
const MAX_DEPTH: usize = 64;

/// Queues every file under `root`, with diagnostics for what cannot be listed, in sorted order.
pub(crate) fn expand(root: &Path, queue: &mut VecDeque<Entry>) {
    let before = queue.len();
    visit(root, Vec::new(), 0, queue);
    let found = queue
        .iter()
        .skip(before)
        .any(|entry| matches!(entry, Entry::Input(_)));
    if !found {
        queue.push_back(Entry::Report(warning(
            root.display().to_string(),
            "skipped: directory has no files to read",
        )));
    }
}

fn visit(dir: &Path, prefix: Vec<String>, depth: usize, queue: &mut VecDeque<Entry>) {
    let place = || dir.display().to_string();
    if depth > MAX_DEPTH {
        queue.push_back(Entry::Report(warning(
            place(),
            format!("skipped: more than {MAX_DEPTH} directory levels deep"),
        )));
        return;
    }
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(error) => {
            queue.push_back(Entry::Report(failed(place(), describe_io(&error))));
            return;
        }
    };
    let mut entries: Vec<(String, PathBuf)> = Vec::new();
    for entry in listing {
        match entry {
            Ok(entry) => {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.starts_with('.') {
                    entries.push((name, entry.path()));
                }
            }
            Err(error) => queue.push_back(Entry::Report(failed(place(), describe_io(&error)))),
        }
    }
    entries.sort();
    for (name, path) in entries {
        let link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(error) => {
                queue.push_back(Entry::Report(failed(
                    path.display().to_string(),
                    describe_io(&error),
                )));
                continue;
            }
        };
        if metadata.is_dir() {
            if link {
                queue.push_back(Entry::Report(warning(
                    path.display().to_string(),
                    "skipped: symbolic link to a directory, not followed",
                )));
            } else {
                let mut inner = prefix.clone();
                inner.push(name);
                visit(&path, inner, depth + 1, queue);
            }
        } else if metadata.is_file() {
            let mut parts = prefix.clone();
            parts.push(path_stem(&path));
            queue.push_back(Entry::Input(Input::in_directory(path, parts.join("/"))));
        } else {
            // Reading a FIFO or a device would block or never end.
            queue.push_back(Entry::Report(warning(
                path.display().to_string(),
                "skipped: not a regular file",
            )));
        }
    }
}
