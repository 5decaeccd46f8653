//! The one way the SL6xx rules look for secrets: list the values of a place (a map's entries,
//! a list's items), scan each with [`crate::secrets::scan`], and report each secret found in one
//! diagnostic whose span renderers mask and whose message shows at most the redacted preview.

use std::rc::Rc;

use crate::model::StringMap;

use crate::diagnostic::{Diagnostic, Target};
use crate::rules::{describe, Context, Rule};
use crate::secrets::{self, SecretKind};

/// One value to scan.
pub(super) struct Entry<'a> {
    /// Where the value is.
    pub place: Place<'a>,
    /// The name the value is judged by: the map key, or the `--flag` before a list item.
    pub key: Option<&'a str>,
    /// How messages name the value, e.g. "environment variable `HF_TOKEN`".
    pub subject: Subject<'a>,
    pub value: &'a str,
    /// For a list item after a flag: the value is first judged alone, and only when that finds
    /// nothing by the flag's name, then named this way ("… (the value of `--password`)").
    pub by_flag: Option<String>,
}

/// Where a value is; its JSON Pointer is made only for a value that holds a secret (most hold
/// none, and formatting one per tag and hyperparameter was a tenth of these rules' time).
pub(super) enum Place<'a> {
    Pointer(String),
    /// Member `.1` of the map at `.0`.
    Member(Rc<str>, &'a str),
    /// Member `.2` of item `.1` of the list at `.0`: `/Tags/3/Key`.
    ItemMember(&'static str, usize, &'static str),
}

impl Place<'_> {
    fn into_pointer(self) -> String {
        match self {
            Place::Pointer(p) => p,
            Place::Member(base, key) => crate::pointer::join(&base, key),
            Place::ItemMember(base, i, member) => format!("{base}/{i}/{member}"),
        }
    }
}

/// Names a map entry from its key and pointer.
pub(super) type Namer<'a> = Rc<dyn Fn(&str, &str) -> String + 'a>;

/// How messages name a value: worked out already, or from its key and pointer when a secret is
/// found (most values hold none).
pub(super) enum Subject<'a> {
    Text(String),
    Of(&'a str, Namer<'a>),
    /// Item `.1` of a list, named by `.0`.
    Item(fn(usize) -> String, usize),
}

impl Subject<'_> {
    fn text(&self, pointer: &str) -> String {
        match self {
            Subject::Text(s) => s.clone(),
            Subject::Of(key, name) => name(key, pointer),
            Subject::Item(name, i) => name(*i),
        }
    }
}

/// The entries of the string map at `base` (`/HyperParameters`, `/Environment`, ...), each judged
/// by its key; `subject` names an entry from its key and pointer.
pub(super) fn map_entries<'a>(
    base: &str,
    map: Option<&'a StringMap>,
    subject: impl Fn(&str, &str) -> String + 'a,
) -> Vec<Entry<'a>> {
    let subject: Namer<'a> = Rc::new(subject);
    let base: Rc<str> = base.into();
    map.into_iter()
        .flatten()
        .map(|(key, value)| Entry {
            subject: Subject::Of(key, Rc::clone(&subject)),
            place: Place::Member(Rc::clone(&base), key),
            key: Some(key.as_str()),
            value,
            by_flag: None,
        })
        .collect()
}

/// The items of the string list at `base` (`ContainerArguments`, `ContainerEntrypoint`), each
/// judged by the flag before it, so that `["--password", "hunter22"]` is read as a password.
/// Messages name an item by its path, and by its flag when it has one.
pub(super) fn list_entries<'a>(base: &str, items: Option<&'a [String]>) -> Vec<Entry<'a>> {
    let items = items.unwrap_or_default();
    items
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let pointer = crate::pointer::join(base, i.to_string());
            let key = i.checked_sub(1).and_then(|j| flag_name(&items[j], value));
            let subject = describe::field(&pointer);
            let by_flag =
                key.map(|flag| format!("{subject} (the value of `{}`)", describe::quote(flag)));
            Entry {
                place: Place::Pointer(pointer),
                key,
                subject: Subject::Text(subject),
                value,
                by_flag,
            }
        })
        .collect()
}

/// `prev` when it is a flag whose value is `item`: `--password hunter22`, not `--verbose
/// --epochs` nor `--lr=0.1 hunter22`.
fn flag_name<'a>(prev: &'a str, item: &str) -> Option<&'a str> {
    let name = prev.trim_start_matches('-');
    let is_flag = prev.starts_with('-')
        && !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    (is_flag && !item.starts_with('-')).then_some(prev)
}

/// Scan every entry; push one diagnostic of `rule` per secret found, pointing at the value,
/// with `redact` set so that no output shows the secret. `help` says what to do for a kind.
pub(super) fn report<'a>(
    cx: &Context<'_>,
    rule: &'static Rule,
    entries: impl IntoIterator<Item = Entry<'a>>,
    help: impl Fn(SecretKind) -> &'static str,
    out: &mut Vec<Diagnostic>,
) {
    for entry in entries {
        let found = match &entry.by_flag {
            None => secrets::scan(entry.key, entry.value).map(|f| (f, None)),
            Some(by_flag) => secrets::scan(None, entry.value)
                .map(|f| (f, None))
                .or_else(|| secrets::scan(entry.key, entry.value).map(|f| (f, Some(by_flag)))),
        };
        let Some((found, by_flag)) = found else {
            continue;
        };
        let pointer = entry.place.into_pointer();
        let subject = match by_flag {
            Some(text) => text.clone(),
            None => entry.subject.text(&pointer),
        };
        let message = match found.kind {
            SecretKind::NamedSecret => format!(
                "{subject} holds a real-looking value under a secret-like name (`{}`)",
                found.preview
            ),
            kind => {
                let what = kind.describe();
                let article = if what.starts_with(['A', 'E', 'I', 'O', 'U']) {
                    "an"
                } else {
                    "a"
                };
                format!(
                    "{subject} holds what looks like {article} {what} (`{}`)",
                    found.preview
                )
            }
        };
        let mut d = cx
            .diagnostic(rule, pointer, Target::Value, message)
            .with_help(help(found.kind));
        d.redact = true;
        out.push(d);
    }
}

/// Whether a kind is an AWS credential: the fix is the job's role, not a secret store.
pub(super) fn is_aws_credential(kind: SecretKind) -> bool {
    matches!(
        kind,
        SecretKind::AwsAccessKeyId | SecretKind::AwsSecretAccessKey | SecretKind::AwsSessionToken
    )
}

#[cfg(test)]
mod tests {
    use super::flag_name;

    #[test]
    fn flags_name_the_next_item() {
        assert_eq!(flag_name("--password", "hunter22"), Some("--password"));
        assert_eq!(flag_name("-p", "hunter22"), Some("-p"));
        assert_eq!(flag_name("--hf.token", "x"), Some("--hf.token"));
        // Not a flag, or not its value.
        assert_eq!(flag_name("train.py", "hunter22"), None);
        assert_eq!(flag_name("--lr=0.1", "hunter22"), None);
        assert_eq!(flag_name("--password", "--epochs"), None);
        assert_eq!(flag_name("--", "hunter22"), None);
        assert_eq!(flag_name("-", "hunter22"), None);
        assert_eq!(flag_name("--pass word", "hunter22"), None);
    }
}
