//! Compute resources: instance types, storage, KMS keys, instance groups (SL5xx).

registry! {
    volume_kms_on_local_storage,
    volume_size_exceeds_local_storage,
    ebs_volume_size_required,
}
