//! JSON Pointers (RFC 6901): how a diagnostic names the place it is about.

use std::borrow::Cow;

/// Append one reference token to a pointer, escaping `~` and `/`.
pub fn join(base: &str, token: impl AsRef<str>) -> String {
    let token = token.as_ref();
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    push(&mut out, token);
    out
}

/// [`join`] in place (a walk that extends and truncates one pointer allocates nothing per node).
pub fn push(ptr: &mut String, token: &str) {
    ptr.push('/');
    if !token.contains(['~', '/']) {
        ptr.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => ptr.push_str("~0"),
            '/' => ptr.push_str("~1"),
            c => ptr.push(c),
        }
    }
}

/// The unescaped reference tokens of a pointer (`""` is the whole document).
pub fn segments(ptr: &str) -> impl Iterator<Item = Cow<'_, str>> {
    ptr.split('/').skip(1).map(unescape)
}

/// The pointer of the parent, or `None` for the document root. (memchr's search, not std's
/// byte loop: rules ask this of every pointer they look up.)
pub fn parent(ptr: &str) -> Option<&str> {
    memchr::memrchr(b'/', ptr.as_bytes()).map(|i| &ptr[..i])
}

/// The last reference token, unescaped.
pub fn last(ptr: &str) -> Option<Cow<'_, str>> {
    split_last(ptr).map(|(_, last)| last)
}

/// The pointer of the parent and the last token, unescaped; `None` for the document root.
pub fn split_last(ptr: &str) -> Option<(&str, Cow<'_, str>)> {
    let parent = parent(ptr)?;
    Some((parent, unescape(&ptr[parent.len() + 1..])))
}

/// A pointer as messages write a place: member names joined by `.`, array indices in brackets
/// (`/A/B/0/C` is `A.B[0].C`).
pub fn dotted(ptr: &str) -> String {
    let mut out = String::with_capacity(ptr.len());
    for segment in segments(ptr) {
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            out.push('[');
            out.push_str(&segment);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&segment);
        }
    }
    out
}

fn unescape(token: &str) -> Cow<'_, str> {
    if token.as_bytes().contains(&b'~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip() {
        let p = join("/HyperParameters", "a/b~c");
        assert_eq!(p, "/HyperParameters/a~1b~0c");
        assert_eq!(
            segments(&p).collect::<Vec<_>>(),
            vec!["HyperParameters", "a/b~c"]
        );
        assert_eq!(parent(&p), Some("/HyperParameters"));
        assert_eq!(last(&p).as_deref(), Some("a/b~c"));
        assert_eq!(parent("/A"), Some(""));
        assert_eq!(parent(""), None);
        assert_eq!(last("/A/"), Some(Cow::Borrowed("")));
        assert_eq!(segments("").count(), 0);
    }

    #[test]
    fn dotted_paths() {
        assert_eq!(
            dotted("/TrainingJobDefinitions/1/HyperParameterRanges/IntegerParameterRanges/0"),
            "TrainingJobDefinitions[1].HyperParameterRanges.IntegerParameterRanges[0]"
        );
        assert_eq!(dotted(""), "");
        assert_eq!(dotted("/RoleArn"), "RoleArn");
    }
}
