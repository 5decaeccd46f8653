//! Code actions: the quick fixes the rules attached to their findings (`Diagnostic::fix`).

use std::collections::HashMap;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, WorkspaceEdit};

use super::analysis::{to_lsp, Analysis};
use super::document::Document;
use super::Encoding;
use crate::Span;

/// The quick fixes of the findings that touch `range` (byte offsets).
pub fn code_actions(
    doc: &Document,
    analysis: &Analysis,
    range: Span,
    enc: Encoding,
    rules_url: Option<&str>,
) -> Vec<CodeActionOrCommand> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= range.end && range.start <= d.span.end)
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: doc.index.range(&doc.text, e.span, enc),
                    new_text: e.text.clone(),
                })
                .collect();
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("{} ({})", fix.title, d.rule.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(doc, d, enc, rules_url)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
}
