//! Tags: unique keys, the reserved aws: prefix (SL7xx).

registry! {
    duplicate_tag_key,
    reserved_tag_prefix,
}

/// Each tag's pointer and literal key. Keys that are templated (`${X}`, `{{x}}`: unknown until
/// deploy) or not strings are left out.
fn tag_keys<'a>(cx: &crate::rules::Context<'a>) -> Vec<(usize, &'a str)> {
    cx.request
        .tags
        .as_deref()
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((i, t.key.as_deref()?)))
        .collect()
}
