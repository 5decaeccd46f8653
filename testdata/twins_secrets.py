"""Twin fixtures of the SL6xx and SL8xx rules (written by make_twins.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_twins import BASE, spec  # noqa: E402

PYTORCH = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311"
RULES_IMAGE = "503895931360.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rules:latest"
CUSTOM_RULES_IMAGE = "864354269164.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rule-evaluator:latest"

def pytorch(**changes):
    changes.setdefault("AlgorithmSpecification__TrainingImage", PYTORCH)
    return spec(
        HyperParameters={"epochs": "20", "batch-size": "64", "lr": "0.001",
                         "sagemaker_program": "train.py",
                         "sagemaker_submit_directory": "s3://my-bucket/resnet/source/sourcedir.tar.gz"},
        **changes,
    )

HOOK = {"S3OutputPath": "s3://my-bucket/resnet/debug-output"}

FIXTURES = {
    "secret-in-environment": spec(
        Environment={
            "LOG_LEVEL": "INFO",
            "WANDB_PROJECT": "churn",
            "WANDB_API_KEY": "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5",
            "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
            "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "FEATURE_DB_URL": "postgres://trainer:Tr41n1ngS3cret@db.internal:5432/features",
            "HF_TOKEN_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:training/hf-token-AbCdEf",
            "HF_HOME": "/opt/ml/input/data/hf-cache",
        },
    ),
    "secret-in-tags": spec(
        Tags=[
            {"Key": "team", "Value": "ml-platform"},
            {"Key": "owner", "Value": "alice@example.com"},
            {"Key": "source-repo",
             "Value": "https://x-access-token:ghp_0123456789abcdefghijABCDEFGHIJ012345@github.com/acme/churn.git"},
            {"Key": "deploy-token", "Value": "glpat-FAKEfake0123456789ab"},
            {"Key": "WANDB_API_KEY=9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5", "Value": ""},
            {"Key": "git-commit", "Value": "5a62df21d86f27ce6964b22e0b21f6c253f9640d"},
        ],
    ),
    "secret-in-debugger-parameters": pytorch(
        DebugHookConfig={
            **HOOK,
            "HookParameters": {"save_interval": "100", "metrics_api_key": "FAKEapiKEY1234567890abcdef"},
            "CollectionConfigurations": [
                {"CollectionName": "losses", "CollectionParameters": {"save_interval": "50"}},
            ],
        },
        DebugRuleConfigurations=[
            {"RuleConfigurationName": "LossNotDecreasing", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "LossNotDecreasing", "collection_names": "losses"}},
            {"RuleConfigurationName": "SlackAlert", "RuleEvaluatorImage": CUSTOM_RULES_IMAGE,
             "InstanceType": "ml.t3.medium", "VolumeSizeInGB": 30,
             "RuleParameters": {
                 "source_s3_uri": "s3://my-bucket/rules/slack_alert.py",
                 "rule_to_invoke": "SlackAlert",
                 "slack_webhook_url": "https://hooks.slack.com/services/TFAKE1234/BFAKE5678/FakeWebhookSecret0123abcd",
             }},
        ],
        ProfilerConfig={
            "S3OutputPath": "s3://my-bucket/resnet/profiler-output",
            "ProfilingIntervalInMilliseconds": 500,
        },
        ProfilerRuleConfigurations=[
            {"RuleConfigurationName": "ProfilerReport", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "ProfilerReport",
                                "report_upload_url": "https://reports:FAKEreportPw-77@reports.example.com/upload"}},
        ],
    ),
    "secret-in-container-command": spec(
        AlgorithmSpecification={
            "TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1.4.0",
            "TrainingInputMode": "File",
            "ContainerEntrypoint": ["bash", "-c",
                                    "export HF_TOKEN=hf_FAKEabcdefghijklmnopqrstuvwxyzABCDEFGH && python3 /opt/program/train.py \"$@\"",
                                    "train"],
            "ContainerArguments": ["--epochs", "10", "--db-user", "trainer", "--db-password", "Tr41n1ngS3cret",
                                   "--verbose", "--tracking-uri",
                                   "https://trainer:FAKEmlflowPw-42@mlflow.example.com"],
        },
    ),
    "duplicate-rule-configuration-name": pytorch(
        DebugHookConfig={**HOOK, "CollectionConfigurations": [
            {"CollectionName": "losses", "CollectionParameters": {"save_interval": "50"}},
            {"CollectionName": "gradients", "CollectionParameters": {"save_interval": "500"}},
        ]},
        DebugRuleConfigurations=[
            {"RuleConfigurationName": "LossNotDecreasing", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "LossNotDecreasing", "collection_names": "losses"}},
            {"RuleConfigurationName": "VanishingGradient", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "VanishingGradient"}},
            {"RuleConfigurationName": "LossNotDecreasing", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "LossNotDecreasing", "collection_names": "gradients"}},
        ],
        ProfilerConfig={"S3OutputPath": "s3://my-bucket/resnet/profiler-output"},
        ProfilerRuleConfigurations=[
            {"RuleConfigurationName": "ProfilerReport", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "ProfilerReport"}},
            {"RuleConfigurationName": "ProfilerReport", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "LowGPUUtilization"}},
        ],
    ),
    "duplicate-collection-name": pytorch(
        DebugHookConfig={**HOOK, "CollectionConfigurations": [
            {"CollectionName": "losses", "CollectionParameters": {"save_interval": "50"}},
            {"CollectionName": "gradients", "CollectionParameters": {"save_interval": "500"}},
            {"CollectionName": "losses", "CollectionParameters": {"include_regex": ".*loss.*"}},
        ]},
        DebugRuleConfigurations=[
            {"RuleConfigurationName": "LossNotDecreasing", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "LossNotDecreasing", "collection_names": "losses"}},
        ],
    ),
    "unknown-collection-parameter": pytorch(
        DebugHookConfig={**HOOK, "CollectionConfigurations": [
            {"CollectionName": "losses", "CollectionParameters": {"save_intervall": "50"}},
            {"CollectionName": "relu_activations",
             "CollectionParameters": {"Include_Regex": "relu", "save_interval": "500", "end_step": "5000"}},
            {"CollectionName": "metrics", "CollectionParameters": {"name": "save_interval", "value": "5"}},
            {"CollectionName": "gradients", "CollectionParameters": {"train.save_interval": "100",
                                                                      "frequency": "100"}},
        ]},
        DebugRuleConfigurations=[
            {"RuleConfigurationName": "LossNotDecreasing", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "LossNotDecreasing", "collection_names": "losses"}},
        ],
    ),
    "invalid-profiling-interval": pytorch(
        ProfilerConfig={"S3OutputPath": "s3://my-bucket/resnet/profiler-output",
                        "ProfilingIntervalInMilliseconds": 250},
        ProfilerRuleConfigurations=[
            {"RuleConfigurationName": "ProfilerReport", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "ProfilerReport"}},
        ],
    ),
    "unknown-profiling-parameter": pytorch(
        AlgorithmSpecification__TrainingImage="763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:1.12.0-gpu-py38",
        ProfilerConfig={
            "S3OutputPath": "s3://my-bucket/resnet/profiler-output",
            "ProfilingIntervalInMilliseconds": 500,
            "ProfilingParameters": {
                "DataloaderProfilingConfig": "{\"StartStep\": 5, \"NumSteps\": 3, \"MetricsRegex\": \".*\"}",
                "DetailedProfilingConfig": "{\"StartStep\": 5, \"NumSteps\": 3}",
                "PythonProfilerConfig": "{\"StartStep\": 5, \"NumSteps\": 3, \"ProfilerName\": \"cprofile\"}",
                "local_path": "/opt/ml/output/profiler/",
                "HorovodProfilingConfig": "{\"StartStep\": 5, \"NumSteps\": 3}",
                "TensorFlowProfilingConfig": "{\"StartStep\": 5, \"NumSteps\": 3}",
            },
        },
        ProfilerRuleConfigurations=[
            {"RuleConfigurationName": "ProfilerReport", "RuleEvaluatorImage": RULES_IMAGE,
             "RuleParameters": {"rule_to_invoke": "ProfilerReport"}},
        ],
    ),
    # Debugger does not support model parallelism (the SDK's mp_parameters hyperparameter).
    "debugger-unsupported-distribution": spec(
        AlgorithmSpecification__TrainingImage=PYTORCH,
        HyperParameters={"epochs": "20", "sagemaker_program": "train.py",
                         "sagemaker_submit_directory": "s3://my-bucket/resnet/source/sourcedir.tar.gz",
                         "sagemaker_mpi_enabled": "true",
                         "mp_parameters": "{\"partitions\": 2, \"microbatches\": 4}"},
        ResourceConfig={"InstanceType": "ml.p4d.24xlarge", "InstanceCount": 2},
        DebugHookConfig=HOOK,
    ),
}
