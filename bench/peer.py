#!/usr/bin/env python3
"""The peer: botocore's client-side validation of CreateTrainingJob requests, the check that
boto3 and the AWS CLI run before a request leaves the machine, over every spec under the given
paths in one Python process.

    peer.py PATH...   prints one report per invalid file; exit status 1 when any is invalid

Each file is read, parsed (json, or PyYAML's SafeLoader — the libyaml one when PyYAML has it,
as the AWS CLI's YAML input uses) and validated with `botocore.validate.ParamValidator` against
the `CreateTrainingJob` input shape of the sagemaker service model (botocore pinned in
schemas/requirements.txt).
"""

import json
import os
import sys

import botocore.session
import yaml
from botocore.validate import ParamValidator

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SKIP = {".git", "target", "node_modules", ".venv", "venv", "__pycache__"}


def files(path):
    if os.path.isfile(path):
        yield path
        return
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in SKIP and not d.startswith("."))
        for name in sorted(names):
            if name.endswith((".json", ".yaml", ".yml")):
                yield os.path.join(root, name)


def main(paths):
    shape = (
        botocore.session.get_session()
        .get_service_model("sagemaker")
        .operation_model("CreateTrainingJob")
        .input_shape
    )
    validator = ParamValidator()
    checked = invalid = 0
    out = sys.stdout
    for path in paths:
        for name in files(path):
            checked += 1
            with open(name, encoding="utf-8") as f:
                text = f.read()
            try:
                if name.endswith(".json"):
                    params = json.loads(text)
                else:
                    params = yaml.load(text, Loader=LOADER)
            except (ValueError, yaml.YAMLError) as e:
                invalid += 1
                out.write(f"{name}: cannot parse: {e}\n")
                continue
            if not isinstance(params, dict):
                invalid += 1
                out.write(f"{name}: not an object\n")
                continue
            report = validator.validate(params, shape)
            if report.has_errors():
                invalid += 1
                out.write(f"{name}: {report.generate_report()}\n")
    out.write(f"{invalid} invalid of {checked} files\n")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["."]))
