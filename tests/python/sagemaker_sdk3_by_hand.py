"""The boto3 guard through the SageMaker Python SDK 3 (sagemaker-core's TrainingJob.create,
which ModelTrainer.train calls; SDK 3 has no sagemaker.estimator), with botocore's Stubber: no
network. Not part of the suite: the SDK is a 1 GB install (numpy, pandas, scipy, pyarrow,
mlflow, ...) that took 11 minutes on the CI machine. Run it by hand in a virtualenv with the
wheel and `pip install sagemaker` (3.27.0 when this was written):

    python tests/python/sagemaker_sdk3_by_hand.py
"""

import boto3
import sagelint
import sagelint.boto3
from botocore.stub import Stubber
from sagemaker.core.resources import TrainingJob
from sagemaker.core.shapes import (
    AlgorithmSpecification,
    OutputDataConfig,
    ResourceConfig,
    StoppingCondition,
)
from sagemaker.core.utils.utils import SageMakerClient

session = boto3.Session(
    aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="x", region_name="us-east-1"
)
sagelint.boto3.register(session)
client = SageMakerClient(session=session, region_name="us-east-1").get_client(
    service_name="sagemaker"
)
stubber = Stubber(client)
stubber.add_response(
    "create_training_job",
    {"TrainingJobArn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/x"},
    None,
)
stubber.activate()
try:
    TrainingJob.create(
        training_job_name="churn-2025-01",
        role_arn="arn:aws:iam::123456789012:role/SageMakerTrainingRole",
        algorithm_specification=AlgorithmSpecification(
            training_image="683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            training_input_mode="File",
        ),
        output_data_config=OutputDataConfig(s3_output_path="s3://my-bucket/churn/output/"),
        resource_config=ResourceConfig(
            instance_type="ml.p4d.24xlarge",
            instance_count=1,
            volume_kms_key_id="arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ),
        stopping_condition=StoppingCondition(max_runtime_in_seconds=3600),
        session=session,
        region="us-east-1",
    )
    raise SystemExit("FAILED: the request was not stopped")
except sagelint.LintError as e:
    assert [d.rule for d in e.diagnostics] == ["SL501"], e.diagnostics
    print(e)
# Nothing was sent: the queued response is still there.
try:
    stubber.assert_no_pending_responses()
except AssertionError:
    print("OK: stopped before it was sent")
else:
    raise SystemExit("FAILED: the request was sent")
