//! The tuning job's own constraints (TNxxx): its ranges, its strategy and its limits. They run
//! on a CreateHyperParameterTuningJob request (`Shape::TuningJob`); its training job
//! definitions are checked by the other rules as requests of their own. Those about one
//! definition also run on a definition file of its own ([`definitions_of`], `rules::applies`).

registry! {
    range_min_above_max,
    invalid_scaling_type,
    hyperband_early_stopping,
    parallel_above_max_jobs,
    too_many_tuning_hyperparameters,
    objective_metric_undefined,
    single_algorithm_only,
    instance_configs_conflict,
    static_and_tuned,
    definition_name_or_objective_missing,
    duplicate_definition_name,
    grid_non_categorical_range,
    grid_max_jobs_mismatch,
    hyperband_max_resource_unknown,
    tuning_limit_exceeded,
    resource_configs_conflict,
    too_few_combinations,
    duplicate_range_name,
}

use crate::model::{
    CreateHyperParameterTuningJobRequest, HyperParameterTrainingJobDefinition, ParameterRanges,
};
use crate::rules::Context;

/// The tuning request, when the checked request is one.
fn tuning<'a>(cx: &Context<'a>) -> Option<&'a CreateHyperParameterTuningJobRequest> {
    cx.tuning
}

/// The training job definitions the checked request holds, with their pointers: a tuning
/// job's ([`definitions`]), or a definition file's own (`""`: a definition of its own, which
/// [`crate::rules::applies`] lets the rules about one definition read).
pub fn definitions_of<'a>(
    cx: &Context<'a>,
) -> Vec<(String, &'a HyperParameterTrainingJobDefinition)> {
    match (cx.tuning, cx.definition) {
        (Some(t), _) => definitions(t),
        (None, Some(d)) => vec![(String::new(), d)],
        (None, None) => Vec::new(),
    }
}

/// Whether the tuning job asks Autotune to choose its ranges, resource limits and strategy:
/// the limits it writes are then not the last word (API Reference, `Autotune`).
pub fn autotuned(cx: &Context<'_>) -> bool {
    cx.has("/Autotune")
}

/// Each training job definition of the tuning request with its pointer: the one
/// `TrainingJobDefinition`, or every item of `TrainingJobDefinitions`.
pub fn definitions(
    t: &CreateHyperParameterTuningJobRequest,
) -> Vec<(String, &HyperParameterTrainingJobDefinition)> {
    let single = t
        .training_job_definition
        .iter()
        .map(|d| ("/TrainingJobDefinition".to_string(), d));
    let listed = t
        .training_job_definitions
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, d)| (format!("/TrainingJobDefinitions/{i}"), d));
    single.chain(listed).collect()
}

/// The pointer of the one `TrainingJobDefinition`, which the tuning job's own ranges and
/// objective serve.
pub const SINGLE: &str = "/TrainingJobDefinition";

/// The pointer of the tuning job's own `ParameterRanges`.
pub const JOB_RANGES: &str = "/HyperParameterTuningJobConfig/ParameterRanges";

/// The ranges a definition's training jobs search, with their pointer: its own
/// `HyperParameterRanges`, or (for the one `TrainingJobDefinition` without them) the tuning job's
/// `ParameterRanges`. A definition whose own ranges are known only later has none to read.
pub fn ranges_of<'a>(
    cx: &Context<'a>,
    here: &str,
    d: &'a HyperParameterTrainingJobDefinition,
) -> (String, Option<&'a ParameterRanges>) {
    let own_at = format!("{here}/HyperParameterRanges");
    match d.hyper_parameter_ranges.as_ref() {
        None if here == SINGLE && !cx.has(&own_at) => (
            JOB_RANGES.to_string(),
            tuning(cx)
                .and_then(|t| t.hyper_parameter_tuning_job_config.as_ref())
                .and_then(|c| c.parameter_ranges.as_ref()),
        ),
        own => (own_at, own),
    }
}

/// The name of every integer, continuous and categorical range of `r`, with the range's pointer
/// under `at` and the list it is in, in document order of the lists.
pub fn range_names<'a>(at: &str, r: &'a ParameterRanges) -> Vec<(String, &'a str)> {
    let integer = r
        .integer_parameter_ranges
        .iter()
        .flatten()
        .map(|x| x.name.as_deref());
    let continuous = r
        .continuous_parameter_ranges
        .iter()
        .flatten()
        .map(|x| x.name.as_deref());
    let categorical = r
        .categorical_parameter_ranges
        .iter()
        .flatten()
        .map(|x| x.name.as_deref());
    let lists: [(&str, Vec<Option<&'a str>>); 3] = [
        ("IntegerParameterRanges", integer.collect()),
        ("ContinuousParameterRanges", continuous.collect()),
        ("CategoricalParameterRanges", categorical.collect()),
    ];
    let mut out = Vec::new();
    for (list, names) in lists {
        for (i, name) in names.into_iter().enumerate() {
            if let Some(name) = name {
                out.push((format!("{at}/{list}/{i}"), name));
            }
        }
    }
    out
}

/// Whether the node at `at` is written out in full: present, with no value anywhere in it that
/// is known only later ([`crate::runtime`]). A check that counts what a node holds (every range,
/// every category) needs all of it; the typed model reads a value known later as absent.
pub fn known(cx: &Context<'_>, at: &str) -> bool {
    fn literal(node: &crate::tree::Node) -> bool {
        use crate::tree::Value;
        match &node.value {
            Value::Runtime => false,
            Value::Object(members) => members.iter().all(|m| literal(&m.value)),
            Value::Array(items) => items.iter().all(literal),
            _ => true,
        }
    }
    cx.root.lookup(at).is_some_and(|found| literal(found.node))
}

/// Whether the node at `at` is an object (a definition or range written out, not a value known
/// only later).
pub fn is_object(cx: &Context<'_>, at: &str) -> bool {
    cx.root
        .lookup(at)
        .is_some_and(|found| matches!(found.node.value, crate::tree::Value::Object(_)))
}

/// The distinct combinations of a tuning job's discrete ranges: how many training jobs can
/// differ.
pub struct Grid {
    /// Pointer of the ranges.
    pub at: String,
    /// The number of distinct combinations.
    pub combinations: u128,
    /// The number of distinct values of each range.
    pub counts: Vec<u128>,
}

impl Grid {
    /// The number of distinct values of each range, as a product (`3 x 2`).
    pub fn factors(&self) -> String {
        self.counts
            .iter()
            .map(u128::to_string)
            .collect::<Vec<_>>()
            .join(" x ")
    }
}

/// The pointer of the tuning job's `MaxNumberOfTrainingJobs`.
pub const MAX_JOBS: &str = "/HyperParameterTuningJobConfig/ResourceLimits/MaxNumberOfTrainingJobs";

/// A tuning job's strategy and `MaxNumberOfTrainingJobs`, with the combinations of its ranges
/// ([`combinations`]): what the limit is compared with. `None` when one of them is not written,
/// or when Autotune chooses the ranges and limits itself.
pub fn limit_and_combinations<'a>(
    cx: &Context<'a>,
    integers: bool,
) -> Option<(&'a str, i64, Grid)> {
    if autotuned(cx) {
        return None;
    }
    let config = tuning(cx)?.hyper_parameter_tuning_job_config.as_ref()?;
    let strategy = config.strategy.as_deref()?;
    let max_jobs = config
        .resource_limits
        .as_ref()?
        .max_number_of_training_jobs?;
    Some((strategy, max_jobs, combinations(cx, integers)?))
}

/// The training jobs a Grid search runs: one per distinct combination of the categorical values
/// (see [`combinations`]; a Grid search takes no numeric range).
pub fn grid_combinations(cx: &Context<'_>) -> Option<Grid> {
    combinations(cx, false)
}

/// The distinct combinations of the values of a tuning job's ranges, when they are finite: its
/// categorical ranges (the distinct values of each) and, with `integers`, its integer ranges
/// (each `MaxValue - MinValue + 1` values). Known for a tuning job of one
/// `TrainingJobDefinition` whose ranges are written out in full and hold no continuous range
/// (how the ranges of several definitions add up is not documented).
pub fn combinations(cx: &Context<'_>, integers: bool) -> Option<Grid> {
    let t = tuning(cx)?;
    if t.training_job_definitions.is_some() {
        return None;
    }
    let d = t.training_job_definition.as_ref()?;
    let (at, ranges) = ranges_of(cx, SINGLE, d);
    let ranges = ranges?;
    let some = |list: Option<usize>| list.is_some_and(|n| n > 0);
    let integer_ranges = ranges
        .integer_parameter_ranges
        .as_deref()
        .unwrap_or_default();
    if (!integers && !integer_ranges.is_empty())
        || some(ranges.continuous_parameter_ranges.as_ref().map(Vec::len))
        || some(ranges.auto_parameters.as_ref().map(Vec::len))
        || !known(cx, &at)
    {
        return None;
    }
    let mut counts = Vec::new();
    for range in integer_ranges {
        let bound = |v: &Option<String>| v.as_deref().and_then(|v| v.trim().parse::<i64>().ok());
        let (min, max) = (bound(&range.min_value)?, bound(&range.max_value)?);
        // A maximum below the minimum is TN001's.
        counts.push(u128::try_from(i128::from(max) - i128::from(min) + 1).ok()?);
    }
    for range in ranges.categorical_parameter_ranges.iter().flatten() {
        let mut distinct: Vec<&str> = range.values.as_ref()?.iter().map(String::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        counts.push(distinct.len() as u128);
    }
    if counts.is_empty() || counts.contains(&0) {
        return None;
    }
    let combinations = counts
        .iter()
        .try_fold(1u128, |product, n| product.checked_mul(*n))?;
    Some(Grid {
        at,
        combinations,
        counts,
    })
}

/// Whether a range takes integers or real numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Continuous,
}

/// One numeric range, wherever the request has it: the tuning job's `ParameterRanges` and each
/// training job definition's `HyperParameterRanges`.
pub struct Range<'a> {
    /// Pointer of the range object.
    pub at: String,
    pub kind: Kind,
    pub name: Option<&'a str>,
    pub min: Option<&'a str>,
    pub max: Option<&'a str>,
    pub scaling: Option<&'a str>,
}

/// Every `ParameterRanges` object as written, with its pointer: the tuning job's own, and each
/// training job definition's `HyperParameterRanges`.
pub fn range_holders<'a>(cx: &Context<'a>) -> Vec<(String, &'a ParameterRanges)> {
    let mut holders: Vec<(String, &ParameterRanges)> = Vec::new();
    if let Some(r) = tuning(cx)
        .and_then(|t| t.hyper_parameter_tuning_job_config.as_ref())
        .and_then(|c| c.parameter_ranges.as_ref())
    {
        holders.push((JOB_RANGES.to_string(), r));
    }
    for (at, d) in definitions_of(cx) {
        if let Some(r) = d.hyper_parameter_ranges.as_ref() {
            holders.push((format!("{at}/HyperParameterRanges"), r));
        }
    }
    holders
}

/// Every numeric range of the tuning request.
pub fn ranges<'a>(cx: &Context<'a>) -> Vec<Range<'a>> {
    let mut out = Vec::new();
    for (at, r) in range_holders(cx) {
        for (i, range) in r.integer_parameter_ranges.iter().flatten().enumerate() {
            out.push(Range {
                at: format!("{at}/IntegerParameterRanges/{i}"),
                kind: Kind::Integer,
                name: range.name.as_deref(),
                min: range.min_value.as_deref(),
                max: range.max_value.as_deref(),
                scaling: range.scaling_type.as_deref(),
            });
        }
        for (i, range) in r.continuous_parameter_ranges.iter().flatten().enumerate() {
            out.push(Range {
                at: format!("{at}/ContinuousParameterRanges/{i}"),
                kind: Kind::Continuous,
                name: range.name.as_deref(),
                min: range.min_value.as_deref(),
                max: range.max_value.as_deref(),
                scaling: range.scaling_type.as_deref(),
            });
        }
    }
    out
}

/// A bound as the tuning job reads it: an integer for an integer range, a real number for a
/// continuous one (`None` when it is not one; empty or unset bounds are the schema's).
pub fn number(kind: Kind, text: &str) -> Option<f64> {
    let text = text.trim();
    match kind {
        Kind::Integer => text.parse::<i64>().ok().map(|n| n as f64),
        Kind::Continuous => text.parse::<f64>().ok().filter(|n| n.is_finite()),
    }
}

#[cfg(test)]
mod tests {
    use crate::source::{Format, SourceFile};

    /// A Grid tuning job of one definition: its job-level ranges, `extra` at the end of
    /// `HyperParameterTuningJobConfig`, and `definition` added to the definition.
    fn single(ranges: &str, extra: &str, definition: &str) -> String {
        format!(
            "HyperParameterTuningJobName: t\n\
             HyperParameterTuningJobConfig:\n  Strategy: Grid\n  \
             HyperParameterTuningJobObjective: {{Type: Maximize, MetricName: 'validation:auc'}}\n  \
             ResourceLimits: {{MaxNumberOfTrainingJobs: 6, MaxParallelTrainingJobs: 2}}\n  \
             ParameterRanges:\n{ranges}{extra}\
             TrainingJobDefinition:\n  StaticHyperParameters: {{objective: 'binary:logistic'}}\n  \
             AlgorithmSpecification: {{TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', TrainingInputMode: File}}\n  \
             RoleArn: arn:aws:iam::123456789012:role/SageMakerTrainingRole\n  \
             OutputDataConfig: {{S3OutputPath: 's3://b/o'}}\n  \
             ResourceConfig: {{InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 30}}\n  \
             StoppingCondition: {{MaxRuntimeInSeconds: 3600}}\n{definition}"
        )
    }

    const GRID: &str = "    CategoricalParameterRanges:\n    - {Name: max_depth, Values: ['3', '6', '9']}\n    - {Name: eta, Values: ['0.1', '0.3']}\n";

    /// The codes and pointers of the tuning rules' diagnostics.
    fn found(text: &str) -> Vec<(String, String)> {
        let source = SourceFile::new("t.yaml", text, Format::Yaml);
        let parsed = crate::parse::parse(&source);
        crate::check::check_parsed_with(&source, parsed, &crate::policy::Policy::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.rule.code.starts_with("TN"))
            .map(|d| (d.rule.code.to_string(), d.pointer))
            .collect()
    }

    fn pair(code: &str, pointer: &str) -> (String, String) {
        (code.to_string(), pointer.to_string())
    }

    #[test]
    fn the_grid_counts_distinct_values_and_nothing_known_later() {
        assert!(found(&single(GRID, "", "")).is_empty());
        // A repeated category is one combination, not two.
        let repeated = GRID.replace("['0.1', '0.3']", "['0.1', '0.3', '0.3']");
        assert!(found(&single(&repeated, "", "")).is_empty());
        let more = GRID.replace("['0.1', '0.3']", "['0.1', '0.2', '0.3']");
        assert_eq!(
            found(&single(&more, "", "")),
            [pair(
                "TN013",
                "/HyperParameterTuningJobConfig/ResourceLimits/MaxNumberOfTrainingJobs"
            )]
        );
        // Values, a range or the definition's own ranges known only later: not counted.
        let later = more.replace("Values: ['0.1', '0.2', '0.3']", "'Values.$': $.etas");
        assert!(found(&single(&later, "", "")).is_empty());
        let later = format!("{more}    - '${{ExtraRange}}'\n");
        assert!(found(&single(&later, "", "")).is_empty());
        let own_later = "  'HyperParameterRanges.$': $.ranges\n";
        assert!(found(&single(&more, "", own_later)).is_empty());
    }

    #[test]
    fn combinations_of_integer_and_categorical_ranges_bound_the_training_jobs() {
        // 6 jobs asked for (the helper's limit); Bayesian, so TN017 and not TN013 speaks.
        let bayesian = |ranges: &str| found(&single(ranges, "", "").replace("Grid", "Bayesian"));
        let too_few = [pair(
            "TN017",
            "/HyperParameterTuningJobConfig/ResourceLimits/MaxNumberOfTrainingJobs",
        )];
        // 2 x 2 = 4 < 6; 3 x 2 = 6 is enough.
        let integers = "    IntegerParameterRanges:\n    - {Name: depth, MinValue: '3', MaxValue: '4'}\n    CategoricalParameterRanges:\n    - {Name: booster, Values: [gbtree, dart, dart]}\n";
        assert_eq!(bayesian(integers), too_few);
        // Autotune chooses the limits itself.
        let autotuned =
            single(integers, "", "").replace("Grid", "Bayesian") + "Autotune: {Mode: Enabled}\n";
        assert!(found(&autotuned).is_empty());
        assert!(bayesian(&integers.replace("'4'", "'5'")).is_empty());
        // A continuous range has no end of values; a bound that is not an integer (TN001's) or
        // known later leaves the count unknown.
        let continuous = format!(
            "{integers}    ContinuousParameterRanges:\n    - {{Name: eta, MinValue: '0.1', MaxValue: '0.2'}}\n"
        );
        assert!(bayesian(&continuous).is_empty());
        assert!(bayesian(&integers.replace("'4'", "'${Depth}'")).is_empty());
        let inverted = bayesian(&integers.replace("'3'", "'9'"));
        assert!(
            inverted.iter().all(|(code, _)| code == "TN001"),
            "{inverted:?}"
        );
        // A Grid search is TN013's.
        assert_eq!(
            found(&single(integers, "", ""))
                .iter()
                .filter(|(c, _)| c == "TN017")
                .count(),
            0
        );
    }

    #[test]
    fn numeric_ranges_of_a_grid_are_reported_wherever_they_are() {
        let own = "  HyperParameterRanges:\n    IntegerParameterRanges:\n    - {Name: num_round, MinValue: '50', MaxValue: '200'}\n";
        assert_eq!(
            found(&single(GRID, "", own)),
            [pair(
                "TN012",
                "/TrainingJobDefinition/HyperParameterRanges/IntegerParameterRanges/0"
            )]
        );
    }

    #[test]
    fn a_static_key_known_later_is_still_the_hyperparameter() {
        let text = single(GRID, "", "").replace(
            "{objective: 'binary:logistic'}",
            "{objective: 'binary:logistic', 'eta.$': $.eta}",
        );
        assert_eq!(
            found(&text),
            [pair(
                "TN009",
                "/TrainingJobDefinition/StaticHyperParameters/eta.$"
            )]
        );
        // A definition whose own ranges are known later is not read against the job's ranges.
        let own_later = "  'HyperParameterRanges.$': $.ranges\n";
        let text = single(GRID, "", own_later).replace(
            "{objective: 'binary:logistic'}",
            "{objective: 'binary:logistic', eta: '0.1'}",
        );
        assert!(found(&text).is_empty());
    }

    /// A tuning job of several definitions, each given as a YAML flow mapping's members.
    fn several(definitions: &[&str]) -> String {
        let base = "StaticHyperParameters: {objective: 'binary:logistic'}, \
            AlgorithmSpecification: {TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', TrainingInputMode: File}, \
            RoleArn: 'arn:aws:iam::123456789012:role/SageMakerTrainingRole', \
            OutputDataConfig: {S3OutputPath: 's3://b/o'}, \
            ResourceConfig: {InstanceType: ml.m5.xlarge, InstanceCount: 1, VolumeSizeInGB: 30}, \
            StoppingCondition: {MaxRuntimeInSeconds: 3600}";
        let items: String = definitions
            .iter()
            .map(|d| {
                if d.starts_with('\'') {
                    format!("- {d}\n")
                } else {
                    format!("- {{{base}, {d}}}\n")
                }
            })
            .collect();
        format!(
            "HyperParameterTuningJobName: t\n\
             HyperParameterTuningJobConfig:\n  Strategy: Random\n  \
             ResourceLimits: {{MaxNumberOfTrainingJobs: 6, MaxParallelTrainingJobs: 2}}\n\
             TrainingJobDefinitions:\n{items}"
        )
    }

    #[test]
    fn definitions_known_later_are_not_judged() {
        let objective = "TuningObjective: {Type: Maximize, MetricName: 'validation:auc'}";
        let a = format!("DefinitionName: a, {objective}");
        assert!(found(&several(&[&a, "'${SecondDefinition}'"])).is_empty());
        let later = "'DefinitionName.$': $.name, 'TuningObjective.$': $.objective";
        assert!(found(&several(&[&a, later, later])).is_empty());
        assert_eq!(
            found(&several(&[&a, &a, objective])),
            [
                pair("TN011", "/TrainingJobDefinitions/1/DefinitionName"),
                pair("TN010", "/TrainingJobDefinitions/2"),
            ]
        );
    }

    #[test]
    fn hyperband_reads_max_resource_wherever_it_may_be_written() {
        let hyperband = |extra: &str, statics: &str| {
            single(GRID, extra, "")
                .replace("Strategy: Grid", "Strategy: Hyperband")
                .replace("{objective: 'binary:logistic'}", statics)
        };
        let plain = "{objective: 'binary:logistic'}";
        assert_eq!(
            found(&hyperband("", plain)),
            [pair(
                "TN014",
                "/TrainingJobDefinition/StaticHyperParameters"
            )]
        );
        // Given, or known only later: the configuration, its Hyperband member, or the value.
        for given in [
            "  StrategyConfig: {HyperbandStrategyConfig: {MaxResource: 10}}\n",
            "  StrategyConfig: {HyperbandStrategyConfig: {'MaxResource.$': $.epochs}}\n",
            "  StrategyConfig: {'HyperbandStrategyConfig.$': $.hyperband}\n",
            "  'StrategyConfig.$': $.strategy\n",
        ] {
            assert!(found(&hyperband(given, plain)).is_empty(), "{given}");
        }
        // An epochs key, with its value now or later; static hyperparameters known later.
        assert!(found(&hyperband("", "{objective: x, n_epochs: '5'}")).is_empty());
        assert!(found(&hyperband("", "{objective: x, 'num_epochs.$': $.e}")).is_empty());
        assert!(found(
            &hyperband("", "$.statics")
                .replace("StaticHyperParameters:", "'StaticHyperParameters.$':")
        )
        .is_empty());
        // The key is matched as written.
        assert_eq!(
            found(&hyperband("", "{objective: x, Epochs: '5'}")).len(),
            1
        );
    }

    #[test]
    fn a_grid_without_a_maximum_is_bounded_by_its_combinations() {
        let values = |n: usize| {
            let v: Vec<String> = (0..n).map(|i| format!("'{i}'")).collect();
            v.join(", ")
        };
        let grid = |a: usize, b: usize| {
            format!(
                "    CategoricalParameterRanges:\n    - {{Name: a, Values: [{}]}}\n    - {{Name: b, Values: [{}]}}\n",
                values(a),
                values(b)
            )
        };
        let unbounded =
            |ranges: &str| single(ranges, "", "").replace("MaxNumberOfTrainingJobs: 6, ", "");
        assert!(found(&unbounded(&grid(25, 30))).is_empty());
        assert_eq!(
            found(&unbounded(&grid(26, 30))),
            [pair(
                "TN015",
                "/HyperParameterTuningJobConfig/ParameterRanges"
            )]
        );
        // A stated maximum is TN013's to compare, and TN015's to bound.
        let stated = single(&grid(26, 30), "", "")
            .replace("MaxNumberOfTrainingJobs: 6", "MaxNumberOfTrainingJobs: 780");
        assert_eq!(
            found(&stated),
            [pair(
                "TN015",
                "/HyperParameterTuningJobConfig/ResourceLimits/MaxNumberOfTrainingJobs"
            )]
        );
    }
}
