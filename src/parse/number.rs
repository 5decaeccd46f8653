//! Numbers as JSON numbers: integers exactly where they fit, finite doubles otherwise.

/// Convert decimal number text to a JSON number; `None` when it is out of the double range
/// (such as `1e400`), which the AWS CLI would turn into infinity and the API reject.
pub fn decimal(text: &str) -> Option<serde_json::Number> {
    if let Ok(i) = text.parse::<i64>() {
        return Some(i.into());
    }
    if let Ok(u) = text.parse::<u64>() {
        return Some(u.into());
    }
    let f: f64 = text.parse().ok()?;
    serde_json::Number::from_f64(f)
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn edge_numbers() {
        assert_eq!(decimal("3600").and_then(|n| n.as_i64()), Some(3600));
        assert_eq!(decimal("-0").and_then(|n| n.as_i64()), Some(0));
        assert_eq!(
            decimal("18446744073709551616").and_then(|n| n.as_f64()),
            Some(18446744073709551616.0)
        );
        assert_eq!(decimal("1e400"), None);
        assert_eq!(decimal("0.5").and_then(|n| n.as_f64()), Some(0.5));
    }
}
