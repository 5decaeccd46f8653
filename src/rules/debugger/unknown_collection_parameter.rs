//! SL803 `unknown-collection-parameter` (see `rules/SL803.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};
use crate::source::Format;
use crate::{pointer, suggest};

pub const RULE: Rule = Rule {
    code: "SL803",
    name: "unknown-collection-parameter",
    severity: Severity::Warning,
    summary: "A CollectionParameters key that Debugger does not know; it is ignored",
    doc: include_str!("../../../rules/SL803.md"),
    check: Check::Request(check),
};

/// The parameters the API reference allows.
const DOCUMENTED: &[&str] = &[
    "name",
    "include_regex",
    "reduction_config",
    "save_config",
    "tensor_names",
    "save_histogram",
];

/// The parameters Debugger's hook reads from the collection configuration (`smdebug`'s JSON
/// configuration: the save configuration and reductions), which AWS's own examples use.
const READ_BY_HOOK: &[&str] = &[
    "save_interval",
    "save_steps",
    "start_step",
    "end_step",
    "reductions",
    "save_raw_tensor",
];

/// The save configuration keys that can be set per mode (`train.save_interval`).
const PER_MODE: &[&str] = &["save_interval", "save_steps", "start_step", "end_step"];
const MODES: &[&str] = &["train", "eval", "predict", "global"];

fn known(key: &str) -> bool {
    DOCUMENTED.contains(&key)
        || READ_BY_HOOK.contains(&key)
        || key
            .split_once('.')
            .is_some_and(|(mode, k)| MODES.contains(&mode) && PER_MODE.contains(&k))
}

/// Every known key, for suggestions: made once per process.
static CANDIDATES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let plain = DOCUMENTED.iter().chain(READ_BY_HOOK).map(|k| k.to_string());
    let per_mode = MODES
        .iter()
        .flat_map(|m| PER_MODE.iter().map(move |k| format!("{m}.{k}")));
    plain.chain(per_mode).collect()
});

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let collections = cx
        .request
        .debug_hook_config
        .as_ref()
        .and_then(|h| h.collection_configurations.as_deref())
        .unwrap_or_default();
    for (i, c) in collections.iter().enumerate() {
        let Some(params) = &c.collection_parameters else {
            continue;
        };
        let base = format!("/DebugHookConfig/CollectionConfigurations/{i}/CollectionParameters");
        for key in params.keys().filter(|k| !known(k)) {
            let mut message = format!(
                "unknown collection parameter `{}` in {}: Debugger ignores it",
                describe::quote(key),
                describe::field(&base)
            );
            // A suggestion is the fix: in the message, which every format shows.
            let help = match hint(cx.source.format, key, params, &CANDIDATES) {
                Hint::Meant(s) => {
                    message.push_str(&format!(" (did you mean `{s}`?)"));
                    None
                }
                Hint::Help(h) => Some(h),
            };
            let d = cx.diagnostic(&RULE, pointer::join(&base, key), Target::Key, message);
            out.push(match help {
                Some(h) => d.with_help(h),
                None => d,
            });
        }
    }
}

/// What to tell about an unknown parameter: the one meant, or how to write parameters.
enum Hint<'a> {
    Meant(&'a str),
    Help(String),
}

fn hint<'a>(
    format: Format,
    key: &str,
    params: &crate::model::StringMap,
    all: &'a [String],
) -> Hint<'a> {
    // `{name: save_interval, value: "5"}`: a name/value list entry written as the map.
    if key == "value" {
        if let Some(name) = params.get("name").filter(|n| known(n) && *n != "name") {
            let (name, value) = (describe::quote(name), describe::quote(&params[key]));
            let member = match format {
                Format::Json => format!("\"{name}\": \"{value}\""),
                Format::Yaml => format!("{name}: \"{value}\""),
            };
            return Hint::Help(format!(
                "CollectionParameters maps each parameter to its value: write `{member}` instead of `name` and `value`"
            ));
        }
    }
    match suggest::closest(key, all.iter().map(String::as_str)) {
        Some(s) => Hint::Meant(s),
        None => Hint::Help(format!(
            "the parameters are {} (and `train.`, `eval.`, `predict.` or `global.` before the save settings)",
            DOCUMENTED
                .iter()
                .chain(READ_BY_HOOK)
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::known;

    #[test]
    fn documented_read_and_per_mode_keys_are_known() {
        for k in [
            "name",
            "include_regex",
            "save_interval",
            "end_step",
            "reductions",
        ] {
            assert!(known(k), "{k}");
        }
        for k in [
            "train.save_interval",
            "eval.start_step",
            "global.save_steps",
        ] {
            assert!(known(k), "{k}");
        }
        for k in [
            "value",
            "Save_Interval",
            "train.reductions",
            "test.save_interval",
            "save_interval.",
        ] {
            assert!(!known(k), "{k}");
        }
    }
}
