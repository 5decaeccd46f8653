//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning ingests it. Hand-written structs for
//! the dozen objects code scanning reads; every rule is described in the tool driver, and each
//! result carries a stable partial fingerprint (see `fingerprint.rs`).

use serde::Serialize;

use super::{fingerprint, FileResult};
use crate::diagnostic::Severity;
use crate::rules::{self, Rule};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    /// `%SRCROOT%`: the working directory, which relative artifact URIs are resolved against.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    original_uri_base_ids: std::collections::BTreeMap<&'static str, BaseUri>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct BaseUri {
    uri: String,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "sagelint/v1")]
    sagelint: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    /// The request the finding belongs to, inside the file (a state, a pipeline step).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    /// Where it is, for people (`state Train`); the pointer for a request file of its own.
    name: String,
    /// The JSON Pointer of the request in the file.
    fully_qualified_name: String,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    char_offset: usize,
    char_length: usize,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The part of a rule document under a heading, for the descriptor's full description.
fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    doc.split_once(heading)
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(rest).trim())
        .unwrap_or("")
}

fn descriptor(r: &'static Rule) -> ReportingDescriptor {
    let full = section(r.doc, "## What it checks");
    ReportingDescriptor {
        id: r.code,
        name: r.name,
        short_description: Text {
            text: r.summary.to_string(),
        },
        full_description: Text {
            text: if full.is_empty() {
                r.summary.to_string()
            } else {
                full.to_string()
            },
        },
        help: Help {
            text: format!(
                "Run `sagelint explain {}` for the full documentation.",
                r.code
            ),
            markdown: r.doc.to_string(),
        },
        default_configuration: Configuration {
            level: level(r.severity),
        },
    }
}

/// The base of relative artifact URIs: the working directory (GitHub code scanning resolves
/// `%SRCROOT%` against the repository checked out there).
const SRCROOT: &str = "%SRCROOT%";

/// The working directory as a directory URI (`file:///work/repo/`), once per process.
static WORKING_DIR: std::sync::LazyLock<Option<Root>> = std::sync::LazyLock::new(|| {
    let cwd = std::env::current_dir().ok()?;
    Root::new(&cwd.to_string_lossy(), cfg!(windows))
});

/// A directory that relative artifact URIs are resolved against.
#[derive(Debug, Clone)]
pub struct Root {
    /// Its normalized absolute path, `/`-separated, without a trailing `/`.
    path: String,
    windows: bool,
}

impl Root {
    /// `dir` must be absolute; `windows` reads `\` as a separator and `C:` as a drive.
    pub fn new(dir: &str, windows: bool) -> Option<Root> {
        let path = absolute_path(dir, windows)?;
        Some(Root {
            path: path.trim_end_matches('/').to_string(),
            windows,
        })
    }

    /// The root as a `file:` URI ending in `/`, for `originalUriBaseIds`.
    pub fn uri(&self) -> String {
        format!("{}/", file_uri(&self.path))
    }
}

/// A file name as SARIF wants it: a path under `root` as a URI reference relative to
/// `%SRCROOT%` (`specs/job%20one.json`), anything else as an absolute `file:` URI (SARIF1004: a
/// relative reference must not begin with a slash, nor climb out of its base with `..`). Names
/// are percent-encoded (spaces, non-ASCII, `:`, ...). Without a root (no working directory), a
/// relative name stays a bare relative reference.
pub fn artifact_uri(name: &str, root: Option<&Root>) -> (String, Option<&'static str>) {
    let windows = root.map_or(cfg!(windows), |r| r.windows) || is_windows_absolute(name);
    if let Some(path) = absolute_path(name, windows) {
        return match root.and_then(|r| relative_to(&path, r)) {
            Some(rel) => (encode(&rel), Some(SRCROOT)),
            None => (file_uri(&path), None),
        };
    }
    let Some(root) = root else {
        return (encode(&fingerprint::normalize(name)), None);
    };
    let joined = format!("{}/{}", root.path, separators(name, windows));
    match absolute_path(&joined, windows) {
        Some(path) => match relative_to(&path, root) {
            Some(rel) => (encode(&rel), Some(SRCROOT)),
            None => (file_uri(&path), None),
        },
        None => (encode(&fingerprint::normalize(name)), None),
    }
}

/// `\` as `/` where it is a separator.
fn separators(name: &str, windows: bool) -> String {
    if windows {
        name.replace('\\', "/")
    } else {
        name.to_string()
    }
}

/// `C:\x`, `C:/x` or `\\server\share`: absolute on Windows whatever the platform reading it.
fn is_windows_absolute(name: &str) -> bool {
    let b = name.as_bytes();
    (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/'))
        || name.starts_with("\\\\")
}

/// An absolute name, `/`-separated, with `.` and `..` resolved lexically (symbolic links are
/// not followed: the name is the user's); `None` for a relative name.
fn absolute_path(name: &str, windows: bool) -> Option<String> {
    let name = separators(name, windows);
    let (prefix, rest) = if windows && (is_windows_absolute(&name) || name.starts_with("//")) {
        if let Some(unc) = name.strip_prefix("//") {
            // `//server/share/...`: the authority is the server.
            let (server, rest) = unc.split_once('/').unwrap_or((unc, ""));
            (format!("//{server}"), rest.to_string())
        } else {
            (name[..2].to_ascii_uppercase(), name[3..].to_string())
        }
    } else if let Some(rest) = name.strip_prefix('/') {
        (String::new(), rest.to_string())
    } else {
        return None;
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in rest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    Some(format!("{prefix}/{}", parts.join("/")))
}

/// `path` relative to `root` when it is inside it.
fn relative_to(path: &str, root: &Root) -> Option<String> {
    let rest = if root.windows {
        // Drive letters and Windows file names compare without regard to case.
        let n = root.path.len();
        (path.len() > n && path.as_bytes()[n] == b'/' && path[..n].eq_ignore_ascii_case(&root.path))
            .then(|| &path[n + 1..])
    } else {
        path.strip_prefix(root.path.as_str())
            .and_then(|r| r.strip_prefix('/'))
    }?;
    (!rest.is_empty()).then(|| rest.to_string())
}

/// An absolute `/`-separated path (`/x`, `C:/x`, `//server/share/x`) as a `file:` URI.
fn file_uri(path: &str) -> String {
    match path.strip_prefix("//") {
        Some(unc) => {
            let (server, rest) = unc.split_once('/').unwrap_or((unc, ""));
            format!("file://{}/{}", encode(server), encode(rest))
        }
        None if path.is_empty() || path.starts_with('/') => format!("file://{}", encode(path)),
        // `C:/x`: the drive's colon stays, as RFC 8089 writes it.
        None => match (path.get(..1), path.get(2..)) {
            (Some(drive), Some(rest)) => format!("file:///{drive}:{}", encode(rest)),
            _ => format!("file:///{}", encode(path)),
        },
    }
}

/// Percent-encode everything but unreserved characters and `/`.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn render(results: &[FileResult]) -> String {
    super::render_all(super::Output::Sarif, results)
}

fn results(r: &FileResult) -> impl Iterator<Item = SarifResult> + '_ {
    let all = rules::RULES.as_slice();
    let prints = fingerprint::of(r);
    r.diagnostics.iter().zip(prints).map(move |(d, print)| {
        let span = r.source.clamp(d.span);
        let (start, end) = (r.source.position(span.start), r.source.position(span.end));
        let mut text = d.message.clone();
        if let Some(help) = &d.help {
            text.push_str(&format!(" (help: {help})"));
        }
        SarifResult {
            rule_id: d.rule.code,
            rule_index: all.iter().position(|x| x.code == d.rule.code).unwrap_or(0),
            level: level(d.severity),
            message: Text { text },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: {
                        let (uri, uri_base_id) = artifact_uri(&r.source.name, WORKING_DIR.as_ref());
                        ArtifactLocation { uri, uri_base_id }
                    },
                    region: Region {
                        start_line: start.line,
                        start_column: start.column,
                        end_line: end.line,
                        end_column: end.column,
                        char_offset: r.source.char_offset(span.start),
                        char_length: r.source.text[span.start..span.end].chars().count(),
                    },
                },
                logical_locations: d
                    .origin
                    .iter()
                    .filter(|o| !o.pointer.is_empty())
                    .map(|o| LogicalLocation {
                        name: o.label.clone(),
                        fully_qualified_name: o.pointer.clone(),
                        kind: "object",
                    })
                    .collect(),
            }],
            partial_fingerprints: Fingerprints { sagelint: print },
        }
    })
}

/// The log around the run's `results` array (see [`super::Document`]): the tool with every
/// rule described, and the column kind.
pub(super) fn document() -> super::Document {
    let all = rules::RULES.as_slice();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "sagelint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: all.iter().map(|r| descriptor(r)).collect(),
                },
            },
            original_uri_base_ids: WORKING_DIR
                .iter()
                .map(|root| (SRCROOT, BaseUri { uri: root.uri() }))
                .collect(),
            results: Vec::new(),
            column_kind: "unicodeCodePoints",
        }],
    };
    super::Document::around(
        &serde_json::to_string_pretty(&log).unwrap_or_default(),
        "\"results\": []",
    )
}

/// One file's elements of the `results` array, formatted for their place in it.
pub(super) fn items(r: &FileResult, indent: &str) -> String {
    super::pretty_items(results(r), indent)
}

#[cfg(test)]
mod tests {
    use super::{artifact_uri, Root};

    fn unix() -> Root {
        Root::new("/work/repo", false).unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn names_under_the_working_directory_are_relative_to_srcroot() {
        let root = unix();
        assert_eq!(root.uri(), "file:///work/repo/");
        let rel = |name| artifact_uri(name, Some(&root));
        let src = Some("%SRCROOT%");
        assert_eq!(rel("specs/job.json"), ("specs/job.json".into(), src));
        assert_eq!(rel("./specs/job.json"), ("specs/job.json".into(), src));
        assert_eq!(
            rel("/work/repo/specs/job.json"),
            ("specs/job.json".into(), src)
        );
        assert_eq!(
            rel("a/../b c/jöb.json"),
            ("b%20c/j%C3%B6b.json".into(), src)
        );
        assert_eq!(rel("a:b.json"), ("a%3Ab.json".into(), src));
        // A backslash is a file name character on Unix.
        assert_eq!(rel("specs\\job.json"), ("specs%5Cjob.json".into(), src));
    }

    #[test]
    fn names_outside_it_are_file_uris() {
        let root = unix();
        let abs = |name| artifact_uri(name, Some(&root));
        assert_eq!(
            abs("/tmp/x y.json"),
            ("file:///tmp/x%20y.json".into(), None)
        );
        assert_eq!(
            abs("../other/job.json"),
            ("file:///work/other/job.json".into(), None)
        );
        assert_eq!(
            abs("/work/repository/job.json").0,
            "file:///work/repository/job.json"
        );
        assert_eq!(
            abs("C:\\Users\\me\\job.json"),
            ("file:///C:/Users/me/job.json".into(), None)
        );
        assert_eq!(
            abs("\\\\server\\share\\job.json"),
            ("file://server/share/job.json".into(), None)
        );
        assert_eq!(
            Root::new("/", false).map(|r| r.uri()),
            Some("file:///".into())
        );
        assert_eq!(abs("/").0, "file:///");
    }

    #[test]
    fn windows_paths() {
        let root = Root::new("C:\\work\\repo", true).unwrap_or_else(|| unreachable!());
        assert_eq!(root.uri(), "file:///C:/work/repo/");
        let uri = |name| artifact_uri(name, Some(&root));
        assert_eq!(
            uri("specs\\job.json"),
            ("specs/job.json".into(), Some("%SRCROOT%"))
        );
        assert_eq!(
            uri("c:\\Work\\Repo\\a.json"),
            ("a.json".into(), Some("%SRCROOT%"))
        );
        assert_eq!(uri("..\\x.json"), ("file:///C:/work/x.json".into(), None));
        assert_eq!(
            uri("D:/data/x.json"),
            ("file:///D:/data/x.json".into(), None)
        );
        assert_eq!(
            artifact_uri("specs/job.json", None),
            ("specs/job.json".into(), None)
        );
    }
}
