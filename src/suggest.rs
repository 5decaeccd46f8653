//! "Did you mean": the closest candidate to a misspelt key or enum value.

/// The candidate closest to `word`, if one is close enough to be a plausible typo.
/// Case-only differences always match (`TrainingJobname` → `TrainingJobName`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = if c.to_lowercase() == lower {
            2.0
        } else {
            strsim::normalized_damerau_levenshtein(&lower, &c.to_lowercase())
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.filter(|&(s, _)| s >= 0.7).map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_typos_and_rejects_strangers() {
        let keys = ["TrainingJobName", "RoleArn", "HyperParameters"];
        assert_eq!(closest("TrainingJobname", keys), Some("TrainingJobName"));
        assert_eq!(closest("Hyperparameter", keys), Some("HyperParameters"));
        assert_eq!(closest("RoleARN", keys), Some("RoleArn"));
        assert_eq!(closest("Foo", keys), None);
        assert_eq!(closest("file", ["Pipe", "File", "FastFile"]), Some("File"));
    }
}
