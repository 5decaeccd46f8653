//! How Kubernetes custom resources spell the service model's member names.
//!
//! ACK (aws-controllers-k8s) generates its CRDs from the service model and names each field
//! with `names.New(member).CamelLower` of its `pkg/names` package: lowerCamelCase in which known
//! initialisms are upper-cased (`RoleArn` → `roleARN`, `S3Uri` → `s3URI`, `VolumeKmsKeyId` →
//! `volumeKMSKeyID`, `SecurityGroupIds` → `securityGroupIDs`), and a Go keyword gets a `_`
//! (`Type` → `type_`). [`ack`] is a port of that function: the initialism table and its rules
//! as in aws-controllers-k8s/pkg `names/names.go` (commit 9fc93bf), with `strcase.ToLowerCamel`
//! of iancoleman/strcase v0.2.0 (the version `pkg`'s go.mod pins), so every name is derived
//! from the member's, never kept by hand.
//!
//! The SageMaker Operator for Kubernetes (aws/amazon-sagemaker-operator-for-k8s) writes plain
//! lowerCamelCase (`roleArn`, `s3Uri`): [`operator`].

/// One entry of ACK's initialism table: the camel-cased form, the upper-cased one, the one for
/// the start of a lowerCamel name, and (for the entries `names.go` gives a regular expression)
/// a matcher telling the length of a match at the start of a text.
struct Initialism {
    camel: &'static str,
    upper: &'static str,
    lower: &'static str,
    matcher: Option<fn(&str) -> Option<usize>>,
}

/// `alt` at the start of `s`, not followed by any of `not` (a regular expression's
/// `alt(?!a|b)`).
fn lit(s: &str, alt: &str, not: &[&str]) -> Option<usize> {
    let rest = s.strip_prefix(alt)?;
    (!not.iter().any(|n| rest.starts_with(n))).then_some(alt.len())
}

/// The first of `alts` at the start of `s`.
fn any(s: &str, alts: &[&str], not: &[&str]) -> Option<usize> {
    alts.iter().find_map(|a| lit(s, a, not))
}

const fn plain(camel: &'static str, upper: &'static str, lower: &'static str) -> Initialism {
    Initialism {
        camel,
        upper,
        lower,
        matcher: None,
    }
}

const fn re(
    camel: &'static str,
    upper: &'static str,
    lower: &'static str,
    matcher: fn(&str) -> Option<usize>,
) -> Initialism {
    Initialism {
        camel,
        upper,
        lower,
        matcher: Some(matcher),
    }
}

/// `names.go`'s `initialisms`, in its order (which matters: `Dbi` before `Db`). A leading
/// negative lookahead there that can never fail at a match's first character (`(?![U|u])Ids`,
/// `(?!S|s|D|d)[Ee]cr`, `(?!sec)uri`, `(?!Thro)ttl`) is left out.
const INITIALISMS: &[Initialism] = &[
    re("Ids", "IDs", "ids", |s| lit(s, "Ids", &[])),
    re("Id", "ID", "id", |s| {
        lit(
            s,
            "Id",
            &["entifier", "le", "entity", "entities", "empotency", "c"],
        )
    }),
    re("Idc", "IDC", "idc", |s| lit(s, "Idc", &[])),
    re("Dbi", "DBI", "dbi", |s| lit(s, "Dbi", &[])),
    re("Db", "DB", "db", |s| lit(s, "Db", &["i"])),
    re("Db", "DB", "db", |s| lit(s, "DB", &[])),
    re("CACert", "CACert", "caCert", |s| lit(s, "CACert", &[])),
    re("MD5Of", "MD5Of", "md5Of", |s| {
        any(s, &["MD5Of", "Md5Of"], &[])
    }),
    re("Ipc", "IPC", "ipc", |s| lit(s, "Ipc", &[])),
    plain("IPAddress", "IPAddress", "ip_address"),
    re("IPv4", "IPv4", "ipv4", |s| any(s, &["IPv4", "Ipv4"], &[])),
    re("IPv6", "IPv6", "ipv6", |s| any(s, &["IPv6", "Ipv6"], &[])),
    re("Ip", "IP", "ip", |s| lit(s, "Ip", &["art", "am"])),
    plain("IPSet", "IPSet", "ip_set"),
    re("Amis", "AMIs", "amis", |s| lit(s, "Amis", &[])),
    re("Ami", "AMI", "ami", |s| lit(s, "Ami", &[])),
    plain("Acl", "ACL", "acl"),
    re("Acm", "ACM", "acm", |s| any(s, &["Acm", "ACM"], &["e"])),
    plain("AIML", "AIML", "aiml"),
    plain("Acp", "ACP", "acp"),
    plain("Api", "API", "api"),
    plain("Arn", "ARN", "arn"),
    plain("ArgoCd", "ArgoCD", "argoCD"),
    plain("Asn", "ASN", "asn"),
    plain("Awsvpc", "AWSVPC", "awsVPC"),
    plain("Aws", "AWS", "aws"),
    plain("Az", "AZ", "az"),
    plain("Bgp", "BGP", "bgp"),
    plain("Cors", "CORS", "cors"),
    plain("Cidr", "CIDR", "cidr"),
    plain("Cname", "CNAME", "cname"),
    plain("Cpu", "CPU", "cpu"),
    plain("Crl", "CRL", "crl"),
    plain("Cps", "CPS", "cps"),
    plain("Csr", "CSR", "csr"),
    plain("Dhcp", "DHCP", "dhcp"),
    plain("Dns", "DNS", "dns"),
    plain("Dpd", "DPD", "dpd"),
    plain("Ebs", "EBS", "ebs"),
    plain("Ec2", "EC2", "ec2"),
    re("Ecr", "ECR", "ecr", |s| {
        any(s, &["Ecr", "ecr"], &["et", "ease"])
    }),
    plain("Ecs", "ECS", "ecs"),
    re("Edi", "EDI", "edi", |s| lit(s, "Edi", &["t"])),
    plain("Efs", "EFS", "efs"),
    plain("Eks", "EKS", "eks"),
    re("Ena", "ENA", "ena", |s| lit(s, "Ena", &["bl"])),
    plain("Ecmp", "ECMP", "ecmp"),
    plain("Fifo", "FIFO", "fifo"),
    plain("Fpga", "FPGA", "fpga"),
    plain("Gid", "GID", "gid"),
    plain("Gpu", "GPU", "gpu"),
    plain("Grpc", "GRPC", "grpc"),
    plain("Html", "HTML", "html"),
    re("Http", "HTTP", "http", |s| {
        // `HTTP(?!S[A-Z])|Http(?!s)`
        let https_word = s
            .strip_prefix("HTTPS")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
        if s.starts_with("HTTP") && !https_word {
            return Some(4);
        }
        lit(s, "Http", &["s"])
    }),
    plain("Https", "HTTPS", "https"),
    plain("Iam", "IAM", "iam"),
    plain("Icmp", "ICMP", "icmp"),
    re("Io", "IO", "io", |s| lit(s, "Io", &["ps"])),
    plain("Iops", "IOPS", "iops"),
    plain("Ipam", "IPAM", "ipam"),
    plain("Ja3", "JA3", "ja3"),
    plain("Json", "JSON", "json"),
    plain("Jwt", "JWT", "jwt"),
    plain("Kms", "KMS", "kms"),
    plain("Ldap", "LDAP", "ldap"),
    plain("Mfa", "MFA", "mfa"),
    re("Mibps", "MiBps", "miBps", |s| lit(s, "Mibps", &[])),
    re("Nat", "NAT", "nat", |s| lit(s, "Nat", &["i"])),
    re("Oid", "OID", "oid", |s| lit(s, "Oid", &["c"])),
    re("OID", "OID", "oid", |s| lit(s, "OID", &["C"])),
    plain("Oidc", "OIDC", "oidc"),
    plain("Ocsp", "OCSP", "ocsp"),
    plain("Pca", "PCA", "pca"),
    plain("Pid", "PID", "pid"),
    re("Ramdisk", "RAMDisk", "ramDisk", |s| lit(s, "Ramdisk", &[])),
    re("Ram", "RAM", "ram", |s| lit(s, "Ram", &[])),
    plain("Rfc", "RFC", "rfc"),
    plain("Sasl", "SASL", "sasl"),
    plain("Scram", "SCRAM", "scram"),
    plain("Sdk", "SDK", "sdk"),
    plain("Sha256", "SHA256", "sha256"),
    plain("Sns", "SNS", "sns"),
    plain("Sqli", "SQLI", "sqli"),
    plain("Sql", "SQL", "sql"),
    plain("Sqs", "SQS", "sqs"),
    plain("Sriov", "SRIOV", "sriov"),
    plain("Sse", "SSE", "sse"),
    plain("Ssl", "SSL", "ssl"),
    plain("Tcp", "TCP", "tcp"),
    plain("Tde", "TDE", "tde"),
    plain("Tpm", "TPM", "tpm"),
    plain("Tls", "TLS", "tls"),
    re("Ttl", "TTL", "ttl", |s| {
        // `(?i)ttl(?!ing|e)`
        let head = s.get(..3)?;
        head.eq_ignore_ascii_case("ttl")
            .then(|| lit(&s[3..], "", &["ing", "e"]))
            .flatten()
            .map(|_| 3)
    }),
    plain("Udp", "UDP", "udp"),
    re("Uri", "URI", "uri", |s| {
        lit(s, "uri", &["ty"]).or_else(|| any(s, &["Uri", "URI"], &[]))
    }),
    plain("Url", "URL", "url"),
    plain("Uuid", "UUID", "uuid"),
    re("Uids", "UIDs", "uids", |s| lit(s, "Uids", &[])),
    re("Uid", "UID", "uid", |s| lit(s, "Uid", &[])),
    re("Ui", "UI", "ui", |s| any(s, &["UI", "Ui"], &["D", "d"])),
    plain("Vlan", "VLAN", "vlan"),
    re("Vpce", "VPCE", "vpce", |s| any(s, &["Vpce", "vpce"], &[])),
    re("Vpc", "VPC", "vpc", |s| {
        let head = s.get(..3)?;
        let b = head.as_bytes();
        let fits = matches!(b[0], b'V' | b'v')
            && matches!(b[1], b'P' | b'p')
            && matches!(b[2], b'C' | b'c')
            && !s[3..].starts_with('e');
        fits.then_some(3)
    }),
    plain("Vpn", "VPN", "vpn"),
    plain("Vgw", "VGW", "vgw"),
    plain("Waf", "WAF", "waf"),
    plain("Xml", "XML", "xml"),
    plain("Xss", "XSS", "xss"),
    plain("Yaml", "YAML", "yaml"),
];

/// Go's keywords: a name equal to one gets a trailing `_` (`names.go`'s `goKeywords`).
const GO_KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// The field name ACK gives a member of the service model (`names.New(member).CamelLower`).
pub fn ack(member: &str) -> String {
    let mut out = normalize(member);
    out = to_lower_camel(&out);
    out = normalize(&out);
    if GO_KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// The field name the SageMaker Operator for Kubernetes gives a member: lowerCamelCase.
pub fn operator(member: &str) -> String {
    let mut chars = member.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// iancoleman/strcase v0.2.0 `ToLowerCamel`: the first letter lowered, a letter after a digit
/// raised, characters other than ASCII letters and digits dropped.
fn to_lower_camel(s: &str) -> String {
    let s = s.trim();
    if s == "ID" {
        return "id".into();
    }
    let mut out = String::with_capacity(s.len());
    let mut cap_next = false;
    for (i, b) in s.bytes().enumerate() {
        let mut v = b;
        if cap_next {
            v = v.to_ascii_uppercase();
        } else if i == 0 {
            v = v.to_ascii_lowercase();
        }
        if v.is_ascii_alphabetic() {
            out.push(v as char);
            cap_next = false;
        } else if v.is_ascii_digit() {
            out.push(v as char);
            cap_next = true;
        } else {
            cap_next = matches!(v, b'_' | b' ' | b'-' | b'.');
        }
    }
    out
}

/// `names.go`'s `normalizeInitialisms(original, lowerFirst: true, snake: false)`.
fn normalize(original: &str) -> String {
    let mut result = original.to_string();
    for t in INITIALISMS {
        match t.matcher {
            None => {
                if result.starts_with(t.upper) {
                    result = result.replacen(t.upper, t.lower, 1);
                }
                match result.find(t.camel) {
                    None => continue,
                    Some(0) => {
                        result = result.replacen(t.camel, t.lower, 1);
                        result = result.replace(t.camel, t.upper);
                    }
                    Some(_) => result = result.replace(t.camel, t.upper),
                }
            }
            Some(matcher) => {
                let Some((mut start_from, first_len)) = find(matcher, &result, 0) else {
                    continue;
                };
                if start_from == 0 {
                    // The first match is lowered; the others (searched in the text as it was)
                    // are upper-cased.
                    let before = result.clone();
                    result = replace(matcher, &result, t.lower, 0, Some(1));
                    match find(matcher, &before, first_len.max(1)) {
                        None => continue,
                        Some((at, _)) => start_from = at,
                    }
                }
                result = replace(matcher, &result, t.upper, start_from, None);
            }
        }
    }
    result
}

/// The first match at or after `from`: its start and length.
fn find(matcher: fn(&str) -> Option<usize>, s: &str, from: usize) -> Option<(usize, usize)> {
    (from..s.len())
        .filter(|&i| s.is_char_boundary(i))
        .find_map(|i| matcher(&s[i..]).map(|len| (i, len)))
}

/// Replace up to `count` (all when `None`) matches found from `from` on by `with`.
fn replace(
    matcher: fn(&str) -> Option<usize>,
    s: &str,
    with: &str,
    from: usize,
    count: Option<usize>,
) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at = from.min(s.len());
    out.push_str(&s[..at]);
    let mut done = 0;
    while at < s.len() {
        if count.is_some_and(|c| done >= c) {
            break;
        }
        match find(matcher, s, at) {
            Some((start, len)) => {
                out.push_str(&s[at..start]);
                out.push_str(with);
                at = start + len.max(1);
                done += 1;
            }
            None => break,
        }
    }
    out.push_str(&s[at.min(s.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ack_names_follow_the_names_package() {
        // names_test.go's cases (CamelLower column).
        for (member, want) in [
            ("ACMCertificateArn", "acmCertificateARN"),
            ("AmiType", "amiType"),
            ("AwsVpcConfiguration", "awsVPCConfiguration"),
            ("DbInstanceId", "dbInstanceID"),
            ("DbiResourceId", "dbiResourceID"),
            ("Id", "id"),
            ("ID", "id"),
            ("KeyId", "keyID"),
            ("RamdiskId", "ramDiskID"),
            ("RepositoryUriTest", "repositoryURITest"),
            ("SSEKMSKeyID", "sseKMSKeyID"),
            ("humanTaskUiArn", "humanTaskUIARN"),
            ("Uri", "uri"),
            ("CacheSecurityGroup", "cacheSecurityGroup"),
        ] {
            assert_eq!(ack(member), want, "{member}");
        }
    }

    #[test]
    fn ack_names_of_training_job_members_match_the_crd() {
        // Field names of aws-controllers-k8s/sagemaker-controller
        // config/crd/bases/sagemaker.services.k8s.aws_trainingjobs.yaml (commit dc49707).
        for (member, want) in [
            ("RoleArn", "roleARN"),
            ("S3Uri", "s3URI"),
            ("KmsKeyId", "kmsKeyID"),
            ("VolumeKmsKeyId", "volumeKMSKeyID"),
            ("SecurityGroupIds", "securityGroupIDs"),
            ("FileSystemId", "fileSystemID"),
            ("HubContentArn", "hubContentARN"),
            ("UltraServerId", "ultraServerID"),
            ("VolumeSizeInGB", "volumeSizeInGB"),
            ("S3DataDistributionType", "s3DataDistributionType"),
            ("VpcConfig", "vpcConfig"),
            (
                "EnableInterContainerTrafficEncryption",
                "enableInterContainerTrafficEncryption",
            ),
            (
                "EnableSageMakerMetricsTimeSeries",
                "enableSageMakerMetricsTimeSeries",
            ),
            (
                "ProfilingIntervalInMilliseconds",
                "profilingIntervalInMilliseconds",
            ),
            ("Type", "type_"),
        ] {
            assert_eq!(ack(member), want, "{member}");
        }
    }

    #[test]
    fn operator_names_are_lower_camel_case() {
        assert_eq!(operator("RoleArn"), "roleArn");
        assert_eq!(operator("S3Uri"), "s3Uri");
        assert_eq!(operator("SecurityGroupIds"), "securityGroupIds");
    }
}
