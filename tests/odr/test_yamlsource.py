from odr.yamlsource import SourceFile, format_path, parse_yaml


def parse(text):
    return parse_yaml(text, SourceFile("t.yaml"))


def test_records_value_and_key_positions():
    source, problems = parse("a: 1\nb:\n  - x: hello\n")
    assert problems == []
    assert source.data == {"a": 1, "b": [{"x": "hello"}]}
    assert source.position(("b", 0, "x")) == (3, 8)
    assert source.key_position(("b", 0, "x")) == (3, 5)


def test_position_of_a_missing_path_is_its_nearest_parent():
    source, _ = parse("a:\n  b: 1\n")
    assert source.position(("a", "missing", "deeper")) == (2, 3)


def test_syntax_error_is_a_problem_with_line_and_column():
    _, problems = parse("a: 1\n b: 2\n")
    assert [str(p) for p in problems] == [
        't.yaml:2:3: expected a key indented like the others, or text with ": " in quotes, found a colon where none '
        "is allowed"]


def test_common_syntax_errors_read_as_expected_and_found():
    def message(text):
        return [str(p) for p in parse(text)[1]]

    assert message("a: 1\n\tb: 2\n") == [
        "t.yaml:2:1: expected spaces, found a tab (YAML does not allow tabs for indentation)"]
    assert message("id: {who\norder: 2\n") == [
        't.yaml:1:5: expected a } to close the mapping opened by this {, found ":" on line 2']
    assert message('a: "open\nb: 2\n') == [
        "t.yaml:1:4: expected a closing quote for the text this quote opens, found the end of the file"]
    assert message("a: `x`\n") == ['t.yaml:1:4: expected a value, found "`", which cannot start one (put the text in quotes)']
    assert message("a: b\nc\n") == ["t.yaml:2:1: expected a key and a colon (key: value), found a line without a colon"]
    assert message("a:\n  - x\n b: 2\n") == [
        "t.yaml:3:2: expected this line indented like the lines above it, found a new key indented differently"]


def test_duplicate_key_is_a_problem_at_the_second_key():
    _, problems = parse("a: 1\nb: 2\na: 3\n")
    assert [str(p) for p in problems] == [
        "t.yaml:3:1: a: expected each key once, found it again (first written on line 1)"]


def test_block_scalar_text_lines_start_below_the_key():
    source, _ = parse("answer: |\n  line one\n  line two\nother: plain\n")
    assert source.text_position(("answer",), 2) == (3, 3)
    assert source.text_position(("other",), 1) == (4, 8)


def test_format_path():
    assert format_path(("steps", 2, "title", "en")) == "steps[2].title.en"
    assert format_path(()) == ""


TRICKY = """\
id: ñandú
title: {en: "Fecha límite", es: 'Plazo'}
steps:
  - é: 1
    ü: |
      Línea uno
      línea dos
  - folded: >
      one
      two
dup: 1
dup: 2
"""


def test_libyaml_and_the_pure_python_parser_give_the_same_data_and_positions(monkeypatch):
    import yaml

    from odr import yamlsource

    fast, fast_problems = parse(TRICKY)
    monkeypatch.setattr(yamlsource, "FAST_LOADER", yaml.SafeLoader)
    slow, slow_problems = parse(TRICKY)
    assert fast.data == slow.data
    assert (fast.value_marks, fast.key_marks, fast.block_scalars) == (slow.value_marks, slow.key_marks, slow.block_scalars)
    assert [str(p) for p in fast_problems] == [str(p) for p in slow_problems] == [
        "t.yaml:12:1: dup: expected each key once, found it again (first written on line 11)"]


def test_a_date_the_calendar_does_not_have_is_a_problem_not_a_crash():
    source, problems = parse("holidays:\n  - date: 2027-02-30\n  - date: 2028-13-01\n")
    assert [str(p) for p in problems] == [
        "t.yaml:2:11: holidays[0].date: expected a real date like 2027-02-28, found 2027-02-30",
        "t.yaml:3:11: holidays[1].date: expected a real date like 2028-01-31, found 2028-13-01"]
    assert source.data == {"holidays": [{"date": None}, {"date": None}]}


def test_text_positions_in_folded_quoted_and_indented_text():
    source, _ = parse('a: >\n  one\n  two [x](y)\n\n  three\nb: "one\n  two [x](z)"\nc: |\n  - item\n    - sub [x](w)\n')
    assert source.data["a"] == "one two [x](y)\nthree\n"
    assert source.text_position(("a",), 1, 13) == (3, 11)  # the "y" of the first line of text
    assert source.text_position(("a",), 2, 1) == (5, 3)
    assert source.text_position(("b",), 1, 13) == (7, 11)
    assert source.text_position(("c",), 2, 13) == (10, 15)
    assert source.text_position(("c",), 2) == (10, 5)
