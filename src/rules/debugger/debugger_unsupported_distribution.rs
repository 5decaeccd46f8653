//! SL806 `debugger-unsupported-distribution` (see `rules/SL806.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL806",
    name: "debugger-unsupported-distribution",
    severity: Severity::Warning,
    summary: "DebugHookConfig with a distributed training option Debugger does not support (parameter server, model parallel, or data parallel with checkpoints)",
    doc: include_str!("../../../rules/SL806.md"),
    check: Check::Request(check),
};

/// Whether a hyperparameter the SageMaker Python SDK writes for a distribution option is on
/// (the SDK writes JSON values: `"true"`).
fn on(cx: &Context<'_>, name: &str) -> bool {
    cx.request
        .hyper_parameters
        .as_ref()
        .and_then(|h| h.get(name))
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.has("/DebugHookConfig") {
        return;
    }
    let has_hp = |name: &str| {
        cx.request
            .hyper_parameters
            .as_ref()
            .is_some_and(|h| h.contains_key(name))
    };
    const REMOVE: &str =
        "remove DebugHookConfig (and the DebugRuleConfigurations that read its tensors)";
    let (why, help) = if on(cx, "sagemaker_parameter_server_enabled") {
        ("the job uses parameter server training (sagemaker_parameter_server_enabled), which Debugger does not support", REMOVE)
    } else if has_hp("mp_parameters") {
        ("the job uses the SageMaker model parallelism library (mp_parameters), which Debugger does not support", REMOVE)
    } else if cx.has("/CheckpointConfig")
        && (on(cx, "sagemaker_distributed_dataparallel_enabled") || on(cx, "sagemaker_mpi_enabled"))
    {
        ("the job uses a distributed training option (sagemaker_distributed_dataparallel_enabled or sagemaker_mpi_enabled) together with CheckpointConfig, and Debugger is not available when both are enabled",
         "keep one of the two: remove CheckpointConfig and save checkpoints from the training script, or remove DebugHookConfig")
    } else {
        return;
    };
    out.push(
        cx.diagnostic(
            &RULE,
            "/DebugHookConfig",
            Target::Key,
            format!("DebugHookConfig is set, but {why}: the hook collects nothing or the job reports an SMDebug error"),
        )
        .with_help(help),
    );
}
