//! Reading a file to check, defensively: only regular files (a FIFO or a device named on the
//! command line is refused, not opened, so it cannot hang the run), never more than a size
//! limit (checked before reading, and again while reading, for files that grow or whose size
//! the file system does not know), and only UTF-8 text.

use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::source::{Format, SourceFile};

/// The default `--max-file-size`: a request is a few kilobytes; this is far above any real one.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Why a file could not be checked. Its `Display` is one clause for `sagelint: cannot read
/// FILE: ...`; it never quotes the file's content.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused (not found, permission denied, a loop of symlinks, ...).
    Io(std::io::Error),
    /// Not a regular file: a FIFO, a socket, a device, a directory.
    NotAFile(&'static str),
    /// Larger than the limit: its size when the file system tells it, else `None` (reading
    /// stopped one byte past the limit).
    TooLarge { size: Option<u64>, limit: u64 },
    /// Holds a NUL byte: a binary file, not JSON or YAML text.
    Binary { offset: usize },
    /// UTF-16 text (Windows editors write it): JSON and YAML files for the AWS CLI are UTF-8.
    Utf16,
    /// Not valid UTF-8.
    NotUtf8 { offset: usize },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{}", io_message(e)),
            ReadError::NotAFile(what) => write!(
                f,
                "not a regular file ({what}): not read (use `-` to check standard input)"
            ),
            ReadError::TooLarge { size, limit } => {
                match size {
                    Some(size) => write!(f, "{} is over", human_size(*size))?,
                    None => write!(f, "more than")?,
                }
                write!(
                    f,
                    " the size limit of {} (a training job request is a few KiB; \
                     --max-file-size or `max-file-size` in sagelint.toml raises it)",
                    human_size(*limit)
                )
            }
            ReadError::Binary { offset } => write!(
                f,
                "a binary file, not JSON or YAML text (NUL byte at offset {offset})"
            ),
            ReadError::Utf16 => write!(f, "UTF-16 text: save it as UTF-8"),
            ReadError::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (invalid byte at offset {offset})")
            }
        }
    }
}

impl ReadError {
    /// The whole line to print for the file `name` (already made safe for a terminal).
    pub fn report(&self, name: &str) -> String {
        match self {
            ReadError::TooLarge { .. } => format!("{name}: not checked: {self}"),
            _ => format!("cannot read {name}: {self}"),
        }
    }
}

/// An I/O error without Rust's `(os error N)` suffix.
pub(crate) fn io_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// `16 MiB`, `1.5 KiB`, `200 bytes`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size {
            let whole = bytes / size;
            let tenths = (bytes % size) * 10 / size;
            return if tenths == 0 {
                format!("{whole} {unit}")
            } else {
                format!("{whole}.{tenths} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

/// A size as written in `--max-file-size` or the configuration: a number of bytes, optionally
/// with a binary unit (`512KiB`, `16MiB`, `1GiB`; `K`, `KB`, `M`, `MB`, `G`, `GB` mean the same).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = t.split_at(digits);
    let invalid = || {
        format!("invalid size `{text}`: expected a number of bytes, optionally with a unit (KiB, MiB, GiB), e.g. 16MiB")
    };
    let n: u64 = number.parse().map_err(|_| invalid())?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(invalid()),
    };
    let size = n.checked_mul(multiplier).ok_or_else(invalid)?;
    if size == 0 {
        return Err(format!("invalid size `{text}`: must be more than 0"));
    }
    Ok(size)
}

/// Read the file at `path` as a source to check, named `name`, refusing anything over `limit`
/// bytes. Symbolic links are followed.
pub fn read_file(path: &Path, name: &str, limit: u64) -> Result<SourceFile, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // The file may have been replaced since `metadata`: judge what was opened.
    let opened = file.metadata().map_err(ReadError::Io)?;
    if !opened.is_file() {
        return Err(ReadError::NotAFile(kind_of(&opened.file_type())));
    }
    let capacity = usize::try_from(opened.len().min(limit)).unwrap_or(0);
    let bytes = read_bounded(file, limit, capacity)?;
    let format = Format::from_path(path);
    decode(bytes, name, format)
}

/// Read standard input (or any reader) as a source named `name`, refusing more than `limit`
/// bytes. `format` is the one its name implies, if any; otherwise the content decides.
pub fn read_from(
    reader: impl Read,
    name: &str,
    format: Option<Format>,
    limit: u64,
) -> Result<SourceFile, ReadError> {
    let bytes = read_bounded(reader, limit, 0)?;
    decode(bytes, name, format)
}

/// At most `limit` bytes; one more means the input is too large (and reading stops there).
fn read_bounded(reader: impl Read, limit: u64, capacity: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

fn decode(bytes: Vec<u8>, name: &str, format: Option<Format>) -> Result<SourceFile, ReadError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ReadError::Utf16);
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(ReadError::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    let format = format.unwrap_or_else(|| Format::sniff(&text));
    Ok(SourceFile::new(name, text, format))
}

#[cfg(unix)]
fn kind_of(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind_of(t: &std::fs::FileType) -> &'static str {
    if t.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size("16 MiB"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        for bad in [
            "",
            "MiB",
            "-1",
            "1.5MiB",
            "16 parsecs",
            "0",
            "99999999999999999999GiB",
        ] {
            assert!(parse_size(bad).is_err(), "{bad} accepted");
        }
        assert_eq!(human_size(16 << 20), "16 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(10), "10 bytes");
    }

    #[test]
    fn reading_stops_after_the_limit() {
        let endless = std::io::repeat(b'a');
        match read_from(endless, "x", None, 1000) {
            Err(e @ ReadError::TooLarge { size: None, .. }) => {
                assert_eq!(
                    e.to_string().split(" (").next(),
                    Some("more than the size limit of 1000 bytes")
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn binary_and_foreign_encodings_are_named() {
        let read = |b: &[u8]| read_from(b, "x", None, 100).map(|s| s.text);
        assert!(matches!(
            read(b"a: 1\0"),
            Err(ReadError::Binary { offset: 4 })
        ));
        assert!(matches!(read(b"\xff\xfea\0"), Err(ReadError::Utf16)));
        assert!(matches!(
            read(b"a: \xff"),
            Err(ReadError::NotUtf8 { offset: 3 })
        ));
        assert_eq!(read(b"a: 1").ok().as_deref(), Some("a: 1"));
    }
}
