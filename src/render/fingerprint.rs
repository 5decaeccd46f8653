//! Fingerprints that identify a finding across runs and line moves: the file, the rule, the
//! JSON Pointer and the finding's rank among identical (rule, pointer) pairs — never the line,
//! the column or the message wording. Used by SARIF `partialFingerprints` and baselines.
//!
//! A finding in a request inside another document is placed by the request's label and the
//! pointer within the request (`TrainingJob churn-small` and `/resourceConfig/...`), not by the
//! request's pointer in the file: a document added before it in a Kubernetes stream changes
//! that pointer (`/0/spec` becomes `/1/spec`), not the resource.

use super::FileResult;

/// FNV-1a, 64 bits: tiny, dependency-free, and stable across platforms and releases.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// One fingerprint per diagnostic of `result`, in order.
pub fn of(result: &FileResult) -> Vec<String> {
    let file = normalize(&result.source.name);
    let mut seen: foldhash::HashMap<(&str, &str, &str), usize> = Default::default();
    result
        .diagnostics
        .iter()
        .map(|d| {
            let (label, at) = match &d.origin {
                Some(o) if !o.pointer.is_empty() => (
                    o.label.as_str(),
                    d.pointer
                        .strip_prefix(o.pointer.as_str())
                        .unwrap_or(&d.pointer),
                ),
                _ => ("", d.pointer.as_str()),
            };
            let rank = seen.entry((d.rule.code, label, at)).or_insert(0);
            *rank += 1;
            let n = rank.to_string();
            // (A request file's fingerprints are what they were before requests had labels.)
            let print = if label.is_empty() {
                fnv1a(&[&file, d.rule.code, at, &n])
            } else {
                fnv1a(&[&file, d.rule.code, label, at, &n])
            };
            format!("{print:016x}")
        })
        .collect()
}

/// A path written the same way on every platform and however it was named (`./a` = `a`).
pub fn normalize(name: &str) -> String {
    let s = name.replace('\\', "/");
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_distinct() {
        assert_eq!(fnv1a(&["a", "b"]), fnv1a(&["a", "b"]));
        assert_ne!(fnv1a(&["ab", ""]), fnv1a(&["a", "b"]));
        assert_eq!(normalize("./specs\\a.json"), "specs/a.json");
    }
}
