//! SL805 `unknown-profiling-parameter` (see `rules/SL805.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{describe, Check, Context, Rule};
use crate::{pointer, suggest};

pub const RULE: Rule = Rule {
    code: "SL805",
    name: "unknown-profiling-parameter",
    severity: Severity::Warning,
    summary: "A ProfilingParameters key that the profiler does not know; it is ignored",
    doc: include_str!("../../../rules/SL805.md"),
    check: Check::Request(check),
};

/// The keys of the API reference, of the Debugger guide's example, and those the SageMaker Python
/// SDK sends and the profiler reads (`ProfilerEnabled`: earlier releases). The profiler
/// lower-cases its configuration before reading it, so case does not matter (the guide writes
/// `DataloaderProfilingConfig`).
const KNOWN: &[&str] = &[
    "DetailedProfilingConfig",
    "PythonProfilingConfig",
    "DataLoaderProfilingConfig",
    "LocalPath",
    "RotateMaxFileSizeInBytes",
    "RotateFileCloseIntervalInSeconds",
    "FileOpenFailThreshold",
    "SMDataParallelProfilingConfig",
    "HorovodProfilingConfig",
    "ProfilerEnabled",
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(params) = cx
        .request
        .profiler_config
        .as_ref()
        .and_then(|p| p.profiling_parameters.as_ref())
    else {
        return;
    };
    const BASE: &str = "/ProfilerConfig/ProfilingParameters";
    for key in params.keys() {
        if KNOWN.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            continue;
        }
        let meant = suggestion(key);
        let mut message = format!(
            "unknown profiling parameter `{}` in `ProfilerConfig.ProfilingParameters`: the profiler ignores it",
            describe::quote(key)
        );
        if let Some(s) = meant {
            message.push_str(&format!(" (did you mean `{s}`?)"));
        }
        let d = cx.diagnostic(&RULE, pointer::join(BASE, key), Target::Key, message);
        out.push(match meant {
            Some(_) => d,
            None => d.with_help(
                "the profiling options are `DetailedProfilingConfig`, `PythonProfilingConfig` and `DataLoaderProfilingConfig`; `LocalPath` sets where the profiler writes",
            ),
        });
    }
}

/// The known key `key` is probably a typo of. Most options share the `ProfilingConfig` suffix,
/// which makes any two of them look alike: when both end with it, their own parts must match
/// too (`TensorFlowProfilingConfig` is not a typo of `HorovodProfilingConfig`).
fn suggestion(key: &str) -> Option<&'static str> {
    const SUFFIX: &str = "profilingconfig";
    let found = suggest::closest(key, KNOWN.iter().copied())?;
    let (key, candidate) = (key.to_ascii_lowercase(), found.to_ascii_lowercase());
    match (key.strip_suffix(SUFFIX), candidate.strip_suffix(SUFFIX)) {
        (Some(a), Some(b)) => suggest::closest(a, [b]).map(|_| found),
        _ => Some(found),
    }
}

#[cfg(test)]
mod tests {
    use super::suggestion;

    #[test]
    fn suggestions_match_the_distinctive_part() {
        assert_eq!(
            suggestion("PythonProfilerConfig"),
            Some("PythonProfilingConfig")
        );
        assert_eq!(
            suggestion("PytonProfilingConfig"),
            Some("PythonProfilingConfig")
        );
        assert_eq!(
            suggestion("DetailProfilingConfig"),
            Some("DetailedProfilingConfig")
        );
        assert_eq!(suggestion("local_path"), Some("LocalPath"));
        assert_eq!(suggestion("TensorFlowProfilingConfig"), None);
        assert_eq!(suggestion("SamplingRate"), None);
    }
}
