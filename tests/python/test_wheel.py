"""The installed wheel, as a user without Rust gets it (run by tests/wheel.rs in a fresh
virtualenv whose PATH has no cargo): the command, `python -m sagelint`, `__version__`,
`check()` on a dict, on text and on a path, and the boto3 guard with botocore's Stubber."""

from __future__ import annotations

import copy
import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import sagelint
import sagelint.boto3
from sagelint import Diagnostic, LintError, SagelintError

TESTDATA = Path(os.environ["SAGELINT_TESTDATA"])
VERSION = os.environ["SAGELINT_EXPECTED_VERSION"]

GOOD = {
    "TrainingJobName": "xgboost-churn-2025-01",
    "RoleArn": "arn:aws:iam::123456789012:role/SageMakerTrainingRole",
    "AlgorithmSpecification": {
        "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "TrainingInputMode": "File",
    },
    "HyperParameters": {"max_depth": "5", "eta": "0.2"},
    "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/churn/output/"},
    "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30},
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
}


KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def bad_request() -> dict:
    """A request with one error: VolumeKmsKeyId on an instance with NVMe storage (SL501)."""
    request = copy.deepcopy(GOOD)
    request["ResourceConfig"] = {
        "InstanceType": "ml.p4d.24xlarge",
        "InstanceCount": 1,
        "VolumeKmsKeyId": KEY_ARN,
    }
    return request


def spot_request() -> dict:
    """A request with an info finding only: spot training without checkpoints (SL405)."""
    request = copy.deepcopy(GOOD)
    request["EnableManagedSpotTraining"] = True
    request["StoppingCondition"] = {"MaxRuntimeInSeconds": 3600, "MaxWaitTimeInSeconds": 7200}
    return request


def line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the text")


class InChdir(unittest.TestCase):
    """Each test runs in an empty directory (so no configuration is discovered unless the
    test writes one)."""

    def setUp(self) -> None:
        self._old = os.getcwd()
        self.dir = Path(tempfile.mkdtemp())
        os.chdir(self.dir)

    def tearDown(self) -> None:
        os.chdir(self._old)
        shutil.rmtree(self.dir, ignore_errors=True)


class Command(InChdir):
    def test_no_cargo_on_path(self) -> None:
        self.assertIsNone(shutil.which("cargo"), "the test environment must not have cargo")

    def test_sagelint_command(self) -> None:
        out = subprocess.run(["sagelint", "--version"], capture_output=True, text=True, check=True)
        self.assertEqual(out.stdout.strip(), f"sagelint {VERSION}")
        bad = subprocess.run(
            [
                "sagelint",
                "check",
                "--format",
                "concise",
                str(TESTDATA / "invalid/instance-storage.yaml"),
            ],
            capture_output=True,
            text=True,
        )
        self.assertEqual(bad.returncode, 1, bad.stderr)
        self.assertIn("error[SL501]", bad.stdout)

    def test_python_dash_m(self) -> None:
        out = subprocess.run(
            [sys.executable, "-m", "sagelint", "--version"],
            capture_output=True,
            text=True,
            check=True,
        )
        self.assertEqual(out.stdout.strip(), f"sagelint {VERSION}")
        good = subprocess.run(
            [
                sys.executable,
                "-m",
                "sagelint",
                "check",
                "--quiet",
                str(TESTDATA / "valid/minimal.yaml"),
            ],
            capture_output=True,
            text=True,
        )
        self.assertEqual(good.returncode, 0, good.stdout + good.stderr)
        bad = subprocess.run(
            [
                sys.executable,
                "-m",
                "sagelint",
                "check",
                str(TESTDATA / "invalid/instance-storage.json"),
            ],
            capture_output=True,
            text=True,
        )
        self.assertEqual(bad.returncode, 1)

    def test_version(self) -> None:
        self.assertEqual(sagelint.__version__, VERSION)

    def test_binary_is_the_wheels(self) -> None:
        found = Path(sagelint.find_sagelint_bin()).resolve()
        self.assertTrue(found.is_relative_to(Path(sys.prefix).resolve()), found)

    def test_schema(self) -> None:
        out = subprocess.run(["sagelint", "schema"], capture_output=True, text=True, check=True)
        schema = json.loads(out.stdout)
        self.assertEqual(schema["$ref"], "#/definitions/CreateTrainingJobRequest")


class Check(InChdir):
    def test_dict(self) -> None:
        request = bad_request()
        found = sagelint.check(request)
        self.assertEqual([d.rule for d in found], ["SL501"])
        d = found[0]
        self.assertIsInstance(d, Diagnostic)
        self.assertEqual(d.name, "volume-kms-on-local-storage")
        self.assertEqual(d.severity, "error")
        self.assertEqual(d.pointer, "/ResourceConfig/VolumeKmsKeyId")
        self.assertIn("ml.p4d.24xlarge", d.message)
        self.assertTrue(d.help)
        # The line in the JSON rendering, and the column of the key's opening quote.
        rendering = sagelint.render(request)
        line = line_of(rendering, '"VolumeKmsKeyId"')
        self.assertEqual(d.line, line)
        self.assertEqual(d.column, rendering.splitlines()[line - 1].index('"VolumeKmsKeyId"') + 1)
        self.assertEqual(request, bad_request(), "check() must not change the request")

    def test_unknown_contract_members_are_kept(self) -> None:
        item = {
            "file": "a.json",
            "rule": "SL501",
            "name": "volume-kms-on-local-storage",
            "severity": "error",
            "message": "m",
            "help": None,
            "pointer": "/ResourceConfig/VolumeKmsKeyId",
            "span": {"start": {"line": 3, "column": 5}, "end": {"line": 3, "column": 9}},
            "request": {"pointer": "/States/Train/Parameters"},
        }
        d = Diagnostic.from_json(item)
        self.assertEqual((d.line, d.column, d.end_column), (3, 5, 9))
        self.assertEqual(d.extra, {"request": {"pointer": "/States/Train/Parameters"}})
        self.assertEqual(hash(d), hash(Diagnostic.from_json({**item, "request": None})))

    def test_good_dict(self) -> None:
        self.assertEqual(sagelint.check(GOOD), [])

    def test_document_order(self) -> None:
        request = bad_request()
        request["TrainingJobName"] = "bad name!"
        request["Tags"] = [{"Key": "aws:team", "Value": "x"}]
        found = sagelint.check(request)
        self.assertGreaterEqual(len(found), 3, found)
        self.assertEqual(found, sorted(found, key=lambda d: (d.line, d.column)))
        self.assertEqual(found[0].pointer, "/TrainingJobName")

    def test_yaml_text_line_numbers(self) -> None:
        text = (TESTDATA / "invalid/instance-storage.yaml").read_text()
        found = sagelint.check(text, filename="job.yaml")
        by_rule = {d.rule: d for d in found}
        self.assertEqual(set(by_rule), {"SL501", "SL502"})
        self.assertEqual(by_rule["SL501"].line, line_of(text, "VolumeKmsKeyId:"))
        self.assertEqual(by_rule["SL501"].column, 3)
        self.assertEqual(by_rule["SL502"].line, line_of(text, "VolumeSizeInGB:"))
        self.assertEqual(by_rule["SL501"].file, "job.yaml")
        # bytes too, and the format from the content when no filename says it
        self.assertEqual(sagelint.check(text.encode()), sagelint.check(text))
        self.assertEqual({d.rule for d in sagelint.check(text)}, {"SL501", "SL502"})

    def test_yaml_types_follow_the_filename(self) -> None:
        text = (TESTDATA / "valid/minimal.yaml").read_text() + "HyperParameters:\n  epochs: 10\n"
        found = sagelint.check(text, filename="job.yml")
        self.assertEqual(
            [(d.rule, d.pointer) for d in found], [("SL102", "/HyperParameters/epochs")]
        )

    def test_path(self) -> None:
        path = TESTDATA / "invalid/instance-storage.json"
        found = sagelint.check(path)
        self.assertEqual({d.rule for d in found}, {"SL501", "SL502"})
        self.assertTrue(all(d.file == str(path) for d in found))
        self.assertEqual(sagelint.check(TESTDATA / "valid/minimal.yaml"), [])

    def test_directory(self) -> None:
        self.assertEqual(sagelint.check(TESTDATA / "valid"), [])
        found = sagelint.check(TESTDATA / "invalid")
        self.assertGreater(len({d.file for d in found}), 10)

    def test_readme_example(self) -> None:
        readme = (TESTDATA.parent / "README.md").read_text()
        block = readme.split("```python\n")[1].split("```")[0]
        Path("training").mkdir()
        shutil.copy(TESTDATA / "valid/minimal.yaml", "training/churn.yaml")
        out = subprocess.run(
            [sys.executable, "-c", block], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
        self.assertEqual(len(out), len(expected), out)
        for line, comment in zip(out, expected):
            self.assertTrue(line.startswith(comment.removesuffix("...")), (line, comment))

    def test_str_is_text_not_a_path(self) -> None:
        found = sagelint.check(str(TESTDATA / "valid/minimal.yaml"))
        self.assertNotEqual(found, [], "a str is the text of a document")

    def test_secret_masked(self) -> None:
        secret = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
        request = copy.deepcopy(GOOD)
        request["Environment"] = {"GITHUB_TOKEN": secret}
        found = sagelint.check(request)
        self.assertIn("SL602", [d.rule for d in found])
        for d in found:
            self.assertNotIn(secret, d.message + (d.help or ""))

    def test_configuration_discovered_and_named(self) -> None:
        Path("sagelint.toml").write_text('ignore = ["SL501"]\n')
        self.assertEqual(sagelint.check(bad_request()), [])
        sub = self.dir / "elsewhere"
        sub.mkdir()
        (sub / "strict.toml").write_text('[severity]\nSL405 = "error"\n')
        found = sagelint.check(spot_request(), config=sub / "strict.toml")
        self.assertEqual([(d.rule, d.severity) for d in found], [("SL405", "error")])

    def test_invalid_configuration_raises(self) -> None:
        Path("sagelint.toml").write_text('ignore = ["SL9O1"]\n')
        with self.assertRaises(SagelintError) as raised:
            sagelint.check(GOOD)
        self.assertEqual(raised.exception.returncode, 2)
        self.assertIn("SL9O1", str(raised.exception))

    def test_wrong_type(self) -> None:
        with self.assertRaises(TypeError):
            sagelint.check(42)  # type: ignore[arg-type]


class Guard(InChdir):
    def session(self):
        import boto3

        return boto3.Session(
            aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
            aws_secret_access_key="not-a-real-secret",
            region_name="us-east-1",
        )

    def stubbed(self, client, request, queued: bool = True):
        from botocore.stub import Stubber

        stubber = Stubber(client)
        if queued:
            stubber.add_response(
                "create_training_job",
                {"TrainingJobArn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/x"},
                expected_params=request,
            )
        return stubber

    def test_lint_error_is_param_validation_error(self) -> None:
        from botocore.exceptions import ParamValidationError

        self.assertTrue(issubclass(LintError, ParamValidationError))
        error = LintError(sagelint.check(bad_request()), "CreateTrainingJob")
        self.assertIn("SL501", str(error))
        copied = pickle.loads(pickle.dumps(error))
        self.assertEqual(copied.diagnostics, error.diagnostics)

    def test_lint_error_without_botocore_is_a_value_error(self) -> None:
        code = (
            "import sys; sys.modules['botocore'] = None\n"
            "import sagelint\n"
            "assert issubclass(sagelint.LintError, ValueError), sagelint.LintError.__mro__\n"
            "d = sagelint.check({'TrainingJobName': 'x', 'RoleArn': 'r'})\n"
            "e = sagelint.LintError(d, 'CreateTrainingJob')\n"
            "assert 'SL101' in str(e) and e.diagnostics == d, str(e)\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_bad_request_is_stopped_and_good_goes_through_unchanged(self) -> None:
        session = self.session()
        sagelint.boto3.register(session)
        client = session.client("sagemaker")

        bad = bad_request()
        stubber = self.stubbed(client, bad)
        with stubber:
            with self.assertRaises(LintError) as raised:
                client.create_training_job(**bad)
            # Nothing was sent: the queued response is still there.
            with self.assertRaises(AssertionError):
                stubber.assert_no_pending_responses()
        error = raised.exception
        self.assertEqual(error.operation, "CreateTrainingJob")
        self.assertEqual(
            [(d.rule, d.pointer) for d in error.diagnostics],
            [("SL501", "/ResourceConfig/VolumeKmsKeyId")],
        )
        text = str(error)
        for part in (
            "SL501",
            "/ResourceConfig/VolumeKmsKeyId",
            "ml.p4d.24xlarge",
            "Parameter validation failed",
        ):
            self.assertIn(part, text)

        good = copy.deepcopy(GOOD)
        stubber = self.stubbed(client, GOOD)  # expected_params: exactly what the caller built
        with stubber:
            response = client.create_training_job(**good)
            stubber.assert_no_pending_responses()
        self.assertIn("TrainingJobArn", response)
        self.assertEqual(good, GOOD)

    def test_lower_findings_are_logged_and_fail_on(self) -> None:
        session = self.session()
        sagelint.boto3.register(session)
        client = session.client("sagemaker")
        request = spot_request()
        with (
            self.stubbed(client, request) as stubber,
            self.assertLogs("sagelint", level=logging.INFO) as logs,
        ):
            client.create_training_job(**request)
            stubber.assert_no_pending_responses()
        self.assertTrue(any("SL405" in line for line in logs.output), logs.output)

        sagelint.boto3.register(session, fail_on="info")  # replaces the guard
        client = session.client("sagemaker")
        with self.stubbed(client, request):
            with self.assertRaises(LintError) as raised:
                client.create_training_job(**request)
        self.assertEqual([d.rule for d in raised.exception.diagnostics], ["SL405"])

    def test_configuration_is_honoured(self) -> None:
        Path("sagelint.toml").write_text(
            '[per-file-ignores]\n"CreateTrainingJob.json" = ["SL501"]\n'
        )
        session = self.session()
        sagelint.boto3.register(session)
        client = session.client("sagemaker")
        bad = bad_request()
        with self.stubbed(client, bad) as stubber:
            client.create_training_job(**bad)
            stubber.assert_no_pending_responses()

    def test_unregister_botocore_session_and_client(self) -> None:
        import botocore.session

        core = botocore.session.get_session()
        core.set_credentials("AKIAIOSFODNN7EXAMPLE", "not-a-real-secret")
        sagelint.boto3.register(core)
        client = core.create_client("sagemaker", region_name="us-east-1")
        with self.stubbed(client, bad_request()):
            with self.assertRaises(LintError):
                client.create_training_job(**bad_request())
        sagelint.boto3.unregister(core)
        unguarded = core.create_client("sagemaker", region_name="us-east-1")
        with self.stubbed(unguarded, bad_request()) as stubber:
            unguarded.create_training_job(**bad_request())
            stubber.assert_no_pending_responses()
        # A client created before the guard: register on the client itself.
        sagelint.boto3.register(unguarded)
        with self.stubbed(unguarded, bad_request()):
            with self.assertRaises(LintError):
                unguarded.create_training_job(**bad_request())

    def test_default_session(self) -> None:
        import boto3

        boto3.setup_default_session(
            aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
            aws_secret_access_key="not-a-real-secret",
            region_name="us-east-1",
        )
        sagelint.boto3.register()
        client = boto3.client("sagemaker")
        with self.stubbed(client, bad_request()):
            with self.assertRaises(LintError):
                client.create_training_job(**bad_request())

    def test_tuning_and_pipeline_requests_are_guarded(self) -> None:
        session = self.session()
        sagelint.boto3.register(session)
        client = session.client("sagemaker")
        definition = {k: v for k, v in bad_request().items() if k not in ("TrainingJobName",)}
        definition["StaticHyperParameters"] = definition.pop("HyperParameters")
        tuning = {
            "HyperParameterTuningJobName": "churn-tuning",
            "HyperParameterTuningJobConfig": {
                "Strategy": "Bayesian",
                "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "auc"},
                "ResourceLimits": {"MaxNumberOfTrainingJobs": 10, "MaxParallelTrainingJobs": 2},
                "ParameterRanges": {
                    "IntegerParameterRanges": [{"Name": "depth", "MinValue": "9", "MaxValue": "3"}]
                },
            },
            "TrainingJobDefinition": definition,
        }
        # A response is queued (so the Stubber lets the call through to the guard); it must still
        # be there afterwards: nothing was sent.
        arn = "arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/churn-tuning"
        with self.stubbed(client, {}, queued=False) as stubber:
            stubber.add_response(
                "create_hyper_parameter_tuning_job", {"HyperParameterTuningJobArn": arn}, None
            )
            with self.assertRaises(LintError) as raised:
                client.create_hyper_parameter_tuning_job(**tuning)
            with self.assertRaises(AssertionError):
                stubber.assert_no_pending_responses()
        found = [(d.rule, d.pointer) for d in raised.exception.diagnostics]
        self.assertIn(
            (
                "TN001",
                "/HyperParameterTuningJobConfig/ParameterRanges/IntegerParameterRanges/0/MinValue",
            ),
            found,
        )
        self.assertIn(("SL501", "/TrainingJobDefinition/ResourceConfig/VolumeKmsKeyId"), found)

        step = {k: v for k, v in bad_request().items() if k != "TrainingJobName"}
        definition_text = json.dumps(
            {
                "Version": "2020-12-01",
                "Steps": [{"Name": "Train", "Type": "Training", "Arguments": step}],
            }
        )
        pipeline = {
            "PipelineName": "churn",
            "PipelineDefinition": definition_text,
            "RoleArn": "arn:aws:iam::123456789012:role/SageMakerPipelineRole",
        }
        pipeline_arn = "arn:aws:sagemaker:us-east-1:123456789012:pipeline/churn"
        with self.stubbed(client, {}, queued=False) as stubber:
            stubber.add_response("create_pipeline", {"PipelineArn": pipeline_arn}, None)
            with self.assertRaises(LintError) as raised:
                client.create_pipeline(**pipeline)
            with self.assertRaises(AssertionError):
                stubber.assert_no_pending_responses()
        self.assertEqual(
            [d.rule for d in raised.exception.diagnostics], ["SL501"], raised.exception.diagnostics
        )

    def test_other_operations_untouched(self) -> None:
        session = self.session()
        sagelint.boto3.register(session)
        client = session.client("sagemaker")
        with self.stubbed(client, {}, queued=False) as stubber:
            stubber.add_response("list_training_jobs", {"TrainingJobSummaries": []}, {})
            client.list_training_jobs()
            stubber.assert_no_pending_responses()


if __name__ == "__main__":
    unittest.main(verbosity=2)
