//! Secret-named keys: `db_password`, `wandbApiKey`, `HF_TOKEN`.
//!
//! Many secrets have no recognisable format, but people name the field that
//! holds them. The key is split into words so that matching is by whole word
//! (`token` fires, `tokenizer` and `max_tokens` do not), and names that
//! describe a secret rather than hold it (`secret_arn`, `token_file`,
//! `auth_type`, `pad_token`) are excluded. The value must then look real.

use super::entropy::{self, Classes};
use super::placeholder::{is_non_secret_literal, is_placeholder, is_reference, strip_quotes};

/// How strict the value check is for a secret-named key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameClass {
    /// Human-chosen passwords: any non-placeholder literal of 6+ characters.
    Password,
    /// Generated tokens and keys: 8+ characters that look random.
    Token,
}

/// Split a key into lowercase words across snake_case, kebab-case,
/// dot.case and camelCase (`wandbApiKey` → `wandb api key`, `HFToken` →
/// `hf token`).
pub(super) fn split_words(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut words = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if c.is_uppercase() && !cur.is_empty() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                words.push(std::mem::take(&mut cur));
            }
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Single words that name a password.
const PASSWORD_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "passphrase",
    "passcode",
];

/// Single words that name a token, key or credential.
const TOKEN_WORDS: &[&str] = &[
    "secret",
    "token",
    "apikey",
    "accesskey",
    "secretkey",
    "privatekey",
    "clientsecret",
    "auth",
    "oauth",
    "authorization",
    "credential",
    "credentials",
    "creds",
    "bearer",
];

/// Word pairs that name a key: `api key`, `access key`, `private key`…
const KEY_QUALIFIERS: &[&str] = &["api", "access", "secret", "private", "ssh", "signing"];

/// Fused words ending like a secret name (`dbpassword`, `githubtoken`,
/// `wandbapikey`) count as that name.
const FUSED_SUFFIXES: &[(&str, NameClass)] = &[
    ("password", NameClass::Password),
    ("passwd", NameClass::Password),
    ("secret", NameClass::Token),
    ("token", NameClass::Token),
    ("apikey", NameClass::Token),
    ("accesskey", NameClass::Token),
    ("secretkey", NameClass::Token),
    ("privatekey", NameClass::Token),
];

/// A last word that makes the key describe a secret rather than hold it:
/// `secret_arn`, `token_file`, `api_key_env`, `auth_type`, `token_type_ids`.
const METADATA_SUFFIXES: &[&str] = &[
    "file",
    "files",
    "path",
    "dir",
    "env",
    "var",
    "variable",
    "name",
    "arn",
    "id",
    "ids",
    "uri",
    "url",
    "ref",
    "type",
    "mode",
    "method",
    "kind",
    "length",
    "len",
    "size",
    "count",
    "num",
    "limit",
    "ttl",
    "expiry",
    "expires",
    "expiration",
    "timeout",
    "enabled",
    "enable",
    "required",
    "header",
    "prefix",
    "provider",
    "version",
    "field",
    "policy",
    "location",
    "endpoint",
    "source",
    "store",
    "manager",
    "rotation",
    "format",
    "strategy",
    "template",
    "index",
    "hash",
    "region",
    "scope",
    "scopes",
    "role",
];

/// Words before `token` that make it an ML vocabulary token, not a credential
/// (`pad_token`, `eos_token`, `mask_token`, `image_token`…).
const SPECIAL_TOKEN_PREFIXES: &[&str] = &[
    "pad",
    "eos",
    "bos",
    "unk",
    "sep",
    "cls",
    "mask",
    "start",
    "end",
    "stop",
    "special",
    "image",
    "img",
    "audio",
    "video",
    "vision",
    "sot",
    "eot",
    "eod",
    "boi",
    "eoi",
    "sub",
    "first",
    "last",
    "next",
    "additional",
    "decoder",
    "encoder",
    "think",
    "default",
];

/// [`classify_words`] of a key's [`split_words`], remembered per thread: the same keys
/// (`learning_rate`, `WANDB_PROJECT`) come back in file after file.
pub(super) fn classify_key(key: &str) -> Option<NameClass> {
    use foldhash::HashMap;
    use std::cell::RefCell;
    thread_local! {
        static SEEN: RefCell<HashMap<String, Option<NameClass>>> = RefCell::new(HashMap::default());
    }
    const SEEN_MAX: usize = 4096;
    SEEN.with(|seen| {
        if let Some(&class) = seen.borrow().get(key) {
            return class;
        }
        let class = classify_words(&split_words(key));
        let mut seen = seen.borrow_mut();
        if seen.len() >= SEEN_MAX {
            seen.clear();
        }
        seen.insert(key.to_string(), class);
        class
    })
}

/// Whether a key (split by [`split_words`]) names a secret, and how
/// strictly to judge its value; `None` for ordinary keys and for keys that
/// describe a secret rather than hold it.
pub(super) fn classify_words(words: &[String]) -> Option<NameClass> {
    let last = words.last()?;
    if METADATA_SUFFIXES.contains(&last.as_str()) {
        return None;
    }
    let mut class = None;
    let mut upgrade = |c: NameClass| {
        // Password wins: it has the looser value check, and the key says so.
        if class != Some(NameClass::Password) {
            class = Some(c);
        }
    };
    for (i, w) in words.iter().enumerate() {
        let w = w.as_str();
        let prev = i.checked_sub(1).map(|j| words[j].as_str());
        if PASSWORD_WORDS.contains(&w) {
            upgrade(NameClass::Password);
        } else if w == "token" {
            if !prev.is_some_and(|p| SPECIAL_TOKEN_PREFIXES.contains(&p)) {
                upgrade(NameClass::Token);
            }
        } else if TOKEN_WORDS.contains(&w)
            || (w == "key" && prev.is_some_and(|p| KEY_QUALIFIERS.contains(&p)))
        {
            upgrade(NameClass::Token);
        } else if let Some(&(suffix, c)) = FUSED_SUFFIXES.iter().find(|(s, _)| w.ends_with(s)) {
            let stem = &w[..w.len() - suffix.len()];
            if !SPECIAL_TOKEN_PREFIXES.contains(&stem) {
                upgrade(c);
            }
        }
    }
    class
}

/// Values that configure how a secret is obtained rather than being one
/// (`password: "prompt"`, `auth: "sigv4"`).
const CONFIG_WORDS: &[&str] = &[
    "env",
    "fromenv",
    "environment",
    "prompt",
    "ask",
    "keyring",
    "vault",
    "secretsmanager",
    "ssm",
    "iam",
    "kms",
    "sso",
    "sigv4",
    "auto",
    "builtin",
    "generated",
    "random",
    "inherit",
    "none",
];

/// Authorization schemes stripped before judging a header value.
const AUTH_SCHEMES: &[&str] = &["bearer ", "basic ", "token ", "apikey "];

/// The secret part of `value` if it looks like a real secret for a key of
/// class `class`; `None` for placeholders, references and other look-alikes.
pub(super) fn real_value(value: &str, class: NameClass) -> Option<&str> {
    let mut v = strip_quotes(value);
    for scheme in AUTH_SCHEMES {
        if v.len() > scheme.len()
            && v.is_char_boundary(scheme.len())
            && v[..scheme.len()].eq_ignore_ascii_case(scheme)
        {
            v = v[scheme.len()..].trim();
        }
    }
    if v.chars().any(char::is_whitespace)
        || is_reference(v)
        || is_placeholder(v)
        || is_non_secret_literal(v)
    {
        return None;
    }
    let norm: String = v
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if CONFIG_WORDS.contains(&norm.as_str()) {
        return None;
    }
    let len = v.chars().count();
    let ok = match class {
        NameClass::Password => len >= 6,
        NameClass::Token => len >= 8 && looks_random(v),
    };
    ok.then_some(v)
}

/// Generated, not typed: a single-case word or hyphenated name
/// (`service-account`) does not qualify unless long and high-entropy; other
/// strings need 3+ bits/char of entropy or all three alphanumeric classes.
fn looks_random(v: &str) -> bool {
    let h = entropy::shannon(v);
    let classes = Classes::of(v);
    let words_only = v
        .chars()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '_' | '.'))
        && !(classes.lower && classes.upper);
    if words_only {
        return v.len() >= 20 && h >= 3.8;
    }
    h >= 3.0 || classes.alnum_count() == 3
}

/// `name=value` pairs and `--flag value` pairs inside one string, as in
/// container arguments (`--hf_token=…`), connection strings
/// (`Server=db;Password=…`) and query strings (`?api_key=…`).
pub(super) fn embedded_pairs(value: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    let words: Vec<&str> = value.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        for piece in word.split([';', '&', ',', '?']) {
            if let Some((name, val)) = piece.split_once('=') {
                let name = name.trim_start_matches('-').trim_matches(['"', '\'']);
                if is_key_like(name) {
                    pairs.push((name, val));
                }
            }
        }
        if let (Some(flag), Some(next)) = (word.strip_prefix('-'), words.get(i + 1)) {
            let name = flag.trim_start_matches('-');
            if !word.contains('=') && !next.starts_with('-') && is_key_like(name) {
                pairs.push((name, next));
            }
        }
    }
    pairs
}

/// A plausible parameter or variable name.
fn is_key_like(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}
