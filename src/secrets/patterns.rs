//! The token-format table: secrets recognisable by their shape alone.
//!
//! Vendors prefix their tokens (`ghp_`, `xoxb-`, `AKIA`…) precisely so that
//! scanners can find them without context. Each row pairs a regex with
//! literal keywords; the regex runs only when a keyword occurs in the value,
//! so the typical hyperparameter (`"0.001"`, `"bert-base-uncased"`) costs a
//! few substring searches and no regex at all.

use std::sync::LazyLock;

use regex::Regex;

use super::entropy::{distinct_alnum, Classes};
use super::placeholder::{is_placeholder, is_reference, is_token_lookalike};
use super::SecretKind;

/// One recognisable token format.
pub(super) struct Pattern {
    /// What a match is reported as.
    pub kind: SecretKind,
    /// Prefilter: the regex runs only if one of these occurs in the value.
    pub keywords: &'static [&'static str],
    /// The format; the named group `s` is the secret to preview.
    pub regex: &'static str,
    /// Post-check on group `s`; returns the part to preview, or `None` for a
    /// look-alike.
    pub validate: fn(&str) -> Option<&str>,
}

/// Left boundary: tokens do not start in the middle of a word.
macro_rules! lb {
    () => {
        r"(?:^|[^A-Za-z0-9_])"
    };
}
/// Right boundary: tokens do not end in the middle of a word.
macro_rules! rb {
    () => {
        r"(?:$|[^A-Za-z0-9_])"
    };
}

/// The table, most specific first: the first row with a valid match wins, so
/// a GitHub token inside a URL is reported as a GitHub token.
pub(super) static PATTERNS: &[Pattern] = &[
    Pattern {
        kind: SecretKind::PrivateKey,
        keywords: &["PRIVATE KEY"],
        regex: r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?s:(?P<s>.*?))(?:-----END|$)",
        validate: pem_body,
    },
    Pattern {
        kind: SecretKind::AwsAccessKeyId,
        keywords: &["AKIA", "ASIA", "ABIA", "ACCA"],
        regex: concat!(lb!(), r"(?P<s>(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})", rb!()),
        validate: aws_key_id,
    },
    Pattern {
        kind: SecretKind::AwsSessionToken,
        keywords: &["FwoGZXIvYXdzE", "IQoJb3JpZ2lu"],
        regex: concat!(
            lb!(),
            r"(?P<s>(?:FwoGZXIvYXdzE|IQoJb3JpZ2lu)[A-Za-z0-9/+=]{40,})"
        ),
        validate: not_lookalike,
    },
    Pattern {
        kind: SecretKind::GitHubToken,
        keywords: &["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
        regex: concat!(
            lb!(),
            r"(?P<s>gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})",
            rb!()
        ),
        validate: not_lookalike,
    },
    Pattern {
        kind: SecretKind::GitLabToken,
        keywords: &["glpat-"],
        regex: concat!(lb!(), r"(?P<s>glpat-[A-Za-z0-9_-]{20,})"),
        validate: not_lookalike,
    },
    Pattern {
        kind: SecretKind::SlackToken,
        keywords: &["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"],
        regex: concat!(lb!(), r"(?P<s>xox[abprs]-[A-Za-z0-9-]{10,})"),
        validate: not_lookalike,
    },
    Pattern {
        kind: SecretKind::SlackToken,
        keywords: &["hooks.slack.com"],
        regex: r"https://hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/(?P<s>[A-Za-z0-9]{16,})",
        validate: not_lookalike,
    },
    Pattern {
        kind: SecretKind::HuggingFaceToken,
        keywords: &["hf_"],
        regex: concat!(lb!(), r"(?P<s>hf_[A-Za-z]{34,})", rb!()),
        validate: not_lookalike,
    },
    Pattern {
        kind: SecretKind::OpenAiApiKey,
        keywords: &["sk-"],
        regex: concat!(
            lb!(),
            r"(?P<s>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})"
        ),
        validate: openai,
    },
    Pattern {
        kind: SecretKind::StripeKey,
        keywords: &["_live_", "_test_"],
        regex: concat!(
            lb!(),
            r"(?P<s>(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,})",
            rb!()
        ),
        validate: not_lookalike,
    },
    Pattern {
        kind: SecretKind::GoogleApiKey,
        keywords: &["AIza"],
        regex: concat!(lb!(), r"(?P<s>AIza[A-Za-z0-9_-]{35})(?:$|[^A-Za-z0-9_-])"),
        validate: not_lookalike,
    },
    Pattern {
        kind: SecretKind::Jwt,
        keywords: &["eyJ"],
        regex: concat!(
            lb!(),
            r"(?P<s>eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{16,})"
        ),
        validate: jwt,
    },
    Pattern {
        kind: SecretKind::UrlCredentials,
        keywords: &["://"],
        regex: r"[A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\s]*:(?P<s>[^@/?#\s]+)@[^/?#\s:@]+",
        validate: url_password,
    },
];

/// Build a regex from a constant of this module. A typo here is a
/// programming error caught by the test suite, so failing loudly is right.
#[allow(clippy::expect_used)]
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("secret pattern table holds only valid regexes")
}

/// The table's regexes, compiled once on first use.
static COMPILED: LazyLock<Vec<Regex>> =
    LazyLock::new(|| PATTERNS.iter().map(|p| compile(p.regex)).collect());

/// Every row's keywords in one automaton: most values hold none, and one search over the value
/// costs less than a substring search per keyword.
static ANY_KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    let keywords: Vec<String> = PATTERNS
        .iter()
        .flat_map(|p| p.keywords.iter().map(|k| regex::escape(k)))
        .collect();
    compile(&keywords.join("|"))
});

/// First table row with a valid match in `value`: the kind and the secret
/// text (the part to preview).
pub(super) fn find(value: &str) -> Option<(SecretKind, &str)> {
    if !ANY_KEYWORD.is_match(value) {
        return None;
    }
    PATTERNS.iter().enumerate().find_map(|(i, p)| {
        if !p.keywords.iter().any(|k| value.contains(k)) {
            return None;
        }
        COMPILED[i]
            .captures_iter(value)
            .filter_map(|c| c.name("s"))
            .find_map(|m| (p.validate)(m.as_str()))
            .map(|s| (p.kind, s))
    })
}

/// Default post-check: reject filler such as `AKIAXXXXXXXXXXXXXXXX`.
fn not_lookalike(s: &str) -> Option<&str> {
    (!is_token_lookalike(s)).then_some(s)
}

/// `ASIA` also starts English words (`ASIAPACIFICSOUTHEAST`), so IDs with
/// prefixes other than `AKIA` must contain a digit; all must not be filler.
fn aws_key_id(s: &str) -> Option<&str> {
    let has_digit = s[4..].bytes().any(|b| b.is_ascii_digit());
    ((s.starts_with("AKIA") || has_digit) && !is_token_lookalike(s)).then_some(s)
}

/// `sk-` is short and generic (`sk-learn-…`), so an OpenAI key must also
/// look generated: upper, lower and digits after the prefix, or a long
/// unbroken lowercase-and-digit run (older keys).
fn openai(s: &str) -> Option<&str> {
    let body = s.trim_start_matches("sk-");
    let c = Classes::of(body);
    let generated = c.alnum_count() == 3 || (c.digit && c.lower && !c.other && body.len() >= 32);
    (generated && !is_token_lookalike(s)).then_some(s)
}

/// A PEM block counts when its body holds real base64 key material (not
/// `...` or `XXXX`); the preview comes from that material, never the header.
fn pem_body(body: &str) -> Option<&str> {
    let bytes = body.as_bytes();
    let is_b64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
    let mut i = 0;
    while i < bytes.len() {
        if !is_b64(bytes[i]) {
            i += 1;
            continue;
        }
        // A literal `\n` escape (double-escaped YAML/JSON) is not key material.
        let start = if bytes[i] == b'n' && i > 0 && bytes[i - 1] == b'\\' {
            i + 1
        } else {
            i
        };
        let mut end = i;
        while end < bytes.len() && is_b64(bytes[end]) {
            end += 1;
        }
        let run = &body[start..end];
        if run.len() >= 16 {
            return (distinct_alnum(run) >= 8).then_some(run);
        }
        i = end;
    }
    None
}

/// A JWT's header is base64url JSON that names its algorithm (`"alg"`);
/// checking it rules out dotted base64 that merely starts with `eyJ`.
fn jwt(s: &str) -> Option<&str> {
    let header = s.split('.').next().unwrap_or_default();
    let decoded = b64url_decode(header);
    let has_alg = decoded.windows(5).any(|w| w == b"\"alg\"");
    (has_alg && !is_token_lookalike(s)).then_some(s)
}

/// Decode base64url (or standard base64) leniently, stopping at the first
/// character outside the alphabet; enough to read a JWT header.
fn b64url_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => break,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Whole URL passwords that are documentation stand-ins. `token` is absent on
/// purpose: `https://user:token@github.com/…` is how PATs are embedded.
const URL_PLACEHOLDER_PASSWORDS: &[&str] = &["password", "passwd", "pass", "pwd", "secret"];

/// The password of `scheme://user:password@host` must be a literal: not a
/// reference (`${PASS}`, `$PASS`), not a stand-in (`<password>`, `****`,
/// `password`), and at least 3 characters.
fn url_password(pw: &str) -> Option<&str> {
    let lower = pw.to_ascii_lowercase();
    let standin = URL_PLACEHOLDER_PASSWORDS.contains(&lower.as_str())
        || is_reference(pw)
        || pw.contains('$')
        || pw.starts_with('%') // %(VAR)s or a percent-encoded `${`
        || (is_placeholder(pw) && lower != "token");
    (pw.chars().count() >= 3 && !standin).then_some(pw)
}
