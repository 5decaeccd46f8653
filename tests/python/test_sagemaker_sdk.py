"""The boto3 guard through the SageMaker Python SDK 2: `Estimator(...).fit()` with a stubbed
SageMaker client (botocore's Stubber, no network). Run by tests/wheel.rs in a fresh virtualenv
with the wheel and `sagemaker==2.257.7` (a 40 s, 320 MB install on the CI machine)."""

from __future__ import annotations

import os
import shutil
import tempfile
import unittest
from pathlib import Path

import boto3
import sagelint
import sagelint.boto3
import sagemaker
from botocore.stub import Stubber
from sagemaker.estimator import Estimator

ROLE = "arn:aws:iam::123456789012:role/SageMakerTrainingRole"
IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-2025-01"
# No telemetry: the SDK reports failures over the network otherwise.
CONFIG = {
    "SchemaVersion": "1.0",
    "SageMaker": {"PythonSDK": {"Modules": {"TelemetryOptOut": True}}},
}


class EstimatorFit(unittest.TestCase):
    def setUp(self) -> None:
        self._old = os.getcwd()
        self.dir = Path(tempfile.mkdtemp())
        os.chdir(self.dir)
        boto_session = boto3.Session(
            aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
            aws_secret_access_key="not-a-real-secret",
            region_name="us-east-1",
        )
        sagelint.boto3.register(boto_session)
        self.client = boto_session.client("sagemaker")
        self.stubber = Stubber(self.client)
        self.stubber.add_response("create_training_job", {"TrainingJobArn": ARN}, None)
        self.stubber.activate()
        self.session = sagemaker.Session(
            boto_session=boto_session,
            sagemaker_client=self.client,
            default_bucket="my-bucket",
            sagemaker_config=CONFIG,
        )

    def tearDown(self) -> None:
        self.stubber.deactivate()
        os.chdir(self._old)
        shutil.rmtree(self.dir, ignore_errors=True)

    def estimator(self, instance_type: str, **kwargs: object) -> Estimator:
        return Estimator(
            image_uri=IMAGE,
            role=ROLE,
            instance_count=1,
            instance_type=instance_type,
            output_path="s3://my-bucket/churn/output/",
            sagemaker_session=self.session,
            **kwargs,
        )

    def test_bad_request_is_stopped(self) -> None:
        est = self.estimator("ml.p4d.24xlarge", volume_kms_key=KEY_ARN)
        with self.assertRaises(sagelint.LintError) as raised:
            est.fit(inputs="s3://my-bucket/churn/train/", wait=False, job_name="churn-2025-01")
        self.assertEqual(
            [(d.rule, d.pointer) for d in raised.exception.diagnostics],
            [("SL501", "/ResourceConfig/VolumeKmsKeyId")],
        )
        # Nothing was sent: the queued response is still there.
        with self.assertRaises(AssertionError):
            self.stubber.assert_no_pending_responses()

    def test_good_request_goes_through(self) -> None:
        est = self.estimator("ml.m5.xlarge", volume_size=30)
        est.fit(inputs="s3://my-bucket/churn/train/", wait=False, job_name="churn-2025-01")
        self.stubber.assert_no_pending_responses()


if __name__ == "__main__":
    unittest.main(verbosity=2)
