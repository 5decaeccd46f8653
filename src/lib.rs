//! sagelint: a static validator and linter for SageMaker CreateTrainingJob requests.
pub mod secrets;
