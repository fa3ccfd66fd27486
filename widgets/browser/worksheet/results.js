// What the page shows: validation messages beside their fields (and
// announced), totals, deadlines, the payment schedule, the draft offer, the
// filing checklist, the error summary and short messages about actions.

import { form, state, ui, fill } from "./page.js";
import { itemLabel, labelOf, wrapperOf } from "./form.js";

export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  return element;
}

export function add(parent, tag, text, attributes = {}) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) {
    element.textContent = text;
  }
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  parent.appendChild(element);
  return element;
}

/**
 * Messages show once the person has been at a field (not for questions they have not reached yet);
 * a total's message shows as soon as anything has been typed, as a total follows from other answers.
 */
function isShown(path, wrapper) {
  if (state.showAll) {
    return true;
  }
  if (wrapper && wrapper.dataset.computed) {
    return state.touched.size > 0;
  }
  return state.touched.has(path) || state.touched.has(path.split(/[[.]/)[0]);
}

export function showErrors(errors) {
  const shown = new Map();
  for (const [path, message] of Object.entries(errors)) {
    const wrapper = path === "_file" ? null : wrapperOf(path);
    if (!wrapper || !isShown(path, wrapper)) {
      continue;
    }
    if (!shown.has(wrapper)) {
      shown.set(wrapper, message);
    }
  }
  form.querySelectorAll("[data-field], [data-computed]").forEach((wrapper) => {
    const message = shown.get(wrapper);
    const error = wrapper.querySelector(":scope > .odr-error, :scope > fieldset > .odr-error");
    if (!error) {
      return;
    }
    error.hidden = !message;
    error.textContent = message || "";
    if (wrapper.dataset.list) {
      describeListBy(wrapper, error.id, Boolean(message));
      return;
    }
    wrapper.querySelectorAll("input, textarea").forEach((input) => {
      if (message) {
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
    });
  });
  return shown;
}

/** Notes on answers that are allowed but worth a second look, where the answer shows no error. */
function showAdvice(advice, errorsShown) {
  const shown = new Map();
  for (const [path, note] of Object.entries(advice)) {
    const wrapper = wrapperOf(path);
    if (wrapper && isShown(path, wrapper) && !errorsShown.has(wrapper) && !shown.has(wrapper)) {
      shown.set(wrapper, note);
    }
  }
  form.querySelectorAll(".odr-advice").forEach((element) => {
    const note = shown.get(element.closest("[data-field], [data-computed]"));
    element.hidden = !note;
    element.textContent = note || "";
  });
  return shown;
}

/**
 * A list's own message ("needs at least 1 filled in") also describes the list's first box, where the
 * error summary's link lands: otherwise a screen reader would read there only the box's own label.
 */
function describeListBy(wrapper, errorId, shown) {
  const boxes = Array.from(wrapper.querySelectorAll("[data-item] input, [data-item] textarea"));
  boxes.forEach((box, index) => {
    const ids = (box.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== errorId);
    box.setAttribute("aria-describedby", [...ids, ...(shown && index === 0 ? [errorId] : [])].join(" "));
  });
}

function announce(text) {
  const announcer = document.getElementById("odr-announcer");
  announcer.textContent = "";
  window.setTimeout(() => {
    announcer.textContent = text;
  }, 50);
}

function showComputed(computed) {
  form.querySelectorAll("[data-computed]").forEach((wrapper) => {
    const value = computed[wrapper.dataset.computed];
    const output = wrapper.querySelector("output");
    const text = value ? value.text : ui.not_yet;
    if (output.textContent !== text) {
      output.textContent = text; // only when it changes; not read out as it does (aria-live="off"): too chatty
    }
  });
}

function showDeadlines(deadlines) {
  const box = clear(document.getElementById("odr-deadlines"));
  const rows = ["register_by", "settle_by", "hearing"].map((key) => deadlines[key]).filter(Boolean);
  if (!rows.length) {
    add(box, "p", ui.no_deadlines);
  } else {
    const list = add(box, "dl", null, { class: "odr-dates" });
    for (const row of rows) {
      add(list, "dt", row.label);
      add(list, "dd", row.note ? `${row.text}. ${row.note}` : row.text);
    }
  }
  for (const note of deadlines.notes || []) {
    add(box, "p", note, { class: "odr-hint" });
  }
}

function showSchedule(schedule) {
  const box = clear(document.getElementById("odr-schedule"));
  if (!schedule.length) {
    add(box, "p", ui.no_schedule);
    return;
  }
  const table = add(box, "table", null, { class: "odr-schedule-table" });
  const head = add(add(table, "thead"), "tr");
  for (const title of [ui.schedule_number, ui.schedule_due, ui.schedule_amount, ui.schedule_on_time]) {
    add(head, "th", title, { scope: "col" });
  }
  const body = add(table, "tbody");
  for (const payment of schedule) {
    const row = add(body, "tr");
    add(row, "td", String(payment.number));
    add(row, "td", payment.due_text);
    add(row, "td", payment.amount_text);
    add(row, "td", payment.on_time_until_text);
  }
}

function showOffer(offer) {
  document.getElementById("odr-offer").textContent = offer || ui.no_offer;
  document.getElementById("odr-copy-offer").disabled = !offer;
}

function showChecklist(checklist) {
  const box = clear(document.getElementById("odr-checklist"));
  if (checklist.heading) {
    add(box, "p", checklist.heading);
  }
  const list = add(box, "ol");
  for (const item of checklist.items || []) {
    add(list, "li", item);
  }
  if (checklist.note) {
    add(box, "p", checklist.note, { class: "odr-hint" });
  }
}

export function showResult(result) {
  state.result = result;
  const shown = showErrors(result.errors || {});
  const noted = showAdvice(result.advice || {}, shown);
  showComputed(result.computed || {});
  showDeadlines(result.deadlines || {});
  showSchedule(result.schedule || []);
  showOffer(result.offer);
  showChecklist(result.checklist || {});
  if (!document.getElementById("odr-error-summary").hidden) {
    // Kept in step as the answers it lists are fixed (it never gains others, such as a private note's).
    const listed = Object.entries(result.errors || {}).filter(([path]) => state.summaryPaths.has(path));
    showErrorSummary(Object.fromEntries(listed), { focus: false });
  }
  if (state.announceFor) {
    const wrapper = wrapperOf(state.announceFor);
    const said = wrapper && (shown.get(wrapper) || noted.get(wrapper));
    if (said) {
      announce(summaryLine(wrapper, said));
    }
    state.announceFor = null;
  }
}

/** The list of answers to fix before a document can be made; `focus` moves the person to it. */
export function showErrorSummary(errors, { focus = true } = {}) {
  const summary = document.getElementById("odr-error-summary");
  clear(summary);
  const entries = inPageOrder(Object.entries(errors).filter(([path]) => path !== "_file"));
  state.summaryPaths = new Set(entries.map(([path]) => path));
  summary.hidden = !entries.length;
  if (!entries.length) {
    return false;
  }
  add(summary, "p", ui.fix_errors);
  const list = add(summary, "ul");
  for (const [path, text] of entries) {
    const wrapper = wrapperOf(path);
    const target = wrapper && wrapper.querySelector("input, textarea, output");
    const item = add(list, "li");
    const line = wrapper ? summaryLine(wrapper, text) : text;
    if (target && target.id) {
      add(item, "a", line, { href: `#${target.id}` });
    } else {
      item.textContent = line;
    }
  }
  if (focus) {
    summary.focus();
  }
  return true;
}

/** [path, message] pairs in the order their questions come on the page (a total after its items). */
function inPageOrder(entries) {
  const placed = entries.map(([path, text]) => ({ path, text, wrapper: wrapperOf(path) }));
  placed.sort((a, b) => {
    if (!a.wrapper || !b.wrapper || a.wrapper === b.wrapper) {
      return 0;
    }
    return a.wrapper.compareDocumentPosition(b.wrapper) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return placed.map(({ path, text }) => [path, text]);
}

/**
 * One line of the error summary: the field's label (with its list item, "Defendant 2 – Mailing address")
 * and the message, the label written once even when the message already names it.
 */
function summaryLine(wrapper, text) {
  const bare = labelOf(wrapper).replace(/:\s*$/, "");
  const label = itemLabel(wrapper);
  if (bare && text.includes(bare)) {
    return text.replace(bare, label);
  }
  return fill(ui.error_for, { label, message: text });
}

export function message(text) {
  document.getElementById("odr-action-message").textContent = text;
}
