"""Twin fixtures of the SL5xx, SL7xx and SL9xx rules (written by make_twins.py)."""
import copy
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_twins import BASE, spec  # noqa: E402

KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
LLAMA = "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/meta-llama-3-8b/1.0.0"

def serverless(**config):
    return {
        "TrainingJobName": "llama3-support-sft-2025-12",
        "RoleArn": "arn:aws:iam::123456789012:role/SageMakerTrainingRole",
        "InputDataConfig": [{
            "ChannelName": "train",
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
                                            "S3Uri": "s3://my-bucket/support-chats/train/"}},
            "ContentType": "application/jsonl",
        }],
        "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/support-chats/output/"},
        "ServerlessJobConfig": {"BaseModelArn": LLAMA, **config},
        "Tags": [{"Key": "team", "Value": "ml-platform"}],
    }

FIXTURES = {
    "instance-type-or-groups": spec(
        ResourceConfig={
            "InstanceType": "ml.p4d.24xlarge",
            "InstanceCount": 2,
            "InstanceGroups": [
                {"InstanceGroupName": "gpus", "InstanceType": "ml.p4d.24xlarge", "InstanceCount": 2},
                {"InstanceGroupName": "cpus", "InstanceType": "ml.c5.4xlarge", "InstanceCount": 2},
            ],
            "VolumeSizeInGB": 100,
        },
    ),
    "instance-count-zero": spec(
        ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 0, "VolumeSizeInGB": 30},
    ),
    "ebs-volume-size-zero": spec(
        ResourceConfig={
            "InstanceGroups": [
                {"InstanceGroupName": "gpus", "InstanceType": "ml.p3.8xlarge", "InstanceCount": 1},
                {"InstanceGroupName": "cpus", "InstanceType": "ml.c5.4xlarge", "InstanceCount": 2},
            ],
            "VolumeSizeInGB": 0,
        },
    ),
    "kms-key-format": spec(
        OutputDataConfig={"S3OutputPath": "s3://my-bucket/churn/output/", "KmsKeyId": "sagemaker-output-key"},
        ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30,
                        "VolumeKmsKeyId": "alias/training-volumes"},
    ),
    "kms-key-on-express-one-zone": spec(
        OutputDataConfig={"S3OutputPath": "s3://churn-models--use1-az4--x-s3/output/", "KmsKeyId": KEY_ARN},
    ),
    "selected-instance-read-only": spec(
        ResourceConfig={
            "InstancePreferences": [{"InstanceType": "ml.m5.2xlarge"}, {"InstanceType": "ml.m6i.2xlarge"}],
            "InstanceCount": 1,
            "VolumeSizeInGB": 30,
            "SelectedInstanceType": "ml.m6i.2xlarge",
            "SelectedInstanceCount": 1,
        },
    ),
    "instance-preferences-conflict": spec(
        ResourceConfig={
            "InstancePreferences": [
                {"InstanceType": "ml.m5.2xlarge", "InstanceCount": 2},
                {"InstanceType": "ml.m6i.2xlarge"},
                {"InstanceType": "ml.m5.2xlarge", "InstanceCount": 2},
            ],
            "InstanceCount": 1,
            "VolumeSizeInGB": 30,
        },
    ),
    # From the developer guide: a warm pool cannot be kept for Spot capacity nor for instance groups.
    "warm-pool-conflicts": spec(
        ResourceConfig={
            "InstanceGroups": [
                {"InstanceGroupName": "loaders", "InstanceType": "ml.c5.4xlarge", "InstanceCount": 2},
                {"InstanceGroupName": "trainers", "InstanceType": "ml.m5.4xlarge", "InstanceCount": 1},
            ],
            "VolumeSizeInGB": 50,
            "KeepAlivePeriodInSeconds": 1800,
        },
        EnableManagedSpotTraining=True,
        StoppingCondition={"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200},
        CheckpointConfig={"S3Uri": "s3://my-bucket/checkpoints/"},
    ),
    "duplicate-tag-key": spec(
        Tags=[{"Key": "team", "Value": "ml-platform"}, {"Key": "project", "Value": "churn"},
              {"Key": "team", "Value": "churn-squad"}],
    ),
    "reserved-tag-prefix": spec(
        Tags=[{"Key": "team", "Value": "ml-platform"},
              {"Key": "aws:cloudformation:stack-name", "Value": "churn-pipeline"}],
    ),
    "evaluation-type-required": serverless(JobType="Evaluation", AcceptEula=True),
    "serverless-volume-size": {
        **{k: v for k, v in serverless(AcceptEula=True, JobType="FineTuning", CustomizationTechnique="SFT",
                                       Peft="LORA").items() if k != "Tags"},
        "ResourceConfig": {"VolumeSizeInGB": 200},
        "Tags": [{"Key": "team", "Value": "ml-platform"}],
    },
    "accept-eula-false": serverless(AcceptEula=False, JobType="FineTuning", CustomizationTechnique="SFT"),
    "sequence-length-out-of-range": serverless(AcceptEula=True, JobType="FineTuning",
                                               CustomizationTechnique="DPO", SequenceLength="2048K"),
}
