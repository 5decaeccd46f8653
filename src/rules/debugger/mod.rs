//! Debugger and profiler configurations (SL8xx).

registry! {
    duplicate_rule_configuration_name,
    duplicate_collection_name,
    unknown_collection_parameter,
    invalid_profiling_interval,
    unknown_profiling_parameter,
    debugger_unsupported_distribution,
}

/// Each repeated name as (its index, the index of its first use). Unset, empty and templated
/// names (`${RULE}`: unknown until deploy) are not compared.
fn repeated<'a>(names: impl IntoIterator<Item = Option<&'a str>>) -> Vec<(usize, usize)> {
    let mut first: foldhash::HashMap<&str, usize> = Default::default();
    let mut out = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let Some(name) = name.filter(|n| !n.is_empty() && !crate::schema::is_templated(n)) else {
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
        // Names differing in case are different names; templates and blanks are not compared.
        let names = [
            Some("Loss"),
            Some("loss"),
            Some("${R}"),
            Some("${R}"),
            Some(""),
            Some(""),
        ];
        assert_eq!(repeated(names), vec![]);
    }
}
