//! The API shapes sagelint checks. Each embedded request has one; the schema, the typed model
//! and the rules that run are chosen by it.

/// A shape of the SageMaker API, as the service model names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Shape {
    /// A CreateTrainingJob request.
    #[default]
    TrainingJob,
    /// A CreateHyperParameterTuningJob request. Its training job definitions are requests of
    /// their own ([`Shape::TrainingJobDefinition`]): here they are only objects.
    TuningJob,
    /// A tuning job's `TrainingJobDefinition`, or one of its `TrainingJobDefinitions`.
    TrainingJobDefinition,
}

impl Shape {
    pub const ALL: [Shape; 3] = [
        Shape::TrainingJob,
        Shape::TuningJob,
        Shape::TrainingJobDefinition,
    ];

    /// The service model's name of the shape: its definition in the generated schema.
    pub fn root(self) -> &'static str {
        match self {
            Shape::TrainingJob => "CreateTrainingJobRequest",
            Shape::TuningJob => "CreateHyperParameterTuningJobRequest",
            Shape::TrainingJobDefinition => "HyperParameterTrainingJobDefinition",
        }
    }

    /// How messages name it.
    pub fn describe(self) -> &'static str {
        match self {
            Shape::TrainingJob => "CreateTrainingJob request",
            Shape::TuningJob => "CreateHyperParameterTuningJob request",
            Shape::TrainingJobDefinition => "training job definition",
        }
    }

    /// The members that hold the hyperparameters, as written.
    pub fn hyperparameters(self) -> &'static str {
        match self {
            Shape::TrainingJobDefinition => "StaticHyperParameters",
            _ => "HyperParameters",
        }
    }
}
