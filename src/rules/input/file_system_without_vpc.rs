//! SL307 `file-system-without-vpc` (see `rules/SL307.md`).

use super::{channel_label, channel_ptr};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::schema::unknown_key::misspelt;
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL307",
    name: "file-system-without-vpc",
    severity: Severity::Error,
    summary:
        "A channel reads an EFS or FSx for Lustre file system, but the request has no VpcConfig",
    doc: include_str!("../../../rules/SL307.md"),
    check: Check::Request(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.has("/VpcConfig") || misspelt(cx, "/VpcConfig") {
        return;
    }
    let Some(channels) = &cx.request.input_data_config else {
        return;
    };
    for (i, channel) in channels.iter().enumerate() {
        let at = format!("{}/DataSource/FileSystemDataSource", channel_ptr(i));
        if !cx.has(&at) {
            continue;
        }
        let fs = channel
            .data_source
            .as_ref()
            .and_then(|d| d.file_system_data_source.as_ref());
        let kind = match fs.and_then(|f| f.file_system_type.as_deref()) {
            Some("EFS") => "an Amazon EFS file system",
            Some("FSxLustre") => "an Amazon FSx for Lustre file system",
            _ => "a file system",
        };
        out.push(
            cx.diagnostic(
                &RULE,
                at.as_str(),
                Target::Key,
                format!(
                    "{} reads {kind}, but the request has no VpcConfig: the training instances can only reach the file system through the VPC it lives in",
                    channel_label(i, channel)
                ),
            )
            .with_help(
                "add VpcConfig with subnets of the file system's VPC and a security group the file system accepts traffic from (NFS for EFS, Lustre for FSx)",
            ),
        );
    }
}
