"""``sagelint.check()``: the bundled binary's ``--format json`` contract, as Python objects."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
import os
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Union

from sagelint._binary import find_sagelint_bin

__all__ = [
    "SEVERITIES",
    "Diagnostic",
    "LintError",
    "SagelintError",
    "check",
]

#: Severities from the lowest to the highest.
SEVERITIES = ("info", "warning", "error")

StrPath = Union[str, "os.PathLike[str]"]


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One finding, as ``sagelint check --format json`` reports it.

    ``line`` and ``column`` are 1-based (columns count Unicode characters); for a ``dict``
    checked with :func:`check`, they are positions in its JSON rendering
    (``json.dumps(obj, indent=2)``). ``pointer`` is a JSON Pointer (RFC 6901) to the member
    concerned (``""`` for the whole document). Secrets a rule finds are masked in ``message``
    and ``help``, as in every other output.
    """

    rule: str
    """The rule's code, e.g. ``"SL501"``."""
    name: str
    """The rule's name, e.g. ``"volume-kms-on-local-storage"``."""
    severity: str
    """``"error"``, ``"warning"`` or ``"info"`` (after the configuration's overrides)."""
    message: str
    help: str | None
    pointer: str
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0
    file: str = ""
    """The file as the CLI names it (``filename`` for a dict or text)."""
    extra: Mapping[str, Any] = dataclasses.field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    """Members of the JSON contract that this version of the package does not know (added to
    the contract later): kept, not interpreted."""

    @classmethod
    def from_json(cls, item: Mapping[str, Any]) -> Diagnostic:
        """One element of the JSON contract's ``diagnostics`` array. Members added to the
        contract later do not break older packages: they land in ``extra``."""
        span = item.get("span") or {}
        start = span.get("start") or {}
        end = span.get("end") or {}
        return cls(
            rule=str(item["rule"]),
            name=str(item["name"]),
            severity=str(item["severity"]),
            message=str(item["message"]),
            help=item.get("help"),
            pointer=str(item.get("pointer", "")),
            line=int(start.get("line", 0)),
            column=int(start.get("column", 0)),
            end_line=int(end.get("line", 0)),
            end_column=int(end.get("column", 0)),
            file=str(item.get("file", "")),
            extra={k: v for k, v in item.items() if k not in _KNOWN},
        )

    def __str__(self) -> str:
        where = (
            f"{self.file}:{self.line}:{self.column}" if self.file else f"{self.line}:{self.column}"
        )
        text = f"{where}: {self.severity}[{self.rule}] {self.message}"
        if self.pointer:
            text += f" (at {self.pointer})"
        return text


_KNOWN = frozenset(("file", "rule", "name", "severity", "message", "help", "pointer", "span"))


class SagelintError(RuntimeError):
    """The binary could not check the input: an invalid configuration, an unreadable path, a
    file over the size limit (exit status 2), or an internal error (3). ``stderr`` holds its
    message."""

    def __init__(self, message: str, returncode: int, stderr: str) -> None:
        super().__init__(message)
        self.returncode = returncode
        self.stderr = stderr


def _lint_error_base() -> Any:
    try:
        from botocore.exceptions import ParamValidationError
    except ImportError:
        return ValueError
    return ParamValidationError


_LintErrorBase: Any = _lint_error_base()


def _report(diagnostics: Sequence[Diagnostic], operation: str | None) -> str:
    what = f"{operation} request" if operation else "request"
    count = len(diagnostics)
    lines = [f"sagelint found {count} problem{'s' if count != 1 else ''} in the {what}:"]
    for d in diagnostics:
        at = d.pointer or "(document)"
        line = f"  {d.severity} {d.rule} {d.name} at {at}: {d.message}"
        if d.help:
            line += f" (help: {d.help})"
        lines.append(line)
    return "\n".join(lines)


class LintError(_LintErrorBase):  # type: ignore[misc]
    """Findings at or above the guard's ``fail_on`` severity in a request about to be sent.

    When botocore is importable this is a subclass of
    ``botocore.exceptions.ParamValidationError`` (what boto3 raises for invalid parameters),
    otherwise of ``ValueError``. ``diagnostics`` holds the findings; ``operation`` the API
    operation (``"CreateTrainingJob"``) when the guard raised it.
    """

    diagnostics: list[Diagnostic]
    operation: str | None

    def __init__(
        self,
        diagnostics: Iterable[Diagnostic] = (),
        operation: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.diagnostics = list(diagnostics)
        self.operation = operation
        report = kwargs.pop("report", None) or _report(self.diagnostics, operation)
        if _LintErrorBase is ValueError:
            super().__init__(report)
        else:
            # botocore's exceptions format their `fmt` ("Parameter validation failed:
            # {report}") with keyword arguments.
            super().__init__(report=report, **kwargs)

    def __reduce__(self) -> Any:
        return (_rebuild_lint_error, (self.diagnostics, self.operation))


def _rebuild_lint_error(diagnostics: list[Diagnostic], operation: str | None) -> LintError:
    return LintError(diagnostics, operation)


def _json_default(value: Any) -> Any:
    # What a request built in Python may hold besides JSON types (boto3 accepts them too).
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"a {type(value).__name__} cannot be part of a request")


def render(obj: Mapping[str, Any]) -> str:
    """The JSON rendering of a request that :func:`check` checks (and whose lines the
    diagnostics of a dict refer to)."""
    return json.dumps(obj, indent=2, ensure_ascii=False, default=_json_default) + "\n"


def check(
    obj: Mapping[str, Any] | str | bytes | os.PathLike[str],
    *,
    filename: StrPath | None = None,
    config: StrPath | None = None,
) -> list[Diagnostic]:
    """Check a request and return its findings, in document order.

    ``obj`` is one of:

    - a ``dict`` (any mapping): a request (or any document kind sagelint understands) built in
      Python. It is checked as its JSON rendering (:func:`render`); line numbers refer to it.
    - ``str`` or ``bytes``: the *text* of a JSON or YAML document (never a file name: pass a
      ``pathlib.Path`` for that). ``filename`` names it, and its extension sets the format
      (``.json``, ``.yaml``, ``.yml``); without one the format is told from the content.
    - a path (``pathlib.Path`` or any ``os.PathLike``): a file, always checked, or a
      directory, walked for the training job specs in it (as ``sagelint check DIR``).

    ``filename`` (for a dict or text) is the name the findings and the configuration see: the
    configuration (``sagelint.toml``, ``.sagelint.toml`` or ``pyproject.toml [tool.sagelint]``)
    is discovered from its directory upward (relative names from the current directory), and
    ``per-file-ignores`` and ``[[suppress]]`` match it. ``config`` names a configuration file
    to use instead of discovering one.

    Raises :class:`SagelintError` when the input cannot be checked (an invalid configuration,
    an unreadable path) and ``FileNotFoundError`` when the binary is missing.
    """
    args: list[str] = ["check", "--format", "json", "--exit-zero"]
    if config is not None:
        args += ["--config", os.fspath(config)]
    stdin: bytes | None = None
    if isinstance(obj, Mapping):
        stdin = render(obj).encode("utf-8")
        name = os.fspath(filename) if filename is not None else "request.json"
        args += ["--stdin-filename", name, "-"]
    elif isinstance(obj, (str, bytes)):
        stdin = obj.encode("utf-8") if isinstance(obj, str) else bytes(obj)
        if filename is not None:
            args += ["--stdin-filename", os.fspath(filename)]
        args.append("-")
    elif isinstance(obj, os.PathLike):
        if filename is not None:
            raise TypeError("filename is for a dict or text; a path names itself")
        args += ["--", os.fspath(obj)]
    else:
        raise TypeError(
            "check() takes a dict, the text of a document (str or bytes), or a path "
            f"(pathlib.Path), not {type(obj).__name__}"
        )
    return _run(args, stdin)


def _run(args: list[str], stdin: bytes | None) -> list[Diagnostic]:
    binary = find_sagelint_bin()
    completed = subprocess.run(
        [binary, *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        check=False,
    )
    stderr = completed.stderr.decode("utf-8", "replace")
    if completed.returncode not in (0, 1):
        detail = stderr.strip() or f"exit status {completed.returncode}"
        raise SagelintError(detail, completed.returncode, stderr)
    output = json.loads(completed.stdout.decode("utf-8"))
    return [Diagnostic.from_json(item) for item in output.get("diagnostics", [])]


def at_least(diagnostics: Iterable[Diagnostic], severity: str) -> list[Diagnostic]:
    """The diagnostics at or above ``severity`` (``"info"``, ``"warning"`` or ``"error"``)."""
    rank = _rank(severity)
    return [d for d in diagnostics if _rank(d.severity) >= rank]


def _rank(severity: str) -> int:
    try:
        return SEVERITIES.index(severity)
    except ValueError:
        raise ValueError(
            f"unknown severity {severity!r}: use one of {', '.join(SEVERITIES)}"
        ) from None
