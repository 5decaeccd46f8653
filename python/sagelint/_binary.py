"""Finding the ``sagelint`` binary that the wheel installs beside this package."""

from __future__ import annotations

import os
import sys
import sysconfig

__all__ = ["find_sagelint_bin"]


def find_sagelint_bin() -> str:
    """Return the path of the ``sagelint`` executable installed with this package.

    Looked for where pip puts a wheel's scripts, as ruff's package does: the environment's
    scripts directory, then the user scheme's (``pip install --user``), then the ``bin``
    directory of a ``pip install --target``/``--prefix`` tree. ``SAGELINT_BIN`` names another
    binary (a development build, for instance). Raises ``FileNotFoundError`` when none is found.
    """
    override = os.environ.get("SAGELINT_BIN")
    if override:
        if os.path.isfile(override):
            return override
        raise FileNotFoundError(f"SAGELINT_BIN names no file: {override}")

    exe = "sagelint" + (sysconfig.get_config_var("EXE") or "")
    candidates = [os.path.join(sysconfig.get_path("scripts"), exe)]

    if sys.version_info >= (3, 10):
        user_scheme = sysconfig.get_preferred_scheme("user")
    elif os.name == "nt":
        user_scheme = "nt_user"
    elif sys.platform == "darwin" and getattr(sys, "_framework", None):
        user_scheme = "osx_framework_user"
    else:
        user_scheme = "posix_user"
    candidates.append(os.path.join(sysconfig.get_path("scripts", scheme=user_scheme), exe))

    # `pip install --target DIR` puts the package in DIR/sagelint and the script in DIR/bin;
    # `--prefix P` puts them in P/lib/pythonX.Y/site-packages/sagelint and P/bin.
    package_dir = os.path.dirname(os.path.abspath(__file__))
    target = os.path.dirname(package_dir)
    candidates.append(os.path.join(target, "bin", exe))
    candidates.append(os.path.join(target, "Scripts", exe))
    prefix = os.path.dirname(os.path.dirname(os.path.dirname(target)))
    candidates.append(os.path.join(prefix, "bin", exe))

    for path in candidates:
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(
        "the sagelint binary is not installed beside the sagelint package (looked in: "
        + ", ".join(candidates)
        + "); reinstall the wheel, or set SAGELINT_BIN"
    )
