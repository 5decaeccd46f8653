//! Input data: channels, data sources, input modes (SL3xx).

registry! {
    augmented_manifest_requires_pipe,
}
