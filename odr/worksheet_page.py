"""The worksheet page: a plain HTML form rendered at build time from a
worksheet definition, usable (type, print) before any Python has loaded.

The browser glue (widgets/browser/) reads the same definition from the page's
spec to collect answers and show what the worksheet engine returns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from odr.pages import TEMPLATES

FORM_TEMPLATES = TEMPLATES.overlay(autoescape=True)
"""The page templates' environment, escaping HTML: the form's text comes from content files."""


@dataclass
class FormField:
    """One question, ready for the template."""

    id: str
    type: str
    label: str
    help: str
    required: bool
    html_id: str
    default: object = None
    options: list = field(default_factory=list)
    multiple: bool = False
    max_items: int | None = None
    inputmode: str | None = None
    autocomplete: str | None = None
    show_if: str | None = None
    item_label: str = ""
    fields: list = field(default_factory=list)
    private: bool = False


def pick(text, language: str) -> str:
    """A `{en, es}` mapping (or a plain string) in `language`, falling back to English."""
    if isinstance(text, dict):
        return text.get(language) or text.get("en") or ""
    return text or ""


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def form_fields(definitions: list, spec: dict, language: str, prefix: str = "odr") -> list[FormField]:
    return [form_field(definition, spec, language, prefix) for definition in definitions or []]


def form_field(definition: dict, spec: dict, language: str, prefix: str) -> FormField:
    html_id = f"{prefix}-{definition['id']}"
    kind = definition["type"]
    show_if = definition.get("show_if")
    return FormField(
        id=definition["id"], type=kind, label=pick(definition.get("label"), language),
        help=pick(definition.get("help"), language), required=bool(definition.get("required")),
        html_id=html_id, default=definition.get("default"), options=_options(definition, spec, language),
        multiple=bool(definition.get("multiple")), max_items=definition.get("max_items"),
        inputmode=definition.get("inputmode") or {"money": "decimal", "number": "numeric"}.get(kind),
        autocomplete=definition.get("autocomplete"),
        show_if=json.dumps(show_if, sort_keys=True) if show_if else None,
        item_label=pick(definition.get("item_label"), language) or pick(definition.get("label"), language),
        fields=form_fields(definition.get("fields"), spec, language, f"{html_id}-0") if kind == "list" else [],
        private=bool(definition.get("private")),
    )


def _options(definition: dict, spec: dict, language: str) -> list[tuple[str, str]]:
    if "options" in definition:
        return [(str(option["id"]), pick(option["label"], language)) for option in definition["options"]]
    source = definition.get("options_from")
    if not source:
        return []
    ids = _at_path(spec, source["path"]) or []
    labels = spec["strings"].get(language, {}).get(source["labels"], {}) or spec["strings"]["en"][source["labels"]]
    return [(str(option_id), labels[option_id]["label"]) for option_id in ids]


def _at_path(data, dotted: str):
    for part in dotted.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


@dataclass
class FormStep:
    id: str
    number: int | None
    title: str
    help: list[str]
    fields: list[FormField]
    computed: list[dict]


def form_steps(spec: dict, language: str) -> list[FormStep]:
    return [
        FormStep(step["id"], step.get("number"), pick(step.get("title"), language),
                 paragraphs(pick(step.get("help"), language)), form_fields(step.get("fields"), spec, language),
                 [{"id": item["id"], "html_id": f"odr-{item['id']}", "label": pick(item.get("label"), language),
                   "help": pick(item.get("help"), language), "private": bool(item.get("private"))}
                  for item in step.get("computed") or []])
        for step in spec["worksheet"]["steps"]
    ]


def script_json(data) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def boot_script() -> str:
    """widgets/browser/boot.js, inlined in the page so the calculator starts while the page loads."""
    from odr.runtime import BROWSER_DIR

    return (BROWSER_DIR / "boot.js").read_text(encoding="utf-8").replace("</", "<\\/")


class AttributeStrings:
    """The worksheet page's strings for the template, read as attributes only: `ui.clear`
    is the string, never dict.clear; a key en.yaml lacks names itself (check reports it)."""

    def __init__(self, strings: dict):
        self._strings = strings
        self._dotted = getattr(strings, "_dotted", "site.worksheet_page")

    def __getattr__(self, name: str) -> str:
        from odr.catalogs import MissingString

        try:
            return self._strings[name]
        except KeyError:
            raise MissingString(f"{self._dotted}.{name}") from None


def render_worksheet_form(spec: dict, ui: dict, runtime: dict, language: str) -> str:
    """The worksheet's HTML: the form, the results, the actions and the data the browser glue needs.
    The template reads the interface strings as attributes only (`ui.clear` would otherwise find dict.clear)."""
    template = FORM_TEMPLATES.get_template("worksheet_form.html.j2")
    html = template.render(
        worksheet=spec["worksheet"], steps=form_steps(spec, language), ui=AttributeStrings(ui), language=language,
        intro=paragraphs(pick(spec["worksheet"].get("intro"), language)),
        spec_json=script_json(spec), ui_json=script_json(ui),
        court_id=spec["court"]["id"], script=runtime["script"])
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_worksheet_head(runtime: dict) -> str:
    """What the worksheet page's <head> holds before its stylesheets: the calculator's files and boot.js.

    A script after a stylesheet waits for it; in the head, the calculator starts
    as soon as the first bytes of the page have arrived."""
    return (f'<script type="application/json" id="odr-runtime">{script_json(runtime)}</script>\n'
            f"<script>{boot_script()}</script>")
