//! Byte offsets ↔ LSP positions.
//!
//! An LSP position is a 0-based line and a 0-based column counted in the negotiated encoding's
//! code units: UTF-16 by default (a character outside the Basic Multilingual Plane, such as an
//! emoji, counts 2), UTF-8 bytes or UTF-32 characters when the client offers them. Lines end at
//! `\n`, `\r\n` or `\r`; a line's length excludes its terminator. A byte order mark is a
//! character of the text like any other (editors strip it before they send the text, so it
//! rarely arrives at all).

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::source::Span;

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// The encoding to use given what the client supports, preferring UTF-8 (no conversion).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn units(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
            Encoding::Utf32 => 1,
        }
    }
}

/// Where each line of a text starts, for conversions in O(log n) plus the line's length.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of line `line` without its terminator.
    fn line_bounds(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let b = text.as_bytes();
        if end > start && b.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && b.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// The LSP position of a byte offset. An offset inside a character or a line terminator is
    /// moved back to the character's or the terminator's start; past the end, to the end.
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let (start, end) = self.line_bounds(text, line);
        let upto = offset.min(end);
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            if start + i + c.len_utf8() > upto {
                break;
            }
            units += enc.units(c);
        }
        Position::new(line as u32, units)
    }

    /// The byte offset of an LSP position. A column past the line's end means the line's end
    /// (as the protocol says); a line past the last means the end of the text; a column inside
    /// a character (half a surrogate pair) means that character's start.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let (start, end) = self.line_bounds(text, line);
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            let next = units + enc.units(c);
            if next > pos.character {
                return start + i;
            }
            units = next;
        }
        end
    }

    pub fn range(&self, text: &str, span: Span, enc: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, enc),
            self.position(text, span.end, enc),
        )
    }

    pub fn span(&self, text: &str, range: Range, enc: Encoding) -> Span {
        let start = self.offset(text, range.start, enc);
        let end = self.offset(text, range.end, enc).max(start);
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, needle: &str, enc: Encoding) -> Position {
        let at = text.find(needle).unwrap_or(usize::MAX);
        assert_ne!(at, usize::MAX, "{needle:?} not in {text:?}");
        let index = LineIndex::new(text);
        let pos = index.position(text, at, enc);
        assert_eq!(index.offset(text, pos, enc), at, "round trip of {needle:?}");
        pos
    }

    #[test]
    fn ascii() {
        assert_eq!(
            round_trip("a: 1\nbb: 2\n", "2", Encoding::Utf16),
            Position::new(1, 4)
        );
    }

    #[test]
    fn e_acute_is_one_utf16_unit_and_two_bytes() {
        let text = "k: \"héllo\" x";
        assert_eq!(round_trip(text, "x", Encoding::Utf16), Position::new(0, 11));
        assert_eq!(round_trip(text, "x", Encoding::Utf32), Position::new(0, 11));
        assert_eq!(round_trip(text, "x", Encoding::Utf8), Position::new(0, 12));
    }

    #[test]
    fn emoji_is_two_utf16_units() {
        let text = "a: 😀😀 b";
        assert_eq!(round_trip(text, "b", Encoding::Utf16), Position::new(0, 8));
        assert_eq!(round_trip(text, "b", Encoding::Utf32), Position::new(0, 6));
        assert_eq!(round_trip(text, "b", Encoding::Utf8), Position::new(0, 12));
        // Half a surrogate pair lands on the emoji's start.
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 4), Encoding::Utf16), 3);
        // The second emoji starts at column 5 (UTF-16), byte 7.
        assert_eq!(index.offset(text, Position::new(0, 5), Encoding::Utf16), 7);
    }

    #[test]
    fn crlf_terminators_are_not_columns() {
        let text = "a: 1\r\nbb: é\r\nc: 3";
        assert_eq!(round_trip(text, "bb", Encoding::Utf16), Position::new(1, 0));
        assert_eq!(round_trip(text, "c:", Encoding::Utf16), Position::new(2, 0));
        let index = LineIndex::new(text);
        // The end of line 1 is before its \r, whatever column is asked for.
        let eol = text.find("é\r").unwrap_or(0) + "é".len();
        assert_eq!(
            index.offset(text, Position::new(1, 99), Encoding::Utf16),
            eol
        );
        assert_eq!(
            index.position(text, eol + 1, Encoding::Utf16),
            Position::new(1, 5)
        );
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let text = "a\rb\n";
        assert_eq!(round_trip(text, "b", Encoding::Utf16), Position::new(1, 0));
    }

    #[test]
    fn bom_counts_as_the_character_it_is() {
        let text = "\u{feff}{\"a\": 1}";
        assert_eq!(round_trip(text, "{", Encoding::Utf16), Position::new(0, 1));
        assert_eq!(round_trip(text, "{", Encoding::Utf8), Position::new(0, 3));
    }

    #[test]
    fn past_the_end_is_clamped() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(9, 0), Encoding::Utf16), 5);
        assert_eq!(
            index.position(text, 99, Encoding::Utf16),
            Position::new(1, 2)
        );
        // An offset inside a multi-byte character means that character.
        let text = "é";
        assert_eq!(
            LineIndex::new(text).position(text, 1, Encoding::Utf16),
            Position::new(0, 0)
        );
    }

    #[test]
    fn negotiation_prefers_utf8() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
    }
}
