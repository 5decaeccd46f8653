"""A guard for boto3 and everything built on it (the SageMaker Python SDK, Airflow's
SageMaker operators, the Step Functions Data Science SDK): sagelint checks each request
before botocore builds and sends it.

.. code-block:: python

    import boto3
    import sagelint.boto3

    session = boto3.Session()
    sagelint.boto3.register(session)          # before creating clients from it
    sm = session.client("sagemaker")
    sm.create_training_job(**request)         # raises sagelint.LintError on an error finding

Findings at or above ``fail_on`` raise :class:`sagelint.LintError` (a
``botocore.exceptions.ParamValidationError``) naming each rule, pointer and message; nothing
is sent. Lower ones are logged to the ``sagelint`` logger (``logging``). The configuration
(``sagelint.toml``, ``.sagelint.toml`` or ``pyproject.toml [tool.sagelint]``) is discovered from
the current directory, or named with ``config``; a request is checked under the file name
``<Operation>.json`` (``CreateTrainingJob.json``) in the current directory, which
``per-file-ignores`` and ``[[suppress]]`` can name.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any, Callable

from sagelint._api import SEVERITIES, Diagnostic, LintError, at_least, check

__all__ = ["OPERATIONS", "Guard", "register", "unregister"]

logger = logging.getLogger("sagelint")

#: The SageMaker operations the guard checks: operation name -> the document sagelint checks,
#: made from the call's parameters. One table: an operation whose document the CLI learns to
#: check is added here and nowhere else. The parameters of each are a document sagelint reads
#: as it is: a training job request, a tuning job request (and its training job definitions),
#: a CreatePipeline/UpdatePipeline request whose ``PipelineDefinition`` string holds training
#: and tuning steps.
OPERATIONS: dict[str, Callable[[Mapping[str, Any]], Mapping[str, Any]]] = {
    "CreateTrainingJob": lambda params: params,
    "CreateHyperParameterTuningJob": lambda params: params,
    "CreatePipeline": lambda params: params,
    "UpdatePipeline": lambda params: params,
}

_LEVELS = {"info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


class Guard:
    """The handler registered on ``before-parameter-build.sagemaker.<Operation>``."""

    def __init__(
        self,
        fail_on: str = "error",
        config: str | os.PathLike[str] | None = None,
    ) -> None:
        if fail_on not in SEVERITIES:
            raise ValueError(f"fail_on must be one of {', '.join(SEVERITIES)}, not {fail_on!r}")
        self.fail_on = fail_on
        self.config = config

    def check(self, operation: str, params: Mapping[str, Any]) -> list[Diagnostic]:
        """Check one call's parameters; raise :class:`sagelint.LintError` for the findings at
        or above ``fail_on``, log the others, and return them all."""
        document = OPERATIONS[operation](params)
        diagnostics = check(document, filename=f"{operation}.json", config=self.config)
        failing = at_least(diagnostics, self.fail_on)
        for d in diagnostics:
            if d not in failing:
                logger.log(_LEVELS.get(d.severity, logging.WARNING), "%s: %s", operation, d)
        if failing:
            raise LintError(failing, operation)
        return diagnostics

    def __call__(self, params: Mapping[str, Any], model: Any = None, **kwargs: Any) -> None:
        operation = getattr(model, "name", None)
        if operation in OPERATIONS:
            self.check(operation, params)


def _events(session: Any) -> Any:
    """The event emitter whose handlers the calls made with ``session`` run."""
    if session is None:
        import boto3

        if boto3.DEFAULT_SESSION is None:
            boto3.setup_default_session()
        session = boto3.DEFAULT_SESSION
    inner = getattr(session, "_session", None)
    if inner is not None and hasattr(session, "client"):  # a boto3.Session
        session = inner
    meta = getattr(session, "meta", None)
    if meta is not None and hasattr(meta, "events"):  # a client: its own copy of the handlers
        return meta.events
    if hasattr(session, "get_component") and hasattr(session, "create_client"):  # botocore
        return session.get_component("event_emitter")
    raise TypeError(
        "register() takes a boto3.Session, a botocore session, a boto3 client, or None (the "
        f"default session), not {type(session).__name__}"
    )


def register(
    session: Any = None,
    *,
    fail_on: str = "error",
    config: str | os.PathLike[str] | None = None,
) -> Guard:
    """Check every SageMaker request in :data:`OPERATIONS` made through ``session`` before it
    is sent.

    ``session`` is a ``boto3.Session``, a botocore session, or ``None`` for boto3's default
    session (what ``boto3.client(...)`` uses); clients created from it *after* this call are
    guarded. A client (``session.client("sagemaker")``, ``sagemaker.Session().sagemaker_client``)
    may be passed too: clients copy their session's handlers when they are created. Registering
    again replaces the previous guard. ``fail_on`` is the lowest severity that raises
    (``"error"``, ``"warning"`` or ``"info"``); ``config`` names a configuration file instead of
    the one discovered from the current directory.
    """
    guard = Guard(fail_on, config)
    events = _events(session)
    for operation in OPERATIONS:
        event = f"before-parameter-build.sagemaker.{operation}"
        unique_id = f"sagelint-{operation}"
        events.unregister(event, unique_id=unique_id)
        # First among the handlers of the event: nothing else sees a request it stops.
        events.register_first(event, guard, unique_id=unique_id)
    return guard


def unregister(session: Any = None) -> None:
    """Remove the guard that :func:`register` put on ``session``."""
    events = _events(session)
    for operation in OPERATIONS:
        events.unregister(
            f"before-parameter-build.sagemaker.{operation}", unique_id=f"sagelint-{operation}"
        )
