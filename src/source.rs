//! A file being checked: its text, its format, and byte-offset → line/column conversion.

use std::path::Path;

/// The two syntaxes a request spec can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
}

impl Format {
    /// The format implied by a file name's extension (`.json`, `.yaml`, `.yml`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// The format of a text without a telling name: JSON when its first significant character
    /// opens an object or array, else YAML.
    pub fn sniff(text: &str) -> Format {
        match text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next()
        {
            Some('{') | Some('[') => Format::Json,
            _ => Format::Yaml,
        }
    }
}

/// A 1-based line and column; columns count Unicode scalar values, as editors display them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A byte range `[start, end)` in a source text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

const BOM: &str = "\u{feff}";

/// The text of one file with a line table built once, so that every span converts in O(log n).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    pub format: Format,
    /// Byte offset at which each line starts (the first line starts after a BOM); made on the
    /// first position asked for (most files checked have no finding to place).
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// Every character is one byte: columns and character offsets are byte counts.
    ascii: bool,
    /// For non-ASCII text, the number of characters before byte 0 and about every
    /// [`CHAR_MARK`]-th byte (at a character boundary), made on first use, so that byte to
    /// character conversion never scans more than that: a one-line file of megabytes with
    /// thousands of diagnostics stays linear.
    char_marks: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Bytes between two entries of `SourceFile::char_marks`.
const CHAR_MARK: usize = 4096;

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>, format: Format) -> SourceFile {
        let text = text.into();
        SourceFile {
            name: name.into(),
            ascii: text.is_ascii(),
            text,
            format,
            line_starts: std::sync::OnceLock::new(),
            char_marks: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let text = &self.text;
            let first = if text.starts_with(BOM) { BOM.len() } else { 0 };
            let mut starts = vec![first];
            // A line ends at `\n`; in CRLF files the `\r` stays at the end of the previous line.
            starts.extend(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            starts
        })
    }

    /// Length of a leading UTF-8 byte order mark (0 or 3): parsers see the text after it.
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with(BOM) {
            BOM.len()
        } else {
            0
        }
    }

    /// Line and column of a byte offset. Offsets inside a multi-byte character or past the end
    /// are clamped, so a bad span can never make rendering fail.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_boundary(offset);
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = line_starts[line].min(offset);
        let column = self.char_offset(offset) - self.char_offset(start) + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The number of characters before a byte offset (clamped like [`SourceFile::position`]).
    pub fn char_offset(&self, offset: usize) -> usize {
        let offset = self.floor_boundary(offset);
        if self.ascii {
            return offset;
        }
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = vec![(0, 0)];
            let mut next = CHAR_MARK;
            for (chars, (i, _)) in self.text.char_indices().enumerate() {
                if i >= next {
                    marks.push((i, chars));
                    next = i + CHAR_MARK;
                }
            }
            marks
        });
        let mark = marks.partition_point(|&(byte, _)| byte <= offset);
        let (byte, chars) = marks.get(mark.saturating_sub(1)).copied().unwrap_or((0, 0));
        chars + self.text[byte..offset].chars().count()
    }

    /// The largest char boundary `<= offset` (std's `floor_char_boundary` is unstable).
    pub fn floor_boundary(&self, offset: usize) -> usize {
        let mut i = offset.min(self.text.len());
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// The span clamped to the text and to character boundaries.
    pub fn clamp(&self, span: Span) -> Span {
        let start = self.floor_boundary(span.start);
        let end = self.floor_boundary(span.end).max(start);
        Span { start, end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(src: &SourceFile, needle: &str) -> Position {
        let at = src.text.find(needle).expect("needle in text");
        src.position(at)
    }

    #[test]
    fn lf_and_crlf_give_the_same_positions() {
        let lf = SourceFile::new("a", "a: 1\nbb: 2\n", Format::Yaml);
        let crlf = SourceFile::new("a", "a: 1\r\nbb: 2\r\n", Format::Yaml);
        assert_eq!(pos(&lf, "bb"), Position { line: 2, column: 1 });
        assert_eq!(pos(&crlf, "bb"), Position { line: 2, column: 1 });
        assert_eq!(pos(&crlf, "2"), Position { line: 2, column: 5 });
    }

    #[test]
    fn bom_is_not_a_column() {
        let src = SourceFile::new("a", "\u{feff}{\"a\": 1}", Format::Json);
        assert_eq!(pos(&src, "{"), Position { line: 1, column: 1 });
        assert_eq!(pos(&src, "\"a\""), Position { line: 1, column: 2 });
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = SourceFile::new("a", "k: \"héllo wörld\" x", Format::Yaml);
        assert_eq!(
            pos(&src, "x"),
            Position {
                line: 1,
                column: 18
            }
        );
        let emoji = SourceFile::new("a", "a: 😀😀 b", Format::Yaml);
        assert_eq!(pos(&emoji, "b"), Position { line: 1, column: 7 });
    }

    #[test]
    fn tabs_are_one_column() {
        let src = SourceFile::new("a", "{\n\t\"a\": 1}", Format::Json);
        assert_eq!(pos(&src, "\"a\""), Position { line: 2, column: 2 });
    }

    #[test]
    fn long_non_ascii_lines_count_characters() {
        let text = format!("k: {}x", "é".repeat(10_000));
        let src = SourceFile::new("a", text.as_str(), Format::Yaml);
        assert_eq!(
            pos(&src, "x"),
            Position {
                line: 1,
                column: 10_004
            }
        );
        assert_eq!(src.char_offset(text.len()), 10_004);
        let ascii = SourceFile::new("a", "ab\ncd", Format::Yaml);
        assert_eq!(ascii.char_offset(4), 4);
    }

    #[test]
    fn offsets_are_clamped() {
        let src = SourceFile::new("a", "é", Format::Yaml);
        assert_eq!(src.position(1), Position { line: 1, column: 1 });
        assert_eq!(src.position(99), Position { line: 1, column: 2 });
    }
}
