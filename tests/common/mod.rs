//! Helpers shared by the integration tests.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

use std::path::{Path, PathBuf};

use sagelint::render::{self, FileResult};
use sagelint::{Format, SourceFile};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Check a file the way the CLI does, naming it by its path relative to the repository.
pub fn check_file(path: &Path) -> FileResult {
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let name = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    let format = Format::from_path(path).expect("fixture extension");
    let source = SourceFile::new(name, text, format);
    let diagnostics = sagelint::check(&source);
    FileResult {
        source,
        diagnostics,
    }
}

/// Compare `actual` with the snapshot file; with SAGELINT_BLESS=1, write it instead.
/// Returns a description of the mismatch, if any.
pub fn snapshot(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("SAGELINT_BLESS").is_some() {
        std::fs::write(path, actual).expect("write snapshot");
        return None;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    Some(format!(
        "{} differs (run `SAGELINT_BLESS=1 cargo test` and review the diff):\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    ))
}

pub fn human(result: FileResult) -> String {
    render::human::render(std::slice::from_ref(&result), false)
}

pub fn json(result: FileResult) -> String {
    render::json::render(std::slice::from_ref(&result))
}
