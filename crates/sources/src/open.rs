//! Opening one input: decompressing gzip, sniffing the format, and handing the stream to the reader
//! for that format. Streaming formats (JSONL, WARC) are read incrementally; the others are read whole
//! up to [`Options::max_bytes`].

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use crate::feed::feed_items;
use crate::fetch::Fetcher;
use crate::html::{is_html_type, media_type, page_document};
use crate::jsonl::JsonlReader;
use crate::sniff::{decide, sniff, Kind, PREFIX_LEN};
use crate::text::{describe_io, text_document};
use crate::warc::WarcReader;
use crate::{failed, warning, InputFormat, Item, Options, Source};

/// Where an input's bytes come from.
#[derive(Debug, Clone)]
pub(crate) enum Origin {
    Stdin,
    File(PathBuf),
    Url(String),
}

/// One input to read, with the names it is known by.
#[derive(Debug, Clone)]
pub(crate) struct Input {
    pub(crate) origin: Origin,
    /// What diagnostics call it.
    name: String,
    /// What document ids are built from.
    id_base: String,
    /// Found while listing a directory rather than named by the caller.
    in_directory: bool,
}

impl Input {
    pub(crate) fn from_source(source: Source) -> Input {
        let name = source.name();
        match source {
            Source::Stdin => Input {
                origin: Origin::Stdin,
                name,
                id_base: "stdin".to_owned(),
                in_directory: false,
            },
            Source::File(path) => Input {
                id_base: path_stem(&path),
                origin: Origin::File(path),
                name,
                in_directory: false,
            },
            Source::Url(url) => Input {
                id_base: url.clone(),
                origin: Origin::Url(url),
                name,
                in_directory: false,
            },
        }
    }

    pub(crate) fn in_directory(path: PathBuf, id_base: String) -> Input {
        Input {
            name: path.display().to_string(),
            origin: Origin::File(path),
            id_base,
            in_directory: true,
        }
    }
}

/// What the readers need to know about a stream besides its bytes.
struct Context {
    name: String,
    id_base: String,
    extension: Option<String>,
    in_directory: bool,
    /// Size of the stream if known up front (a plain file).
    length: Option<u64>,
    url: Option<String>,
    charset: Option<String>,
}

/// A file's name without `.gz` and without its extension: `a/b.html.gz` → `b`.
pub(crate) fn path_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let name = strip_gz(&name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
        _ => name.to_owned(),
    }
}

fn strip_gz(name: &str) -> &str {
    match name
        .len()
        .checked_sub(3)
        .and_then(|at| name.split_at_checked(at))
    {
        Some((stem, ext)) if ext.eq_ignore_ascii_case(".gz") && !stem.is_empty() => stem,
        _ => name,
    }
}

/// The lower-case extension under any `.gz`: `b.HTML.gz` → `html`.
fn extension(name: &str) -> Option<String> {
    let name = strip_gz(name);
    let (stem, extension) = name.rsplit_once('.')?;
    let last_part = stem.rsplit(['/', '\\']).next().unwrap_or(stem);
    (!last_part.is_empty() && !extension.contains(['/', '\\']))
        .then(|| extension.to_ascii_lowercase())
}

/// Opens a file or standard input and reads it as its format says.
pub(crate) fn open(
    input: Input,
    format: InputFormat,
    options: &Options,
) -> Box<dyn Iterator<Item = Item>> {
    let (reader, length): (Box<dyn Read>, Option<u64>) = match &input.origin {
        Origin::Stdin => (Box::new(io::stdin()), None),
        Origin::File(path) => match File::open(path) {
            Ok(file) => {
                let length = file.metadata().ok().map(|m| m.len());
                (Box::new(file), length)
            }
            Err(error) => return once(failed(input.name, describe_io(&error))),
        },
        Origin::Url(url) => {
            return once(failed(
                url.clone(),
                "not fetched: URL input without a fetcher",
            ))
        }
    };
    let extension = match &input.origin {
        Origin::File(path) => extension(&path.display().to_string()),
        _ => None,
    };
    let context = Context {
        name: input.name,
        id_base: input.id_base,
        extension,
        in_directory: input.in_directory,
        length,
        url: None,
        charset: None,
    };
    read_context(context, reader, format, options)
}

/// Reads any byte stream as one input named `name` (a file name or URL; its extension helps
/// auto-detection), yielding documents and diagnostics as [`crate::Inputs`] does.
pub fn read_stream(
    name: &str,
    reader: impl Read + 'static,
    format: InputFormat,
    options: &Options,
) -> Box<dyn Iterator<Item = Item>> {
    let context = Context {
        name: name.to_owned(),
        id_base: path_stem(Path::new(name)),
        extension: extension(name),
        in_directory: false,
        length: None,
        url: None,
        charset: None,
    };
    read_context(context, Box::new(reader), format, options)
}

/// Fetches a URL and reads the answer as a page, a feed or text.
pub(crate) fn read_url(
    url: &str,
    fetcher: &mut Fetcher,
    format: InputFormat,
    options: &Options,
) -> Vec<Item> {
    let fetched = match fetcher.fetch(url, options.max_bytes) {
        Ok(fetched) => fetched,
        Err(message) => return vec![failed(url, message)],
    };
    let (essence, charset) = fetched
        .content_type
        .as_deref()
        .map(media_type)
        .unwrap_or_default();
    // The server's media type stands in for a file extension when the content is not decisive.
    let extension = if is_html_type(&essence) {
        Some("html".to_owned())
    } else if essence.ends_with("xml") {
        Some("rss".to_owned())
    } else if essence == "text/plain" {
        Some("txt".to_owned())
    } else {
        None
    };
    let context = Context {
        name: url.to_owned(),
        id_base: url.to_owned(),
        extension,
        in_directory: false,
        length: Some(fetched.body.len() as u64),
        url: Some(fetched.url.clone()),
        charset,
    };
    read_context(
        context,
        Box::new(Cursor::new(fetched.body)),
        format,
        options,
    )
    .map(|item| match item {
        Item::Doc(mut document) => {
            document
                .metadata
                .url
                .get_or_insert_with(|| fetched.url.clone());
            Item::Doc(document)
        }
        other => other,
    })
    .collect()
}

fn once(item: Item) -> Box<dyn Iterator<Item = Item>> {
    Box::new(std::iter::once(item))
}

fn read_context(
    context: Context,
    mut reader: Box<dyn Read>,
    format: InputFormat,
    options: &Options,
) -> Box<dyn Iterator<Item = Item>> {
    let (prefix, error) = read_prefix(&mut reader);
    let mut sniffed = sniff(&prefix);
    let compressed = sniffed == Kind::Gzip;
    let (reader, prefix): (Box<dyn Read>, Vec<u8>) = if compressed {
        let mut decoder: Box<dyn Read> = Box::new(GzReader(MultiGzDecoder::new(Replay::new(
            prefix, error, reader,
        ))));
        let (inner, error) = read_prefix(&mut decoder);
        sniffed = match sniff(&inner) {
            // Nested compression is not something news inputs do; do not unpack layer after layer.
            Kind::Gzip => Kind::Binary,
            kind => kind,
        };
        (Box::new(Replay::new(inner.clone(), error, decoder)), inner)
    } else {
        (Box::new(Replay::new(prefix.clone(), error, reader)), prefix)
    };
    let kind = decide(format, sniffed, context.extension.as_deref());
    match kind {
        Kind::Jsonl => Box::new(JsonlReader::named(
            context.name,
            context.id_base,
            BufReader::with_capacity(1 << 16, reader),
            options,
        )),
        Kind::Warc => Box::new(WarcReader::new(
            context.name,
            context.id_base,
            BufReader::with_capacity(1 << 16, reader),
            options,
        )),
        Kind::Binary if context.in_directory => once(warning(
            context.name,
            format!("skipped: looks binary ({})", binary_evidence(&prefix)),
        )),
        Kind::Html | Kind::Feed | Kind::Text | Kind::Binary | Kind::Gzip => {
            Box::new(read_whole(&context, reader, kind, compressed, options).into_iter())
        }
    }
}

fn binary_evidence(prefix: &[u8]) -> String {
    match prefix.iter().position(|&b| b == 0) {
        Some(at) => format!("NUL byte at byte offset {at}"),
        None => "the magic number of an image, archive or PDF".to_owned(),
    }
}

/// Reads a whole-document input, refusing it early when it is over the size limit.
fn read_whole(
    context: &Context,
    mut reader: Box<dyn Read>,
    kind: Kind,
    compressed: bool,
    options: &Options,
) -> Vec<Item> {
    let limit = options.max_bytes;
    if let Some(length) = context
        .length
        .filter(|&length| !compressed && length > limit)
    {
        return vec![failed(&context.name, too_large(length, limit))];
    }
    let mut bytes = Vec::new();
    match reader
        .by_ref()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        Ok(read) if read as u64 > limit => {
            return vec![failed(
                &context.name,
                format!("too large: over the {limit}-byte limit"),
            )]
        }
        Ok(_) => {}
        Err(error) => {
            return vec![failed(
                &context.name,
                format!("read error: {}", describe_io(&error)),
            )]
        }
    }
    match kind {
        Kind::Html => vec![page_document(
            &context.name,
            context.id_base.clone(),
            &bytes,
            context.url.as_deref(),
            context.charset.as_deref(),
        )],
        Kind::Feed => feed_items(&context.name, &context.id_base, &bytes),
        _ => text_document(&context.name, &context.id_base, bytes),
    }
}

pub(crate) fn too_large(bytes: u64, limit: u64) -> String {
    format!("too large: {bytes} bytes, over the {limit}-byte limit")
}

/// Reads up to [`PREFIX_LEN`] bytes, fewer only at the end of the stream or at a read error, which
/// is handed back so the reader of the stream reports it after the documents before it.
fn read_prefix(reader: &mut dyn Read) -> (Vec<u8>, Option<io::Error>) {
    let mut prefix = Vec::with_capacity(PREFIX_LEN);
    // On error, read_to_end keeps what it read before the error in `prefix`.
    let error = reader
        .take(PREFIX_LEN as u64)
        .read_to_end(&mut prefix)
        .err();
    (prefix, error)
}

/// A stream put back together after sniffing: the bytes already read, then the error that stopped
/// that read (if any), then the rest.
struct Replay<R> {
    prefix: Cursor<Vec<u8>>,
    error: Option<io::Error>,
    rest: R,
}

impl<R> Replay<R> {
    fn new(prefix: Vec<u8>, error: Option<io::Error>, rest: R) -> Self {
        Replay {
            prefix: Cursor::new(prefix),
            error,
            rest,
        }
    }
}

impl<R: Read> Read for Replay<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.prefix.read(buffer)?;
        if read > 0 || buffer.is_empty() {
            return Ok(read);
        }
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        self.rest.read(buffer)
    }
}

/// gzip decompression whose errors say what went wrong in words a reader of the diagnostics knows.
struct GzReader<R>(MultiGzDecoder<R>);

impl<R: Read> Read for GzReader<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        self.0.read(buffer).map_err(|error| match error.kind() {
            io::ErrorKind::UnexpectedEof => io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "truncated gzip: the input ends inside a compressed block",
            ),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
                io::Error::new(io::ErrorKind::InvalidData, format!("corrupt gzip: {error}"))
            }
            _ => error,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_extensions_look_under_gz() {
        assert_eq!(path_stem(Path::new("a/b.html.gz")), "b");
        assert_eq!(path_stem(Path::new("a/b.txt")), "b");
        assert_eq!(path_stem(Path::new("a/.gz")), ".gz");
        assert_eq!(path_stem(Path::new("noext")), "noext");
        assert_eq!(extension("x/b.HTML.gz").as_deref(), Some("html"));
        assert_eq!(extension("x.d/b"), None);
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(extension("crawl.warc.gz").as_deref(), Some("warc"));
    }
}
