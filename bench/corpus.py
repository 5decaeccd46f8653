#!/usr/bin/env python3
"""Benchmark corpora of CreateTrainingJob request specs, deterministic from a seed.

    corpus.py corpus DIR [--count N] [--seed S]   N specs, JSON and YAML mixed, ~10% with findings
    corpus.py wide FILE --hyperparameters N       one spec with N hyperparameters (size scaling)
    corpus.py wide FILE --channels N              one spec with N input channels
    corpus.py small FILE                          one small valid spec (the pre-commit case)

The specs look like what teams commit: a minimal job, typical framework jobs with a VPC,
checkpoints and tags, and large ones (100 hyperparameters, 20 channels, Debugger and profiler
configurations, 50 tags). About one in ten carries a mistake sagelint reports (a bad enum, a
name pattern, an unknown key, a missing member, a secret, a syntax error, ...). Only the
standard library is used; YAML is written by a small block-style emitter.
"""

import argparse
import json
import os
import random
import re
import sys

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"]
ACCOUNTS = ["123456789012", "210987654321", "555566667777", "888899990000"]
TEAMS = ["churn", "fraud", "recsys", "vision", "nlp", "forecast", "ads", "search", "risk", "ops"]
MODELS = ["xgboost", "resnet50", "bert-base", "llama-ft", "lightgbm", "dlrm", "t5-small", "vit"]
IMAGES = [
    ("683313688378", "sagemaker-xgboost", "1.7-1"),
    ("763104351884", "pytorch-training", "2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker"),
    ("763104351884", "tensorflow-training", "2.14.1-cpu-py310-ubuntu20.04-sagemaker"),
    ("763104351884", "huggingface-pytorch-training", "2.1.0-transformers4.36.0-gpu-py310"),
]
# EBS-only types (no instance store): VolumeSizeInGB is required and any size is fine.
INSTANCE_TYPES = [
    "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge", "ml.c5.2xlarge", "ml.c5.4xlarge",
    "ml.c5.9xlarge", "ml.p3.2xlarge", "ml.p3.8xlarge", "ml.r5.2xlarge", "ml.m6i.4xlarge",
]
HYPERPARAMETERS = [
    ("epochs", lambda r: str(r.randint(1, 200))),
    ("learning_rate", lambda r: f"{r.choice([1, 2, 3, 5])}e-{r.randint(2, 6)}"),
    ("batch_size", lambda r: str(r.choice([16, 32, 64, 128, 256, 512]))),
    ("optimizer", lambda r: r.choice(["adam", "adamw", "sgd", "lamb"])),
    ("weight_decay", lambda r: f"0.0{r.randint(0, 9)}"),
    ("warmup_steps", lambda r: str(r.randint(0, 5000))),
    ("max_depth", lambda r: str(r.randint(2, 12))),
    ("eta", lambda r: f"0.{r.randint(1, 9)}"),
    ("objective", lambda r: r.choice(["binary:logistic", "reg:squarederror", "multi:softmax"])),
    ("num_round", lambda r: str(r.randint(10, 1000))),
    ("model_name_or_path", lambda r: r.choice(["bert-base-uncased", "t5-small", "gpt2"])),
    ("seed", lambda r: str(r.randint(0, 99999))),
    ("gradient_accumulation_steps", lambda r: str(r.choice([1, 2, 4, 8]))),
    ("fp16", lambda r: r.choice(["true", "false"])),
    ("sagemaker_program", lambda r: r.choice(["train.py", "entry.py", "main.py"])),
    ("sagemaker_submit_directory", lambda r: "s3://ml-code-artifacts/src/sourcedir.tar.gz"),
    ("sagemaker_region", lambda r: r.choice(REGIONS)),
    ("dropout", lambda r: f"0.{r.randint(0, 5)}"),
    ("scheduler", lambda r: r.choice(["cosine", "linear", "constant_with_warmup"])),
    ("eval_metric", lambda r: r.choice(["auc", "rmse", "logloss"])),
]
PROFILER_RULES = ["ProfilerReport", "LowGPUUtilization", "CPUBottleneck", "IOBottleneck"]
DEBUG_RULES = ["LossNotDecreasing", "VanishingGradient", "Overfit", "ExplodingTensor"]
COLLECTIONS = ["weights", "gradients", "biases", "losses", "metrics"]


def job_name(r, i):
    return f"{r.choice(TEAMS)}-{r.choice(MODELS)}-2025-{r.randint(1, 12):02d}-{i:06d}"


def bucket(r):
    return f"s3://ml-{r.choice(TEAMS)}-{r.choice(REGIONS)}"


def hyperparameters(r, n):
    out = {}
    for name, value in r.sample(HYPERPARAMETERS, min(n, len(HYPERPARAMETERS))):
        out[name] = value(r)
    k = 0
    while len(out) < n:
        out[f"layer_{k}_{r.choice(['units', 'dropout', 'activation'])}"] = str(r.randint(1, 4096))
        k += 1
    return out


def channel(r, name, mode):
    c = {
        "ChannelName": name,
        "DataSource": {
            "S3DataSource": {
                "S3DataType": "S3Prefix",
                "S3Uri": f"{bucket(r)}/datasets/{name}/v{r.randint(1, 9)}/",
                "S3DataDistributionType": "FullyReplicated",
            }
        },
        "ContentType": r.choice(["text/csv", "application/x-parquet", "application/jsonlines"]),
    }
    if mode == "Pipe":
        c["CompressionType"] = r.choice(["None", "Gzip"])
    if r.random() < 0.3:
        c["InputMode"] = mode
    return c


def spec(r, i, size):
    """A valid request; `size` is minimal, typical, rich or large."""
    account = r.choice(ACCOUNTS)
    region = r.choice(REGIONS)
    registry, repo, tag = r.choice(IMAGES)
    mode = r.choice(["File", "File", "FastFile", "Pipe"])
    out = bucket(r)
    s = {
        "TrainingJobName": job_name(r, i),
        "RoleArn": f"arn:aws:iam::{account}:role/SageMakerExecutionRole-{r.choice(TEAMS)}",
        "AlgorithmSpecification": {
            "TrainingImage": f"{registry}.dkr.ecr.{region}.amazonaws.com/{repo}:{tag}",
            "TrainingInputMode": mode,
        },
    }
    n_hp, n_ch, n_tags = {
        "minimal": (0, 1, 0),
        "typical": (r.randint(3, 12), r.randint(1, 3), r.randint(1, 6)),
        "rich": (r.randint(20, 60), r.randint(3, 8), r.randint(8, 20)),
        "large": (100, 20, 50),
    }[size]
    if n_hp:
        s["HyperParameters"] = hyperparameters(r, n_hp)
    names = ["train", "validation", "test"] + [f"shard-{k:02d}" for k in range(n_ch)]
    s["InputDataConfig"] = [channel(r, names[k], mode) for k in range(n_ch)]
    s["OutputDataConfig"] = {"S3OutputPath": f"{out}/output/"}
    instance_count = 1 if size == "minimal" else r.choice([1, 1, 2, 4])
    s["ResourceConfig"] = {
        "InstanceType": r.choice(INSTANCE_TYPES),
        "InstanceCount": instance_count,
        "VolumeSizeInGB": r.choice([30, 50, 100, 200, 500]),
    }
    runtime = r.choice([3600, 7200, 86400, 172800])
    s["StoppingCondition"] = {"MaxRuntimeInSeconds": runtime}
    if size == "minimal":
        return s
    s["AlgorithmSpecification"]["MetricDefinitions"] = [
        {"Name": "train:loss", "Regex": r"train_loss=([0-9\.]+)"},
        {"Name": "validation:auc", "Regex": r"val_auc=([0-9\.]+)"},
    ]
    key = f"arn:aws:kms:{region}:{account}:key/{r.randbytes(16).hex()[:8]}-1234-5678-9abc-def012345678"
    s["OutputDataConfig"]["KmsKeyId"] = key
    s["ResourceConfig"]["VolumeKmsKeyId"] = key
    if r.random() < 0.6:
        s["VpcConfig"] = {
            "SecurityGroupIds": [f"sg-{r.randbytes(8).hex()[:17]}"],
            "Subnets": [f"subnet-{r.randbytes(8).hex()[:17]}" for _ in range(r.randint(1, 3))],
        }
    if r.random() < 0.4:
        s["EnableManagedSpotTraining"] = True
        s["StoppingCondition"]["MaxWaitTimeInSeconds"] = runtime * 2
        s["CheckpointConfig"] = {"S3Uri": f"{out}/checkpoints/", "LocalPath": "/opt/ml/checkpoints"}
    if n_tags:
        s["Tags"] = [{"Key": "team", "Value": r.choice(TEAMS)}] + [
            {"Key": f"cost-center-{k}", "Value": f"cc-{r.randint(1000, 9999)}"}
            for k in range(n_tags - 1)
        ]
    s["EnableInterContainerTrafficEncryption"] = r.random() < 0.5
    s["Environment"] = {
        "WANDB_PROJECT": f"{r.choice(TEAMS)}-experiments",
        "NCCL_DEBUG": "WARN",
        "PYTHONUNBUFFERED": "1",
    }
    s["RetryStrategy"] = {"MaximumRetryAttempts": r.randint(1, 3)}
    if size in ("rich", "large"):
        rules_registry = f"503895931360.dkr.ecr.{region}.amazonaws.com/sagemaker-debugger-rules:latest"
        s["DebugHookConfig"] = {
            "S3OutputPath": f"{out}/debug/",
            "HookParameters": {"save_interval": "100"},
            "CollectionConfigurations": [
                {"CollectionName": c, "CollectionParameters": {"save_interval": "500"}}
                for c in COLLECTIONS[: r.randint(2, len(COLLECTIONS))]
            ],
        }
        s["DebugRuleConfigurations"] = [
            {
                "RuleConfigurationName": name,
                "RuleEvaluatorImage": rules_registry,
                "InstanceType": "ml.t3.medium",
                "VolumeSizeInGB": 0,
                "RuleParameters": {"rule_to_invoke": name},
            }
            for name in DEBUG_RULES[: r.randint(1, len(DEBUG_RULES))]
        ]
        s["ProfilerConfig"] = {
            "S3OutputPath": f"{out}/profiler/",
            "ProfilingIntervalInMilliseconds": r.choice([100, 500, 1000]),
            "ProfilingParameters": {
                "DataLoaderProfilingConfig": '{"StartStep": 5, "NumSteps": 3}',
                "PythonProfilingConfig": '{"StartStep": 9, "NumSteps": 1, "ProfilerName": "cprofile"}',
            },
        }
        s["ProfilerRuleConfigurations"] = [
            {
                "RuleConfigurationName": name,
                "RuleEvaluatorImage": rules_registry,
                "RuleParameters": {"rule_to_invoke": name},
            }
            for name in PROFILER_RULES[: r.randint(1, len(PROFILER_RULES))]
        ]
        s["TensorBoardOutputConfig"] = {"S3OutputPath": f"{out}/tensorboard/"}
        s["ExperimentConfig"] = {
            "ExperimentName": f"{r.choice(TEAMS)}-experiment",
            "TrialName": f"trial-{i:06d}",
        }
    return s


def break_spec(r, s):
    """One mistake that sagelint reports; returns (spec, text mangler or None)."""
    kind = r.randrange(12)
    if kind == 0:
        s["ResourceConfig"]["InstanceType"] = "ml.m5.xxlarge"
    elif kind == 1:
        s["TrainingJobName"] = s["TrainingJobName"].replace("-", "_")
    elif kind == 2:
        s["HyperParameter"] = s.pop("HyperParameters", {"epochs": "10"})
    elif kind == 3:
        del s["RoleArn"]
    elif kind == 4:
        s.setdefault("HyperParameters", {})["epochs"] = 10
    elif kind == 5:
        s["EnableManagedSpotTraining"] = True
        s["StoppingCondition"]["MaxWaitTimeInSeconds"] = 60
    elif kind == 6:
        s["ResourceConfig"]["InstanceType"] = "ml.p4d.24xlarge"
        s["ResourceConfig"]["VolumeKmsKeyId"] = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    elif kind == 7:
        s["InputDataConfig"].append(dict(s["InputDataConfig"][0]))
    elif kind == 8:
        key = "AKIA" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
        s.setdefault("Environment", {})["AWS_ACCESS_KEY_ID"] = key
    elif kind == 9:
        s.setdefault("Tags", []).append({"Key": "aws:team", "Value": "ml"})
    elif kind == 10:
        s["StoppingCondition"]["MaxRuntimeInSeconds"] = 3_000_000
    else:
        return s, lambda text: text[: len(text) * 2 // 3]
    return s, None


# ---------------------------------------------------------------- YAML emitter (block style)

PLAIN = re.compile(r"^[A-Za-z/_.][A-Za-z0-9_./@+-]*(?:[:=][A-Za-z0-9_./@+-]+)*$")
RESOLVES = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL|~|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|\.inf|\.nan|\.Inf|\.NaN)$"
)


def scalar(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if PLAIN.match(v) and not RESOLVES.match(v) and ": " not in v and " #" not in v:
        return v
    if "'" not in v and "\n" not in v:
        return f"'{v}'"
    return json.dumps(v)


def yaml_lines(v, indent, out):
    pad = " " * indent
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, dict) and x:
                out.append(f"{pad}{scalar(k)}:")
                yaml_lines(x, indent + 2, out)
            elif isinstance(x, list) and x:
                out.append(f"{pad}{scalar(k)}:")
                yaml_lines(x, indent, out)
            else:
                out.append(f"{pad}{scalar(k)}: {empty(x) or scalar(x)}")
    else:
        for x in v:
            if isinstance(x, dict) and x:
                sub = []
                yaml_lines(x, indent + 2, sub)
                sub[0] = f"{pad}- " + sub[0][indent + 2 :]
                out.extend(sub)
            else:
                out.append(f"{pad}- {empty(x) or scalar(x)}")


def empty(x):
    if isinstance(x, dict) and not x:
        return "{}"
    if isinstance(x, list) and not x:
        return "[]"
    return None


def to_yaml(v):
    out = []
    yaml_lines(v, 0, out)
    return "\n".join(out) + "\n"


def render(s, fmt):
    if fmt == "json":
        return json.dumps(s, indent=2) + "\n"
    return to_yaml(s)


# ---------------------------------------------------------------- commands


def corpus(out_dir, count, seed):
    r = random.Random(seed)
    broken = 0
    for i in range(count):
        size = r.choices(["minimal", "typical", "rich", "large"], weights=[25, 45, 20, 10])[0]
        s = spec(r, i, size)
        mangle = None
        if r.random() < 0.10:
            s, mangle = break_spec(r, s)
            broken += 1
        fmt = r.choice(["json", "yaml", "yml"])
        text = render(s, "json" if fmt == "json" else "yaml")
        if mangle:
            text = mangle(text)
        sub = os.path.join(out_dir, f"{TEAMS[i % len(TEAMS)]}", f"batch-{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"job-{i:06d}.{fmt}"), "w") as f:
            f.write(text)
    return broken


def wide(path, hyperparameters, channels):
    r = random.Random(7)
    s = spec(r, 0, "typical")
    if hyperparameters:
        s["HyperParameters"] = {
            f"param_{k:06d}": str(r.randint(0, 10**6)) for k in range(hyperparameters)
        }
    if channels:
        s["InputDataConfig"] = [channel(r, f"channel-{k:05d}", "File") for k in range(channels)]
    with open(path, "w") as f:
        f.write(render(s, "yaml" if path.endswith((".yaml", ".yml")) else "json"))


def state_machine(path, tasks):
    """A Step Functions state machine of `tasks` training tasks (rich specs, as JSONPath
    Parameters), in a chain of Parallel states of 10 branches each: what a team that fans out
    one training job per dataset writes."""
    r = random.Random(11)
    states, names = {}, []
    for i in range(0, tasks, 10):
        branches = []
        for k in range(i, min(i + 10, tasks)):
            params = spec(r, k, "rich")
            params.pop("TrainingJobName", None)
            params["TrainingJobName.$"] = f"States.Format('job-{k}-{{}}', $$.Execution.Name)"
            branches.append({"StartAt": f"Train {k}", "States": {f"Train {k}": {
                "Type": "Task", "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
                "Parameters": params, "End": True}}})
        name = f"Fan out {i // 10}"
        names.append(name)
        states[name] = {"Type": "Parallel", "Branches": branches}
    for a, b in zip(names, names[1:]):
        states[a]["Next"] = b
    states[names[-1]]["End"] = True
    with open(path, "w") as f:
        json.dump({"Comment": f"{tasks} training tasks", "StartAt": names[0], "States": states}, f, indent=2)


# ACK's initialisms among the members the specs above use (aws-controllers-k8s/pkg `names`).
ACK_INITIALISMS = [("Arn", "ARN"), ("Ids", "IDs"), ("Id", "ID"), ("Uri", "URI"), ("Kms", "KMS")]
# Maps of the API: their keys are the user's, not member names.
MAPS = {"HyperParameters", "StaticHyperParameters", "Environment", "HookParameters",
        "CollectionParameters", "RuleParameters", "ProfilingParameters"}


def ack_name(member):
    """The ACK field name of a member of the specs above: lowerCamelCase, initialisms upper."""
    if member == "Type":
        return "type_"
    member = member[0].lower() + member[1:]
    for word, initialism in ACK_INITIALISMS:
        if member.endswith(word):
            member = member[: -len(word)] + initialism
            break
    return member.replace("KmsKey", "KMSKey")


def ack(v, in_map=False):
    if isinstance(v, dict):
        if in_map:
            return dict(v)
        return {ack_name(k): ack(x, k in MAPS) for k, x in v.items()}
    if isinstance(v, list):
        return [ack(x) for x in v]
    return v


def kubernetes(path, resources):
    """A `kubectl apply` stream of `resources` ACK resources: training jobs (rich specs) and
    tuning jobs of two training job definitions, with a ConfigMap every tenth document."""
    r = random.Random(13)
    docs = []
    for i in range(resources):
        if i % 10 == 9:
            docs.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"settings-{i}"},
                         "data": {"bucket": "my-bucket"}})
            continue
        if i % 2 == 0:
            body = spec(r, i, "rich")
            kind = "TrainingJob"
        else:
            definitions = []
            for k in range(2):
                d = spec(r, i * 10 + k, "typical")
                for member in ("TrainingJobName", "Tags", "Environment", "DebugHookConfig",
                               "DebugRuleConfigurations", "ProfilerConfig", "ProfilerRuleConfigurations",
                               "TensorBoardOutputConfig", "ExperimentConfig"):
                    d.pop(member, None)
                d["StaticHyperParameters"] = d.pop("HyperParameters", {"objective": "binary:logistic"})
                d["StaticHyperParameters"].pop("max_depth", None)  # tuned below
                d["DefinitionName"] = f"def-{k}"
                d["TuningObjective"] = {"Type": "Maximize", "MetricName": "validation:auc"}
                d["HyperParameterRanges"] = {"IntegerParameterRanges": [
                    {"Name": "max_depth", "MinValue": "3", "MaxValue": "10", "ScalingType": "Linear"}]}
                definitions.append(d)
            body = {
                "HyperParameterTuningJobName": f"tune-{i:06d}",
                "HyperParameterTuningJobConfig": {
                    "Strategy": "Bayesian",
                    "ResourceLimits": {"MaxNumberOfTrainingJobs": 20, "MaxParallelTrainingJobs": 4},
                    "TrainingJobEarlyStoppingType": "Off",
                },
                "TrainingJobDefinitions": definitions,
            }
            kind = "HyperParameterTuningJob"
        docs.append({"apiVersion": "sagemaker.services.k8s.aws/v1alpha1", "kind": kind,
                     "metadata": {"name": f"job-{i}"}, "spec": ack(body)})
    with open(path, "w") as f:
        f.write("---\n".join(to_yaml(d) for d in docs))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("dir")
    c.add_argument("--count", type=int, default=10_000)
    c.add_argument("--seed", type=int, default=2025)
    w = sub.add_parser("wide")
    w.add_argument("file")
    w.add_argument("--hyperparameters", type=int, default=0)
    w.add_argument("--channels", type=int, default=0)
    s = sub.add_parser("small")
    s.add_argument("file")
    m = sub.add_parser("state-machine")
    m.add_argument("file")
    m.add_argument("--tasks", type=int, default=500)
    k = sub.add_parser("kubernetes")
    k.add_argument("file")
    k.add_argument("--resources", type=int, default=200)
    a = p.parse_args()
    if a.command == "corpus":
        broken = corpus(a.dir, a.count, a.seed)
        print(f"{a.count} specs in {a.dir} ({broken} with a mistake)", file=sys.stderr)
    elif a.command == "wide":
        wide(a.file, a.hyperparameters, a.channels)
    elif a.command == "state-machine":
        state_machine(a.file, a.tasks)
    elif a.command == "kubernetes":
        kubernetes(a.file, a.resources)
    else:
        with open(a.file, "w") as f:
            f.write(render(spec(random.Random(1), 1, "minimal"), "yaml"))


if __name__ == "__main__":
    main()
