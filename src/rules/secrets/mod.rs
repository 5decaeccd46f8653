//! Secrets anywhere the reference warns about them (SL6xx).

registry! {
    secret_in_hyperparameters,
}
