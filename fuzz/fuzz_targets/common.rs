//! What both targets do with an input: everything `sagelint check` does with a file, from
//! parsing to every output format, plus the output-safety invariants the README promises.

use sagelint::render::{self, FileResult};
use sagelint::{discover, parse, Format, SourceFile};

pub fn check(data: &[u8], name: &str, format: Format) {
    // The CLI refuses text that is not UTF-8; lossy decoding keeps every input useful.
    let text = String::from_utf8_lossy(data).into_owned();
    let source = SourceFile::new(name, text, format);
    let parsed = parse::parse(&source);
    let _ = discover::should_check(&source, &parsed);
    let checked = sagelint::check::check_parsed_full(&source, parsed);
    let diagnostics = checked.diagnostics;
    for d in &diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= source.text.len(),
            "{} span {:?} outside the text ({} bytes)",
            d.rule.code,
            d.span,
            source.text.len()
        );
    }
    // As the CLI does before the configuration may drop a secret's own diagnostic.
    let source = render::without_secrets(source, &checked.secrets);
    let results = [FileResult {
        source,
        diagnostics,
    }];
    let _ = render::fingerprint::of(&results[0]);

    // Color and SARIF cost as much as the check (SARIF describes every rule, whatever the
    // input) and differ little between inputs: one input in eight renders them.
    let rare = data.len() % 8 == 0;
    if rare {
        let _ = render::human::render(&results, true);
        // serde writes SARIF; only an empty text (a failed serialization) would be wrong.
        assert!(render::sarif::render(&results).starts_with('{'));
    }
    for (format, out) in [
        ("human", render::human::render(&results, false)),
        ("concise", render::concise::render(&results)),
        ("github", render::github::render(&results)),
    ] {
        if let Some(c) = out
            .chars()
            .find(|&c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c))
        {
            panic!("{format} output holds the raw control character {c:?}:\n{out}");
        }
    }
    let json = render::json::render(&results);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("json output is not JSON ({e}):\n{json}");
    }
    let _ = render::human::summary_line(&results);
}

/// Characters that reorder the text around them on screen (Trojan Source).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
