//! Every rule has a document `rules/<CODE>.md` whose examples are run here: each `### Invalid`
//! example must raise exactly that rule (and nothing else), each `### Valid` example nothing.
//! A document whose rule needs a configuration (the opt-in policy rules) states it in a ```toml
//! block under `## Configuration`; its examples run with that configuration, as `sagelint check`
//! runs them with a `sagelint.toml`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on broken fixtures

mod common;

use std::collections::BTreeSet;

use sagelint::config::Config;
use sagelint::rules::{Rule, RULES};
use sagelint::{Diagnostic, Format, SourceFile};

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

/// The ```toml block under a document's `## Configuration` heading, if any.
fn configuration(doc: &str) -> Option<String> {
    let start = doc.find("\n## Configuration\n")?;
    let section = &doc[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let block = section.split("```toml\n").nth(1)?;
    Some(block[..block.find("```")?].to_string())
}

/// The configuration a document's examples run with: its `## Configuration` block, loaded as
/// a `sagelint.toml` would be (the default configuration without one).
fn load_configuration(rule: &Rule) -> Result<Config, String> {
    let Some(toml) = configuration(rule.doc) else {
        return Ok(Config::default());
    };
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("sagelint.toml");
    std::fs::write(&path, toml).map_err(|e| e.to_string())?;
    Config::load(&path).map_err(|e| e.to_string())
}

/// What `sagelint check` reports for an example under a configuration.
fn run(source: &SourceFile, config: &Config) -> Vec<Diagnostic> {
    let parsed = sagelint::parse::parse(source);
    let mut found = sagelint::check::check_parsed_with(source, parsed, &config.policy).diagnostics;
    config.apply(std::path::Path::new("example.yaml"), &mut found);
    found
}

#[test]
fn every_rule_document_runs_its_examples() {
    let mut failures = Vec::new();
    for rule in RULES.iter() {
        let path = format!("rules/{}.md", rule.code);
        let config = match load_configuration(rule) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{path}: its configuration does not load: {e}"));
                continue;
            }
        };
        let examples = examples(rule.doc);
        let invalid = examples.iter().filter(|e| !e.valid).count();
        let valid = examples.len() - invalid;
        if invalid == 0 || valid == 0 {
            failures.push(format!("{path}: needs at least one Invalid and one Valid example (has {invalid} and {valid})"));
        }
        for ex in &examples {
            let source = SourceFile::new(format!("{path}:{}", ex.line), ex.text.clone(), ex.format);
            let found: BTreeSet<&str> = run(&source, &config).iter().map(|d| d.rule.code).collect();
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

/// An opt-in rule is off by default: its document states the configuration that turns it on,
/// and without that configuration its invalid examples raise nothing at all.
#[test]
fn opt_in_rules_run_only_when_configured() {
    let mut failures = Vec::new();
    for rule in RULES.iter() {
        let path = format!("rules/{}.md", rule.code);
        let configured = configuration(rule.doc).is_some();
        if rule.opt_in() != configured {
            failures.push(format!(
                "{path}: {} a `## Configuration` toml block",
                if rule.opt_in() {
                    "opt-in rule without"
                } else {
                    "default rule with"
                }
            ));
            continue;
        }
        if !rule.opt_in() {
            continue;
        }
        for ex in examples(rule.doc).iter().filter(|e| !e.valid) {
            let source = SourceFile::new(format!("{path}:{}", ex.line), ex.text.clone(), ex.format);
            let found = run(&source, &Config::default());
            if !found.is_empty() {
                failures.push(format!(
                    "{path}:{}: raised {:?} with the default configuration",
                    ex.line,
                    found.iter().map(|d| d.rule.code).collect::<Vec<_>>()
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
        let prefix = if rule.opt_in() { "PL" } else { "SL" };
        assert!(
            rule.code.starts_with(prefix)
                && rule.code.len() == 5
                && rule.code[2..].chars().all(|c| c.is_ascii_digit()),
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
