//! Every rule has a document `rules/<CODE>.md` whose examples are run here: each `### Invalid`
//! example must raise exactly that rule (and nothing else), each `### Valid` example nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::collections::BTreeSet;

use sagelint::rules::RULES;
use sagelint::{Format, SourceFile};

struct Example {
    valid: bool,
    format: Format,
    text: String,
    line: usize,
}

/// The fenced code blocks under `### Invalid` and `### Valid` headings.
fn examples(doc: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut section: Option<bool> = None;
    let mut fence: Option<(Format, usize, String)> = None;
    for (i, line) in doc.lines().enumerate() {
        if let Some((format, start, mut text)) = fence.take() {
            if line.trim_start().starts_with("```") {
                if let Some(valid) = section {
                    out.push(Example {
                        valid,
                        format,
                        text,
                        line: start,
                    });
                }
            } else {
                text.push_str(line);
                text.push('\n');
                fence = Some((format, start, text));
            }
            continue;
        }
        if let Some(h) = line.strip_prefix("### ") {
            section = match h.trim() {
                s if s.starts_with("Invalid") => Some(false),
                s if s.starts_with("Valid") => Some(true),
                _ => None,
            };
        } else if line.starts_with("## ") {
            section = None;
        } else if let Some(info) = line.trim_start().strip_prefix("```") {
            let format = match info.trim() {
                "json" => Format::Json,
                "yaml" | "yml" => Format::Yaml,
                _ => Format::Yaml,
            };
            fence = Some((format, i + 2, String::new()));
        }
    }
    out
}

#[test]
fn every_rule_document_runs_its_examples() {
    let mut failures = Vec::new();
    for rule in RULES.iter() {
        let path = format!("rules/{}.md", rule.code);
        let examples = examples(rule.doc);
        let invalid = examples.iter().filter(|e| !e.valid).count();
        let valid = examples.len() - invalid;
        if invalid == 0 || valid == 0 {
            failures.push(format!("{path}: needs at least one Invalid and one Valid example (has {invalid} and {valid})"));
        }
        for ex in &examples {
            let source = SourceFile::new(format!("{path}:{}", ex.line), ex.text.clone(), ex.format);
            let found: BTreeSet<&str> = sagelint::check(&source)
                .iter()
                .map(|d| d.rule.code)
                .collect();
            let expected: BTreeSet<&str> = if ex.valid {
                BTreeSet::new()
            } else {
                [rule.code].into()
            };
            if found != expected {
                failures.push(format!(
                    "{path}:{}: {} example raised {found:?}, expected {expected:?}",
                    ex.line,
                    if ex.valid { "valid" } else { "invalid" }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_document_has_the_fixed_shape() {
    let mut failures = Vec::new();
    for rule in RULES.iter() {
        let path = format!("rules/{}.md", rule.code);
        let first = rule.doc.lines().next().unwrap_or_default();
        let title = format!("# {} {}", rule.code, rule.name);
        if first != title {
            failures.push(format!(
                "{path}: first line is {first:?}, expected {title:?}"
            ));
        }
        let severity = format!("**Severity:** {}", rule.severity);
        if !rule.doc.contains(&severity) {
            failures.push(format!("{path}: missing `{severity}`"));
        }
        for section in ["## What it checks", "## Why", "## Reference", "## Examples"] {
            if !rule.doc.contains(section) {
                failures.push(format!("{path}: missing section `{section}`"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_document_belongs_to_a_rule() {
    let dir = common::root().join("rules");
    for entry in std::fs::read_dir(&dir).expect("rules/") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if let Some(code) = name.strip_suffix(".md") {
            if code != "README" && code != "FORMAT" {
                assert!(
                    RULES.iter().any(|r| r.code == code),
                    "rules/{name} has no rule in the registry"
                );
            }
        }
    }
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for rule in RULES.iter() {
        assert!(seen.insert(rule.code), "duplicate code {}", rule.code);
        assert!(seen.insert(rule.name), "duplicate name {}", rule.name);
        assert!(
            rule.code.starts_with("SL") && rule.code.len() == 5,
            "bad code {}",
            rule.code
        );
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "name {} is not kebab-case",
            rule.name
        );
    }
}
