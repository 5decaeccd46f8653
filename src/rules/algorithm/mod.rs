//! Hyperparameters and the algorithm specification (SL2xx).

registry! {
    too_many_hyperparameters,
    hyperparameter_too_long,
    algorithm_name_and_image,
}
