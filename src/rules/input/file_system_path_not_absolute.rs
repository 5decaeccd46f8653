//! SL308 `file-system-path-not-absolute` (see `rules/SL308.md`).

use super::{channel_label, channel_ptr};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL308",
    name: "file-system-path-not-absolute",
    severity: Severity::Warning,
    summary: "FileSystemDataSource.DirectoryPath is not a full (absolute) path",
    doc: include_str!("../../../rules/SL308.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        let Some(path) = channel
            .data_source
            .as_ref()
            .and_then(|d| d.file_system_data_source.as_ref())
            .and_then(|f| f.directory_path.as_deref())
        else {
            continue;
        };
        // An empty path is unset (the schema's required-member rule); a placeholder is filled
        // in before the request is sent.
        if path.is_empty() || path.starts_with('/') {
            continue;
        }
        out.push(
            cx.diagnostic(
                &RULE,
                format!(
                    "{}/DataSource/FileSystemDataSource/DirectoryPath",
                    channel_ptr(i)
                ),
                Target::Value,
                format!(
                    "{}'s DirectoryPath `{}` is not a full path: the documents ask for the full path of the directory in the file system, starting with `/`",
                    channel_label(i, channel),
                    describe::quote(path)
                ),
            )
            .with_help(format!(
                "write the path from the file system's root, e.g. `/{}` (for FSx for Lustre it starts with the file system's mount name)",
                describe::quote(path.trim_start_matches("./"))
            )),
        );
    }
}
