"""Filling a worksheet the way a keyboard-only person does: Tab to each
question in page order, type, use the arrow keys in radio groups, Space for
checkboxes, Enter on "Add another". It fails when a question cannot be reached
with the Tab key."""

from __future__ import annotations

import re

MAX_TABS = 400


class KeyboardFiller:
    def __init__(self, page, worksheet: dict, check_focus_visible: bool = False):
        self.page = page
        self.worksheet = worksheet
        self.check_focus_visible = check_focus_visible

    def fill(self, answers: dict) -> None:
        self.page.locator("body").focus()
        for step in self.worksheet["steps"]:
            for field in step.get("fields") or []:
                if field["id"] in answers:
                    self.fill_field(field, answers[field["id"]], f"odr-{field['id']}")
        self.page.keyboard.press("Tab")  # leave the last question, as a person would

    def fill_field(self, field: dict, value, html_id: str) -> None:
        kind = field["type"]
        if kind == "list":
            self.fill_list(field, value, html_id)
        elif kind == "choice" and field.get("multiple"):
            self.fill_checkboxes(field, set(value), html_id)
        elif kind in ("choice", "yes_no"):
            self.fill_radios(field, value, html_id)
        else:
            self.fill_text(kind, str(value), html_id)

    def fill_text(self, kind: str, value: str, html_id: str) -> None:
        self.tab_to(f"#{html_id}")
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        if kind == "date":
            year, month, day = value.split("-")
            self.page.keyboard.type(f"{month}{day}{year}")
        elif value:
            self.page.keyboard.type(value)

    def fill_radios(self, field: dict, value, html_id: str) -> None:
        values = self.option_values(html_id)
        target = values.index(str(value).lower() if isinstance(value, bool) else str(value))
        focused = self.tab_to(f"input[name='{html_id}']")
        current = int(re.search(r"-(\d+)$", focused).group(1))
        if current == target:
            self.page.keyboard.press("Space")
        for _ in range((target - current) % len(values)):
            self.page.keyboard.press("ArrowDown")
        assert self.page.locator(f"#{html_id}-{target}").is_checked()

    def fill_checkboxes(self, field: dict, wanted: set, html_id: str) -> None:
        for index, option in enumerate(self.option_values(html_id)):
            box = f"#{html_id}-{index}"
            self.tab_to(box)
            if self.page.locator(box).is_checked() != (option in wanted):
                self.page.keyboard.press("Space")

    def fill_list(self, field: dict, items: list, html_id: str) -> None:
        for index, item in enumerate(items):
            if index > 0:
                self.tab_to(f"[data-list='{field['id']}'] [data-add]")
                self.page.keyboard.press("Enter")
            for sub in field["fields"]:
                if sub["id"] in item:
                    self.fill_field(sub, item[sub["id"]], f"{html_id}-{index}-{sub['id']}")

    def option_values(self, html_id: str) -> list[str]:
        return [element.get_attribute("value") for element in self.page.locator(f"input[name='{html_id}']").all()]

    def tab_to(self, selector: str) -> str:
        """Press Tab until the focused element matches `selector`; returns its id."""
        for _ in range(MAX_TABS):
            found = self.page.evaluate(
                "(selector) => { const e = document.activeElement;"
                " return e && e.matches(selector) ? (e.id || 'focused') : null; }", selector)
            if found:
                if self.check_focus_visible:
                    self.assert_focus_visible(selector)
                return found
            self.page.keyboard.press("Tab")
        raise AssertionError(f"{selector} cannot be reached with the Tab key")

    def assert_focus_visible(self, selector: str) -> None:
        """The focused element shows a focus indicator (an outline or a ring)."""
        style = self.page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
        outline_style, outline_width, box_shadow = style
        visible = (outline_style != "none" and outline_width != "0px") or box_shadow != "none"
        assert visible, f"{selector} has no visible focus indicator: {style}"
