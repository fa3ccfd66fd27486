"""The worksheet catalogs: both languages complete, the same placeholders,
and every key the engine asks for present."""

import re
import string

import pytest
import yaml

from tests.widgets.helpers import ROOT
from widgets.definitions import FIELD_TYPES
from widgets.plans import FREQUENCIES

WIDGETS = ROOT / "widgets"


def catalog(language: str) -> dict:
    data = yaml.safe_load((ROOT / "content" / "strings" / f"{language}.yaml").read_text(encoding="utf-8"))
    return data["worksheet"]


def leaves(tree, path=()):
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from leaves(value, path + (key,))
    else:
        yield ".".join(path), tree


def placeholders(value) -> set:
    if isinstance(value, list):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(str(value)) if name}


def lookup(tree: dict, key: str):
    for part in key.split("."):
        if not isinstance(tree, dict) or part not in tree:
            return None
        tree = tree[part]
    return tree


def test_spanish_has_every_english_key_and_nothing_else():
    english, spanish = dict(leaves(catalog("en"))), dict(leaves(catalog("es")))
    assert sorted(english) == sorted(spanish)


def test_both_languages_use_the_same_placeholders():
    spanish = dict(leaves(catalog("es")))
    for key, value in leaves(catalog("en")):
        assert placeholders(value) == placeholders(spanish[key]), key


def test_no_text_is_empty():
    for language in ("en", "es"):
        for key, value in leaves(catalog(language)):
            assert value not in (None, "", []), (language, key)
    assert len(catalog("en")["months"]) == len(catalog("es")["months"]) == 12


def literal_keys() -> set:
    keys = set()
    for path in WIDGETS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'(?:text|self)\.(?:get|raw)\(\s*"([a-z_.]+)"', source))
        keys |= {f"errors.{code}" for code in re.findall(r'message\([^)]*?"([a-z_]+)"', source)}
    return keys


def dynamic_keys() -> set:
    from tests.widgets.helpers import spec

    keys = {f"schedule.{f}" for f in FREQUENCIES}
    keys |= {f"offer.title_{r}" for r in ("plaintiff", "defendant")} | {f"offer.amount_{r}" for r in ("plaintiff", "defendant")}
    keys |= {f"roles.{r}" for r in ("plaintiff", "defendant")} | {f"worksheet_names.{r}" for r in ("plaintiff", "defendant")}
    keys |= {f"calendar.{k}" for k in ("register_by", "settle_by", "hearing")}
    keys |= {f"deadlines.{k}" for k in ("register_by", "settle_by", "hearing")}
    keys |= {f"claim_limit_names.{k}" for k in ("natural_person", "business")}
    keys |= {"calendar.payment_grace", "calendar.payment_description", "file.not_json", "file.unknown_court"}
    keys |= {f"agreement.{k}" for k in ("signature", "date", "printed_name", "page")}
    for several in ("", "_several"):  # the second for several defendants (or plaintiffs): "pagarán"
        keys |= {f"agreement.{k}{several}" for k in ("pay_lump", "pay_instalments")}
        keys |= {f"terms.{k}{several}" for k in ("will", "will_by")}
    keys |= {"roles.the_plaintiff", "roles.the_defendant"}
    keys |= {f"interest.{k}" for k in ("none_unless_missed", "none")}
    keys |= {f"law_names.{k}" for k in catalog("en")["law_names"]}  # read as a whole by Text.citation
    for court in ("los-angeles", "san-joaquin"):
        for option in spec(court)["court"]["agreement"]["missed_payment_options"]:
            keys |= {f"missed_payment.{option}.label", f"missed_payment.{option}.clause"}
    for kind in ("money", "date", "number", "text"):
        keys |= {f"errors.{code}" for code in ERROR_CODES if code.startswith(kind)}
    keys |= {f"errors.{code}" for code in ERROR_CODES}
    return keys


ERROR_CODES = [
    "required", "required_choice", "wrong_kind", "text_too_long", "text_hidden_characters", "money_invalid", "money_decimals",
    "money_negative", "money_zero", "money_too_small", "money_too_large", "money_over_limit",
    "money_above_field", "money_below_field", "date_invalid", "date_out_of_range", "date_past", "date_future", "date_too_early",
    "date_too_late", "date_before_field", "date_after_field", "number_invalid", "number_too_small",
    "number_too_large", "choice_invalid", "yes_no_invalid", "list_too_few", "list_too_many", "plan_too_small",
    "grace_too_long", "pdf_cannot_print",
]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_key_the_engine_uses_is_in_the_catalog(language):
    tree = catalog(language)
    used = literal_keys() | dynamic_keys()
    assert len(used) > 100
    missing = sorted(key for key in used if lookup(tree, key) is None)
    assert missing == []


def test_every_error_code_has_a_message_and_no_message_is_unused():
    assert sorted(catalog("en")["errors"]) == sorted(ERROR_CODES)


def test_field_types_need_no_text_of_their_own():
    # Types are shown by the form, not by the engine: nothing to translate.
    assert set(FIELD_TYPES) == {"text", "long_text", "money", "date", "choice", "yes_no", "number", "list"}


def test_no_sentence_is_written_in_the_engine():
    """Text lives in the catalogs: no Python string in widgets/ reads like a sentence for people."""
    sentence = re.compile(r'"[A-Z][a-z]+ [a-z]+ [a-z]+[^"]*[.!?]"')
    for path in WIDGETS.glob("*.py"):
        code = re.sub(r'"""[\s\S]*?"""', "", path.read_text(encoding="utf-8"))
        code = "\n".join(line for line in code.splitlines() if not line.strip().startswith("#"))
        found = [s for s in sentence.findall(code) if "{" not in s]
        assert found == [], path.name


def test_every_catalog_key_is_used():
    used = literal_keys() | dynamic_keys()
    unused = sorted(key for key, _ in leaves(catalog("en")) if key not in used)
    assert unused == []
