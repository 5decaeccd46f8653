//! SL206 `invalid-training-image` (see `rules/SL206.md`).

use super::image_ref;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL206",
    name: "invalid-training-image",
    severity: Severity::Error,
    summary: "TrainingImage is not registry/repository[:tag] or registry/repository[@digest]",
    doc: include_str!("../../../rules/SL206.md"),
    check: Check::Request(check),
};

const AT: &str = "/AlgorithmSpecification/TrainingImage";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.has(AT) {
        return;
    }
    let Some(image) = cx
        .request
        .algorithm_specification
        .as_ref()
        .and_then(|a| a.training_image.as_deref())
    else {
        return;
    };
    // Line breaks and over-long values are the schema's (SL104, SL103) to report.
    if image.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        return;
    }
    let Err(problem) = image_ref::parse(image) else {
        return;
    };
    let help = match problem {
        image_ref::Problem::Whitespace(_) => "remove the whitespace".to_string(),
        image_ref::Problem::Uppercase(_) => {
            "use the repository's name in lowercase, as the registry lists it".to_string()
        }
        image_ref::Problem::DigestLength { .. }
        | image_ref::Problem::DigestNotHex(_)
        | image_ref::Problem::DigestWithoutAlgorithm(_)
        | image_ref::Problem::BadDigestAlgorithm(_)
        | image_ref::Problem::EmptyDigest
        | image_ref::Problem::SeveralDigests => {
            "copy the digest whole from the registry (`sha256:` and 64 lowercase hexadecimal digits), or use a tag instead".to_string()
        }
        _ => "give the full image path, e.g. 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1".to_string(),
    };
    // Name the value when it is short enough to read in a message; the label shows it anyway.
    let subject = if image.chars().count() <= 60 {
        format!("TrainingImage `{}`", describe::quote(image))
    } else {
        "TrainingImage".to_string()
    };
    let form = if problem.is_structural() {
        "; SageMaker takes registry/repository[:tag] or registry/repository[@digest]"
    } else {
        ""
    };
    out.push(
        cx.diagnostic(
            &RULE,
            AT,
            Target::Value,
            format!("{subject} {}{form}", problem.describe()),
        )
        .with_help(help),
    );
}
