//! The SageMaker built-in algorithms, recognised by the repository of their `TrainingImage` in
//! the regional algorithm registries, and what the developer guide says about each one
//! ("Common Information About Built-in Algorithms", "Checkpoints in Amazon SageMaker AI").

use super::image_ref;
use crate::rules::Context;

/// The instance class an algorithm trains on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Cpu,
    Gpu,
    Either,
}

#[derive(Debug)]
pub struct Builtin {
    pub repository: &'static str,
    pub name: &'static str,
    /// Pipe mode is supported (otherwise File only; FastFile works where File does).
    pub pipe: bool,
    pub class: Class,
    /// Saves checkpoints to `/opt/ml/checkpoints` without script changes.
    pub checkpoints: bool,
    /// Trains on one instance only (its page: "can only train on a single machine").
    pub single_instance: bool,
}

const fn b(
    repository: &'static str,
    name: &'static str,
    pipe: bool,
    class: Class,
    checkpoints: bool,
    single_instance: bool,
) -> Builtin {
    Builtin {
        repository,
        name,
        pipe,
        class,
        checkpoints,
        single_instance,
    }
}

/// The built-in algorithms with an image of their own (fields: repository, name, Pipe mode,
/// instance class, checkpoints, single instance only). JumpStart-based ones, such as LightGBM or
/// CatBoost, run in framework images and cannot be told apart by repository.
#[rustfmt::skip]
pub const ALGORITHMS: &[Builtin] = &[
    b("blazingtext", "BlazingText", true, Class::Either, false, false),
    b("factorization-machines", "Factorization Machines", true, Class::Either, false, false),
    b("forecasting-deepar", "DeepAR Forecasting", false, Class::Either, false, false),
    b("image-classification", "Image Classification - MXNet", true, Class::Gpu, true, false),
    b("ipinsights", "IP Insights", false, Class::Either, false, false),
    b("kmeans", "K-Means", true, Class::Either, false, false),
    b("knn", "K-Nearest-Neighbors (k-NN)", true, Class::Either, false, false),
    b("lda", "LDA", true, Class::Cpu, false, true),
    b("linear-learner", "Linear Learner", true, Class::Either, false, false),
    b("ntm", "Neural Topic Model", true, Class::Either, false, false),
    b("object2vec", "Object2Vec", false, Class::Either, false, true),
    b("object-detection", "Object Detection - MXNet", true, Class::Gpu, true, false),
    b("pca", "PCA", true, Class::Either, false, false),
    b("randomcutforest", "Random Cut Forest", true, Class::Cpu, false, false),
    b("semantic-segmentation", "Semantic Segmentation", true, Class::Gpu, true, true),
    b("seq2seq", "Seq2Seq Modeling", false, Class::Gpu, false, true),
    b("sagemaker-xgboost", "XGBoost", true, Class::Either, true, false),
];

/// The built-in algorithm the request's `TrainingImage` runs, if any.
pub fn of(cx: &Context<'_>) -> Option<&'static Builtin> {
    let image = cx
        .request
        .algorithm_specification
        .as_ref()?
        .training_image
        .as_deref()?;
    by_image(image)
}

/// The built-in algorithm a `TrainingImage` runs, if any.
pub fn by_image(image: &str) -> Option<&'static Builtin> {
    let repository = image_ref::parse(image).ok()?.repository;
    ALGORITHMS.iter().find(|a| a.repository == repository)
}

/// Whether the request's `TrainingImage` is the built-in Semantic Segmentation algorithm, which
/// does not support network isolation (SL208).
pub fn without_network_isolation(cx: &Context<'_>) -> bool {
    of(cx).is_some_and(|a| a.repository == super::network_isolation_unsupported::REPOSITORY)
}

/// Whether an instance type has NVIDIA GPUs (the facts table's accelerator kind).
pub fn has_gpu(t: &crate::facts::InstanceType) -> bool {
    t.accelerators > 0 && t.accelerator_kind.starts_with("NVIDIA")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repositories_are_unique_and_semantic_segmentation_matches_sl208() {
        let mut seen = std::collections::HashSet::new();
        assert!(ALGORITHMS.iter().all(|a| seen.insert(a.repository)));
        assert!(seen.contains(super::super::network_isolation_unsupported::REPOSITORY));
    }
}
