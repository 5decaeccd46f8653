//! SL603 `secret-in-tags` (see `rules/SL603.md`).

use std::rc::Rc;

use super::report::{self, is_aws_credential, Entry, Namer, Place, Subject};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{describe, Check, Context, Rule};
use crate::secrets::SecretKind;

pub const RULE: Rule = Rule {
    code: "SL603",
    name: "secret-in-tags",
    severity: Severity::Error,
    summary: "A credential or secret in a tag key or value",
    doc: include_str!("../../../rules/SL603.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let tags = cx.request.tags.as_deref().unwrap_or_default();
    let mut entries = Vec::new();
    let named: Namer<'_> =
        Rc::new(|k, _| format!("the value of tag `{}`", describe::quote(k)));
    for (i, tag) in tags.iter().enumerate() {
        let key = tag.key.as_deref();
        if let Some(k) = key {
            // A tag key is a name, but a secret pasted there is judged by its format alone.
            entries.push(Entry {
                place: Place::ItemMember("/Tags", i, "Key"),
                key: None,
                subject: Subject::Item(|i| format!("the key of `Tags[{i}]`"), i),
                value: k,
                by_flag: None,
            });
        }
        if let Some(v) = tag.value.as_deref() {
            // The value is judged by its tag's key (`api_token: ...`).
            entries.push(Entry {
                place: Place::ItemMember("/Tags", i, "Value"),
                key,
                subject: match key {
                    Some(k) => Subject::Of(k, Rc::clone(&named)),
                    None => Subject::Item(|i| format!("the value of `Tags[{i}]`"), i),
                },
                value: v,
                by_flag: None,
            });
        }
    }
    report::report(cx, &RULE, entries, help, out);
}

fn help(kind: SecretKind) -> &'static str {
    if is_aws_credential(kind) {
        "tags are plain metadata, readable by anyone allowed to list the job's tags and copied into billing reports: remove the key from the tag and deactivate it"
    } else {
        "tags are plain metadata, readable by anyone allowed to list the job's tags and copied into billing reports: remove the secret from the tag and revoke it"
    }
}
