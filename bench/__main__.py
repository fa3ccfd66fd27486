"""`python -m bench`: build the site, serve it, measure it, print one table.

    python -m bench                 # the full benchmark (several minutes)
    python -m bench --quick         # one repetition, a tiny synthetic build (for the test)
    python -m bench --repeat 7      # more repetitions of each timing (median reported)

Exit status 0 when every row passes, 1 when one fails, 2 when Chromium is missing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.browser import ChromiumMissing
from bench.run import Settings, run_all
from bench.table import render

CODE_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="one repetition and a tiny synthetic build: checks that every row is produced")
    parser.add_argument("--repeat", type=int, help="repetitions of each timing (default 5, 1 with --quick)")
    parser.add_argument("--root", type=Path, default=CODE_ROOT, help="the project to build (default: this one)")
    arguments = parser.parse_args(argv)
    settings = Settings.quick(arguments.root) if arguments.quick else Settings.full(arguments.root)
    if arguments.repeat:
        settings = settings.with_repeat(arguments.repeat)
    started = time.perf_counter()
    try:
        rows = run_all(settings, log=sys.stderr)
    except ChromiumMissing as missing:
        print(f"python -m bench: {missing}", file=sys.stderr)
        return 2
    print(render(rows))
    print(f"\n{settings.describe()}; {time.perf_counter() - started:.0f} s in all.")
    return 0 if all(row.passed is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
