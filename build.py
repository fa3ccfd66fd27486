#!/usr/bin/env python3
"""The ODR Guide's command line. Run `python build.py --help`.

    check      validate every YAML file and report every problem at once
    build      build each court's site into site/<court>/
    serve      live preview of one court's site, rebuilt when content changes
    documents  write the agreement, calendar and offer from a saved answers file
    readability  reading grade of every FAQ answer and tutorial step, worst first
    schemas    rewrite the JSON Schemas in schemas/ from the content models
    new-court  write content/courts/ID.yaml with every key explained
    links      check internal links, then list every external link (never fetched)
"""

import sys

from odr.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
