//! The settings of the policy rules (`PLxxx`, `src/rules/policy/`): which of these off-by-default
//! rules the configuration turns on, and the parameters of the `[policy]` table.
//!
//! ```toml
//! extend-select = ["policy"]           # every policy rule (or name them: "PL001", ...)
//! [policy]
//! required-tags = ["team", "cost-center"]
//! allowed-instance-types = ["ml.m5.*", "ml.g5.*", "ml.p4d.24xlarge"]
//! max-runtime-in-seconds = 43200
//! ```

use std::collections::BTreeSet;

use globset::{Glob, GlobSet, GlobSetBuilder};

/// What the policy rules may read: built from the configuration ([`crate::config::Config`]);
/// [`Policy::off`] (every policy rule off) without one.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The policy rules that run: selected, and with the parameter they need.
    enabled: BTreeSet<&'static str>,
    /// `required-tags`: tag keys every request must have.
    pub required_tags: Vec<String>,
    /// `allowed-instance-types`: the instance types (or globs of them) a request may use.
    pub allowed_instance_types: Option<AllowList>,
    /// `max-runtime-in-seconds`: the longest `StoppingCondition.MaxRuntimeInSeconds` allowed.
    pub max_runtime_in_seconds: Option<i64>,
}

/// An allow-list of instance types: exact names and globs such as `ml.m5.*`.
#[derive(Debug, Clone)]
pub struct AllowList {
    /// As written, for messages.
    pub patterns: Vec<String>,
    set: GlobSet,
}

impl AllowList {
    /// The list, or the message for the first pattern that is not a glob or that matches no
    /// training instance type (a typo would otherwise reject every request).
    pub fn new(patterns: &[String]) -> Result<AllowList, (usize, String)> {
        let mut builder = GlobSetBuilder::new();
        for (i, p) in patterns.iter().enumerate() {
            let glob = Glob::new(p).map_err(|e| (i, format!("invalid glob `{p}`: {e}")))?;
            let matcher = glob.compile_matcher();
            if !crate::facts::all().any(|t| matcher.is_match(t.name)) {
                let hint = crate::suggest::closest(p, crate::facts::all().map(|t| t.name))
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                return Err((
                    i,
                    format!("`{p}` matches no SageMaker training instance type{hint}"),
                ));
            }
            builder.add(glob);
        }
        let set = builder.build().map_err(|e| (0, e.to_string()))?;
        Ok(AllowList {
            patterns: patterns.to_vec(),
            set,
        })
    }

    pub fn allows(&self, instance_type: &str) -> bool {
        self.set.is_match(instance_type)
    }
}

impl Policy {
    /// No policy rule runs: the default, and what [`crate::check::check`] uses.
    pub fn off() -> &'static Policy {
        static OFF: std::sync::LazyLock<Policy> = std::sync::LazyLock::new(Policy::default);
        &OFF
    }

    /// Whether the policy rule with this code runs.
    pub fn enables(&self, code: &str) -> bool {
        self.enabled.contains(code)
    }

    /// Turn a policy rule on (the configuration does, for the rules it selects).
    pub fn enable(&mut self, code: &'static str) {
        self.enabled.insert(code);
    }

    /// The policy rules that run, in code order.
    pub fn enabled(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.enabled.iter().copied()
    }
}
