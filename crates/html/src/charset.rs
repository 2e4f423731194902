//! Bytes to text: which encoding a page is in.

use chardetng::EncodingDetector;
use encoding_rs::{Encoding, REPLACEMENT, UTF_8};

/// How far into the page a `<meta charset>` is looked for (browsers prescan 1024 bytes; pages
/// with long heads put it later).
const PRESCAN_BYTES: usize = 4096;

/// See [`crate::decode`].
pub(crate) fn decode(bytes: &[u8], charset_hint: Option<&str>) -> (String, &'static str) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(body);
        return (text.into_owned(), encoding.name());
    }
    let declared = charset_hint
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes).map(Encoding::output_encoding))
        // The "replacement" encoding decodes everything to one U+FFFD: never useful here.
        .filter(|&encoding| encoding != REPLACEMENT);
    let encoding = match declared {
        // Servers often label UTF-8 pages as ISO-8859-1 by default; valid non-ASCII UTF-8 is
        // practically never genuine single-byte text, so the bytes win over the label.
        Some(encoding) if encoding != UTF_8 && is_non_ascii_utf8(bytes) => UTF_8,
        Some(encoding) => encoding,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => {
            let mut detector = EncodingDetector::new();
            detector.feed(bytes, true);
            detector.guess(None, true)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding.name())
}

fn is_non_ascii_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// The encoding named by a `<meta charset=…>` or `<meta http-equiv … content="…; charset=…">`
/// in the first [`PRESCAN_BYTES`] bytes.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes
        .get(..PRESCAN_BYTES)
        .unwrap_or(bytes)
        .to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(start) = find(rest, b"<meta") {
        let tag = rest.get(start..).unwrap_or_default();
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        let (inside, after) = tag.split_at(end);
        if let Some(encoding) = charset_in_tag(inside) {
            return Some(encoding);
        }
        rest = after;
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, b"charset")?;
    let value = tag.get(at + b"charset".len()..)?;
    let value = trim_start(value);
    let value = trim_start(value.strip_prefix(b"=")?);
    let value = value
        .iter()
        .position(|&b| !matches!(b, b'"' | b'\''))
        .and_then(|skip| value.get(skip..))?;
    let end = value
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(value.len());
    Encoding::for_label(value.get(..end)?)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(skip..).unwrap_or_default()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=\"windows-1252\">café".as_bytes());
        let (text, name) = decode(&bytes, Some("iso-8859-2"));
        assert_eq!(name, "UTF-8");
        assert!(text.ends_with("café") && !text.starts_with('\u{feff}'));
    }

    #[test]
    fn utf16_bom() {
        let bytes = [0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode(&bytes, None), ("hi".to_owned(), "UTF-16LE"));
    }

    #[test]
    fn header_hint_is_used() {
        // "Zürich" in ISO-8859-2 is the same byte as in windows-1252; "ł" is 0xB3 in ISO-8859-2.
        let (text, name) = decode(b"<p>\xB3\xF3d\xBC</p>", Some("ISO-8859-2"));
        assert_eq!(name, "ISO-8859-2");
        assert_eq!(text, "<p>łódź</p>");
    }

    #[test]
    fn meta_charset_forms() {
        let page = b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"></head><body>\xCF\xF0\xE8\xE2\xE5\xF2</body>";
        let (text, name) = decode(page, None);
        assert_eq!(name, "windows-1251");
        assert!(text.contains("Привет"));
        let (_, name) = decode(b"<meta charset='koi8-r'><p>\xF0\xD2", None);
        assert_eq!(name, "KOI8-R");
        let (_, name) = decode(b"<meta name=x><meta charset = shift_jis >", None);
        assert_eq!(name, "Shift_JIS");
    }

    #[test]
    fn meta_utf16_means_utf8() {
        let (_, name) = decode(b"<meta charset=utf-16><p>x", None);
        assert_eq!(name, "UTF-8");
    }

    #[test]
    fn windows_1252_without_any_label_is_detected() {
        let page = b"<html><body><p>Les \xE9l\xE8ves ont d\xE9j\xE0 re\xE7u leurs r\xE9sultats \x96 \x93tr\xE8s bien\x94, a dit la ma\xEEtresse.</p></body></html>";
        let (text, name) = decode(page, None);
        assert_eq!(name, "windows-1252");
        assert!(text.contains("élèves ont déjà reçu"), "{text}");
        assert!(text.contains("– “très bien”"), "{text}");
    }

    #[test]
    fn utf8_bytes_beat_a_latin1_label() {
        let (text, name) = decode("<p>naïve café</p>".as_bytes(), Some("iso-8859-1"));
        assert_eq!((text.as_str(), name), ("<p>naïve café</p>", "UTF-8"));
    }

    #[test]
    fn unknown_labels_are_ignored() {
        let (text, name) = decode(b"<p>plain</p>", Some("no-such-charset"));
        assert_eq!((text.as_str(), name), ("<p>plain</p>", "UTF-8"));
    }
}
