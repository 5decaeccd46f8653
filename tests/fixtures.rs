//! UI tests in the style of clippy's: every fixture in `testdata/invalid/` sits beside its
//! expected human (`.human.out`) and JSON (`.json.out`) rendering; every fixture in
//! `testdata/valid/` must produce no diagnostic at all.
//! Update snapshots with `SAGELINT_BLESS=1 cargo test --test fixtures` and review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::PathBuf;

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::root().join("testdata").join(dir))
        .expect("testdata dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| sagelint::Format::from_path(p).is_some())
        .collect();
    files.sort();
    files
}

#[test]
fn invalid_fixtures_match_their_snapshots() {
    let files = fixtures("invalid");
    assert!(files.len() >= 10, "expected invalid fixtures");
    let mut failures = Vec::new();
    for file in files {
        let result = common::check_file(&file);
        assert!(
            !result.diagnostics.is_empty(),
            "{} is an invalid fixture but raised nothing",
            file.display()
        );
        let human = common::human(common::check_file(&file));
        let json = common::json(result);
        let base = file.display().to_string();
        failures.extend(common::snapshot(
            &PathBuf::from(format!("{base}.human.out")),
            &human,
        ));
        failures.extend(common::snapshot(
            &PathBuf::from(format!("{base}.json.out")),
            &json,
        ));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn valid_fixtures_raise_nothing() {
    let files = fixtures("valid");
    assert!(files.len() >= 4, "expected valid fixtures");
    for file in files {
        let result = common::check_file(&file);
        let codes: Vec<_> = result
            .diagnostics
            .iter()
            .map(|d| format!("{} {} at {}", d.rule.code, d.message, d.pointer))
            .collect();
        assert!(codes.is_empty(), "{}: {codes:#?}", file.display());
    }
}

#[test]
fn json_and_yaml_twins_agree() {
    // Fixtures written in both formats (same stem) must raise the same rules at the same pointers.
    let files = fixtures("invalid");
    for json in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let yaml = json.with_extension("yaml");
        if !yaml.exists() {
            continue;
        }
        let key = |p: &PathBuf| {
            common::check_file(p)
                .diagnostics
                .iter()
                .map(|d| (d.rule.code, d.pointer.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            key(json),
            key(&yaml),
            "{} and its YAML twin differ",
            json.display()
        );
    }
}

#[test]
fn human_and_json_positions_agree() {
    // The `╭─[file:line:col]` header miette prints must name the same position as the JSON.
    for file in fixtures("invalid") {
        let human = common::human(common::check_file(&file));
        let headers: Vec<(usize, usize)> = human
            .lines()
            .filter_map(|l| {
                l.split_once("─[")
                    .map(|(_, rest)| rest.trim_end_matches(']'))
            })
            .filter_map(|loc| {
                let mut parts = loc.rsplitn(3, ':');
                let col = parts.next()?.parse().ok()?;
                let line = parts.next()?.parse().ok()?;
                Some((line, col))
            })
            .collect();
        let result = common::check_file(&file);
        let json: Vec<(usize, usize)> = result
            .diagnostics
            .iter()
            .map(|d| {
                let p = result.source.position(result.source.clamp(d.span).start);
                (p.line, p.column)
            })
            .collect();
        assert_eq!(headers, json, "{}", file.display());
    }
}
