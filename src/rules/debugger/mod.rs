//! Debugger and profiler configurations (SL8xx).

registry! {
    duplicate_rule_configuration_name,
    duplicate_collection_name,
    unknown_collection_parameter,
    invalid_profiling_interval,
    unknown_profiling_parameter,
    debugger_unsupported_distribution,
}

/// Each repeated name as (its index, the index of its first use). Unset and empty names are not
/// compared (a name known only later reads as unset: `crate::runtime`).
fn repeated<'a>(names: impl IntoIterator<Item = Option<&'a str>>) -> Vec<(usize, usize)> {
    let mut first: foldhash::HashMap<&str, usize> = Default::default();
    let mut out = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let Some(name) = name.filter(|n| !n.is_empty()) else {
            continue;
        };
        match first.get(name) {
            Some(&j) => out.push((i, j)),
            None => {
                first.insert(name, i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::repeated;

    #[test]
    fn repeats_point_back_to_the_first_use() {
        let names = [Some("a"), Some("b"), Some("a"), None, Some("a"), Some("")];
        assert_eq!(repeated(names), vec![(2, 0), (4, 0)]);
        // Names differing in case are different names; blanks are not compared (nor are names
        // known only later, which the typed model reads as unset).
        let names = [Some("Loss"), Some("loss"), None, None, Some(""), Some("")];
        assert_eq!(repeated(names), vec![]);
    }
}
