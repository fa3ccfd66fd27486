"""Rules of a worksheet definition that tie one key to another.

The model (`odr/models/worksheet.py`) checks each value; these rules check
what the engine needs across values: which keys each field type takes, that
every id a field names exists, that ids are unique, and that message codes and
option labels exist in the strings catalog. Each problem points at the key
or value it is about.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass

from odr.models.base import _parse_money, describe
from odr.models.court import Court
from odr.models.settings import Settings
from odr.models.worksheet import KEYS_BY_TYPE, ClaimLimitBound, FieldBound, ListSum, Worksheet
from odr.problems import Problem, did_you_mean
from odr.validate import _model_at
from widgets.case import DOCUMENT_FIELDS

ADVICE_KINDS = ("below", "above", "not_a_court_day")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SPEC_MODELS = {"court": Court, "settings": Settings}
"""Where `options_from.path` may read option ids from."""


@dataclass
class Scope:
    """The ids a field or computed value may name."""

    fields: dict
    """Top-level fields by id."""
    computed: dict
    """Computed values by id (for a computed value: only the earlier ones)."""
    item: dict | None = None
    """Inside a list item: the item's fields by id."""

    def find(self, field_id: str):
        if self.item is not None and field_id in self.item:
            return self.item[field_id]
        return self.fields.get(field_id) or self.computed.get(field_id)

    def known(self) -> list[str]:
        return [*(self.item or {}), *self.fields, *self.computed]


def check_worksheets(content) -> list[Problem]:
    english = content.strings.get("en")
    catalog = english.worksheet if english else None  # None: en.yaml did not validate, nothing to check against
    problems: list[Problem] = []
    for worksheet in content.worksheets.values():
        problems += check_worksheet(worksheet, catalog)
    return problems


def check_worksheet(worksheet: Worksheet, catalog: dict | None) -> list[Problem]:
    checker = _Checker(worksheet, catalog)
    checker.check_file_name()
    checker.check_unique_ids()
    fields = {field.id: field for field in worksheet.all_fields()}
    computed = {value.id: value for value in worksheet.all_computed()}
    top: dict = {}
    for path, field, item in _walk_fields(worksheet):
        checker.check_field(field, path, Scope(fields, computed, item), inside_item=item is not None)
        if item is None:
            top.setdefault(field.id, (path, field))  # a second field of the same id is reported as such
    earlier: dict = {}
    for path, value in _walk_computed(worksheet):
        checker.check_computed(value, path, Scope(fields, dict(earlier)))
        earlier[value.id] = value
    for field_id, kind in DOCUMENT_FIELDS.items():
        if field_id in top:
            checker.check_document_field(field_id, kind, *top[field_id])
    return checker.problems


def _is_kind(field, kind: str) -> bool:
    if kind == "text":
        return field.type in ("text", "long_text")
    if kind == "choices":
        return field.type == "choice" and bool(field.multiple)
    return field.type == kind


def _kind_name(kind: str) -> str:
    return {"text": "a text or long_text", "choices": "a multiple choice"}.get(kind) or _a(kind)


def _walk_fields(worksheet: Worksheet):
    """(path, field, the item's fields or None) for every field, list items included."""
    for step_index, step in enumerate(worksheet.steps):
        for index, field in enumerate(step.fields):
            path = ("steps", step_index, "fields", index)
            yield path, field, None
            item = {sub.id: sub for sub in field.fields}
            for sub_index, sub in enumerate(field.fields):
                yield path + ("fields", sub_index), sub, item


def _walk_computed(worksheet: Worksheet):
    for step_index, step in enumerate(worksheet.steps):
        for index, value in enumerate(step.computed):
            yield ("steps", step_index, "computed", index), value


class _Checker:
    def __init__(self, worksheet: Worksheet, catalog: dict | None):
        self.worksheet = worksheet
        self.source = worksheet.source_file
        self.catalog = catalog
        self.problems: list[Problem] = []

    def add(self, path: tuple, message: str, at_key: bool = False) -> None:
        self.problems.append(self.source.problem(path, message, at_key=at_key))

    def check_file_name(self) -> None:
        name = posixpath.splitext(posixpath.basename(self.source.path))[0]
        if self.worksheet.id != name:
            self.add(("id",), f'expected the file\'s name "{name}" (answers files and pages find a worksheet '
                              f'by it), found "{self.worksheet.id}"')

    def check_unique_ids(self) -> None:
        self._unique([(("steps", i), step.id) for i, step in enumerate(self.worksheet.steps)], "step")
        top = [(path, field.id) for path, field, item in _walk_fields(self.worksheet) if item is None]
        self._unique(top + [(path, value.id) for path, value in _walk_computed(self.worksheet)],
                     "field or computed")
        for path, field, item in _walk_fields(self.worksheet):
            self._unique([(path + ("fields", i), sub.id) for i, sub in enumerate(field.fields)], "item field")
            self._unique([(path + ("options", i), option.id) for i, option in enumerate(field.options)], "option")

    def _unique(self, entries: list, noun: str) -> None:
        seen: dict = {}
        for path, item_id in entries:
            if item_id in seen:
                line, column = self.source.position(seen[item_id] + ("id",))
                self.add(path + ("id",), f'expected a unique {noun} id, found "{item_id}", already used in '
                                         f"{self.source.path}:{line}:{column}")
            else:
                seen[item_id] = path

    def check_field(self, field, path: tuple, scope: Scope, inside_item: bool) -> None:
        self._check_keys_for_type(field, path)
        if field.type == "choice" and not field.options and field.options_from is None:
            self.add(path + ("type",), "expected options or options_from on a choice field, found neither")
        if field.options and field.options_from is not None:
            self.add(path + ("options_from",), "expected options or options_from, found both", at_key=True)
        if field.type == "list" and not field.fields:
            self.add(path + ("type",), "expected fields (the fields of each item) on a list field, found none")
        if field.type == "list" and inside_item:
            self.add(path + ("type",), "expected a field type other than list inside a list item, found list")
        for key in ("min", "max"):
            bound = getattr(field, key)
            if bound is not None and field.type in KEYS_BY_TYPE[key]:
                self._check_bound(bound, field.type, key == "max", path + (key,), scope)
        if field.type in KEYS_BY_TYPE["advice"]:
            self._check_advice(field.advice, field.type, path, scope)
        self._check_show_if(field, path, scope)
        self._check_default(field, path)
        self._check_messages(field.messages, path)
        if field.options_from is not None:
            self._check_options_from(field.options_from, path + ("options_from",))

    def check_document_field(self, field_id: str, kind, path: tuple, field) -> None:
        """A field the documents read (widgets/case.py DOCUMENT_FIELDS): of the kind they read, never private."""
        if field.private:
            self.add(path + ("private",), f'expected "{field_id}" not to be private: the documents print it, '
                                          "found private: true", at_key=True)
        wanted = "list" if isinstance(kind, dict) else kind
        if not _is_kind(field, wanted):
            found = f"{_a(field.type)} field" + (" without multiple: true" if wanted == "choices" else "")
            self.add(path + ("type",), f'expected {_kind_name(wanted)} field for "{field_id}", which the documents '
                                       f"read, found {found}")
            return
        subs = {sub.id: (index, sub) for index, sub in enumerate(field.fields)}
        for sub_id, sub_kind in (kind.items() if isinstance(kind, dict) else ()):
            if sub_id not in subs:
                self.add(path + ("fields",), f'expected an item field "{sub_id}" ({_kind_name(sub_kind)}), which '
                                             "the documents read, found none"
                                             f"{did_you_mean(sub_id, list(subs))}", at_key=True)
                continue
            index, sub = subs[sub_id]
            self.check_document_field(f"{field_id}.{sub_id}", sub_kind, path + ("fields", index), sub)

    def check_computed(self, value, path: tuple, scope: Scope) -> None:
        for key in ("sum", "minus"):
            for index, term in enumerate(getattr(value, key)):
                self._check_term(term, path + (key, index), scope)
        for key in ("min", "max"):
            bound = getattr(value, key)
            if bound is not None:
                self._check_bound(bound, "money", key == "max", path + (key,), scope)
        self._check_advice(value.advice, "money", path, scope)
        self._check_messages(value.messages, path)

    def _check_advice(self, advice: list, kind: str, path: tuple, scope: Scope) -> None:
        """Each note names one thing to check; a date's court days, or a bound of the kind compared."""
        for index, entry in enumerate(advice):
            where = path + ("advice", index)
            kinds = [key for key in ADVICE_KINDS if getattr(entry, key) not in (None, False)]
            if len(kinds) != 1:
                found = " and ".join(kinds) if kinds else "none"
                self.add(where, f"expected one of {', '.join(ADVICE_KINDS[:-1])} or {ADVICE_KINDS[-1]}, found {found}")
                continue
            compared = "money" if entry.measure else kind
            if kinds[0] == "not_a_court_day":
                if compared != "date":
                    self.add(where + ("not_a_court_day",), "expected not_a_court_day only on a date field, found it "
                                                           f"on {_a(kind)} field", at_key=True)
                if entry.measure:
                    self.add(where + ("measure",), "expected measure only with below or above, found it with "
                                                   "not_a_court_day", at_key=True)
                continue
            self._check_bound(getattr(entry, kinds[0]), compared, True, where + (kinds[0],), scope)

    def _check_keys_for_type(self, field, path: tuple) -> None:
        for key, types in KEYS_BY_TYPE.items():
            if key in field.model_fields_set and field.type not in types:
                self.add(path + (key,), f"expected {key} only on {_either(types)} field, found it on "
                                        f"{_a(field.type)} field", at_key=True)

    def _check_bound(self, bound, kind: str, is_max: bool, path: tuple, scope: Scope) -> None:
        if isinstance(bound, ClaimLimitBound):
            if kind != "money" or not is_max:
                self.add(path, "expected {claim_limit: ...} only as the max of a money field or computed value, "
                               f"found it as the {'max' if is_max else 'min'} of {_a(kind)} value")
            else:
                self._check_names(bound.claim_limit, path + ("claim_limit",), Scope(scope.fields, {}), "a choice field")
        elif isinstance(bound, FieldBound):
            self._check_names(bound.field, path + ("field",), scope, "a field or computed value")
        elif bound == "today":
            if kind != "date":
                self.add(path, f"expected today only on a date field, found it on {_a(kind)} field")
        else:
            self._check_fixed(bound, kind, path)

    def _check_fixed(self, bound, kind: str, path: tuple) -> None:
        expected = {"money": 'an amount in dollars like "0.01"', "date": 'a date like "2027-01-31" or today',
                    "number": "a whole number like 1"}[kind]
        if not _is_fixed(bound, kind):
            self.add(path, f"expected {expected}, found {describe(bound)}")

    def _check_names(self, name: str, path: tuple, scope: Scope, noun: str) -> bool:
        if scope.find(name) is None:
            self.add(path, f'expected the id of {noun}, found "{name}", which does not exist'
                           f"{did_you_mean(name, scope.known())}")
            return False
        return True

    def _check_show_if(self, field, path: tuple, scope: Scope) -> None:
        if field.show_if is None:
            return
        target_id = field.show_if.field
        local = Scope(scope.fields, {}, scope.item)
        if target_id == field.id:
            self.add(path + ("show_if", "field"), f'expected the id of another field, found "{target_id}", '
                                                  "the field itself")
        elif self._check_names(target_id, path + ("show_if", "field"), local, "a field"):
            target = local.find(target_id)
            equals = field.show_if.equals
            for index, wanted in enumerate(equals if isinstance(equals, list) else [equals]):
                where = path + ("show_if", "equals") + ((index,) if isinstance(equals, list) else ())
                self._check_option(target, wanted, where)

    def _check_option(self, target, wanted, path: tuple) -> None:
        ids = [option.id for option in target.options]
        if ids and str(wanted) not in ids:
            self.add(path, f'expected an option of "{target.id}" ({", ".join(ids)}), found "{wanted}"'
                           f"{did_you_mean(wanted, ids)}")

    def _check_default(self, field, path: tuple) -> None:
        if field.default is None:
            return
        if field.type == "choice" and not field.multiple:
            self._check_option(field, field.default, path + ("default",))
        elif field.type in ("money", "date", "number") and not _is_fixed(field.default, field.type):
            self._check_fixed(field.default, field.type, path + ("default",))

    def _check_messages(self, messages: dict, path: tuple) -> None:
        if self.catalog is None:
            return
        codes = list((self.catalog.get("errors") or {}))
        for code in messages:
            if code not in codes:
                message = (f'expected a message code of the strings catalog (worksheet.errors), found "{code}"'
                           f"{did_you_mean(code, codes)}")
                self.add(path + ("messages", code), message, at_key=True)

    def _check_options_from(self, options_from, path: tuple) -> None:
        if self.catalog is not None and options_from.labels not in self.catalog:
            self.add(path + ("labels",), f'expected a section of the strings catalog\'s worksheet: part, found '
                                         f'"{options_from.labels}"{did_you_mean(options_from.labels, self.catalog)}')
        if not _spec_path_exists(options_from.path):
            self.add(path + ("path",), "expected a dotted path into the court profile or settings, like "
                                       f'court.agreement.missed_payment_options, found "{options_from.path}"')

    def _check_term(self, term, path: tuple, scope: Scope) -> None:
        if isinstance(term, ListSum):
            self._check_list_term(term, path, scope)
            return
        if not self._check_names(term, path, scope, "a money field or an earlier computed value"):
            return
        found = scope.find(term)
        if getattr(found, "type", "money") != "money":
            self.add(path, f'expected a money field or an earlier computed value, found "{term}", '
                           f"{_a(found.type)} field")

    def _check_list_term(self, term: ListSum, path: tuple, scope: Scope) -> None:
        lists = {field_id: field for field_id, field in scope.fields.items() if field.type == "list"}
        target = lists.get(term.list)
        if target is None:
            self.add(path + ("list",), f'expected the id of a list field, found "{term.list}"'
                                       f"{did_you_mean(term.list, lists)}")
            return
        item = {sub.id: sub for sub in target.fields}
        money = [sub_id for sub_id, sub in item.items() if sub.type == "money"]
        if term.field not in money:
            self.add(path + ("field",), f'expected a money field of each "{term.list}" item ({", ".join(money)}), '
                                        f'found "{term.field}"{did_you_mean(term.field, money)}')
        for key, wanted in term.where.items():
            if key not in item:
                self.add(path + ("where", key), f'expected a field of each "{term.list}" item ({", ".join(item)}), '
                                                f'found "{key}"{did_you_mean(key, item)}', at_key=True)
                continue
            values = wanted if isinstance(wanted, list) else [wanted]
            for index, value in enumerate(values):
                where = path + ("where", key) + ((index,) if isinstance(wanted, list) else ())
                self._check_option(item[key], value, where)


def _spec_path_exists(dotted: str) -> bool:
    """Whether `court.x.y` or `settings.x.y` names a field of the court or settings model."""
    first, *rest = dotted.split(".")
    model = SPEC_MODELS.get(first)
    owner = _model_at(model, tuple(rest[:-1])) if model is not None and rest else None
    return owner is not None and rest[-1] in owner.model_fields


def _is_fixed(value, kind: str) -> bool:
    if isinstance(value, bool):
        return False
    if kind == "money":
        try:
            _parse_money(value)
            return True
        except Exception:  # noqa: BLE001 - any failure means "not an amount"
            return False
    if kind == "date":
        if isinstance(value, datetime.date):
            return True
        try:
            return bool(ISO_DATE.match(str(value))) and bool(datetime.date.fromisoformat(str(value)))
        except ValueError:
            return False
    return isinstance(value, int) or (isinstance(value, str) and value.isdigit())


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _either(types: tuple) -> str:
    words = list(types)
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    return _a(joined)
