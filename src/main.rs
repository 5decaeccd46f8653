//! The `sagelint` command line. All checking lives in the library; this only reads files,
//! calls it, prints and sets the exit status.

mod cli;

/// A file's tree and model are thousands of small allocations, made and freed on two threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
