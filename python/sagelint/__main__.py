"""``python -m sagelint``: the same command line as the ``sagelint`` binary."""

from __future__ import annotations

import os
import sys

from sagelint._binary import find_sagelint_bin


def main() -> None:
    sagelint = os.fsdecode(find_sagelint_bin())
    if sys.platform == "win32":
        import subprocess

        sys.exit(subprocess.run([sagelint, *sys.argv[1:]]).returncode)
    else:
        os.execvp(sagelint, [sagelint, *sys.argv[1:]])


if __name__ == "__main__":
    main()
