//! Compute resources: instance types, storage, KMS keys, instance groups (SL5xx).

registry! {
    volume_kms_on_local_storage,
    volume_size_exceeds_local_storage,
    ebs_volume_size_required,
    instance_type_or_groups,
    instance_count_zero,
    kms_key_format,
    kms_key_on_express_one_zone,
    selected_instance_read_only,
    instance_preferences_conflict,
    warm_pool_with_spot,
    warm_pool_with_instance_groups,
}

use crate::rules::{instance_types, Context};

/// Every instance type the job may run on, with the pointer of each: the cluster's
/// `InstanceType`, every instance group's, and every entry of `InstancePreferences` (SageMaker
/// picks one of them, so each must fit the rest of `ResourceConfig`). Types the facts table does
/// not know are left out.
pub(crate) fn job_instance_types<'a>(
    cx: &'a Context<'_>,
) -> impl Iterator<Item = (String, &'static crate::facts::InstanceType)> + 'a {
    let preferences = cx
        .request
        .resource_config
        .as_ref()
        .and_then(|r| r.instance_preferences.as_deref())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            Some((
                format!("/ResourceConfig/InstancePreferences/{i}/InstanceType"),
                crate::facts::instance_type(p.instance_type.as_deref()?)?,
            ))
        });
    instance_types(cx).chain(preferences)
}

/// The pointer of a tuning job definition's `HyperParameterTuningResourceConfig`.
pub(crate) const TUNING_RESOURCES: &str = "/HyperParameterTuningResourceConfig";

/// One instance configuration of a tuning job definition's `HyperParameterTuningResourceConfig`:
/// its own `InstanceType`, or one of its `InstanceConfigs`, with the volume size that goes with
/// it. (The configuration's `VolumeKmsKeyId` is shared by all.)
pub(crate) struct TuningInstance {
    pub t: &'static crate::facts::InstanceType,
    /// The pointer of its `InstanceType`.
    pub type_at: String,
    /// The pointer of its `VolumeSizeInGB`, and the size when it is given.
    pub size_at: String,
    pub size: Option<i64>,
}

/// The instance configurations of a tuning job definition's `HyperParameterTuningResourceConfig`
/// whose instance types the facts table knows.
pub(crate) fn tuning_instances(cx: &Context<'_>) -> Vec<TuningInstance> {
    let Some(rc) = cx
        .definition
        .and_then(|d| d.hyper_parameter_tuning_resource_config.as_ref())
    else {
        return Vec::new();
    };
    let own = rc
        .instance_type
        .as_deref()
        .map(|t| (t, String::new(), rc.volume_size_in_gb));
    let listed = rc
        .instance_configs
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, c)| {
            Some((
                c.instance_type.as_deref()?,
                format!("/InstanceConfigs/{i}"),
                c.volume_size_in_gb,
            ))
        });
    own.into_iter()
        .chain(listed)
        .filter_map(|(name, at, size)| {
            Some(TuningInstance {
                t: crate::facts::instance_type(name)?,
                type_at: format!("{TUNING_RESOURCES}{at}/InstanceType"),
                size_at: format!("{TUNING_RESOURCES}{at}/VolumeSizeInGB"),
                size,
            })
        })
        .collect()
}

/// Every instance type the job may run on, with its pointer: [`job_instance_types`], and a
/// tuning job definition's instance configurations ([`tuning_instances`]).
pub(crate) fn every_instance_type<'a>(
    cx: &'a Context<'_>,
) -> impl Iterator<Item = (String, &'static crate::facts::InstanceType)> + 'a {
    let tuning = tuning_instances(cx).into_iter().map(|i| (i.type_at, i.t));
    job_instance_types(cx).chain(tuning)
}

/// The most instances any configuration of a tuning job definition's
/// `HyperParameterTuningResourceConfig` runs a training job on (its own `InstanceCount`, or one
/// of its `InstanceConfigs`').
pub(crate) fn tuning_instance_count(cx: &Context<'_>) -> Option<i64> {
    let rc = cx
        .definition
        .and_then(|d| d.hyper_parameter_tuning_resource_config.as_ref())?;
    let listed = rc
        .instance_configs
        .iter()
        .flatten()
        .map(|c| c.instance_count);
    std::iter::once(rc.instance_count)
        .chain(listed)
        .flatten()
        .max()
}

/// Whether a list member of `ResourceConfig` is given: a non-empty list, a value of another
/// type (the schema reports it), or a Step Functions path (`Name.$`).
pub(crate) fn list_set<T>(cx: &Context<'_>, pointer: &str, typed: Option<&[T]>) -> bool {
    cx.has(pointer) && typed.is_none_or(|l| !l.is_empty())
}

/// `ResourceConfig.KeepAlivePeriodInSeconds` when it asks for a managed warm pool: a literal
/// value above 0 (0 keeps no pool; a Step Functions path is not known before the job runs).
pub(crate) fn warm_pool(cx: &Context<'_>) -> Option<i64> {
    cx.request
        .resource_config
        .as_ref()
        .and_then(|r| r.keep_alive_period_in_seconds)
        .filter(|s| *s > 0)
}

/// How many instances the job runs on, when the request says so literally: `InstanceCount`, or
/// the sum of the instance groups' counts (`None` when a count is known only at run time).
pub(crate) fn total_instances(cx: &Context<'_>) -> Option<i64> {
    let rc = cx.request.resource_config.as_ref()?;
    if cx.has("/ResourceConfig/InstanceGroups") {
        let groups = rc.instance_groups.as_deref()?;
        return groups.iter().map(|g| g.instance_count).sum::<Option<i64>>();
    }
    rc.instance_count
}
