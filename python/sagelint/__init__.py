"""sagelint: check Amazon SageMaker CreateTrainingJob requests before AWS sees them.

The wheel bundles the ``sagelint`` binary; this package drives it:

- :func:`check` checks a request built in Python (a ``dict``), the text of a JSON or YAML
  document, or a file or directory, and returns :class:`Diagnostic` objects;
- :mod:`sagelint.boto3` stops a boto3 call whose request has findings (``LintError``);
- ``python -m sagelint`` is the same command line as ``sagelint``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from sagelint._api import SEVERITIES, Diagnostic, LintError, SagelintError, check, render
from sagelint._binary import find_sagelint_bin

try:
    __version__: str = version("sagelint")
except PackageNotFoundError:  # imported from a source tree, not installed
    __version__ = "0+unknown"

__all__ = [
    "SEVERITIES",
    "Diagnostic",
    "LintError",
    "SagelintError",
    "__version__",
    "check",
    "find_sagelint_bin",
    "render",
]
