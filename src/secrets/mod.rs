//! One secret detector for every place a secret can hide in a
//! CreateTrainingJob request: `HyperParameters`, `Environment`, `Tags`, the
//! debugger and profiler parameter maps, `ContainerEntrypoint` and
//! `ContainerArguments` (rules SL601–SL605, through `rules/secrets/report.rs`).
//!
//! AWS asks that no "account access IDs, secrets, or tokens" appear in these
//! plain-text fields: they are stored with the job, shown by
//! `DescribeTrainingJob`, and SageMaker rejects some requests outright.
//!
//! [`scan`] checks one key/value pair, in order of confidence:
//! 1. vendor token formats ([`patterns`]: `AKIA…`, `ghp_…`, PEM blocks, JWTs,
//!    `scheme://user:password@host`…), behind a substring prefilter;
//! 2. AWS secret keys and session tokens, which need context ([`aws`]);
//! 3. secret-named keys (`db_password`, `wandbApiKey`) holding a
//!    real-looking value ([`named`]);
//! 4. the same checks on `name=value` / `--flag value` pairs and JSON objects
//!    embedded in the value.
//!
//! Every candidate passes the look-alike filters of [`placeholder`] first, so
//! `<YOUR_KEY>`, `${HF_TOKEN}`, ARNs, paths, hashes and tokenizer settings
//! stay quiet. Findings carry only a [`redact`]ed preview, so the linter's
//! own output never re-leaks the secret.

mod aws;
mod entropy;
mod named;
mod patterns;
mod placeholder;

#[cfg(test)]
mod tests;

/// What kind of secret a value looks like; chooses the message wording and
/// lets rules treat e.g. AWS credentials more severely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SecretKind {
    /// `AKIA…`/`ASIA…`/`ABIA…`/`ACCA…` access key IDs.
    AwsAccessKeyId,
    /// 40-character AWS secret access keys.
    AwsSecretAccessKey,
    /// STS session tokens.
    AwsSessionToken,
    /// PEM private key blocks (RSA, EC, DSA, OpenSSH, PGP, encrypted).
    PrivateKey,
    /// GitHub personal, OAuth, app and fine-grained tokens.
    GitHubToken,
    /// GitLab personal access tokens.
    GitLabToken,
    /// Slack API tokens and incoming-webhook URLs.
    SlackToken,
    /// Hugging Face Hub access tokens.
    HuggingFaceToken,
    /// OpenAI API keys.
    OpenAiApiKey,
    /// Stripe secret and restricted keys.
    StripeKey,
    /// Google API keys.
    GoogleApiKey,
    /// JSON Web Tokens (bearer credentials).
    Jwt,
    /// A password embedded in a URL.
    UrlCredentials,
    /// A real-looking value under a secret-named key.
    NamedSecret,
}

impl SecretKind {
    /// Human phrase used in messages, e.g. "AWS access key ID", "GitHub
    /// token", "password in a URL", "secret-named value".
    pub fn describe(self) -> &'static str {
        match self {
            SecretKind::AwsAccessKeyId => "AWS access key ID",
            SecretKind::AwsSecretAccessKey => "AWS secret access key",
            SecretKind::AwsSessionToken => "AWS session token",
            SecretKind::PrivateKey => "private key",
            SecretKind::GitHubToken => "GitHub token",
            SecretKind::GitLabToken => "GitLab token",
            SecretKind::SlackToken => "Slack token",
            SecretKind::HuggingFaceToken => "Hugging Face token",
            SecretKind::OpenAiApiKey => "OpenAI API key",
            SecretKind::StripeKey => "Stripe key",
            SecretKind::GoogleApiKey => "Google API key",
            SecretKind::Jwt => "JSON Web Token",
            SecretKind::UrlCredentials => "password in a URL",
            SecretKind::NamedSecret => "secret-named value",
        }
    }
}

/// A value that looks like a secret: what kind, and a preview safe to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretFinding {
    /// What the secret looks like.
    pub kind: SecretKind,
    /// at most the first 4 characters of the secret itself followed by "…", never more
    pub preview: String,
}

/// How deep [`scan`] follows JSON objects and `name=value` pairs nested in a
/// value; real requests nest one or two levels.
const MAX_DEPTH: u8 = 3;

/// Scan one key/value pair. `key` is the map key or the name of the field holding the value (None when there is none, e.g. a list item).
///
/// Returns the first, most confident finding; `None` when the value is not a
/// secret or is a placeholder, reference, ARN, path, hash or similar. For
/// list items such as `ContainerArguments`, passing the preceding `--flag` as
/// `key` lets `["--api-key", "…"]` be judged by the flag's name.
pub fn scan(key: Option<&str>, value: &str) -> Option<SecretFinding> {
    scan_at(key, value, 0)
}

/// [`scan`] at nesting depth `depth`.
fn scan_at(key: Option<&str>, value: &str, depth: u8) -> Option<SecretFinding> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let found = |kind, secret: &str| {
        Some(SecretFinding {
            kind,
            preview: redact(secret),
        })
    };
    if let Some((kind, secret)) = patterns::find(value) {
        return found(kind, secret);
    }
    let class = key.and_then(named::classify_key);
    // The key's words matter only when they name a secret.
    let words = key.filter(|_| class.is_some()).map(named::split_words);
    let secret_words = words.as_deref();
    if let Some((kind, secret)) = aws::find(secret_words, value) {
        return found(kind, secret);
    }
    if let Some(secret) = class.and_then(|c| named::real_value(value, c)) {
        return found(SecretKind::NamedSecret, secret);
    }
    if depth >= MAX_DEPTH {
        return None;
    }
    if value.starts_with('{') || value.starts_with('[') {
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(value) {
            return scan_json(key, &json, depth + 1);
        }
    }
    if value.contains('=') || value.starts_with('-') {
        return named::embedded_pairs(value)
            .into_iter()
            .find_map(|(k, v)| scan_at(Some(k), v, depth + 1));
    }
    None
}

/// Scan the strings of a JSON value embedded in a string (e.g. an
/// `Environment` variable holding `{"api_key": "…"}`), each under its own key.
fn scan_json(key: Option<&str>, json: &serde_json::Value, depth: u8) -> Option<SecretFinding> {
    use serde_json::Value;
    match json {
        Value::String(s) => scan_at(key, s, depth),
        Value::Array(items) => items.iter().find_map(|v| scan_json(key, v, depth)),
        Value::Object(map) => map.iter().find_map(|(k, v)| scan_json(Some(k), v, depth)),
        _ => None,
    }
}

/// Redact a secret for display: its first min(4, len/4) characters then "…" (so short secrets show less), counting chars not bytes.
///
/// Enough for a user to recognise which credential leaked, never enough to
/// use it.
pub fn redact(secret: &str) -> String {
    let shown = (secret.chars().count() / 4).min(4);
    let mut out: String = secret.chars().take(shown).collect();
    out.push('…');
    out
}
