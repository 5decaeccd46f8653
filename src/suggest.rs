//! "Did you mean": the closest candidate to a misspelt key or enum value.

/// The candidate closest to `word`, if one is close enough to be a plausible typo.
/// Case-only differences always match (`TrainingJobname` → `TrainingJobName`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Edit distance costs the product of the lengths: a typo is in a short word, among a few
    // candidates (keys, enum values, group names), never in a megabyte or among thousands.
    const MAX_LEN: usize = 256;
    const MAX_CANDIDATES: usize = 1000;
    // How similar (1 - distance / length) a candidate must be.
    const THRESHOLD: f64 = 0.7;
    if word.len() > MAX_LEN {
        return None;
    }
    let lower = word.to_lowercase();
    let len = lower.chars().count();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates
        .into_iter()
        .filter(|c| c.len() <= MAX_LEN)
        .take(MAX_CANDIDATES)
    {
        let candidate = c.to_lowercase();
        let score = if candidate == lower {
            2.0
        } else {
            // The distance is at least the difference in length: skip a candidate that cannot
            // beat the best so far or reach the threshold (most of 600 instance types).
            let candidate_len = candidate.chars().count();
            let longest = len.max(candidate_len).max(1);
            let bound = 1.0 - len.abs_diff(candidate_len) as f64 / longest as f64;
            if bound < THRESHOLD || best.is_some_and(|(s, _)| bound <= s) {
                continue;
            }
            // Optimal string alignment: Damerau-Levenshtein's adjacent transpositions without
            // its per-call hash map of characters.
            1.0 - strsim::osa_distance(&lower, &candidate) as f64 / longest as f64
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.filter(|&(s, _)| s >= THRESHOLD).map(|(_, c)| c)
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
        // Candidates skipped by length still leave the closest; ties keep the first.
        let types = [
            "ml.m5.large",
            "ml.p4d.24xlarge",
            "ml.p3.2xlarge",
            "ml.p3.8xlarge",
        ];
        assert_eq!(closest("ml.p3.2xlarg", types), Some("ml.p3.2xlarge"));
        assert_eq!(closest("ml.p3.xlarge", types), Some("ml.p3.2xlarge"));
        assert_eq!(closest("fil", ["File", "Fill"]), Some("File"));
        // A transposition is one edit.
        assert_eq!(closest("RoelArn", keys), Some("RoleArn"));
    }
}
