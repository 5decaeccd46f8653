//! One rule per kind of schema constraint, from the generated JSON Schema (SL1xx).

registry! {
    unknown_key,
    missing_required,
    invalid_type,
    invalid_enum_value,
    pattern_mismatch,
    invalid_length,
    invalid_item_count,
    invalid_map_size,
    out_of_range,
}
