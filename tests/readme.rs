//! The README tells the truth: its rule table is the registry's, and its test command is the
//! one CI runs.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

#[test]
fn readme_rule_table_matches_the_registry() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let start = readme.find("<!-- rules:start -->\n").expect("start marker") + 21;
    let end = readme.find("<!-- rules:end -->").expect("end marker");
    assert_eq!(
        &readme[start..end],
        sagelint::rules::markdown_table(),
        "README rule table is stale: paste `sagelint rules --format markdown`"
    );
}

#[test]
fn ci_runs_the_readme_test_command() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let ci = std::fs::read_to_string(common::root().join(".ci/run")).unwrap();
    assert!(readme.contains("bash .ci/run"));
    assert!(ci.contains("cargo test"));
}
