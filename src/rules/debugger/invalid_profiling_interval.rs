//! SL804 `invalid-profiling-interval` (see `rules/SL804.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL804",
    name: "invalid-profiling-interval",
    severity: Severity::Error,
    summary: "ProfilingIntervalInMilliseconds is not 100, 200, 500, 1000, 5000 or 60000",
    doc: include_str!("../../../rules/SL804.md"),
    check: Check::Request(check),
};

/// The intervals the reference lists.
const ALLOWED: &[i64] = &[100, 200, 500, 1000, 5000, 60000];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(ms) = cx
        .request
        .profiler_config
        .as_ref()
        .and_then(|p| p.profiling_interval_in_milliseconds)
    else {
        return;
    };
    if ALLOWED.contains(&ms) {
        return;
    }
    out.push(
        cx.diagnostic(
            &RULE,
            "/ProfilerConfig/ProfilingIntervalInMilliseconds",
            Target::Value,
            format!(
                "ProfilingIntervalInMilliseconds is {ms}; it must be one of 100, 200, 500, 1000, 5000 or 60000"
            ),
        )
        .with_help(format!(
            "use {} (the closest allowed interval), or leave it out for the default of 500",
            nearest(ms)
        )),
    );
}

/// The allowed interval closest to `ms` (the smaller one on a tie).
fn nearest(ms: i64) -> i64 {
    ALLOWED
        .iter()
        .copied()
        .min_by_key(|a| a.abs_diff(ms))
        .unwrap_or(500)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn nearest_allowed_interval() {
        assert_eq!(nearest(0), 100);
        assert_eq!(nearest(-5), 100);
        assert_eq!(nearest(150), 100);
        assert_eq!(nearest(250), 200);
        assert_eq!(nearest(2000), 1000);
        assert_eq!(nearest(10_000), 5000);
        assert_eq!(nearest(i64::MAX), 60000);
        assert_eq!(nearest(i64::MIN), 100);
    }
}
