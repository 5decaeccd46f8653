//! "Did you mean": the closest candidate to a misspelt key or enum value.

/// The candidate closest to `word`, if one is close enough to be a plausible typo.
/// Case-only differences always match (`TrainingJobname` → `TrainingJobName`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Edit distance costs the product of the lengths: a typo is in a short word, among a few
    // candidates (keys, enum values, group names), never in a megabyte or among thousands.
    const MAX_LEN: usize = 256;
    const MAX_CANDIDATES: usize = 1000;
    if word.len() > MAX_LEN {
        return None;
    }
    let lower = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates
        .into_iter()
        .filter(|c| c.len() <= MAX_LEN)
        .take(MAX_CANDIDATES)
    {
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
