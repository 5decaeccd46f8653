//! The `sagelint` command line. All checking lives in the library; this only reads files,
//! calls it, prints and sets the exit status.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
