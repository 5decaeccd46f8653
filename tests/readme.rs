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

/// The package's `rust-version`, from Cargo.toml.
fn rust_version() -> String {
    let cargo = std::fs::read_to_string(common::root().join("Cargo.toml")).unwrap();
    cargo
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("rust-version in Cargo.toml")
        .to_owned()
}

#[test]
fn install_commands_are_locked_and_the_rust_version_is_the_msrv() {
    for file in ["README.md", "action.yml", "CHANGELOG.md", ".ci/run"] {
        let text = std::fs::read_to_string(common::root().join(file)).unwrap();
        for (i, _) in text.match_indices("cargo install") {
            assert!(
                text[i..].starts_with("cargo install --locked"),
                "{file}: `cargo install` without --locked: {}",
                text[i..].lines().next().unwrap()
            );
        }
    }
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let msrv = rust_version();
    assert!(
        readme.contains(&format!("Rust ({msrv}+")),
        "Quick start names {msrv}"
    );
    for (i, _) in readme.match_indices("image: rust:") {
        let image = readme[i..].lines().next().unwrap();
        assert_eq!(image, format!("image: rust:{msrv}"), "GitLab image");
    }
    let ci = std::fs::read_to_string(common::root().join(".ci/run")).unwrap();
    assert!(
        ci.contains("cargo \"+$msrv\" check --locked"),
        "CI checks the MSRV"
    );
}

#[test]
fn the_version_is_written_once() {
    let pyproject = std::fs::read_to_string(common::root().join("pyproject.toml")).unwrap();
    assert!(pyproject.contains("dynamic = [\"version\"]"));
    assert!(!pyproject.lines().any(|l| l.starts_with("version")));
    let changelog = std::fs::read_to_string(common::root().join("CHANGELOG.md")).unwrap();
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        changelog.contains(&format!("\n## [{version}]")),
        "CHANGELOG.md has no entry for {version}"
    );
    // No snippet names a tag as if it existed: `rev:` and `uses: ...@` say what to put there.
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    for line in readme.lines() {
        let line = line.trim();
        if line.starts_with("rev: ") {
            assert!(line.starts_with("rev: <"), "{line}");
        }
        if line.starts_with("- uses: your-org/sagelint@") {
            assert!(line.contains("@<"), "{line}");
        }
    }
}
