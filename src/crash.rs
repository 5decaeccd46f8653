//! Internal errors. A panic is a bug in sagelint, never the user's fault: it must not reach the
//! user as a Rust panic message and backtrace. The panic hook only records where the panic
//! happened; whoever catches it (`main` for the whole run, the check loop for one file) prints a
//! short report asking for a bug report, and the run ends with [`EXIT_INTERNAL_ERROR`].
//!
//! Catching relies on panics unwinding: no profile may set `panic = "abort"`.

use std::any::Any;
use std::cell::RefCell;
use std::path::Path;

use sagelint::render::sanitize;

/// The exit status of a run in which sagelint itself failed (documented in `--help` and the
/// README). Rust's own status for a panic, 101, is never used.
pub const EXIT_INTERNAL_ERROR: u8 = 3;

thread_local! {
    /// Where this thread's last panic happened, and its backtrace when `RUST_BACKTRACE` asks
    /// for one (per thread: files are checked in parallel, and the hook runs on the thread that
    /// panicked, where it is caught).
    static LAST: RefCell<Option<(String, Option<String>)>> = const { RefCell::new(None) };
}

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let backtrace = std::backtrace::Backtrace::capture();
        let backtrace = (backtrace.status() == std::backtrace::BacktraceStatus::Captured)
            .then(|| backtrace.to_string());
        LAST.with(|last| *last.borrow_mut() = Some((location, backtrace)));
    }));
}

/// The report of a caught panic, to print on stderr: while checking `file`, or elsewhere in the
/// run. Call it on the thread that caught the panic.
pub fn report(file: Option<&str>, payload: &(dyn Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string());
    let (location, backtrace) = LAST.with(|last| last.borrow_mut().take().unwrap_or_default());
    let at = if location.is_empty() {
        String::new()
    } else {
        format!(" (at {location})")
    };
    let (what, rest) = match file {
        Some(f) => (
            format!(" while checking {}", sanitize(f)),
            "; the other files were still checked",
        ),
        None => (String::new(), ""),
    };
    let repository = env!("CARGO_PKG_REPOSITORY");
    let to = if repository.is_empty() {
        String::new()
    } else {
        format!(" at {repository}/issues")
    };
    let mut text = format!(
        "sagelint: internal error{what}: {}{at}\n\
         sagelint: this is a bug in sagelint {}, not a problem with your file{rest}. \
         Please report it{to} with this message and, if you can share it, the file.\n",
        safe(&message),
        env!("CARGO_PKG_VERSION"),
    );
    if let Some(backtrace) = backtrace {
        text.push_str(&sanitize(&backtrace));
        text.push('\n');
    }
    text
}

/// A panic message made fit to print: short, no control characters, and no secret (a message
/// about a string, such as a slicing error, quotes it).
fn safe(message: &str) -> String {
    const MAX: usize = 300;
    let mut text: String = message.chars().take(MAX).collect();
    if message.chars().count() > MAX {
        text.push('…');
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '`' | '"' | '\''))
        .filter(|w| sagelint::secrets::scan(None, w).is_some())
        .map(str::to_string)
        .collect();
    for w in words {
        text = text.replace(&w, &sagelint::secrets::redact(&w));
    }
    sanitize(&text)
}

/// Faults for the tests, in debug builds only: `SAGELINT_DEBUG_FAULT=panic:NAME` panics while
/// checking the file named NAME, `vanish:NAME` deletes it between the walk and the read (a list
/// separated by commas). They prove that one file's internal error or disappearance is reported
/// for that file while the others are still checked. Release builds ignore the variable.
#[cfg(debug_assertions)]
pub fn fault(stage: &str, path: &Path) {
    let Some(spec) = std::env::var_os("SAGELINT_DEBUG_FAULT") else {
        return;
    };
    let spec = spec.to_string_lossy();
    let name = path.file_name().map(|n| n.to_string_lossy());
    for item in spec.split(',') {
        if item.split_once(':') != Some((stage, name.as_deref().unwrap_or_default())) {
            continue;
        }
        match stage {
            "panic" => panic!("fault injected by SAGELINT_DEBUG_FAULT"),
            "vanish" => {
                let _ = std::fs::remove_file(path);
            }
            _ => {}
        }
    }
}

#[cfg(not(debug_assertions))]
pub fn fault(_stage: &str, _path: &Path) {}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn panic_messages_are_shortened_cleaned_and_scrubbed() {
        let m = safe("byte index 3 is not a char boundary of `AKIAIOSFODNN7EXAMPLE`\x1b[2J");
        assert!(!m.contains("AKIAIOSFODNN7EXAMPLE"), "{m}");
        assert!(!m.contains('\x1b'), "{m}");
        assert!(safe(&"x".repeat(1000)).chars().count() <= 301);
    }
}
