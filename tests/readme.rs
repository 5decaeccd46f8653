//! The README tells the truth, as actionlint's documentation does: its rule table is the
//! registry's, its test command is the one CI runs, and its examples are executed.
//!
//! The conventions, for whoever adds an example:
//! - a ```toml block is a sagelint configuration and must load (as `sagelint.toml`, or as the
//!   file its info string names: ```toml pyproject.toml). A block for another tool names its
//!   file (```toml languages.toml) and only has to be valid TOML;
//! - a ```text block whose first line starts with `$ sagelint ` is a command run from the
//!   repository root (no shell: arguments split at spaces, `'...'` quoting), with `NO_COLOR`
//!   set; the rest of the block is its exact standard output;
//! - a ```yaml block whose first line is a comment naming a file (`# testdata/readme/x.yaml`)
//!   is that file, byte for byte.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::process::Command;

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

/// A fenced code block: its info string, the line its text starts on, and its text.
struct Block {
    info: String,
    line: usize,
    text: String,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in markdown.lines().enumerate() {
        match &mut open {
            None => {
                if let Some(info) = line.strip_prefix("```") {
                    open = Some(Block {
                        info: info.trim().to_string(),
                        line: i + 2,
                        text: String::new(),
                    });
                }
            }
            Some(block) => {
                if line == "```" {
                    out.extend(open.take());
                } else {
                    block.text.push_str(line);
                    block.text.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "README.md: a code block is not closed");
    out
}

fn readme_blocks() -> Vec<Block> {
    blocks(&std::fs::read_to_string(common::root().join("README.md")).unwrap())
}

/// The info string's language and the file it names, if any.
fn language(info: &str) -> (&str, Option<&str>) {
    let mut words = info.split_whitespace();
    (words.next().unwrap_or(""), words.next())
}

#[test]
fn readme_configurations_load() {
    let mut configs = 0;
    for block in readme_blocks() {
        let (lang, file) = language(&block.info);
        if lang != "toml" {
            continue;
        }
        let name = file.unwrap_or("sagelint.toml");
        if !["sagelint.toml", ".sagelint.toml", "pyproject.toml"].contains(&name) {
            // Another tool's file: valid TOML at least.
            if let Err(e) = block.text.parse::<toml::Table>() {
                panic!("README.md:{}: ```toml {name} is not TOML: {e}", block.line);
            }
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &block.text).unwrap();
        if let Err(e) = sagelint::config::Config::load(&path) {
            panic!(
                "README.md:{}: the configuration example does not load: {e}",
                block.line
            );
        }
        configs += 1;
    }
    assert!(configs >= 1, "README.md has no configuration example");
}

/// Split a command line at spaces, keeping `'quoted words'` together.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in command.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        out.push(word);
    }
    out
}

#[test]
fn readme_commands_print_what_the_readme_shows() {
    let mut failures = Vec::new();
    let mut commands = 0;
    for block in readme_blocks() {
        if language(&block.info).0 != "text" {
            continue;
        }
        let Some((first, expected)) = block.text.split_once('\n') else {
            continue;
        };
        let Some(command) = first.strip_prefix("$ sagelint ") else {
            continue;
        };
        commands += 1;
        let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
            .args(words(command))
            .current_dir(common::root())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let actual = String::from_utf8_lossy(&o.stdout);
        if actual != expected {
            failures.push(format!(
                "README.md:{}: `sagelint {command}` prints (exit {:?}):\n{actual}\n--- the README shows:\n{expected}",
                block.line - 1,
                o.status.code()
            ));
        }
    }
    assert!(
        commands >= 4,
        "expected the README's commands, found {commands}"
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn readme_files_are_the_files_in_the_repository() {
    let mut files = 0;
    for block in readme_blocks() {
        if language(&block.info).0 != "yaml" {
            continue;
        }
        let Some(path) = block
            .text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .filter(|p| p.starts_with("testdata/") && !p.contains(' '))
        else {
            continue;
        };
        files += 1;
        let on_disk = std::fs::read_to_string(common::root().join(path))
            .unwrap_or_else(|e| panic!("README.md:{}: {path}: {e}", block.line));
        assert_eq!(
            block.text, on_disk,
            "README.md:{}: the block is not {path}",
            block.line
        );
    }
    assert!(files >= 1, "README.md shows no file of testdata/readme");
}

/// The baseline the README's adoption example uses is what `--write-baseline` records for the
/// legacy spec (so the example shows a real workflow, not a hand-written file).
#[test]
fn readme_baseline_is_what_write_baseline_records() {
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("baseline.json");
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .arg("check")
        .arg("--write-baseline")
        .arg(&written)
        .arg("testdata/readme/specs/legacy.yaml")
        .current_dir(common::root())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        std::fs::read_to_string(common::root().join("testdata/readme/baseline.json")).unwrap(),
        "regenerate it: sagelint check --write-baseline testdata/readme/baseline.json testdata/readme/specs/legacy.yaml"
    );
}

#[test]
fn the_block_parser_and_the_word_splitter() {
    let md = "a\n```toml languages.toml\nx = 1\n```\n```text\n$ sagelint check 'a b' c\nout\n```\n";
    let b = blocks(md);
    assert_eq!(b.len(), 2);
    assert_eq!(
        (b[0].info.as_str(), b[0].line, b[0].text.as_str()),
        ("toml languages.toml", 3, "x = 1\n")
    );
    assert_eq!(language(&b[0].info), ("toml", Some("languages.toml")));
    assert_eq!(words("check 'a b'  c"), ["check", "a b", "c"]);
}

/// No document cites a local `reference/...` file (a copy that is not in the repository): the
/// rule documents (what `sagelint explain` prints) cite the public AWS pages.
#[test]
fn no_document_cites_a_local_reference_file() {
    let mut docs: Vec<std::path::PathBuf> = std::fs::read_dir(common::root().join("rules"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.push(common::root().join("README.md"));
    let mut found = Vec::new();
    for doc in docs {
        let text = std::fs::read_to_string(&doc).unwrap();
        for (i, line) in text.lines().enumerate() {
            // `reference/` inside a URL (`.../reference/services/...`) follows a `/`.
            let local = line
                .match_indices("reference/")
                .any(|(at, _)| !line[..at].ends_with('/'));
            if local {
                found.push(format!("{}:{}: {line}", doc.display(), i + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "cite the public document instead:\n{}",
        found.join("\n")
    );
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
