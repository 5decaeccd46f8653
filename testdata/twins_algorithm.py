"""Twin fixtures of the SL2xx and SL4xx rules (written by make_twins.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_twins import BASE, spec  # noqa: E402

PYTORCH = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311"
FIXTURES = {
    "invalid-metric-regex": spec(
        AlgorithmSpecification={
            "TrainingImage": PYTORCH,
            "TrainingInputMode": "File",
            "MetricDefinitions": [
                {"Name": "train:loss", "Regex": r"train_loss=([0-9\.]+"},
                {"Name": "validation:loss", "Regex": r"val_loss=([0-9\.]+)"},
                {"Name": "validation:accuracy", "Regex": r"val_acc=[0-9\.]+)"},
            ],
        },
        HyperParameters={"epochs": "20", "lr": "0.001", "batch-size": "64"},
        ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
    ),
    "metric-regex-without-group": spec(
        AlgorithmSpecification={
            "TrainingImage": PYTORCH,
            "TrainingInputMode": "File",
            "MetricDefinitions": [
                {"Name": "train:loss", "Regex": r"train_loss=[0-9\.]+"},
                {"Name": "validation:loss", "Regex": r"val_loss=([0-9\.]+)"},
            ],
        },
        HyperParameters={"epochs": "20", "lr": "0.001", "batch-size": "64"},
        ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
    ),
    "duplicate-metric-name": spec(
        AlgorithmSpecification={
            "TrainingImage": PYTORCH,
            "TrainingInputMode": "File",
            "MetricDefinitions": [
                {"Name": "loss", "Regex": r"train_loss=([0-9\.]+)"},
                {"Name": "accuracy", "Regex": r"val_acc=([0-9\.]+)"},
                {"Name": "loss", "Regex": r"val_loss=([0-9\.]+)"},
            ],
        },
        HyperParameters={"epochs": "20", "lr": "0.001", "batch-size": "64"},
        ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
    ),
    "invalid-training-image": spec(
        AlgorithmSpecification__TrainingImage=(
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer@sha256:9f86d081884c7d659a2feaa0c55ad015"
        ),
    ),
    "private-registry-without-vpc": spec(
        AlgorithmSpecification={
            "TrainingImage": "registry.internal.example.com:5000/ml/churn-trainer:1.4",
            "TrainingInputMode": "File",
            "TrainingImageConfig": {
                "TrainingRepositoryAccessMode": "Vpc",
                "TrainingRepositoryAuthConfig": {
                    "TrainingRepositoryCredentialsProviderArn":
                        "arn:aws:lambda:us-east-1:123456789012:function:registry-credentials",
                },
            },
        },
    ),
    "network-isolation-unsupported": spec(
        AlgorithmSpecification={
            "TrainingImage": "811284229777.dkr.ecr.us-east-1.amazonaws.com/semantic-segmentation:1",
            "TrainingInputMode": "File",
        },
        HyperParameters={"backbone": "resnet-50", "algorithm": "fcn", "num_classes": "21",
                         "num_training_samples": "1464"},
        InputDataConfig=[
            {"ChannelName": name,
             "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
                                             "S3Uri": f"s3://my-bucket/roads/{name}/",
                                             "S3DataDistributionType": "FullyReplicated"}},
             "ContentType": "image/jpeg" if name in ("train", "validation") else "image/png"}
            for name in ("train", "validation", "train_annotation", "validation_annotation")
        ],
        ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
        StoppingCondition={"MaxRuntimeInSeconds": 36000},
        EnableNetworkIsolation=True,
    ),
    "spot-without-max-wait": spec(
        EnableManagedSpotTraining=True,
        CheckpointConfig={"S3Uri": "s3://my-bucket/checkpoints/"},
    ),
    "max-wait-without-spot": spec(
        StoppingCondition={"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200},
        EnableManagedSpotTraining=False,
    ),
    "spot-without-checkpoint": spec(
        EnableManagedSpotTraining=True,
        StoppingCondition={"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200},
    ),
    # From the developer guide: Seq2Seq reads File mode only, trains on GPUs only, and does not
    # checkpoint (so a Spot job of it waits at most an hour).
    "builtin-algorithm-constraints": spec(
        TrainingJobName="seq2seq-translate-2025-01",
        AlgorithmSpecification={
            "TrainingImage": "382416733822.dkr.ecr.us-east-1.amazonaws.com/seq2seq:1",
            "TrainingInputMode": "Pipe",
        },
        HyperParameters={"max_seq_len_source": "60", "max_seq_len_target": "60"},
        InputDataConfig=[
            {"ChannelName": name, "ContentType": "application/x-recordio-protobuf",
             "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
                                             "S3Uri": f"s3://my-bucket/seq2seq/{name}/"}}}
            for name in ["train", "validation", "vocab"]
        ],
        ResourceConfig={"InstanceType": "ml.c5.4xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
        EnableManagedSpotTraining=True,
        StoppingCondition={"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200},
        CheckpointConfig={"S3Uri": "s3://my-bucket/checkpoints/"},
    ),
    # LDA trains on one CPU instance: a GPU is not used, a second instance idles.
    "builtin-algorithm-instances": spec(
        TrainingJobName="lda-topics-2025-01",
        AlgorithmSpecification={
            "TrainingImage": "766337827248.dkr.ecr.us-east-1.amazonaws.com/lda:1",
            "TrainingInputMode": "File",
        },
        HyperParameters={"num_topics": "20", "feature_dim": "5000", "mini_batch_size": "128"},
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/csv",
             "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/lda/train/",
                                             "S3DataDistributionType": "FullyReplicated"}}},
        ],
        ResourceConfig={"InstanceType": "ml.p3.2xlarge", "InstanceCount": 2, "VolumeSizeInGB": 50},
    ),
    # BlazingText distributes the data across its instances itself.
    "builtin-sharded-input": spec(
        TrainingJobName="blazingtext-words-2025-01",
        AlgorithmSpecification={
            "TrainingImage": "811284229777.dkr.ecr.us-east-1.amazonaws.com/blazingtext:1",
            "TrainingInputMode": "File",
        },
        HyperParameters={"mode": "batch_skipgram", "epochs": "5"},
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/plain",
             "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/corpus/train/",
                                             "S3DataDistributionType": "ShardedByS3Key"}}},
        ],
        ResourceConfig={"InstanceType": "ml.c5.4xlarge", "InstanceCount": 3, "VolumeSizeInGB": 50},
    ),
}
