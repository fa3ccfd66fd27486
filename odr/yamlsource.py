"""Reading YAML files while remembering where every key and value came from.

`read_yaml` returns a `SourceFile`: the plain Python data (dicts, lists,
scalars, as PyYAML's safe loader builds them) plus the line and column of every
key and every value, addressed by path (a tuple of keys and list indexes).
Syntax errors and duplicate keys become `Problem`s instead of exceptions.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from odr.problems import Problem

Path_ = tuple  # a path inside a document, e.g. ("steps", 2, "title", "en")


@dataclass
class SourceFile:
    """One YAML file: its data and where each part of it was written."""

    path: str
    """Path relative to the project root, as shown in error messages."""
    data: object = None
    value_marks: dict = field(default_factory=dict)
    key_marks: dict = field(default_factory=dict)
    lines: list = field(default_factory=list)
    """The file's text, line by line."""
    block_scalars: set = field(default_factory=set)
    """Paths of values written as block scalars (`|` or `>`): their text starts on the next line."""

    def position(self, path: Path_) -> tuple[int, int]:
        """(line, column), 1-based, of the value at `path`, or of its nearest written parent."""
        for length in range(len(path), -1, -1):
            mark = self.value_marks.get(tuple(path[:length]))
            if mark is not None:
                return mark
        return (1, 1)

    def text_position(self, path: Path_, line_in_text: int, column_in_text: int = 0) -> tuple[int, int]:
        """(line, column) in the file of a place in the text value at `path`: line `line_in_text` and
        column `column_in_text` of the text (1-based; column 0: the line's first character).

        The text's characters other than white space are found in the file in order, so the place is
        right however the text is written: literal (`|`), folded (`>`), quoted or plain over several
        lines, where the text's lines are not the file's.
        """
        text = self.value_at(path)
        if text is None and path and isinstance(self.value_at(path[:-1]), str):
            path = path[:-1]  # text written as a plain string (English) and addressed as `...en`
            text = self.value_at(path)
        line, column = self.position(path)
        if not isinstance(text, str) or not 0 < line <= len(self.lines):
            return (line, column)
        target = _offset_in_text(text, line_in_text, column_in_text)
        if path in self.block_scalars:
            line, column = line + 1, 1  # the text starts below the `|` or `>`
        elif self.lines[line - 1][column - 1:column] in ("'", '"'):
            column += 1
        return _find_in_file(self.lines, line, column, text, target)

    def value_at(self, path: Path_):
        """The data at `path`, or None."""
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def key_position(self, path: Path_) -> tuple[int, int]:
        """(line, column) of the key that introduces `path` (falls back to its value)."""
        return self.key_marks.get(tuple(path)) or self.position(path)

    def problem(self, path: Path_, message: str, *, at_key: bool = False, severity: str = "error") -> Problem:
        line, column = self.key_position(path) if at_key else self.position(path)
        return Problem(self.path, line, column, format_path(path), message, severity)


def _offset_in_text(text: str, line_in_text: int, column_in_text: int) -> int:
    """The index in `text` of a (line, column), 1-based; column 0 is the line's first non-space character."""
    lines = text.split("\n")
    line_in_text = min(max(line_in_text, 1), len(lines))
    start = sum(len(line) + 1 for line in lines[:line_in_text - 1])
    if column_in_text <= 0:
        written = lines[line_in_text - 1]
        column_in_text = len(written) - len(written.lstrip()) + 1
    return min(start + column_in_text - 1, len(text))


def _find_in_file(lines: list, line: int, column: int, text: str, target: int) -> tuple[int, int]:
    """(line, column) of text[target] in the file, the text starting at (line, column): each character that
    is not white space is looked for after the one before it. A place on white space takes the line of the
    next character (less the text's line breaks between them)."""
    shown = [index for index in range(target, len(text)) if not text[index].isspace()]
    if not shown:
        return (line + text.count("\n", 0, target), 1)
    wanted = shown[0]
    row, col = line - 1, column - 1
    for index in range(wanted + 1):
        if text[index].isspace():
            continue
        while row < len(lines):
            found = lines[row].find(text[index], col)
            if found >= 0:
                col = found + 1
                break
            row, col = row + 1, 0
        else:
            return (line, column)
    breaks = text.count("\n", target, wanted)
    return (row + 1 - breaks, col if not breaks else 1)


def format_path(path: Path_) -> str:
    """("steps", 2, "title") -> "steps[2].title"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_yaml(file_path: Path, root: Path) -> tuple[SourceFile, list[Problem]]:
    """Read one YAML file; syntax errors and duplicate keys come back as problems."""
    shown = file_path.relative_to(root).as_posix() if file_path.is_relative_to(root) else str(file_path)
    source = SourceFile(shown)
    try:
        data = file_path.read_bytes()
    except OSError as error:
        return source, [Problem(shown, 0, 0, "", f"expected a readable text file, found {error}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return source, [Problem(shown, line, column, "", "expected a UTF-8 text file (save it as UTF-8 in your "
                                                         f"editor), found a character written another way "
                                                         f"(byte 0x{data[error.start]:02x})")]
    return parse_yaml(text, source)


def parse_yaml(text: str, source: SourceFile) -> tuple[SourceFile, list[Problem]]:
    source.lines = text.splitlines()
    try:
        node = _compose(text, FAST_LOADER)
    except yaml.MarkedYAMLError:
        try:  # the pure-Python parser words syntax errors as the messages promise
            node = _compose(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            return source, [_syntax_problem(source.path, error)]
    problems: list[Problem] = []
    builder = _Builder(source, problems, yaml.SafeLoader(""))
    source.data = builder.build(node, ()) if node is not None else None
    return source, problems


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (several times faster); node positions are the same."""


def _compose(text: str, loader_class):
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    """The parser's error in the words of the other messages: what was expected, what was found."""
    mark, message = _syntax_message(error)
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(path, line, column, "", message)


UNCLOSED = re.compile(r"expected ',' or '([\]}])', but got (.+)")
BAD_START = re.compile(r"found character '(.+)' that cannot start any token")
TOKENS = {"'<stream end>'": "the end of the file", "'<scalar>'": "more text", "'<block end>'": "the end of a block",
          "'<block mapping start>'": "a new key", "'<block sequence start>'": "a new list item"}


def _syntax_message(error: yaml.MarkedYAMLError):
    """(the mark to show, the message) of a YAML syntax error; the common ones in plain words."""
    problem, context = error.problem or "", error.context or ""
    found_at = error.problem_mark or error.context_mark
    unclosed = UNCLOSED.match(problem)
    if unclosed and error.context_mark:
        closing, got = unclosed.group(1), TOKENS.get(unclosed.group(2), f'"{unclosed.group(2).strip(chr(39))}"')
        opening, kind = ("[", "list") if closing == "]" else ("{", "mapping")
        where = f" on line {found_at.line + 1}" if found_at else ""
        return error.context_mark, (f"expected a {closing} to close the {kind} opened by this {opening}, "
                                    f"found {got}{where}")
    bad = BAD_START.match(problem)
    if bad and bad.group(1) == "\\t":
        return found_at, "expected spaces, found a tab (YAML does not allow tabs for indentation)"
    if bad:
        return found_at, (f'expected a value, found "{bad.group(1)}", which cannot start one '
                          f"(put the text in quotes)")
    if "quoted scalar" in context and "end of stream" in problem and error.context_mark:
        return error.context_mark, "expected a closing quote for the text this quote opens, found the end of the file"
    if problem.startswith("expected <block end>, but found"):
        got = TOKENS.get(problem.rpartition("found ")[2], "more")
        return found_at, f"expected this line indented like the lines above it, found {got} indented differently"
    if problem == "could not find expected ':'" and error.context_mark:
        return error.context_mark, "expected a key and a colon (key: value), found a line without a colon"
    if problem == "mapping values are not allowed here":
        return found_at, ("expected a key indented like the others, or text with \": \" in quotes, "
                          "found a colon where none is allowed")
    what = problem.removeprefix("found ") or "a syntax error"
    return found_at, f"expected valid YAML, found {what}" + (f" ({context})" if context else "")


DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


def _impossible_date(written: str) -> str:
    """The message for a date that does not exist, with the nearest real one of its month as the example."""
    match = DATE.match(written)
    year, month = (int(match.group(1)), int(match.group(2))) if match else (2027, 1)
    if not 1 <= month <= 12 or not 1 <= year:
        month = 1
    example = datetime.date(year, month, calendar.monthrange(year, month)[1])
    return f"expected a real date like {example.isoformat()}, found {written}"


@dataclass
class _Builder:
    """Turns a composed YAML node tree into Python data, recording positions."""

    source: SourceFile
    problems: list
    constructor: yaml.SafeLoader

    def build(self, node, path: Path_):
        self.source.value_marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node, path: Path_):
        if getattr(node, "style", None) in ("|", ">"):
            self.source.block_scalars.add(path)
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            self.problems.append(self.source.problem(path, f"expected a plain value, found {error.problem}"))
        except (ValueError, OverflowError):  # a timestamp the calendar does not have: 2027-02-30
            self.problems.append(self.source.problem(path, _impossible_date(node.value)))
        return None

    def _mapping(self, node, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, path)
            if isinstance(key, (list, dict)) or key is None:
                key = str(key)
            key_path = path + (key,)
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first_line = self.source.key_marks[key_path][0]
                message = f"expected each key once, found it again (first written on line {first_line})"
                self.problems.append(Problem(self.source.path, *key_mark, format_path(key_path), message))
                continue
            self.source.key_marks[key_path] = key_mark
            result[key] = self.build(value_node, key_path)
        return result

