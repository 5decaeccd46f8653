//! The floor of the benchmark: what reading and parsing the same files costs, with the same
//! parsers and options as sagelint and nothing else — no tree of our own, no schema, no rules,
//! no output. Files are found by the same kind of sorted walk and parsed on every core, in
//! chunks, as `sagelint check DIR` does; each parse result is only counted.
//!
//! `cargo run --release --example floor -- PATH...` prints the number of files, values and
//! parse errors.

use std::path::{Path, PathBuf};

use jsonc_parser::{ast, CollectOptions, CommentCollectionStrategy, ParseOptions};
use rayon::prelude::*;
use saphyr_parser::{Event, Parser};
use walkdir::WalkDir;

/// sagelint's allocator (`src/main.rs`), so that the floor parses as sagelint does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// sagelint's strict JSON options (`src/parse/json.rs`).
const STRICT: ParseOptions = ParseOptions {
    allow_comments: false,
    allow_loose_object_property_names: false,
    allow_trailing_commas: false,
    allow_missing_commas: false,
    allow_single_quoted_strings: false,
    allow_hexadecimal_numbers: false,
    allow_unary_plus_numbers: false,
    allow_bare_decimal_point_numbers: false,
    allow_non_finite_numbers: false,
    allow_extended_string_escapes: false,
};

/// Files parsed per parallel batch (sagelint's chunk size).
const CHUNK: usize = 256;

#[derive(Default, Clone, Copy)]
struct Count {
    files: usize,
    values: usize,
    errors: usize,
}

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        let path = PathBuf::from(arg);
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    let mut total = Count::default();
    for chunk in files.chunks(CHUNK) {
        let counts: Vec<Count> = chunk.par_iter().map(|p| parse_file(p)).collect();
        for c in counts {
            total.files += c.files;
            total.values += c.values;
            total.errors += c.errors;
        }
    }
    println!(
        "{} files, {} values, {} parse errors",
        total.files, total.values, total.errors
    );
}

fn walk(root: &Path) -> Vec<PathBuf> {
    WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "json" || e == "yaml" || e == "yml")
        })
        .collect()
}

fn parse_file(path: &Path) -> Count {
    let mut count = Count {
        files: 1,
        ..Count::default()
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        count.errors += 1;
        return count;
    };
    if path.extension().is_some_and(|e| e == "json") {
        let collect = CollectOptions {
            comments: CommentCollectionStrategy::Off,
            tokens: false,
        };
        match jsonc_parser::parse_to_ast(&text, &collect, &STRICT) {
            Ok(result) => count.values += result.value.as_ref().map_or(0, values),
            Err(_) => count.errors += 1,
        }
    } else {
        let mut parser = Parser::new_from_str(&text);
        while let Some(next) = parser.next_event() {
            match next {
                Ok((Event::StreamEnd, _)) => break,
                Ok((Event::Scalar(..), _)) => count.values += 1,
                Ok(_) => {}
                Err(_) => {
                    count.errors += 1;
                    break;
                }
            }
        }
    }
    count
}

/// The scalars of a JSON tree, keys included (as YAML's scalar events count them), so the
/// parse cannot be optimised away.
fn values(v: &ast::Value<'_>) -> usize {
    match v {
        ast::Value::Array(a) => a.elements.iter().map(values).sum(),
        ast::Value::Object(o) => o.properties.iter().map(|p| 1 + values(&p.value)).sum(),
        _ => 1,
    }
}
