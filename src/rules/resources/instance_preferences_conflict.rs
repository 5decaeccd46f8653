//! SL509 `instance-preferences-conflict` (see `rules/SL509.md`).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::rules::{Check, Context, Rule};

pub const RULE: Rule = Rule {
    code: "SL509",
    name: "instance-preferences-conflict",
    severity: Severity::Error,
    summary: "ResourceConfig.InstancePreferences combined in a way SageMaker rejects",
    doc: include_str!("../../../rules/SL509.md"),
    check: Check::Request(check),
};

const PREFERENCES: &str = "/ResourceConfig/InstancePreferences";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(rc) = cx.request.resource_config.as_ref() else {
        return;
    };
    let preferences = rc.instance_preferences.as_deref().unwrap_or_default();
    if preferences.is_empty() {
        return;
    }
    // InstanceType and InstanceGroups next to InstancePreferences are SL504's.
    if cx.has("/ResourceConfig/InstancePlacementConfig") {
        out.push(
            cx.diagnostic(
                &RULE,
                "/ResourceConfig/InstancePlacementConfig",
                Target::Key,
                "ResourceConfig sets both InstancePlacementConfig and InstancePreferences; they are mutually exclusive",
            )
            .with_help("UltraServer placement needs one known instance type: remove InstancePreferences and set InstanceType, or remove InstancePlacementConfig"),
        );
    }
    if cx.request.enable_managed_spot_training == Some(true) {
        out.push(
            cx.diagnostic(
                &RULE,
                "/EnableManagedSpotTraining",
                Target::Value,
                "EnableManagedSpotTraining is true, but InstancePreferences supports only on-demand capacity and flexible training plans",
            )
            .with_help("remove InstancePreferences and set InstanceType to train on Spot instances, or set EnableManagedSpotTraining to false"),
        );
    }

    // The instance count: on every preference and not in ResourceConfig, or only in ResourceConfig.
    let with_count: Vec<bool> = (0..preferences.len())
        .map(|i| cx.has(&format!("{PREFERENCES}/{i}/InstanceCount")))
        .collect();
    let per_preference = with_count.iter().filter(|c| **c).count();
    let job_count = cx.has("/ResourceConfig/InstanceCount");
    if per_preference > 0 && per_preference < preferences.len() {
        for (i, _) in with_count.iter().enumerate().filter(|(_, c)| !**c) {
            // Point at the preference's instance type where it has one, else at the entry.
            let type_at = format!("{PREFERENCES}/{i}/InstanceType");
            let at = if cx.has(&type_at) {
                type_at
            } else {
                format!("{PREFERENCES}/{i}")
            };
            out.push(
                cx.diagnostic(
                    &RULE,
                    at,
                    Target::Value,
                    format!("InstancePreferences[{i}] has no InstanceCount, but other preferences set one: either every preference sets InstanceCount or none does"),
                )
                .with_help("add InstanceCount to this preference, or remove it from every preference and set ResourceConfig.InstanceCount"),
            );
        }
    }
    if per_preference > 0 && job_count {
        out.push(
            cx.diagnostic(
                &RULE,
                "/ResourceConfig/InstanceCount",
                Target::Key,
                "ResourceConfig.InstanceCount is set, but InstancePreferences also sets InstanceCount per preference",
            )
            .with_help("remove ResourceConfig.InstanceCount (the per-preference counts apply), or remove InstanceCount from every preference"),
        );
    }
    if per_preference == 0 && !job_count {
        out.push(
            cx.diagnostic(
                &RULE,
                PREFERENCES,
                Target::Key,
                "InstancePreferences has no instance count: neither ResourceConfig.InstanceCount nor the preferences set InstanceCount",
            )
            .with_help("set ResourceConfig.InstanceCount for every preference, or InstanceCount on each preference"),
        );
    }

    // Each instance type appears once.
    let mut seen: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    for (i, p) in preferences.iter().enumerate() {
        let Some(ty) = p.instance_type.as_deref() else {
            continue;
        };
        let first = *seen.entry(ty).or_insert(i);
        if first != i {
            out.push(
                cx.diagnostic(
                    &RULE,
                    format!("{PREFERENCES}/{i}/InstanceType"),
                    Target::Value,
                    format!("{ty} is listed twice in InstancePreferences (also at InstancePreferences[{first}]); an instance type can appear only once"),
                )
                .with_help("remove the repeated preference"),
            );
        }
    }

    // Training plans: per preference or for the job, not both.
    let plan_per_preference = preferences
        .iter()
        .enumerate()
        .any(|(i, _)| cx.has(&format!("{PREFERENCES}/{i}/TrainingPlanArns")));
    if plan_per_preference && cx.has("/ResourceConfig/TrainingPlanArn") {
        out.push(
            cx.diagnostic(
                &RULE,
                "/ResourceConfig/TrainingPlanArn",
                Target::Key,
                "ResourceConfig.TrainingPlanArn is set, but InstancePreferences also names training plans (TrainingPlanArns); they are mutually exclusive",
            )
            .with_help("remove ResourceConfig.TrainingPlanArn and keep the plans on the preferences, or remove TrainingPlanArns from every preference"),
        );
    }
}
