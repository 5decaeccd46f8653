//! Serverless training jobs (SL9xx).

registry! {}
