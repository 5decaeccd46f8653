//! Table-driven tests: every secret kind must be found, every look-alike
//! family must stay quiet. All secrets below are synthetic: format-valid,
//! visibly fake (`FAKE`, `EXAMPLE`, counting sequences), never real.

use super::named::{classify_words, split_words, NameClass};
use super::*;
use std::collections::BTreeSet;
use std::time::Instant;

use SecretKind::*;

const GH36: &str = "0123456789abcdefghijABCDEFGHIJ012345";
const JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXItZm9yLXRlc3RzIn0.FAKEsignatureFAKEsignature0123456789abcd";
const AWS_DOC_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const FAKE_SECRET: &str = "FAKEsecretKEY0123456789+abcdefGHIJKLmnop";
const SESSION_B64: &str =
    "FAKEsessionTOKEN0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/==";
const SHA256: &str = "1eec943f3fbf69947176e7c711415ad88a08184169f72cd31dca0ab071e14939";

/// (key, value, expected kind): values that must be reported.
fn true_positives() -> Vec<(Option<&'static str>, String, SecretKind)> {
    let s = |v: &str| v.to_string();
    vec![
        // AWS access key IDs, including AWS's own documentation example.
        (Some("aws_access_key_id"), s("AKIAIOSFODNN7EXAMPLE"), AwsAccessKeyId),
        (Some("AWS_ACCESS_KEY_ID"), s("ASIAFAKEFAKEFAKE2345"), AwsAccessKeyId),
        (None, s("ABIAZZ7TESTONLY2QRST"), AwsAccessKeyId),
        (Some("access_key"), s("AKIAI44QH8DHBEXAMPLE"), AwsAccessKeyId),
        (Some("note"), s("use key ACCAFAKE2345TEST6ABC for s3"), AwsAccessKeyId),
        // AWS secret access keys: by key name, by assignment, standalone.
        (Some("aws_secret_access_key"), s(AWS_DOC_SECRET), AwsSecretAccessKey),
        (Some("MY_SECRET"), s(FAKE_SECRET), AwsSecretAccessKey),
        (None, s(FAKE_SECRET), AwsSecretAccessKey),
        (
            None,
            format!("--aws_secret_access_key={AWS_DOC_SECRET}"),
            AwsSecretAccessKey,
        ),
        // AWS session tokens: by prefix and by key name.
        (
            Some("AWS_SESSION_TOKEN"),
            s("FwoGZXIvYXdzEFAKEfakeSessionTokenForUnitTests0123456789abcdefXYZ"),
            AwsSessionToken,
        ),
        (
            None,
            s("IQoJb3JpZ2luX2VjEFAKEsessionTOKENforTESTSonly0123456789abcdefgh"),
            AwsSessionToken,
        ),
        (Some("sessionToken"), s(SESSION_B64), AwsSessionToken),
        (
            None,
            format!("export AWS_SESSION_TOKEN={SESSION_B64}"),
            AwsSessionToken,
        ),
        // PEM private keys of every flavour.
        (
            Some("private_key"),
            s("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAfakeKEYmaterialFORtests0123456789\n-----END RSA PRIVATE KEY-----\n"),
            PrivateKey,
        ),
        (
            None,
            s("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIFAKEfakeECkeyMATERIAL0123456789abcdef\n-----END EC PRIVATE KEY-----"),
            PrivateKey,
        ),
        (
            Some("SSH_KEY"),
            s("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQy\n-----END OPENSSH PRIVATE KEY-----"),
            PrivateKey,
        ),
        (
            None,
            s("-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQDFAKEdsaKEYmaterial0123456789\n-----END DSA PRIVATE KEY-----"),
            PrivateKey,
        ),
        (
            Some("gpg_key"),
            s("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGFakeKeyMaterialForTests0123456789abcdefgh\n=ABCD\n-----END PGP PRIVATE KEY BLOCK-----"),
            PrivateKey,
        ),
        (
            None,
            s("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIFAKE\n-----END ENCRYPTED PRIVATE KEY-----"),
            PrivateKey,
        ),
        (
            Some("key_pem"),
            s(r"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCFAKE\n-----END PRIVATE KEY-----"),
            PrivateKey,
        ),
        // GitHub, GitLab, Slack, Hugging Face, OpenAI, Stripe, Google.
        (Some("GITHUB_TOKEN"), format!("ghp_{GH36}"), GitHubToken),
        (None, format!("gho_{GH36}"), GitHubToken),
        (Some("gh"), format!("ghs_{GH36}"), GitHubToken),
        (Some("refresh"), format!("ghr_{GH36}"), GitHubToken),
        (
            Some("GH_PAT"),
            s("github_pat_11FAKE0123456789abcdef_FAKEfakeFAKEfake0123456789abcdefghijklmnopqrstuvwxyzABCDEF"),
            GitHubToken,
        ),
        (
            Some("repo_url"),
            format!("https://x-access-token:ghu_{GH36}@github.com/org/repo.git"),
            GitHubToken,
        ),
        (Some("GITLAB_TOKEN"), s("glpat-FAKEfake0123456789ab"), GitLabToken),
        (
            Some("SLACK_BOT_TOKEN"),
            s("xoxb-1234567890-1234567890123-FAKEfakeTOKENvalue12"),
            SlackToken,
        ),
        (None, s("xoxp-1234567890-9876543210-FAKEuserTOKEN34"), SlackToken),
        (
            Some("alert_webhook"),
            s("https://hooks.slack.com/services/TFAKE1234/BFAKE5678/FakeWebhookSecret0123abcd"),
            SlackToken,
        ),
        (
            Some("HF_TOKEN"),
            s("hf_FakeTokenForTestingOnlyAbCdEfGhIjKl"),
            HuggingFaceToken,
        ),
        (
            None,
            s("--hf_token=hf_FakeTokenForTestingOnlyAbCdEfGhIjKl"),
            HuggingFaceToken,
        ),
        (
            Some("OPENAI_API_KEY"),
            s("sk-proj-FAKE0123456789abcdefGHIJklmnOPQRstuv"),
            OpenAiApiKey,
        ),
        (
            Some("llm"),
            s("sk-FAKE0123456789abcdefGHIJklmnOPQRstuvWXYZ01234567"),
            OpenAiApiKey,
        ),
        (
            None,
            s("sk-1234567890abcdefghij1234567890abcdefghij"),
            OpenAiApiKey,
        ),
        (Some("STRIPE_KEY"), s("sk_live_FAKE0123456789abcdefGHIJ"), StripeKey),
        (None, s("rk_live_FAKE0123456789abcdefGHIJ"), StripeKey),
        (Some("payments"), s("sk_test_FAKE0123456789abcdefGHIJ"), StripeKey),
        (
            Some("maps"),
            s("AIzaFAKE0123456789abcdefghijklmnopqrstu"),
            GoogleApiKey,
        ),
        // JWTs, bare and as a bearer header.
        (Some("Authorization"), format!("Bearer {JWT}"), Jwt),
        (None, s(JWT), Jwt),
        // Credentials in URLs.
        (
            Some("DATABASE_URL"),
            s("postgres://admin:s3cr3tP4ss@db:5432/x"),
            UrlCredentials,
        ),
        (
            Some("git_remote"),
            s("https://user:token@github.com/org/repo.git"),
            UrlCredentials,
        ),
        (
            Some("REDIS_URL"),
            s("redis://:FAKEredisPass99@cache:6379/0"),
            UrlCredentials,
        ),
        (
            None,
            s("MONGO=mongodb+srv://svc:FAKEmongo-pw-42@cluster0.mongo.test/db"),
            UrlCredentials,
        ),
        // Secret-named keys across naming styles.
        (
            Some("wandbApiKey"),
            s("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"),
            NamedSecret,
        ),
        (
            Some("WANDB_API_KEY"),
            s("0f1e2d3c4b5a69788796a5b4c3d2e1f0aabbccdd"),
            NamedSecret,
        ),
        (Some("db_password"), s("hunter22"), NamedSecret),
        (Some("password"), s("hunter2"), NamedSecret),
        (
            Some("client_secret"),
            s("5a62df21d86f27ce6964b22e0b21f6c253f9640d"),
            NamedSecret,
        ),
        (Some("DB_PASSWORD"), s("\"s3cr3tP4ss\""), NamedSecret),
        (Some("client_secret"), s("FAKE-client-secret-9f8e7d6c"), NamedSecret),
        (Some("x-api-key"), s("FAKEapiKEY1234567890"), NamedSecret),
        (Some("auth_token"), s("FAKEauthToken_abc123XYZ"), NamedSecret),
        (
            Some("Authorization"),
            s("Basic dXNlcjpGQUtFcGFzczEyMw=="),
            NamedSecret,
        ),
        (Some("credentials"), s("svc-user:FAKEpw-0192"), NamedSecret),
        (Some("passphrase"), s("FAKE-Passphrase-77"), NamedSecret),
        (Some("pwd"), s("Tr0ub4dor&3"), NamedSecret),
        // A `/` inside a password or key does not make it a name.
        (Some("db_password"), s("Hunter/2024"), NamedSecret),
        (Some("api_token"), s("FAKEtok3n/Abc123xyz"), NamedSecret),
        (
            Some("app.secret.key"),
            s("FAKEdjangoSecret-9x8y7z6w5v"),
            NamedSecret,
        ),
        (Some("hub_token"), s("FAKEhubTOKEN0987654321abc"), NamedSecret),
        (
            Some("MLFLOW_TRACKING_PASSWORD"),
            s("mlflowFAKEpw1"),
            NamedSecret,
        ),
        (
            Some("privateKey"),
            s("FAKEprivKEYmaterial0123456789"),
            NamedSecret,
        ),
        (Some("bearer"), s("FAKEbearer0123456789"), NamedSecret),
        (Some("HFTOKEN"), s("FAKEhfTok3n0123456789"), NamedSecret),
        // Secrets inside container arguments, connection strings, queries, JSON.
        (None, s("--password=hunter22x"), NamedSecret),
        (
            None,
            s("Server=db;User Id=sa;Password=FAKEsqlPw!2024;"),
            NamedSecret,
        ),
        (
            Some("HOOK_ENDPOINT"),
            s("https://api.metrics.test/v1?api_key=FAKEqueryKey123456"),
            NamedSecret,
        ),
        (Some("extra_args"), s("--api-key FAKEflagValue123456"), NamedSecret),
        (Some("--db-password"), s("FAKEargPw77"), NamedSecret),
        (
            Some("ENV_JSON"),
            s(r#"{"service": {"api_key": "FAKEjsonKey1234567890"}}"#),
            NamedSecret,
        ),
    ]
}

/// (key, value): look-alikes that must not be reported.
fn look_alikes() -> Vec<(Option<&'static str>, String)> {
    let s = |v: &str| v.to_string();
    vec![
        // Placeholders.
        (Some("api_key"), s("<YOUR_KEY>")),
        (Some("hf_token"), s("<your-token-here>")),
        (Some("OPENAI_API_KEY"), s("YOUR_API_KEY")),
        (Some("db_password"), s("your_password")),
        (Some("api_key"), s("xxxxxxxxxxxxxxxxxxxxxxxx")),
        (Some("secret"), s("XXXXXXXX")),
        (Some("password"), s("****")),
        (Some("password"), s("********")),
        (Some("password"), s("changeme")),
        (Some("api_key"), s("REPLACE_ME")),
        (Some("token"), s("TODO")),
        (Some("password"), s("dummy")),
        (Some("api_key"), s("example")),
        (Some("password"), s("password")),
        (Some("token"), s("None")),
        (Some("auth_token"), s("null")),
        (Some("password"), s("")),
        (Some("aws_access_key_id"), s("AKIAXXXXXXXXXXXXXXXX")),
        (
            Some("SLACK_WEBHOOK"),
            s("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
        ),
        (Some("OPENAI_API_KEY"), s("sk-...")),
        (
            Some("GITHUB_TOKEN"),
            s("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ),
        (Some("GH_TOKEN"), s("ghp_<your-token>")),
        (
            Some("PRIVATE_KEY"),
            s("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"),
        ),
        (
            Some("DATABASE_URL"),
            s("postgres://user:password@localhost:5432/db"),
        ),
        // References to a secret store or the environment.
        (Some("db_password"), s("${DB_PASSWORD}")),
        (Some("HF_TOKEN"), s("$HF_TOKEN")),
        (Some("GITHUB_TOKEN"), s("${{ secrets.GITHUB_TOKEN }}")),
        (
            Some("db_password"),
            s("{{resolve:secretsmanager:my/secret:SecretString:password}}"),
        ),
        (Some("api_key"), s("{{resolve:ssm:/prod/api-key:1}}")),
        (
            Some("password"),
            s("$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)"),
        ),
        (Some("password"), s("%(DB_PASS)s")),
        (
            Some("DATABASE_URL"),
            s("postgres://admin:${DB_PASS}@db:5432/app"),
        ),
        (Some("DATABASE_URL"), s("postgres://admin:@db:5432/app")),
        (Some("GIT_URL"), s("https://user:pass@git.internal/repo.git")),
        (Some("Authorization"), s("Bearer abc")),
        // ARNs.
        (
            Some("secret_arn"),
            s("arn:aws:secretsmanager:us-east-1:123456789012:secret:my-secret-AbCdEf"),
        ),
        (
            Some("db_secret"),
            s("arn:aws:secretsmanager:us-east-1:123456789012:secret:my-secret-AbCdEf"),
        ),
        (
            Some("kms_key"),
            s("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        ),
        // S3 URIs and file paths.
        (
            Some("checkpoint_s3_uri"),
            s("s3://my-bucket/checkpoints/run-42/"),
        ),
        (Some("api_key"), s("s3://my-bucket/keys/api_key.txt")),
        (Some("password_file"), s("/run/secrets/db_password")),
        (Some("private_key"), s("/opt/ml/input/config/id_rsa.pem")),
        (Some("token"), s("./hf_token.txt")),
        (Some("PWD"), s("/home/sagemaker-user")),
        (None, s("models/Run12/checkpointABCD/epoch3/final")),
        // Hashes, UUIDs, image digests, ECR image URIs.
        (Some("model_sha256"), s(SHA256)),
        (Some("checksum_md5"), s("45eec52395dc2a39014f19498f6c8e52")),
        (
            Some("git_commit"),
            s("5a62df21d86f27ce6964b22e0b21f6c253f9640d"),
        ),
        (None, s("5a62df21d86f27ce6964b22e0b21f6c253f9640d")),
        (Some("run_id"), s("123e4567-e89b-12d3-a456-426614174000")),
        (None, s("123e4567-e89b-12d3-a456-426614174000")),
        (Some("image_digest"), format!("sha256:{SHA256}")),
        (
            Some("TrainingImage"),
            s("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.0.0-gpu-py310-cu118-ubuntu20.04-sagemaker"),
        ),
        (
            None,
            format!("123456789012.dkr.ecr.us-west-2.amazonaws.com/my-repo@sha256:{SHA256}"),
        ),
        // Booleans and numbers.
        (Some("use_auth_token"), s("True")),
        (Some("secret"), s("false")),
        (Some("token"), s("12345")),
        (Some("api_key"), s("42")),
        (Some("max_tokens"), s("4096")),
        // Model names, learning rates, tokenizers, ML special tokens.
        (Some("model_name"), s("bert-base-uncased")),
        (Some("model_id"), s("meta-llama/Llama-2-7b-hf")),
        (Some("learning_rate"), s("3e-4")),
        (Some("lr"), s("0.001")),
        (
            Some("tokenizer"),
            s("hf-internal-testing/llama-tokenizer"),
        ),
        (Some("tokenizer_name"), s("meta-llama/Llama-2-7b-hf")),
        (Some("pad_token"), s("<pad>")),
        (Some("eos_token"), s("</s>")),
        (Some("mask_token"), s("[MASK]")),
        (Some("pad_token"), s("PAD_tok_2024x")),
        (Some("num_tokens"), s("2048")),
        (Some("token_type_ids"), s("true")),
        (Some("model"), s("sk-learn-compatible-model-v2")),
        (Some("token"), s("<|endoftext|>")),
        (Some("token"), s("bert-base-uncased")),
        (Some("region_tag"), s("ASIAPACIFICSOUTHEAST")),
        // Keys that describe a secret rather than hold it.
        (Some("secret_name"), s("prod/db/Password-Xy7Q9")),
        (Some("secret_id"), s("prod-db-Credentials-9fK2")),
        (Some("token_file"), s("hftok-2024-FAKE-ref")),
        (Some("hf_token_env"), s("HF_TOKEN")),
        // Names of secrets in a store, passed where the secret would be.
        (Some("secret"), s("prod/db-credentials")),
        (Some("WANDB_API_KEY_SECRET"), s("wandb/api-key")),
        (Some("--db-password"), s("training/churn-db")),
        (Some("hub_token"), s("Prod/HF-Token")),
        (Some("api_key_var"), s("WANDB_API_KEY")),
        (Some("auth_type"), s("oauth2-client-credentials")),
        (Some("auth_mode"), s("IAM_ROLE")),
        (None, s("--password-file=/run/secrets/pw")),
        // Ordinary config that merely sits near secret words.
        (Some("endpoint"), s("https://api.example.com/v1")),
        (Some("git_repo"), s("https://github.com/org/repo.git")),
        (Some("auth"), s("anonymous")),
        (Some("credentials"), s("service-account")),
        (Some("wandb_project"), s("my-project-2024")),
        (Some("sagemaker_program"), s("train.py")),
        (None, s("--max_tokens=512")),
        (Some("args"), s("lr=0.01 batch=32 --epochs 3")),
        (
            Some("jwt_like"),
            s("eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWxpa2UtdGV4dA"),
        ),
    ]
}

/// Chars shown before the ellipsis in a preview.
fn shown(preview: &str) -> &str {
    preview.strip_suffix('…').unwrap_or(preview)
}

#[test]
fn every_true_positive_is_found_with_its_kind() {
    let mut failures = Vec::new();
    for (key, value, kind) in true_positives() {
        match scan(key, &value) {
            Some(f) if f.kind == kind => {}
            other => failures.push(format!("{key:?} = {value:?}: want {kind:?}, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "missed:\n{}", failures.join("\n"));
}

#[test]
fn no_look_alike_fires() {
    let mut failures = Vec::new();
    for (key, value) in look_alikes() {
        if let Some(f) = scan(key, &value) {
            failures.push(format!("{key:?} = {value:?}: got {f:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "false positives:\n{}",
        failures.join("\n")
    );
}

#[test]
fn tables_cover_every_kind_and_are_large_enough() {
    let tps = true_positives();
    assert!(tps.len() >= 40, "{} true positives", tps.len());
    assert!(
        look_alikes().len() >= 40,
        "{} look-alikes",
        look_alikes().len()
    );
    let kinds: BTreeSet<SecretKind> = tps.iter().map(|t| t.2).collect();
    let all = [
        AwsAccessKeyId,
        AwsSecretAccessKey,
        AwsSessionToken,
        PrivateKey,
        GitHubToken,
        GitLabToken,
        SlackToken,
        HuggingFaceToken,
        OpenAiApiKey,
        StripeKey,
        GoogleApiKey,
        Jwt,
        UrlCredentials,
        NamedSecret,
    ];
    for k in all {
        assert!(kinds.contains(&k), "no true positive for {k:?}");
        assert!(!k.describe().is_empty());
    }
}

#[test]
fn previews_never_reveal_more_than_four_chars() {
    for (key, value, _) in true_positives() {
        let Some(f) = scan(key, &value) else { continue };
        assert!(f.preview.ends_with('…'), "{:?}", f.preview);
        let head = shown(&f.preview);
        assert!(head.chars().count() <= 4, "{:?} for {value:?}", f.preview);
        assert!(
            value.contains(head),
            "preview {:?} not from {value:?}",
            f.preview
        );
        assert!(!f.preview.contains(value.as_str()));
    }
}

#[test]
fn previews_come_from_the_secret_not_the_whole_value() {
    let f = scan(None, "--hf_token=hf_FakeTokenForTestingOnlyAbCdEfGhIjKl");
    assert_eq!(f.map(|f| f.preview), Some("hf_F…".to_string()));
    let f = scan(
        Some("DATABASE_URL"),
        "postgres://admin:s3cr3tP4ss@db:5432/x",
    );
    assert_eq!(f.map(|f| f.preview), Some("s3…".to_string()));
    let f = scan(
        Some("private_key"),
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAfake0123456789\n-----END RSA PRIVATE KEY-----",
    );
    assert_eq!(f.map(|f| f.preview), Some("MIIE…".to_string()));
    let f = scan(Some("Authorization"), "Basic dXNlcjpGQUtFcGFzczEyMw==");
    assert_eq!(f.map(|f| f.preview), Some("dXNl…".to_string()));
}

#[test]
fn precision_and_recall_are_perfect() {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (key, value, kind) in true_positives() {
        match scan(key, &value) {
            Some(f) if f.kind == kind => tp += 1,
            Some(_) => {
                fp += 1; // reported, but as the wrong kind
                fn_ += 1;
            }
            None => fn_ += 1,
        }
    }
    let negatives = look_alikes();
    fp += negatives
        .iter()
        .filter(|(k, v)| scan(*k, v).is_some())
        .count();
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "secrets table: {} true positives, {} look-alikes; TP={tp} FP={fp} FN={fn_}; \
         precision={precision:.3} recall={recall:.3}",
        tp + fn_,
        negatives.len()
    );
    assert_eq!(precision, 1.0);
    assert_eq!(recall, 1.0);
}

#[test]
fn redact_shows_at_most_a_quarter_and_four_chars() {
    assert_eq!(redact(""), "…");
    assert_eq!(redact("abc"), "…");
    assert_eq!(redact("abcd"), "a…");
    assert_eq!(redact("hunter22"), "hu…");
    assert_eq!(redact("s3cr3tP4ss"), "s3…");
    assert_eq!(redact("AKIAIOSFODNN7EXAMPLE"), "AKIA…");
    assert_eq!(redact(&format!("ghp_{GH36}")), "ghp_…");
    // Counts chars, not bytes: 12 Cyrillic letters show 3.
    assert_eq!(redact("пароль-секре"), "пар…");
    assert_eq!(redact("🔑🔑🔑🔑🔑🔑🔑🔑"), "🔑🔑…");
}

#[test]
fn describe_phrases() {
    assert_eq!(AwsAccessKeyId.describe(), "AWS access key ID");
    assert_eq!(GitHubToken.describe(), "GitHub token");
    assert_eq!(UrlCredentials.describe(), "password in a URL");
    assert_eq!(NamedSecret.describe(), "secret-named value");
}

#[test]
fn key_words_split_across_naming_styles() {
    let w = |k: &str| split_words(k).join(" ");
    assert_eq!(w("wandbApiKey"), "wandb api key");
    assert_eq!(w("WANDB_API_KEY"), "wandb api key");
    assert_eq!(w("x-api-key"), "x api key");
    assert_eq!(w("app.secret.key"), "app secret key");
    assert_eq!(w("HFToken"), "hf token");
    assert_eq!(w("s3Secret"), "s3 secret");
    assert_eq!(w("--hf_token"), "hf token");
}

#[test]
fn key_names_are_matched_as_whole_words() {
    let class = |k: &str| classify_words(&split_words(k));
    for k in ["db_password", "DB_PASS", "passwd", "pwd", "passphrase"] {
        assert_eq!(class(k), Some(NameClass::Password), "{k}");
    }
    for k in [
        "token",
        "HF_TOKEN",
        "wandbApiKey",
        "apikey",
        "aws_access_key",
        "secret_key",
        "private_key",
        "client_secret",
        "auth",
        "credentials",
        "bearer",
        "githubtoken",
    ] {
        assert_eq!(class(k), Some(NameClass::Token), "{k}");
    }
    for k in [
        "tokenizer",
        "max_tokens",
        "num_tokens",
        "token_type_ids",
        "pad_token",
        "eos_token",
        "bos_token",
        "unk_token",
        "sep_token",
        "cls_token",
        "mask_token",
        "secret_name",
        "secret_arn",
        "secret_id",
        "token_file",
        "password_file",
        "api_key_path",
        "hf_token_env",
        "api_key_var",
        "auth_type",
        "auth_mode",
        "author",
        "keyword",
        "key",
        "monkey",
        "PWD_DIR",
    ] {
        assert_eq!(class(k), None, "{k}");
    }
}

/// Typical request values: numbers, names, URIs, paths, instance types.
fn typical_values() -> Vec<(Option<String>, String)> {
    let samples = [
        ("epochs", "10"),
        ("learning_rate", "0.0003"),
        ("model_name_or_path", "bert-base-uncased"),
        ("sagemaker_program", "train.py"),
        (
            "sagemaker_submit_directory",
            "s3://bucket/src/sourcedir.tar.gz",
        ),
        ("instance_type", "ml.p3.2xlarge"),
        ("tokenizer", "hf-internal-testing/llama-tokenizer"),
        ("Owner", "data-science-team"),
        ("SAGEMAKER_REGION", "us-east-1"),
        ("fp16", "true"),
    ];
    (0..10_000)
        .map(|i| {
            let (k, v) = samples[i % samples.len()];
            (Some(format!("{k}_{}", i % 7)), v.to_string())
        })
        .collect()
}

#[test]
fn scanning_typical_values_is_fast() {
    let values = typical_values();
    // Warm the lazily compiled regexes so the timing is steady-state.
    let _ = scan(None, JWT);
    let start = Instant::now();
    let hits = values
        .iter()
        .filter(|(k, v)| scan(k.as_deref(), v).is_some())
        .count();
    let elapsed = start.elapsed();
    let per_value = elapsed / values.len() as u32;
    println!(
        "scanned {} values in {elapsed:?} ({per_value:?} each)",
        values.len()
    );
    assert_eq!(hits, 0);
    // Generous even for unoptimised test builds on a busy machine.
    assert!(per_value.as_micros() < 200, "{per_value:?} per value");
}
