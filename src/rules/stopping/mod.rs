//! Stopping conditions and managed spot training (SL4xx).

use crate::rules::Context;

registry! {
    max_wait_below_max_runtime,
    max_runtime_over_limit,
    spot_without_max_wait,
    max_wait_without_spot,
    spot_without_checkpoint,
    spot_builtin_wait_over_hour,
}

/// Whether the job trains on managed Spot capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spot {
    /// `EnableManagedSpotTraining: true`.
    On,
    /// `false`, or not set (the default is on-demand capacity).
    Off,
    /// Not known before the job runs (a Step Functions path `EnableManagedSpotTraining.$`, a
    /// template placeholder) or not a boolean (the schema reports that).
    Unknown,
}

fn spot(cx: &Context<'_>) -> Spot {
    match cx.request.enable_managed_spot_training {
        Some(true) => Spot::On,
        Some(false) => Spot::Off,
        // A misspelt key (SL100's, with the fix) leaves it unknown.
        None if cx.has("/EnableManagedSpotTraining")
            || crate::rules::schema::unknown_key::misspelt(cx, "/EnableManagedSpotTraining") =>
        {
            Spot::Unknown
        }
        None => Spot::Off,
    }
}
