"""Command-line interface: parses arguments and calls one pipeline function per command."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY_HELP = ("the date to judge answers by, e.g. whether a payment date has passed "
              "(default: the date of the file's saved_at, else today)")


def main(argv: list[str]) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    if not getattr(arguments, "command", None):
        parser.print_help()
        return 2
    return arguments.run(arguments)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build and check the ODR Guide.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate every content file and report every problem")
    check.add_argument("--strict", action="store_true", help="treat warnings (missing translations) as errors, except in draft courts")
    check.set_defaults(run=_check)

    build = commands.add_parser("build", help="build the court sites")
    build.add_argument("--court", help="build only this court (default: every court)")
    build.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors, except in draft courts")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="live preview of one court's site")
    serve.add_argument("--court", help="the court to show (default: the site's default court)")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=_serve)

    documents = commands.add_parser("documents", help="write agreement, calendar and offer from an answers file")
    documents.add_argument("answers", type=Path, help="a saved answers file (.json)")
    documents.add_argument("--out", type=Path, required=True, help="folder to write the documents into")
    documents.add_argument("--today", metavar="YYYY-MM-DD", help=TODAY_HELP)
    documents.set_defaults(run=_documents)

    readability = commands.add_parser("readability", help="reading grade of every answer and step, worst first")
    readability.set_defaults(run=_readability)

    _webmaster_commands(commands)
    return parser


def _webmaster_commands(commands) -> None:
    schemas = commands.add_parser("schemas", help="rewrite the JSON Schemas in schemas/ from the content models")
    schemas.add_argument("--check", action="store_true", help="only report stale schemas (exit 1 if any)")
    schemas.set_defaults(run=_schemas)

    new_court = commands.add_parser("new-court", help="write content/courts/ID.yaml with every key explained")
    new_court.add_argument("id", help='the new court\'s id, e.g. "santa-clara"')
    new_court.set_defaults(run=_new_court)

    links = commands.add_parser("links", help="check internal links, then list every external link (not fetched)")
    links.set_defaults(run=_links)


def _check(arguments) -> int:
    from odr.check import run_check

    return run_check(ROOT, strict=arguments.strict)


def _build(arguments) -> int:
    from odr.site import run_build

    return run_build(ROOT, arguments.out, court=arguments.court, strict=arguments.strict)


def _serve(arguments) -> int:
    from odr.serve import run_serve

    return run_serve(ROOT, court=arguments.court, port=arguments.port)


def _documents(arguments) -> int:
    from odr.documents import main as documents_main

    today = ["--today", arguments.today] if arguments.today else []
    return documents_main([str(arguments.answers), "--out", str(arguments.out), *today])


def _schemas(arguments) -> int:
    from odr.schemas import run_schemas

    return run_schemas(ROOT, check=arguments.check)


def _new_court(arguments) -> int:
    from odr.new_court import run_new_court

    return run_new_court(ROOT, arguments.id)


def _links(arguments) -> int:
    from odr.links import run_links

    return run_links(ROOT)


def _readability(arguments) -> int:
    from odr.plain_language import run_report

    return run_report(ROOT)
