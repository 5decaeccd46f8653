#!/usr/bin/env python3
"""Write the JSON/YAML twin fixtures of testdata/ from one description each.

Twins (same stem, .json and .yaml) must raise the same rules at the same pointers; the test
`json_and_yaml_twins_agree` checks it. Hand-written fixtures (syntax errors, CRLF, BOM, ...)
live beside these and are not generated. Run: python3 testdata/make_twins.py
"""
import copy
import json
import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

BASE = {
    "TrainingJobName": "xgboost-churn-2025-01",
    "RoleArn": "arn:aws:iam::123456789012:role/SageMakerTrainingRole",
    "AlgorithmSpecification": {
        "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "TrainingInputMode": "File",
    },
    "HyperParameters": {"max_depth": "5", "eta": "0.2", "objective": "binary:logistic", "num_round": "100"},
    "InputDataConfig": [
        {
            "ChannelName": "train",
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/churn/train/",
                                            "S3DataDistributionType": "FullyReplicated"}},
            "ContentType": "text/csv",
        }
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/churn/output/"},
    "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
    "Tags": [{"Key": "team", "Value": "ml-platform"}],
}


def spec(**changes):
    s = copy.deepcopy(BASE)
    for path, value in changes.items():
        keys = path.split("__")
        node = s
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node[k]
        last = keys[-1]
        if value is DELETE:
            del node[last]
        else:
            node[last] = value
    return s


DELETE = object()

VALID = {
    "minimal": {k: BASE[k] for k in ["TrainingJobName", "RoleArn", "AlgorithmSpecification",
                                     "OutputDataConfig", "ResourceConfig", "StoppingCondition"]},
    "xgboost-full": BASE,
    "spot-with-checkpoints": spec(
        EnableManagedSpotTraining=True,
        StoppingCondition={"MaxRuntimeInSeconds": 7200, "MaxWaitTimeInSeconds": 10800},
        CheckpointConfig={"S3Uri": "s3://my-bucket/checkpoints/"},
    ),
    "heterogeneous-cluster": spec(
        ResourceConfig={
            "InstanceGroups": [
                {"InstanceGroupName": "gpus", "InstanceType": "ml.p4d.24xlarge", "InstanceCount": 2},
                {"InstanceGroupName": "cpus", "InstanceType": "ml.g5.xlarge", "InstanceCount": 1},
            ],
        },
        InputDataConfig__0__DataSource__S3DataSource__InstanceGroupNames=["gpus"],
    ),
    "augmented-manifest-pipe": spec(
        AlgorithmSpecification__TrainingInputMode="Pipe",
        InputDataConfig=[{
            "ChannelName": "train",
            "DataSource": {"S3DataSource": {"S3DataType": "AugmentedManifestFile",
                                            "S3Uri": "s3://my-bucket/manifests/train.manifest",
                                            "AttributeNames": ["source-ref", "class"]}},
            "RecordWrapperType": "RecordIO",
        }],
    ),
}

INVALID = {
    # The mission's rules.
    "algorithm-name-and-image": spec(AlgorithmSpecification__AlgorithmName="my-marketplace-algo"),
    "augmented-manifest-file-mode": spec(
        InputDataConfig=[{
            "ChannelName": "train",
            "DataSource": {"S3DataSource": {"S3DataType": "AugmentedManifestFile",
                                            "S3Uri": "s3://my-bucket/manifests/train.manifest",
                                            "AttributeNames": ["source-ref", "class"]}},
        }, {
            "ChannelName": "validation",
            "InputMode": "FastFile",
            "DataSource": {"S3DataSource": {"S3DataType": "AugmentedManifestFile",
                                            "S3Uri": "s3://my-bucket/manifests/val.manifest",
                                            "AttributeNames": ["source-ref", "class"]}},
        }],
    ),
    "stopping-condition": spec(
        EnableManagedSpotTraining=True,
        StoppingCondition={"MaxRuntimeInSeconds": 2592000, "MaxWaitTimeInSeconds": 86400},
        CheckpointConfig={"S3Uri": "s3://my-bucket/checkpoints/"},
    ),
    "stopping-condition-default-runtime": spec(
        EnableManagedSpotTraining=True,
        StoppingCondition={"MaxWaitTimeInSeconds": 3600},
        CheckpointConfig={"S3Uri": "s3://my-bucket/checkpoints/"},
    ),
    "instance-storage": spec(
        ResourceConfig={"InstanceType": "ml.p4d.24xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10000,
                        "VolumeKmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
    ),
    "instance-groups-storage": spec(
        ResourceConfig={
            "InstanceGroups": [
                {"InstanceGroupName": "gpus", "InstanceType": "ml.g5.xlarge", "InstanceCount": 1},
                {"InstanceGroupName": "cpus", "InstanceType": "ml.c5.2xlarge", "InstanceCount": 2},
            ],
        },
    ),
    "hyperparameter-limits": spec(
        HyperParameters={**{f"feature_weight_{i:03d}": "0.5" for i in range(101)},
                         "k" * 257: "1", "note": "x" * 300},
    ),
    "secrets-in-hyperparameters": spec(
        HyperParameters={
            "epochs": "10",
            "hf_token": "hf_FAKEabcdefghijklmnopqrstuvwxyzABCDEFGH",
            "aws_access_key_id": "AKIAIOSFODNN7EXAMPLE",
            "db_url": "postgres://trainer:Tr41n1ngS3cret@db.internal:5432/features",
            "wandb_api_key": "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5",
            "tokenizer": "bert-base-uncased",
            "secret_arn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:wandb-AbCdEf",
        },
    ),
    # Schema rules.
    "unknown-keys": spec(
        TrainingJobname="typo-at-the-root",
        ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGb": 30,
                        "VolumeSizeInGB": 30},
        InputDataConfig__0__DataSource__S3DataSource__S3Url="s3://my-bucket/oops",
    ),
    "types-enums-patterns": spec(
        TrainingJobName="xgboost_churn",
        RoleArn="arn:aws:iam::12345:user/me",
        AlgorithmSpecification__TrainingInputMode="file",
        ResourceConfig={"InstanceType": "ml.m5.xlarg", "InstanceCount": 0, "VolumeSizeInGB": "30"},
        EnableNetworkIsolation="true",
        HyperParameters={"max_depth": 5, "eta": "0.2"},
        Environment={"1BAD": "x"},
    ),
    # Typos a quick fix corrects (the key meant is not there yet; the value differs in case).
    "misspelt-key-and-value": spec(
        StoppingCondition={"MaxRuntimeInSecond": 3600},
        AlgorithmSpecification__TrainingInputMode="Fiel",
        ResourceConfig__InstanceType="ml.m5.Xlarge",
    ),
    # A misspelt member that is also required (or that another rule needs) is one finding, the
    # typo's, with the fix: not an unknown key plus the member missing.
    "misspelt-members": {
        **{k: v for k, v in spec(
            ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCont": 1, "VolumeSizeInGb": 30},
            InputDataConfig=[{
                "ChannelNam": "train",
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Ur": "s3://my-bucket/churn/train/"}},
            }],
            EnableManagedSpotTraining=True,
            CheckpointConfg={"S3Uri": "s3://my-bucket/checkpoints/"},
        ).items() if k != "StoppingCondition"},
        "StopingCondition": {"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200},
    },
    "missing-required": {
        "TrainingJobName": "no-role",
        "AlgorithmSpecification": {"TrainingImage": BASE["AlgorithmSpecification"]["TrainingImage"]},
        "OutputDataConfig": {},
        "ResourceConfig": BASE["ResourceConfig"],
        "StoppingCondition": BASE["StoppingCondition"],
    },
    "counts": spec(
        InputDataConfig=[],
        Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(51)],
        Environment={f"VAR_{i}": "1" for i in range(101)},
    ),
}


class Dumper(yaml.SafeDumper):
    pass


def write(directory, name, doc):
    base = os.path.join(HERE, directory, name)
    with open(base + ".json", "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(base + ".yaml", "w") as f:
        yaml.dump(doc, f, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120)


if __name__ == "__main__":
    import twins_algorithm
    import twins_input
    import twins_resources
    import twins_secrets

    for name, doc in VALID.items():
        write("valid", name, doc)
    for name, doc in INVALID.items():
        write("invalid", name, doc)
    for module in (twins_algorithm, twins_input, twins_resources, twins_secrets):
        for name, doc in module.FIXTURES.items():
            write("invalid", name, doc)
