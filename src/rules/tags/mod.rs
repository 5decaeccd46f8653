//! Tags: unique keys, the reserved aws: prefix (SL7xx).

registry! {}
