//! The `sagelint` command line. All checking lives in the library; this only reads files,
//! calls it, prints and sets the exit status.

mod cli;
mod crash;

/// A file's tree and model are thousands of small allocations, made and freed on two threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    crash::install_hook();
    match std::panic::catch_unwind(cli::run) {
        Ok(status) => status,
        Err(payload) => {
            eprint!("{}", crash::report(None, payload.as_ref()));
            std::process::ExitCode::from(crash::EXIT_INTERNAL_ERROR)
        }
    }
}
