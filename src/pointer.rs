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
    ptr.split('/').skip(1).map(|s| {
        if s.contains('~') {
            Cow::Owned(s.replace("~1", "/").replace("~0", "~"))
        } else {
            Cow::Borrowed(s)
        }
    })
}

/// The pointer of the parent, or `None` for the document root.
pub fn parent(ptr: &str) -> Option<&str> {
    ptr.rfind('/').map(|i| &ptr[..i])
}

/// The last reference token, unescaped.
pub fn last(ptr: &str) -> Option<Cow<'_, str>> {
    let token = &ptr[ptr.rfind('/')? + 1..];
    Some(if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    })
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
        assert_eq!(segments("").count(), 0);
    }
}
