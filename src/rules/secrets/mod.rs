//! Secrets anywhere the reference warns about them (SL6xx).

registry! {
    secret_in_hyperparameters,
    secret_in_environment,
    secret_in_tags,
    secret_in_debugger_parameters,
    secret_in_container_command,
}

/// The shared scan-and-report helper of these rules.
mod report;
