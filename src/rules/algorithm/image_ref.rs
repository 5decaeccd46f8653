//! Docker image references as SageMaker takes them: `registry/repository[:tag]` or
//! `registry/repository[@digest]` (the grammar of the Docker distribution reference, with the
//! registry required).

/// The parts of a well-formed image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef<'a> {
    /// Host, with its port if any: `683313688378.dkr.ecr.us-east-1.amazonaws.com`.
    pub registry: &'a str,
    /// The path after the registry: `sagemaker-xgboost`, `team/model`.
    pub repository: &'a str,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

/// Why a string is not an image reference. [`Problem::describe`] words it for a message that
/// already names the field and quotes the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Leading or trailing whitespace, or whitespace inside.
    Whitespace(Where),
    /// `https://…`: an image path has no scheme.
    UrlScheme(String),
    /// No `/`, and what there is looks like a repository (`xgboost:1`).
    NoRegistry,
    /// No `/`, and what there is looks like a registry host (`…amazonaws.com`).
    NoRepository,
    /// No `/`, no letters or digits: `...`, `-`.
    NotAPath,
    /// The first path component is not a host: Docker reads `team/model` as a Docker Hub
    /// repository, with no registry.
    NotAHost(String),
    /// The registry is not `host[:port]`.
    BadRegistry(String, &'static str),
    /// `a//b`, a leading or trailing `/` in the repository path.
    EmptyPathComponent,
    /// A repository path component with an uppercase letter.
    Uppercase(String),
    /// A repository path component with a character outside `[a-z0-9._-]`.
    BadRepositoryChar(String, char),
    /// Separators not between letters or digits (`-model`, `model.`, `a..b`).
    BadSeparators(String),
    /// `repo:` with nothing after the colon.
    EmptyTag,
    /// A tag outside `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    BadTag(String),
    /// `repo@` with nothing after the at sign.
    EmptyDigest,
    /// More than one `@`.
    SeveralDigests,
    /// A digest without `algorithm:`.
    DigestWithoutAlgorithm(String),
    /// A digest algorithm that is not `[A-Za-z][A-Za-z0-9]*` components joined by `+._-`.
    BadDigestAlgorithm(String),
    /// A known algorithm whose hex part has the wrong length (`sha256` needs 64).
    DigestLength {
        algorithm: String,
        expected: usize,
        found: usize,
    },
    /// A digest whose encoded part is not lowercase hexadecimal.
    DigestNotHex(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    Leading,
    Trailing,
    Inside,
}

impl Problem {
    /// Whether the value is not an image path at all (rather than a path with one bad part),
    /// so that a message should recall the documented form.
    pub fn is_structural(&self) -> bool {
        matches!(
            self,
            Problem::UrlScheme(_)
                | Problem::NoRegistry
                | Problem::NoRepository
                | Problem::NotAPath
                | Problem::NotAHost(_)
        )
    }

    /// The end of a sentence that starts "`TrainingImage` `<value>` ".
    pub fn describe(&self) -> String {
        match self {
            Problem::Whitespace(Where::Leading) => "starts with whitespace".into(),
            Problem::Whitespace(Where::Trailing) => "ends with whitespace".into(),
            Problem::Whitespace(Where::Inside) => "contains whitespace".into(),
            Problem::UrlScheme(s) => {
                format!("starts with `{s}://`: an image path has no URL scheme")
            }
            Problem::NoRegistry => {
                "has no registry: an image path starts with the registry host and a `/`".into()
            }
            Problem::NoRepository => "names a registry but no repository".into(),
            Problem::NotAPath => "is not an image path".into(),
            Problem::NotAHost(first) => format!(
                "has no registry: `{first}` is not a host name (a registry host has a dot or a port, or is `localhost`), so it is read as part of the repository"
            ),
            Problem::BadRegistry(host, why) => {
                format!("has an invalid registry `{host}`: {why}")
            }
            Problem::EmptyPathComponent => {
                "has an empty repository path component (`//`, or a `/` before `:` or `@`)".into()
            }
            Problem::Uppercase(c) => {
                format!("has uppercase letters in the repository name `{c}`: repository names are lowercase")
            }
            Problem::BadRepositoryChar(c, ch) => format!(
                "has `{}` in the repository name `{c}`: a repository name has lowercase letters, digits, and the separators `.`, `_`, `__` and `-`",
                ch.escape_debug()
            ),
            Problem::BadSeparators(c) => format!(
                "has a misplaced separator in the repository name `{c}`: each `.`, `_`, `__` or run of `-` must stand between letters or digits"
            ),
            Problem::EmptyTag => "ends with `:` but has no tag".into(),
            Problem::BadTag(t) => format!(
                "has an invalid tag `{t}`: a tag is 1 to 128 letters, digits, `_`, `.` and `-`, and does not start with `.` or `-`"
            ),
            Problem::EmptyDigest => "ends with `@` but has no digest".into(),
            Problem::SeveralDigests => "has more than one `@`".into(),
            Problem::DigestWithoutAlgorithm(d) => format!(
                "has a digest `{d}` without an algorithm: a digest is `sha256:` followed by 64 hexadecimal digits"
            ),
            Problem::BadDigestAlgorithm(a) => {
                format!("has an invalid digest algorithm `{a}`")
            }
            Problem::DigestLength {
                algorithm,
                expected,
                found,
            } => format!(
                "has a {algorithm} digest of {found} hexadecimal digits: a {algorithm} digest has exactly {expected}"
            ),
            Problem::DigestNotHex(d) => {
                format!("has a digest `{d}` that is not lowercase hexadecimal")
            }
        }
    }
}

/// Split and check an image reference.
pub fn parse(image: &str) -> Result<ImageRef<'_>, Problem> {
    if let Some(w) = whitespace(image) {
        return Err(Problem::Whitespace(w));
    }
    if let Some(i) = image.find("://") {
        let scheme = &image[..i];
        let scheme_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.');
        if scheme.starts_with(|c: char| c.is_ascii_alphabetic()) && scheme.chars().all(scheme_char)
        {
            return Err(Problem::UrlScheme(scheme.to_string()));
        }
    }
    let (name, digest) = match image.split_once('@') {
        Some((_, d)) if d.contains('@') => return Err(Problem::SeveralDigests),
        Some((n, d)) => (n, Some(d)),
        None => (image, None),
    };
    let Some((registry, rest)) = name.split_once('/') else {
        let host = name.split(':').next().unwrap_or_default();
        let looks_like_host =
            (host.contains('.') || host == "localhost") && check_registry(host).is_ok();
        return Err(if looks_like_host {
            Problem::NoRepository
        } else if name.chars().any(|c| c.is_ascii_alphanumeric()) {
            Problem::NoRegistry
        } else {
            Problem::NotAPath
        });
    };
    if registry.is_empty() {
        return Err(Problem::NoRegistry);
    }
    // Docker's rule: the first component is a registry if it has a dot, a port or an uppercase
    // letter, or is `localhost`; otherwise it is the first component of a Docker Hub path.
    let hostlike = registry.contains(['.', ':'])
        || registry == "localhost"
        || registry.chars().any(|c| c.is_ascii_uppercase());
    if !hostlike {
        return Err(Problem::NotAHost(registry.to_string()));
    }
    check_registry(registry)?;
    // The tag is after the last `:` of the last path component.
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    let (repository, tag) = match rest[last_slash..].find(':') {
        Some(i) => (&rest[..last_slash + i], Some(&rest[last_slash + i + 1..])),
        None => (rest, None),
    };
    check_repository(repository)?;
    if let Some(tag) = tag {
        check_tag(tag)?;
    }
    if let Some(digest) = digest {
        check_digest(digest)?;
    }
    Ok(ImageRef {
        registry,
        repository,
        tag,
        digest,
    })
}

fn whitespace(s: &str) -> Option<Where> {
    if s.starts_with(char::is_whitespace) {
        Some(Where::Leading)
    } else if s.ends_with(char::is_whitespace) {
        Some(Where::Trailing)
    } else if s.contains(char::is_whitespace) {
        Some(Where::Inside)
    } else {
        None
    }
}

fn check_registry(registry: &str) -> Result<(), Problem> {
    let bad = |why: &'static str| Err(Problem::BadRegistry(registry.to_string(), why));
    let (host, port) = if let Some(v6) = registry.strip_prefix('[') {
        let Some(end) = v6.find(']') else {
            return bad("an IPv6 address needs its closing `]`");
        };
        let after = &v6[end + 1..];
        if v6[..end].is_empty() || !v6[..end].chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return bad("the IPv6 address between `[` and `]` is not valid");
        }
        match after {
            "" => (None, None),
            p if p.starts_with(':') => (None, Some(&p[1..])),
            _ => return bad("only a port (`:5000`) may follow an IPv6 address"),
        }
    } else {
        match registry.split_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(registry), None),
        }
    };
    if let Some(host) = host {
        if host.is_empty() {
            return bad("the host name is empty");
        }
        for label in host.split('.') {
            if label.is_empty() {
                return bad("a host name has no empty labels (`..`, or a leading or trailing `.`)");
            }
            if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return bad("a host name has only letters, digits, `-` and `.`");
            }
            if label.starts_with('-') || label.ends_with('-') {
                return bad("a host name label does not start or end with `-`");
            }
        }
    }
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.chars().all(|c| c.is_ascii_digit()) {
            return bad("the port after `:` must be a number");
        }
    }
    Ok(())
}

/// `path-component := [a-z0-9]+ (separator [a-z0-9]+)*`, `separator := [_.] | __ | [-]+`.
fn check_repository(repository: &str) -> Result<(), Problem> {
    for component in repository.split('/') {
        if component.is_empty() {
            return Err(Problem::EmptyPathComponent);
        }
        if let Some(c) = component
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        {
            return Err(Problem::BadRepositoryChar(component.to_string(), c));
        }
        if component.chars().any(|c| c.is_ascii_uppercase()) {
            return Err(Problem::Uppercase(component.to_string()));
        }
        if !separators_ok(component) {
            return Err(Problem::BadSeparators(component.to_string()));
        }
    }
    Ok(())
}

fn separators_ok(component: &str) -> bool {
    let b = component.as_bytes();
    let alnum = |c: u8| c.is_ascii_alphanumeric();
    if !b.first().copied().is_some_and(alnum) || !b.last().copied().is_some_and(alnum) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !alnum(b[i]) {
            i += 1;
        }
        let sep = &component[start..i];
        if !(sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|c| c == b'-')) {
            return false;
        }
    }
    true
}

fn check_tag(tag: &str) -> Result<(), Problem> {
    if tag.is_empty() {
        return Err(Problem::EmptyTag);
    }
    let ok = tag.len() <= 128
        && tag
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && tag
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(())
    } else {
        Err(Problem::BadTag(tag.to_string()))
    }
}

/// `algorithm ":" encoded`; the registered algorithms (OCI image spec) have a fixed length of
/// lowercase hexadecimal.
fn check_digest(digest: &str) -> Result<(), Problem> {
    if digest.is_empty() {
        return Err(Problem::EmptyDigest);
    }
    let Some((algorithm, encoded)) = digest.split_once(':') else {
        return Err(Problem::DigestWithoutAlgorithm(digest.to_string()));
    };
    let algorithm_ok = !algorithm.is_empty()
        && algorithm.split(['+', '.', '_', '-']).all(|c| {
            c.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && c.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if !algorithm_ok {
        return Err(Problem::BadDigestAlgorithm(algorithm.to_string()));
    }
    let expected = match algorithm {
        "sha256" => Some(64),
        "sha512" => Some(128),
        _ => None,
    };
    let lower_hex = |s: &str| s.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f'));
    match expected {
        Some(_) if !lower_hex(encoded) => Err(Problem::DigestNotHex(digest.to_string())),
        Some(n) if encoded.len() != n => Err(Problem::DigestLength {
            algorithm: algorithm.to_string(),
            expected: n,
            found: encoded.len(),
        }),
        // Other algorithms: the distribution reference's `[A-Fa-f0-9]{32,}`.
        None if encoded.len() < 32 || !encoded.chars().all(|c| c.is_ascii_hexdigit()) => {
            Err(Problem::DigestNotHex(digest.to_string()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn accepts_the_documented_forms() {
        for ok in [
            "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            "763104351884.dkr.ecr.us-west-2.amazonaws.com/tensorflow-training:2.4.1-gpu-py37-cu110-ubuntu18.04",
            "305326993135.dkr.ecr.ap-southeast-1.amazonaws.com/sagemaker-bring-your-own",
            "390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/semantic-segmentation:1",
            "registry.example.com:5000/team/model__v2:latest",
            "localhost/model",
            "[::1]:5000/model",
            "10.0.0.12:5000/a-b--c/d_e.f:TAG_1",
        ] {
            assert!(parse(ok).is_ok(), "{ok}: {:?}", parse(ok));
        }
        let digest = format!("123456789012.dkr.ecr.eu-west-1.amazonaws.com/model@{SHA}");
        assert_eq!(
            parse(&digest).map(|r| (r.repository, r.tag, r.digest.is_some())),
            Ok(("model", None, true))
        );
        let both = format!("123456789012.dkr.ecr.eu-west-1.amazonaws.com/model:1@{SHA}");
        assert_eq!(parse(&both).map(|r| r.tag), Ok(Some("1")));
    }

    #[test]
    fn names_the_problem() {
        let ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
        let cases: Vec<(String, Problem)> = vec![
            ("xgboost:1".into(), Problem::NoRegistry),
            ("TrainingImage".into(), Problem::NoRegistry),
            ("<image-uri>".into(), Problem::NoRegistry),
            ("...".into(), Problem::NotAPath),
            ("localhost:5000".into(), Problem::NoRepository),
            (ecr.into(), Problem::NoRepository),
            (format!("{ecr}:1"), Problem::NoRepository),
            ("team/model:1".into(), Problem::NotAHost("team".into())),
            ("/model".into(), Problem::NoRegistry),
            (
                format!("https://{ecr}/m"),
                Problem::UrlScheme("https".into()),
            ),
            (
                "s3://bucket/image.tar".into(),
                Problem::UrlScheme("s3".into()),
            ),
            (format!(" {ecr}/m"), Problem::Whitespace(Where::Leading)),
            (format!("{ecr}/m:1 "), Problem::Whitespace(Where::Trailing)),
            (format!("{ecr}/m: 1"), Problem::Whitespace(Where::Inside)),
            (format!("{ecr}//m"), Problem::EmptyPathComponent),
            (format!("{ecr}/m/:1"), Problem::EmptyPathComponent),
            (
                format!("{ecr}/MyModel:1"),
                Problem::Uppercase("MyModel".into()),
            ),
            (
                format!("{ecr}/my+model"),
                Problem::BadRepositoryChar("my+model".into(), '+'),
            ),
            (
                format!("{ecr}/-model"),
                Problem::BadSeparators("-model".into()),
            ),
            (format!("{ecr}/a..b"), Problem::BadSeparators("a..b".into())),
            (
                format!("{ecr}/a___b"),
                Problem::BadSeparators("a___b".into()),
            ),
            (format!("{ecr}/m:"), Problem::EmptyTag),
            (format!("{ecr}/m:.1"), Problem::BadTag(".1".into())),
            (format!("{ecr}/m:1:2"), Problem::BadTag("1:2".into())),
            (
                format!("{ecr}/m:{}", "a".repeat(129)),
                Problem::BadTag("a".repeat(129)),
            ),
            (format!("{ecr}/m@"), Problem::EmptyDigest),
            (format!("{ecr}/m@a@b"), Problem::SeveralDigests),
            (
                format!("{ecr}/m@abc123"),
                Problem::DigestWithoutAlgorithm("abc123".into()),
            ),
            (
                format!("{ecr}/m@1sha:abc"),
                Problem::BadDigestAlgorithm("1sha".into()),
            ),
            (
                format!("{ecr}/m@sha256:abc123"),
                Problem::DigestLength {
                    algorithm: "sha256".into(),
                    expected: 64,
                    found: 6,
                },
            ),
            (
                format!("{ecr}/m@sha256:{}", "A".repeat(64)),
                Problem::DigestNotHex(format!("sha256:{}", "A".repeat(64))),
            ),
            (
                "<AccountId>.dkr.ecr.<Region>.amazonaws.com/abalone:latest".into(),
                Problem::BadRegistry(
                    "<AccountId>.dkr.ecr.<Region>.amazonaws.com".into(),
                    "a host name has only letters, digits, `-` and `.`",
                ),
            ),
            (
                "registry.example.com:port/m".into(),
                Problem::BadRegistry(
                    "registry.example.com:port".into(),
                    "the port after `:` must be a number",
                ),
            ),
            (
                "registry..example.com/m".into(),
                Problem::BadRegistry(
                    "registry..example.com".into(),
                    "a host name has no empty labels (`..`, or a leading or trailing `.`)",
                ),
            ),
        ];
        for (image, want) in cases {
            assert_eq!(parse(&image), Err(want), "{image}");
        }
    }
}
