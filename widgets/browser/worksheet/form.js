// The form: reading the answers from it and writing them back, list items
// (add, remove, renumber), questions asked only sometimes (show_if), and the
// engine's paths of fields ("claim_items[0].amount").

import { form, ui, worksheet } from "./page.js";

export function allFields() {
  return worksheet.steps.flatMap((step) => step.fields || []);
}

/** The wrappers of `fieldId` that belong to `scope` itself, not to a list item inside it. */
function ownWrapper(scope, fieldId) {
  const owner = scope.matches && scope.matches("[data-item]") ? scope : null;
  return Array.from(scope.querySelectorAll(`[data-field="${fieldId}"]`)).find(
    (wrapper) => wrapper.parentElement.closest("[data-item]") === owner,
  );
}

export function items(listWrapper) {
  return Array.from(listWrapper.querySelector(".odr-items").children);
}

function readValue(definition, wrapper) {
  if (definition.type === "list") {
    return items(wrapper).map((item) => readItem(definition, item));
  }
  if (definition.type === "choice" || definition.type === "yes_no") {
    const checked = Array.from(wrapper.querySelectorAll("input:checked")).map((input) => input.value);
    if (definition.multiple) {
      return checked;
    }
    if (!checked.length) {
      return undefined;
    }
    return definition.type === "yes_no" ? checked[0] === "true" : checked[0];
  }
  const input = wrapper.querySelector("input, textarea");
  if (input.validity && input.validity.badInput) {
    return NOT_A_DATE; // typed into a date box but no real date (31 February): the engine says so
  }
  return input.value === "" ? undefined : input.value;
}

/** What a date box that holds no real date (its value is empty then) passes on, so the message is not "fill this in". */
const NOT_A_DATE = "not a date";

function readItem(definition, item) {
  const answers = {};
  for (const sub of definition.fields) {
    const value = readValue(sub, ownWrapper(item, sub.id));
    if (value !== undefined) {
      answers[sub.id] = value;
    }
  }
  return answers;
}

export function collectAnswers() {
  const answers = {};
  for (const definition of allFields()) {
    const value = readValue(definition, ownWrapper(form, definition.id));
    if (value !== undefined && !(Array.isArray(value) && !value.length)) {
      answers[definition.id] = value;
    }
  }
  return answers;
}

function writeValue(definition, wrapper, value) {
  if (definition.type === "list") {
    const wanted = Array.isArray(value) && value.length ? value : [{}];
    setItemCount(wrapper, wanted.length);
    items(wrapper).forEach((item, index) => {
      for (const sub of definition.fields) {
        writeValue(sub, ownWrapper(item, sub.id), (wanted[index] || {})[sub.id]);
      }
    });
    return;
  }
  if (definition.type === "choice" || definition.type === "yes_no") {
    const chosen = new Set([].concat(value === undefined || value === null ? [] : value).map(String));
    wrapper.querySelectorAll("input").forEach((input) => {
      input.checked = chosen.has(input.value);
    });
    return;
  }
  const input = wrapper.querySelector("input, textarea");
  input.value = value === undefined || value === null ? defaultOf(definition) : String(value);
}

/**
 * After writeAnswers(answers) (as a file holds them): the answers the form could not take as written (a date
 * box takes only a real date, a choice only one of its options, a one-line box no line breaks, a list no more
 * items than it may have...), each emptied rather than left changed, and their labels returned.
 */
export function clearAnswersNotHeld(answers) {
  const labels = [];
  for (const definition of allFields()) {
    clearNotHeld(definition, ownWrapper(form, definition.id), answers[definition.id], labels);
  }
  return [...new Set(labels)];
}

function clearNotHeld(definition, wrapper, wanted, labels) {
  if (wanted === undefined || wanted === null) {
    return;
  }
  if (definition.type !== "list") {
    if (!isHeld(definition, wrapper, wanted)) {
      writeValue(definition, wrapper, undefined);
      labels.push(itemLabel(wrapper));
    }
    return;
  }
  const held = items(wrapper);
  if (!Array.isArray(wanted) || wanted.length > held.length) {
    labels.push(itemLabel(wrapper));
  }
  (Array.isArray(wanted) ? wanted : []).slice(0, held.length).forEach((item, index) => {
    for (const sub of definition.fields) {
      clearNotHeld(sub, ownWrapper(held[index], sub.id), (item || {})[sub.id], labels);
    }
  });
}

/** A field's label, with its list item's name when it is in one ("Defendant 2 – Mailing address"). */
export function itemLabel(wrapper) {
  const bare = labelOf(wrapper).replace(/:\s*$/, "");
  const item = wrapper.parentElement.closest("[data-item]");
  const legend = item && item.querySelector(":scope > legend");
  return legend ? `${legend.textContent.trim()} – ${bare}` : bare;
}

const YES_NO_WORDS = { true: true, yes: true, false: false, no: false };

function isHeld(definition, wrapper, wanted) {
  const held = readValue(definition, wrapper);
  if (Array.isArray(wanted)) {
    return Array.isArray(held) && held.length === new Set(wanted.map(String)).size
      && wanted.every((value) => held.includes(String(value)));
  }
  if (definition.type === "yes_no" && typeof wanted === "string") {
    return held === YES_NO_WORDS[wanted.trim().toLowerCase()];
  }
  if (typeof wanted === "boolean") {
    return held === wanted;
  }
  if (typeof wanted === "number") {
    return held === String(wanted);
  }
  if (typeof wanted !== "string") {
    return false; // an object where an answer should be
  }
  if (wanted === "" || wanted === NOT_A_DATE) {
    return true; // nothing, or a date typed that was no real date (saved so): the box is empty either way
  }
  const oneLine = wrapper.querySelector("input:not([type=radio]):not([type=checkbox])");
  return held === (oneLine ? wanted.replace(/[\r\n]/g, "") : wanted.replace(/\r\n?/g, "\n"));
}

function defaultOf(definition) {
  return definition.default === undefined || definition.default === null ? "" : String(definition.default);
}

export function writeAnswers(answers) {
  for (const definition of allFields()) {
    writeValue(definition, ownWrapper(form, definition.id), answers[definition.id]);
  }
  applyShowIf(); // each list's items and button are in step already (setItemCount)
}

/** The form as the browser put it back by itself (nothing stored to restore): questions asked only
 * sometimes, and each list's "Add another" button, in step with what it holds. */
export function refreshForm() {
  form.querySelectorAll("[data-list]").forEach(listChanged);
  applyShowIf();
}

/** The paths of the fields that hold an answer (typed, chosen or checked), list items included. */
export function answeredPaths() {
  return Array.from(form.querySelectorAll("[data-field]:not([data-list])"))
    .filter((wrapper) => Array.from(wrapper.querySelectorAll("input, textarea"))
      .some((input) => (input.type === "radio" || input.type === "checkbox" ? input.checked : input.value !== "")))
    .map(pathOf);
}

// ---------------------------------------------------------------- list items

/** After a list gained or lost items: their numbers, and whether another may be added. */
function listChanged(listWrapper) {
  renumber(listWrapper);
  updateAddButton(listWrapper);
}

function renumber(listWrapper) {
  const listId = listWrapper.dataset.list;
  items(listWrapper).forEach((item, index) => {
    item.querySelectorAll(".odr-item-number").forEach((number) => {
      number.textContent = String(index + 1);
    });
    const pattern = new RegExp(`(odr-${listId}-)\\d+(-)`, "g");
    item.querySelectorAll("[id], [for], [name], [aria-describedby]").forEach((element) => {
      for (const attribute of ["id", "for", "name", "aria-describedby"]) {
        const current = element.getAttribute(attribute);
        if (current) {
          element.setAttribute(attribute, current.replace(pattern, `$1${index}$2`));
        }
      }
    });
  });
}

export function addItem(listWrapper) {
  const last = items(listWrapper).at(-1);
  const copy = last.cloneNode(true);
  copy.querySelectorAll("input, textarea").forEach((input) => {
    if (input.type === "radio" || input.type === "checkbox") {
      input.checked = false;
    } else {
      input.value = "";
    }
    input.removeAttribute("aria-invalid");
  });
  copy.querySelectorAll(".odr-error, .odr-advice").forEach((error) => {
    error.hidden = true;
    error.textContent = "";
  });
  listWrapper.querySelector(".odr-items").appendChild(copy);
  listChanged(listWrapper);
  return copy;
}

/** The "Add another" button stops at the list's most items (max_items); the engine checks it too. */
function updateAddButton(listWrapper) {
  const button = listWrapper.querySelector(":scope > fieldset > [data-add]");
  if (button && listWrapper.dataset.maxItems) {
    button.disabled = items(listWrapper).length >= Number(listWrapper.dataset.maxItems);
  }
}

export function removeItem(item) {
  const listWrapper = item.closest("[data-list]");
  if (items(listWrapper).length === 1) {
    writeValue(fieldDefinition(listWrapper.dataset.list), listWrapper, []);
    return;
  }
  item.remove();
  listChanged(listWrapper);
}

function setItemCount(listWrapper, count) {
  while (items(listWrapper).length < count) {
    addItem(listWrapper);
  }
  while (items(listWrapper).length > Math.max(count, 1)) {
    items(listWrapper).at(-1).remove();
  }
  listChanged(listWrapper);
}

function fieldDefinition(fieldId) {
  return allFields().find((definition) => definition.id === fieldId);
}

// ---------------------------------------------------------------- questions asked only sometimes

export function applyShowIf() {
  form.querySelectorAll("[data-show-if]").forEach((wrapper) => {
    const rule = JSON.parse(wrapper.dataset.showIf);
    const scope = wrapper.parentElement.closest("[data-item]") || form;
    const other = ownWrapper(scope, rule.field);
    const definition = findDefinition(rule.field, scope);
    const value = other && definition ? readValue(definition, other) : undefined;
    const wanted = [].concat(rule.equals).map(String);
    wrapper.hidden = !wanted.includes(String(value));
  });
}

function findDefinition(fieldId, scope) {
  if (scope !== form) {
    const list = fieldDefinition(scope.closest("[data-list]").dataset.list);
    return list.fields.find((sub) => sub.id === fieldId);
  }
  return fieldDefinition(fieldId);
}

// ---------------------------------------------------------------- paths

/** The engine's path of a field wrapper: "offer_amount" or "claim_items[0].amount". */
export function pathOf(wrapper) {
  const item = wrapper.parentElement.closest("[data-item]");
  if (!item) {
    return wrapper.dataset.field || wrapper.dataset.computed;
  }
  const listWrapper = item.closest("[data-list]");
  return `${listWrapper.dataset.list}[${items(listWrapper).indexOf(item)}].${wrapper.dataset.field}`;
}

export function wrapperOf(path) {
  const match = /^([^[.]+)(?:\[(\d+)\](?:\.([^.]+))?)?/.exec(path);
  if (!match) {
    return null;
  }
  const [, root, index, sub] = match;
  const top = ownWrapper(form, root) || form.querySelector(`[data-computed="${root}"]`);
  if (!top || index === undefined) {
    return top;
  }
  const item = top.dataset.list ? items(top)[Number(index)] : null;
  if (!item) {
    return top;
  }
  return sub ? ownWrapper(item, sub) || top : top;
}

export function labelOf(wrapper) {
  const label = wrapper.querySelector("label, legend, [id$='-label']");
  return label ? label.textContent.replace(`(${ui.required})`, "").trim() : "";
}
