//! A directory run is checked on every core and written as it goes; its output must be what
//! checking the walked files one by one, in order, and rendering them together gives.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::path::Path;
use std::process::Command;

use sagelint::render::{self, FileResult};
use sagelint::{discover, parse, Format, SourceFile};

/// Many more files than one parallel batch: the invalid fixtures, copied into subdirectories.
fn corpus(dir: &Path) {
    let fixtures: Vec<_> = std::fs::read_dir(common::root().join("testdata/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| Format::from_path(p).is_some())
        .collect();
    assert!(fixtures.len() > 20);
    for copy in 0..12 {
        let sub = dir.join(format!("team-{copy:02}"));
        std::fs::create_dir_all(&sub).unwrap();
        for f in &fixtures {
            std::fs::copy(f, sub.join(f.file_name().unwrap())).unwrap();
        }
    }
}

/// The walked files checked one at a time, in walk order.
fn sequential(dir: &Path) -> Vec<FileResult> {
    let (files, errors) = discover::walk(dir);
    assert!(errors.is_empty());
    let mut results = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let source = SourceFile::new(
            f.display().to_string(),
            text,
            Format::from_path(&f).unwrap(),
        );
        let parsed = parse::parse(&source);
        let options = sagelint::check::Options {
            walked: true,
            ..Default::default()
        };
        if let Some(checked) = sagelint::check::check_document(&source, parsed, options) {
            results.push(FileResult {
                source,
                diagnostics: checked.diagnostics,
            });
        }
    }
    results
}

fn run(dir: &Path, format: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_sagelint"))
        .args(["check", "--format", format])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn parallel_output_is_the_sequential_output() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let results = sequential(tmp.path());
    assert!(results.len() > 600, "{} files", results.len());

    assert_eq!(
        run(tmp.path(), "concise"),
        render::concise::render(&results)
    );
    assert_eq!(run(tmp.path(), "github"), render::github::render(&results));
    assert_eq!(run(tmp.path(), "json"), render::json::render(&results));
    assert_eq!(run(tmp.path(), "sarif"), render::sarif::render(&results));
    let human = render::human::render(&results, false) + &render::human::summary_line(&results);
    assert_eq!(run(tmp.path(), "human"), human);
}

#[test]
fn streamed_json_and_sarif_are_the_documents_serde_json_prints() {
    // The streamed renderers against a plain serde_json round trip of their own output: same
    // text, so the array items were indented and separated as serde_json would.
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    for format in ["json", "sarif"] {
        let text = run(tmp.path(), format);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(text, serde_json::to_string_pretty(&v).unwrap() + "\n");
    }
    // And with nothing to report.
    let empty = render::json::render(&[]);
    let v: serde_json::Value = serde_json::from_str(&empty).unwrap();
    assert_eq!(empty, serde_json::to_string_pretty(&v).unwrap() + "\n");
    let empty = render::sarif::render(&[]);
    let v: serde_json::Value = serde_json::from_str(&empty).unwrap();
    assert_eq!(empty, serde_json::to_string_pretty(&v).unwrap() + "\n");
}
