//! SL303 `data-source-not-exactly-one` (see `rules/SL303.md`).

use super::{channel_label, channel_ptr};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL303",
    name: "data-source-not-exactly-one",
    severity: Severity::Error,
    summary: "A channel's DataSource holds none, or more than one, of S3DataSource, FileSystemDataSource and DatasetSource",
    doc: include_str!("../../../rules/SL303.md"),
    check: Check::Request(check),
};

const SOURCES: [&str; 3] = ["S3DataSource", "FileSystemDataSource", "DatasetSource"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        let at = format!("{}/DataSource", channel_ptr(i));
        // Only a literal object can be judged: a missing DataSource is the schema's required
        // error, a `DataSource.$` path is filled in at run time.
        let Some(found) = cx.root.lookup(&at) else {
            continue;
        };
        let Some(members) = found.node.as_object() else {
            continue;
        };
        // The sources the document sets, in document order (null counts as unset, as in
        // DescribeTrainingJob output).
        let mut set: Vec<&str> = Vec::new();
        for m in members {
            let key = m.key.strip_suffix(".$").unwrap_or(&m.key);
            if let Some(&source) = SOURCES.iter().find(|s| **s == key) {
                if !set.contains(&source) && cx.has(&format!("{at}/{source}")) {
                    set.push(source);
                }
            }
        }
        let label = channel_label(i, channel);
        match set.as_slice() {
            [_] => {}
            [] => {
                // A misspelt source (`S3Datasource`) is already reported, with a suggestion,
                // by the schema's unknown-key rule.
                let prefix = format!("{at}/");
                if cx
                    .schema_errors
                    .iter()
                    .any(|e| e.pointer.starts_with(&prefix))
                {
                    continue;
                }
                out.push(
                    cx.diagnostic(
                        &RULE,
                        at.as_str(),
                        Target::Key,
                        format!(
                            "{label}'s DataSource is empty: it must hold exactly one of S3DataSource, FileSystemDataSource or DatasetSource"
                        ),
                    )
                    .with_help("add the S3DataSource (or FileSystemDataSource, or DatasetSource) the channel reads"),
                );
            }
            [first, rest @ ..] => {
                let others = rest.join(" and ");
                out.push(
                    cx.diagnostic(
                        &RULE,
                        format!("{at}/{}", rest[0]),
                        Target::Key,
                        format!(
                            "{label}'s DataSource holds {first} and {others}: it must hold exactly one of S3DataSource, FileSystemDataSource or DatasetSource"
                        ),
                    )
                    .with_help("keep the source this channel should read and move the other into a channel of its own"),
                );
            }
        }
    }
}
