"""The benchmark suite: `python -m bench` builds the site, serves it on
127.0.0.1 with gzip, drives headless Chromium and prints one table of
figures, targets and verdicts (see README.md, "Benchmarks").

    serving.py    a static server that gzips like a real host and counts bytes
    baseline.py   the bare-Pyodide page every start-up time is divided by
    browser.py    what a visitor's browser sees (weight, typing, start-up, PDF)
    memory.py     a tab's JS heap and WebAssembly memory
    building.py   our build against plain MkDocs builds of the same pages
    synthetic.py  a project grown to many courts and FAQ entries
    run.py        the whole run, one row per figure
    table.py      rows and the printed table
"""
