//! Stopping conditions and managed spot training (SL4xx).

registry! {
    max_wait_below_max_runtime,
    max_runtime_over_limit,
}
