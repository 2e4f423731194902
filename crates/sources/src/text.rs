//! Plain-text documents and the decoding and I/O-error wording shared by every reader.

use std::io::{self, BufRead};

use claimgraph_core::Document;

use crate::{warning, Item};

/// A short, lower-case description of an I/O error, without the OS error number.
pub fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory, not a file".to_owned(),
        _ => error.to_string(),
    }
}

/// Decodes UTF-8, replacing invalid sequences; also returns the byte offset of the first invalid one.
pub fn decode(bytes: Vec<u8>) -> (String, Option<u64>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to() as u64;
            (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some(at),
            )
        }
    }
}

pub(crate) fn invalid_utf8_message(at: u64) -> String {
    format!("invalid UTF-8 at byte offset {at}; invalid bytes replaced with U+FFFD")
}

/// One whole input as one verbatim document; plain text stays UTF-8 (lossy) so offsets are stable.
pub(crate) fn text_document(name: &str, id: &str, bytes: Vec<u8>) -> Vec<Item> {
    let mut items = Vec::new();
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        items.push(warning(
            name,
            format!("looks binary (NUL byte at byte offset {at}); analyzing it as text"),
        ));
    }
    let (text, invalid_at) = decode(bytes);
    if let Some(at) = invalid_at {
        items.push(warning(name, invalid_utf8_message(at)));
    }
    items.push(Item::Doc(Document::new(id, text)));
    items
}

/// Reads one line (through its `\n`) into `line`, keeping at most `cap` bytes of it so one endless
/// line cannot exhaust memory. Returns the bytes consumed (0 at the end) and whether the line was cut.
pub(crate) fn read_line_capped<R: BufRead + ?Sized>(
    reader: &mut R,
    line: &mut Vec<u8>,
    cap: usize,
) -> io::Result<(usize, bool)> {
    let mut consumed = 0;
    let mut cut = false;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffer.is_empty() {
            return Ok((consumed, cut));
        }
        let (chunk, ends) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (buffer.split_at(at + 1).0, true),
            None => (buffer, false),
        };
        let room = cap.saturating_sub(line.len());
        if chunk.len() > room {
            cut = true;
            line.extend_from_slice(chunk.split_at(room).0);
        } else {
            line.extend_from_slice(chunk);
        }
        let used = chunk.len();
        reader.consume(used);
        consumed += used;
        if ends {
            return Ok((consumed, cut));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_first_invalid_byte() {
        assert_eq!(
            decode(b"ab\xffc\xfe".to_vec()),
            ("ab\u{fffd}c\u{fffd}".to_owned(), Some(2))
        );
        assert_eq!(decode(b"ok".to_vec()), ("ok".to_owned(), None));
    }

    #[test]
    fn long_lines_are_cut_but_consumed() {
        let mut input: &[u8] = b"abcdef\nxy";
        let mut line = Vec::new();
        assert_eq!(
            read_line_capped(&mut input, &mut line, 3).unwrap(),
            (7, true)
        );
        assert_eq!(line, b"abc");
        line.clear();
        assert_eq!(
            read_line_capped(&mut input, &mut line, 3).unwrap(),
            (2, false)
        );
        assert_eq!(line, b"xy");
        line.clear();
        assert_eq!(
            read_line_capped(&mut input, &mut line, 3).unwrap(),
            (0, false)
        );
    }

    #[test]
    fn binary_text_warns_then_yields() {
        let items = text_document("f", "f", b"\0a\xff".to_vec());
        assert_eq!(items.len(), 3);
        assert!(matches!(&items[2], Item::Doc(d) if d.text == "\u{0}a\u{fffd}"));
    }
}
