//! Baselines, for adopting sagelint in a repository that already has many specs:
//! `--write-baseline FILE` records today's findings by fingerprint (file, rule, pointer, rank;
//! no line numbers, so moving lines keeps them matched) and `--baseline FILE` reports only
//! findings that are not in it.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::render::{fingerprint, FileResult};

#[derive(Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// One recorded finding.
#[derive(Serialize, Deserialize, PartialEq, Eq, Hash, Clone)]
pub struct Entry {
    file: String,
    rule: String,
    pointer: String,
    fingerprint: String,
}

/// The findings recorded in a baseline file.
pub struct Baseline {
    known: HashSet<(String, String)>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
        let file: BaselineFile =
            serde_json::from_str(&text).map_err(|e| format!("not a sagelint baseline: {e}"))?;
        if file.version != 1 {
            return Err(format!(
                "baseline version {} is not supported",
                file.version
            ));
        }
        Ok(Baseline {
            known: file
                .findings
                .into_iter()
                .map(|e| (e.file, e.fingerprint))
                .collect(),
        })
    }

    /// Drop the findings the baseline knows; return how many were dropped.
    pub fn filter(&self, results: &mut [FileResult]) -> usize {
        let mut hidden = 0;
        for r in results.iter_mut() {
            let file = fingerprint::normalize(&r.source.name);
            let prints = fingerprint::of(r);
            let mut keep = prints
                .iter()
                .map(|p| !self.known.contains(&(file.clone(), p.clone())));
            let before = r.diagnostics.len();
            r.diagnostics.retain(|_| keep.next().unwrap_or(true));
            hidden += before - r.diagnostics.len();
        }
        hidden
    }
}

/// The baseline file for these results.
pub fn write(path: &Path, results: &[FileResult]) -> Result<usize, String> {
    write_entries(path, results.iter().flat_map(entries).collect())
}

/// The baseline entries of one file's findings.
pub fn entries(result: &FileResult) -> Vec<Entry> {
    let file = fingerprint::normalize(&result.source.name);
    result
        .diagnostics
        .iter()
        .zip(fingerprint::of(result))
        .map(|(d, print)| Entry {
            file: file.clone(),
            rule: d.rule.code.to_string(),
            pointer: d.pointer.clone(),
            fingerprint: print,
        })
        .collect()
}

/// Write a baseline file of these entries (a run's, in output order); returns their number.
pub fn write_entries(path: &Path, findings: Vec<Entry>) -> Result<usize, String> {
    let count = findings.len();
    let text = serde_json::to_string_pretty(&BaselineFile {
        version: 1,
        findings,
    })
    .map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("cannot write: {e}"))?;
    Ok(count)
}
