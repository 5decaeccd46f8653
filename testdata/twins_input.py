"""Twin fixtures of the SL3xx rules (written by make_twins.py)."""
import copy

BASE = {
    "TrainingJobName": "xgboost-churn-2025-01",
    "RoleArn": "arn:aws:iam::123456789012:role/SageMakerTrainingRole",
    "AlgorithmSpecification": {
        "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "TrainingInputMode": "File",
    },
    "HyperParameters": {"max_depth": "5", "eta": "0.2", "objective": "binary:logistic", "num_round": "100"},
    "InputDataConfig": [],
    "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/churn/output/"},
    "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
    "Tags": [{"Key": "team", "Value": "ml-platform"}],
}


def s3(uri, **extra):
    return {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": uri, **extra}}


def spec(**changes):
    s = copy.deepcopy(BASE)
    s.update(changes)
    return {k: v for k, v in s.items() if v is not None}


VPC = {"SecurityGroupIds": ["sg-0a1b2c3d4e5f60718"], "Subnets": ["subnet-0a1b2c3d4e5f60718", "subnet-08f7e6d5c4b3a2910"]}
MNIST = {"max_depth": "5", "eta": "0.2", "objective": "multi:softmax", "num_class": "10", "num_round": "10"}

INVALID = {
    "compression-or-wrapper-requires-pipe": spec(
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/csv", "CompressionType": "Gzip",
             "DataSource": s3("s3://my-bucket/churn/train/", S3DataDistributionType="FullyReplicated")},
            {"ChannelName": "validation", "InputMode": "FastFile", "ContentType": "application/x-recordio-protobuf",
             "RecordWrapperType": "RecordIO",
             "DataSource": s3("s3://my-bucket/churn/validation/")},
            {"ChannelName": "test", "InputMode": "Pipe", "ContentType": "text/csv", "CompressionType": "Gzip",
             "DataSource": s3("s3://my-bucket/churn/test/")},
        ],
    ),
    "data-source-not-exactly-one": spec(
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/csv", "DataSource": {}},
            {"ChannelName": "validation", "ContentType": "text/csv",
             "DataSource": {**s3("s3://my-bucket/churn/validation/"),
                            "FileSystemDataSource": {"FileSystemId": "fs-0123456789abcdef0", "FileSystemType": "EFS",
                                                     "FileSystemAccessMode": "ro",
                                                     "DirectoryPath": "/churn/validation"}}},
        ],
        VpcConfig=VPC,
    ),
    "duplicate-channel-name": spec(
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/csv", "DataSource": s3("s3://my-bucket/churn/train/")},
            {"ChannelName": "validation", "ContentType": "text/csv",
             "DataSource": s3("s3://my-bucket/churn/validation/")},
            {"ChannelName": "train", "ContentType": "text/csv", "DataSource": s3("s3://my-bucket/churn/test/")},
        ],
    ),
    "unknown-instance-group-name": spec(
        TrainingJobName="resnet-hetero-2025-01",
        AlgorithmSpecification={
            "TrainingImage": "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311",
            "TrainingInputMode": "File",
        },
        HyperParameters={"epochs": "30", "batch-size": "256"},
        InputDataConfig=[
            {"ChannelName": "train", "DataSource": s3("s3://my-bucket/images/train/",
                                                      InstanceGroupNames=["gpus", "loader"])},
            {"ChannelName": "validation", "DataSource": s3("s3://my-bucket/images/validation/",
                                                           InstanceGroupNames=["evaluators"])},
        ],
        ResourceConfig={
            "InstanceGroups": [
                {"InstanceGroupName": "gpus", "InstanceType": "ml.p4d.24xlarge", "InstanceCount": 2},
                {"InstanceGroupName": "loaders", "InstanceType": "ml.g5.xlarge", "InstanceCount": 1},
            ],
        },
    ),
    "sharded-on-single-instance": spec(
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/csv",
             "DataSource": s3("s3://my-bucket/churn/train/", S3DataDistributionType="ShardedByS3Key")},
            {"ChannelName": "validation", "ContentType": "text/csv",
             "DataSource": s3("s3://my-bucket/churn/validation/", S3DataDistributionType="FullyReplicated")},
        ],
    ),
    "file-system-without-vpc": spec(
        TrainingJobName="xgboost-mnist-efs-2025-01",
        HyperParameters=MNIST,
        InputDataConfig=[
            {"ChannelName": name, "ContentType": "text/csv",
             "DataSource": {"FileSystemDataSource": {"FileSystemId": "fs-0123456789abcdef0", "FileSystemType": "EFS",
                                                     "FileSystemAccessMode": "ro",
                                                     "DirectoryPath": f"/xgboost-mnist/{name}"}}}
            for name in ["train", "validation"]
        ],
    ),
    "file-system-path-not-absolute": spec(
        TrainingJobName="xgboost-mnist-fsx-2025-01",
        HyperParameters=MNIST,
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/csv",
             "DataSource": {"FileSystemDataSource": {"FileSystemId": "fs-0123456789abcdef0",
                                                     "FileSystemType": "FSxLustre", "FileSystemAccessMode": "ro",
                                                     "DirectoryPath": "abcdef12/xgboost-mnist/train"}}},
            {"ChannelName": "validation", "ContentType": "text/csv",
             "DataSource": {"FileSystemDataSource": {"FileSystemId": "fs-0123456789abcdef0",
                                                     "FileSystemType": "FSxLustre", "FileSystemAccessMode": "ro",
                                                     "DirectoryPath": "/abcdef12/xgboost-mnist/validation"}}},
        ],
        VpcConfig=VPC,
    ),
    # From the developer guide: file systems are mounted (File mode); FastFile reads S3 prefixes.
    "file-system-requires-file-mode": spec(
        TrainingJobName="xgboost-mnist-efs-2025-01",
        HyperParameters=MNIST,
        AlgorithmSpecification={**BASE["AlgorithmSpecification"], "TrainingInputMode": "FastFile"},
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/csv",
             "DataSource": {"FileSystemDataSource": {"FileSystemId": "fs-0123456789abcdef0", "FileSystemType": "EFS",
                                                     "FileSystemAccessMode": "ro",
                                                     "DirectoryPath": "/xgboost-mnist/train"}}},
            {"ChannelName": "validation", "ContentType": "text/csv", "InputMode": "Pipe",
             "DataSource": {"FileSystemDataSource": {"FileSystemId": "fs-0123456789abcdef0",
                                                     "FileSystemType": "FSxLustre", "FileSystemAccessMode": "ro",
                                                     "DirectoryPath": "/abcdef12/xgboost-mnist/validation"}}},
            {"ChannelName": "test", "ContentType": "text/csv", "InputMode": "File",
             "DataSource": {"FileSystemDataSource": {"FileSystemId": "fs-0123456789abcdef0", "FileSystemType": "EFS",
                                                     "FileSystemAccessMode": "ro",
                                                     "DirectoryPath": "/xgboost-mnist/test"}}},
        ],
        VpcConfig=VPC,
    ),
    "fastfile-manifest-and-partial-prefix": spec(
        AlgorithmSpecification={**BASE["AlgorithmSpecification"], "TrainingInputMode": "FastFile"},
        InputDataConfig=[
            {"ChannelName": "train", "ContentType": "text/csv",
             "DataSource": {"S3DataSource": {"S3DataType": "ManifestFile",
                                             "S3Uri": "s3://my-bucket/churn/train.manifest"}}},
            {"ChannelName": "validation", "ContentType": "text/csv",
             "DataSource": s3("s3://my-bucket/churn/validation-01")},
            {"ChannelName": "test", "ContentType": "text/csv", "DataSource": s3("s3://my-bucket/churn/test/")},
            {"ChannelName": "extra", "ContentType": "text/csv", "InputMode": "File",
             "DataSource": s3("s3://my-bucket/churn/extra-01")},
        ],
    ),
}

FIXTURES = INVALID
