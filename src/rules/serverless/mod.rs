//! Serverless training jobs (SL9xx).

registry! {
    evaluation_type_required,
    serverless_volume_size,
    accept_eula_false,
    sequence_length_out_of_range,
}

/// Whether the request is a serverless training job (`ServerlessJobConfig` set): SageMaker then
/// chooses the compute and its storage, so the instance-storage rules do not apply.
pub fn is_serverless(cx: &crate::rules::Context<'_>) -> bool {
    cx.has("/ServerlessJobConfig")
}
