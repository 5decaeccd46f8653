//! What can be said about a `MetricDefinitions[].Regex` before the service runs it.
//!
//! The documents do not name the service's regular-expression dialect. The pattern is compiled
//! with `fancy-regex` (a backtracking engine with lookaround, backreferences, atomic groups and
//! possessive quantifiers), and only mistakes that Java's `java.util.regex` and Python's `re`
//! both reject are reported: an unclosed `(` or `[`, an unmatched `)`, a quantifier with nothing
//! to repeat, a trailing backslash, an escape that neither dialect defines. What only one
//! dialect supports (`\Q…\E`, `\X`, `\p{javaLowerCase}`, octal escapes, variable-length
//! lookbehind, the flags of either) is given the benefit of the doubt.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use fancy_regex::{Error, ParseError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compiled {
    /// It compiles; `groups` capture groups (not counting the whole match).
    Ok { groups: usize },
    /// Malformed in every mainstream dialect; the reason, worded for a message.
    Invalid(String),
    /// Not judged: it uses something only some dialects accept.
    Unknown,
}

/// Escaped letters that Java or Python gives a meaning; `\` before any other ASCII letter is an
/// error in both.
const KNOWN_ESCAPES: &str = "aAbBcdDeEfGhHknNpPQrRsStuUvVwWxXzZ";
/// Inline flags of Java (`idmsuxU`) or Python (`aiLmsux`).
const KNOWN_FLAGS: &str = "idmsuxUaL";

/// Verdicts already reached in this process: jobs share their metric regexes (a framework's
/// defaults, a team's template), and compiling one costs far more than checking a whole
/// request. Bounded, for a run over many distinct patterns.
static SEEN: LazyLock<Mutex<HashMap<String, Compiled>>> = LazyLock::new(Default::default);
const SEEN_MAX: usize = 4096;

/// Judge a pattern (memoized per process; see [`judge`]).
pub fn compile(pattern: &str) -> Compiled {
    if let Some(c) = SEEN.lock().ok().and_then(|seen| seen.get(pattern).cloned()) {
        return c;
    }
    let verdict = judge(pattern);
    if let Ok(mut seen) = SEEN.lock() {
        if seen.len() < SEEN_MAX {
            seen.insert(pattern.to_string(), verdict.clone());
        }
    }
    verdict
}

/// Compile a pattern and say whether it is valid, and how many groups it captures.
fn judge(pattern: &str) -> Compiled {
    let quoted = unquote(pattern);
    let source = quoted.as_deref().unwrap_or(pattern);
    match fancy_regex::Regex::new(source) {
        Ok(re) => Compiled::Ok {
            groups: re.captures_len().saturating_sub(1),
        },
        Err(Error::ParseError(pos, kind)) => {
            // Positions are only meaningful in the text as written.
            let at = (quoted.is_none())
                .then(|| char_position(pattern, pos))
                .flatten();
            reason(pattern, at, &kind).map_or(Compiled::Unknown, Compiled::Invalid)
        }
        Err(_) => Compiled::Unknown,
    }
}

fn reason(pattern: &str, at: Option<usize>, kind: &ParseError) -> Option<String> {
    let where_ = |what: &str| match at {
        Some(n) => format!("{what} at character {n} of the pattern"),
        None => what.to_string(),
    };
    Some(match kind {
        ParseError::UnclosedOpenParen => "a `(` is never closed".to_string(),
        ParseError::GeneralParseError(_)
            if at.and_then(|n| pattern.chars().nth(n - 1)) == Some(')') =>
        {
            where_("unmatched `)`")
        }
        ParseError::InvalidClass => "a character class `[` is never closed or is malformed".into(),
        ParseError::TargetNotRepeatable | ParseError::InvalidRepeat => {
            where_("a quantifier with nothing to repeat")
        }
        ParseError::TrailingBackslash => "it ends with a lone backslash".to_string(),
        ParseError::InvalidEscape(s) => {
            let letter = s.chars().nth(1)?;
            if !letter.is_ascii_alphabetic() || KNOWN_ESCAPES.contains(letter) {
                return None;
            }
            format!("`{s}` is not an escape sequence")
        }
        ParseError::UnknownFlag(s) => {
            if s.chars().last().is_some_and(|f| KNOWN_FLAGS.contains(f)) {
                return None;
            }
            format!("`{s})` is not a known group flag")
        }
        ParseError::RecursionExceeded | ParseError::ChangingUnicodeModeUnsupported => return None,
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            let first = chars.next()?.to_lowercase().collect::<String>();
            where_(&format!("{first}{}", chars.as_str()))
        }
    })
}

/// The 1-based character position of byte offset `pos`.
fn char_position(pattern: &str, pos: usize) -> Option<usize> {
    pattern
        .get(..pos.min(pattern.len()))
        .map(|s| s.chars().count() + 1)
}

/// Java's and PCRE's `\Q…\E` literal quoting, rewritten as escapes; `None` if there is none.
fn unquote(pattern: &str) -> Option<String> {
    if !pattern.contains("\\Q") {
        return None;
    }
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Q') => {
                while let Some(q) = chars.next() {
                    if q == '\\' && chars.peek() == Some(&'E') {
                        chars.next();
                        break;
                    }
                    if !q.is_alphanumeric() {
                        out.push('\\');
                    }
                    out.push(q);
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invalid(p: &str) -> String {
        match compile(p) {
            Compiled::Invalid(why) => why,
            other => panic!("{p}: {other:?}"),
        }
    }

    #[test]
    fn counts_capture_groups() {
        assert_eq!(compile("Train_error=(.*?);"), Compiled::Ok { groups: 1 });
        assert_eq!(
            compile(r"'loss': ([0-9]+(.|e\-)[0-9]+),?"),
            Compiled::Ok { groups: 2 }
        );
        assert_eq!(compile(r"loss=(?:\d+)"), Compiled::Ok { groups: 0 });
        assert_eq!(compile(r"(?<=loss=)\d+"), Compiled::Ok { groups: 0 });
        assert_eq!(compile(r"(?<v>\d+)"), Compiled::Ok { groups: 1 });
        assert_eq!(compile(r"\Q(x)\E=(\d+)"), Compiled::Ok { groups: 1 });
        assert_eq!(compile(r"\Q(x"), Compiled::Ok { groups: 0 });
    }

    #[test]
    fn reports_what_every_dialect_rejects() {
        assert_eq!(invalid(r"loss: ([0-9\.]+"), "a `(` is never closed");
        assert_eq!(
            invalid(r"loss: [0-9]+)"),
            "unmatched `)` at character 13 of the pattern"
        );
        assert_eq!(
            invalid(r"loss: ([0-9"),
            "a character class `[` is never closed or is malformed"
        );
        assert_eq!(
            invalid(r"*loss=(\d+)"),
            "a quantifier with nothing to repeat at character 1 of the pattern"
        );
        assert_eq!(invalid(r"loss=(\d+)\"), "it ends with a lone backslash");
        assert_eq!(invalid(r"\yloss=(\d+)"), r"`\y` is not an escape sequence");
        assert_eq!(
            invalid(r"(?z)loss=(\d+)"),
            "`(?z)` is not a known group flag"
        );
        assert_eq!(
            invalid("é*+*(x)"),
            "a quantifier with nothing to repeat at character 4 of the pattern"
        );
    }

    #[test]
    fn gives_other_dialects_the_benefit_of_the_doubt() {
        for p in [
            r"\X(\d+)",
            r"\cA(\d+)",
            r"\p{javaLowerCase}(\d+)",
            r"\012(\d+)",
            r"(?a)(\d+)",
            r"(?d)(\d+)",
            r"(a)\2",
        ] {
            assert_eq!(compile(p), Compiled::Unknown, "{p}");
        }
    }
}
