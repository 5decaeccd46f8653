//! Look-alikes: values that sit where a secret would but are not one.
//!
//! A linter that cries wolf on `<YOUR_KEY>`, `${HF_TOKEN}` or a model hash is
//! switched off, so every detector filters its candidates through these
//! checks. Three strengths exist on purpose:
//! - [`is_token_lookalike`] is the mildest, for strings that already match a
//!   vendor token format: only filler (`XXXX`, `****`, `your-…`) disqualifies,
//!   so AWS's documented `AKIAIOSFODNN7EXAMPLE` is still reported.
//! - [`is_placeholder`] adds the words people type instead of a secret
//!   (`changeme`, `dummy`, `password`), for values judged by their key name.
//! - [`is_reference`] and [`is_non_secret_literal`] recognise indirections
//!   (`${ENV}`, `{{resolve:…}}`) and values of another type (numbers, ARNs,
//!   paths, URLs, digests).

use super::entropy;

/// Surrounding quotes are stripped because the SageMaker Python SDK
/// JSON-encodes hyperparameter values (`"\"hunter22\""`).
pub(super) fn strip_quotes(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v[1..v.len() - 1].trim();
        }
    }
    v
}

/// ASCII case-insensitive substring test without allocating.
pub(super) fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Markers that make any string filler, whatever else it contains.
const FILLER_MARKERS: &[&str] = &[
    "xxxx",
    "****",
    "...",
    "…",
    "your",
    "placeholder",
    "replace",
    "redacted",
    "<",
    ">",
    "${",
    "{{",
];

/// A string that matched a token format but is filler: `AKIAXXXXXXXXXXXXXXXX`,
/// `ghp_<your token>`, `sk-...`, long runs of one character, or too few
/// distinct characters to be random. Words like `EXAMPLE` do not count,
/// because copied documentation keys are still keys.
pub(super) fn is_token_lookalike(s: &str) -> bool {
    FILLER_MARKERS.iter().any(|m| contains_ci(s, m))
        || entropy::longest_run(s) >= 6
        || entropy::distinct_alnum(s) < 6
}

/// Whole values (compared lowercase, separators removed) that stand in for a
/// secret rather than being one.
const PLACEHOLDER_WORDS: &[&str] = &[
    "none",
    "null",
    "nil",
    "undefined",
    "na",
    "todo",
    "tbd",
    "fixme",
    "changeme",
    "replaceme",
    "password",
    "passwd",
    "passphrase",
    "secret",
    "secrets",
    "token",
    "apikey",
    "accesskey",
    "secretkey",
    "privatekey",
    "credentials",
    "dummy",
    "example",
    "sample",
    "test",
    "testing",
    "demo",
    "fake",
    "placeholder",
    "redacted",
    "hidden",
    "masked",
    "empty",
    "blank",
    "unset",
    "notset",
    "default",
    "required",
    "optional",
    "disabled",
    "enabled",
    "anonymous",
    "foo",
    "bar",
    "foobar",
    "string",
    "value",
    "secretvalue",
    "mypassword",
    "mysecret",
    "mytoken",
    "yourpassword",
];

/// Substrings that mark a typed-in stand-in anywhere in the value.
const PLACEHOLDER_MARKERS: &[&str] = &[
    "changeme",
    "change_me",
    "change-me",
    "example",
    "dummy",
    "todo",
];

/// A value somebody typed instead of a secret: `<YOUR_KEY>`, `YOUR_API_KEY`,
/// `xxxx…`, `****`, `changeme`, `REPLACE_ME`, `TODO`, `dummy`, `example`,
/// `password`, `None`, `null`, the empty string, or one repeated character.
pub(super) fn is_placeholder(v: &str) -> bool {
    let v = strip_quotes(v);
    if v.is_empty() {
        return true;
    }
    let bracketed = |open, close| v.starts_with(open) && v.ends_with(close);
    if bracketed('<', '>') || bracketed('[', ']') || (bracketed('{', '}') && !v.contains('"')) {
        return true;
    }
    if FILLER_MARKERS.iter().any(|m| contains_ci(v, m))
        || PLACEHOLDER_MARKERS.iter().any(|m| contains_ci(v, m))
    {
        return true;
    }
    let norm: String = v
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    norm.is_empty()
        || PLACEHOLDER_WORDS.contains(&norm.as_str())
        || entropy::distinct_alnum(&norm) <= 2
}

/// A value that points at a secret instead of containing it: `${ENV}`,
/// `$ENV`, `${{ secrets.X }}`, `{{resolve:secretsmanager:…}}`,
/// `{{resolve:ssm:…}}`, `$(aws …)`, `%(VAR)s`, `%VAR%`, CloudFormation
/// intrinsics. Pointing at a secret store is exactly what users should do.
pub(super) fn is_reference(v: &str) -> bool {
    let v = strip_quotes(v);
    const PREFIXES: &[&str] = &[
        "${",
        "$(",
        "%(",
        "{{",
        "!Ref",
        "!Sub",
        "!GetAtt",
        "!ImportValue",
        "resolve:",
    ];
    if PREFIXES.iter().any(|p| v.starts_with(p)) || v.contains("{{resolve:") || v.contains("${{") {
        return true;
    }
    let is_ident = |s: &str| {
        let mut cs = s.chars();
        cs.next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if let Some(rest) = v.strip_prefix('$') {
        return is_ident(rest);
    }
    if let Some(rest) = v.strip_prefix('%').and_then(|r| r.strip_suffix('%')) {
        return is_ident(rest);
    }
    false
}

/// `HF_TOKEN`, `WANDB_API_KEY`: the name of an environment variable, given
/// where a tool expects to be told which variable holds the secret.
fn is_env_var_name(v: &str) -> bool {
    v.contains('_')
        && v.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && v.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// File extensions that make a value a file reference, not file content.
const FILE_EXTENSIONS: &[&str] = &[
    ".json",
    ".yaml",
    ".yml",
    ".txt",
    ".pem",
    ".key",
    ".crt",
    ".cer",
    ".p12",
    ".pfx",
    ".cfg",
    ".ini",
    ".env",
    ".conf",
    ".toml",
    ".py",
    ".sh",
    ".pkl",
    ".bin",
    ".pt",
    ".safetensors",
    ".gz",
    ".tar",
    ".zip",
];

/// A file path (absolute, relative, home, Windows, or ending in a known file
/// extension). Paths to a secret file are references, not secrets.
pub(super) fn is_path_like(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    ["/", "./", "../", "~/", "file:"]
        .iter()
        .any(|p| v.starts_with(p))
        || v.as_bytes().get(1..3) == Some(b":\\")
        || FILE_EXTENSIONS
            .iter()
            .any(|e| lower.ends_with(e) && lower.len() > e.len())
}

/// A hierarchical name such as a secret store gives its entries
/// (`prod/db-credentials`, `Prod/HF-Token`) or a hub its models
/// (`acme/bert-churn`): two or more `/`-separated segments of words (letters
/// and digits, joined by `-`, `_` or `.`), each segment with a letter and each
/// word lower case, upper case or capitalised. Passing the name of a secret is
/// the fix, not a leak; random keys that contain `/` mix cases inside words
/// (`wJalrXUtnFEMI/K7MDENG/…`) and passwords often have a bare number
/// (`Hunter/2024`): both stay suspects.
fn is_hierarchical_name(v: &str) -> bool {
    let word = |w: &str| {
        let letters: Vec<char> = w.chars().filter(char::is_ascii_alphabetic).collect();
        w.chars().all(|c| c.is_ascii_alphanumeric())
            && match letters.split_first() {
                None => true,
                Some((first, rest)) => {
                    rest.iter().all(char::is_ascii_lowercase)
                        || (first.is_ascii_uppercase() && rest.iter().all(char::is_ascii_uppercase))
                }
            }
    };
    let segment =
        |s: &str| s.chars().any(|c| c.is_ascii_alphabetic()) && s.split(['-', '_', '.']).all(word);
    v.contains('/') && v.split('/').all(segment)
}

/// Values of a type no secret has: booleans, numbers, ARNs, URLs (credentials
/// in URLs are detected separately), file paths, hierarchical names
/// (`prod/db-credentials`), content digests (`sha256:…`), and
/// environment-variable names.
pub(super) fn is_non_secret_literal(v: &str) -> bool {
    let v = strip_quotes(v);
    let lower = v.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off"
    ) || v.parse::<f64>().is_ok()
        || lower.starts_with("arn:")
        || v.contains("://")
        || ["sha1:", "sha256:", "sha384:", "sha512:", "md5:"]
            .iter()
            .any(|p| lower.starts_with(p))
        || is_path_like(v)
        || is_hierarchical_name(v)
        || is_env_var_name(v)
}
