// The worksheet page's glue. It collects the answers from the form, keeps them
// in this browser (autosave), sends them to the calculator (a Web Worker
// running the Python worksheet engine) and shows what comes back. The rules,
// totals, dates, offer and documents are all worked out in Python (widgets/);
// this file only moves data and shows results. Nothing leaves the browser.

const page = document.getElementById("odr-worksheet");
const form = document.getElementById("odr-form");
const spec = readJson("odr-spec");
const ui = readJson("odr-ui");
const runtime = readJson("odr-runtime");
const worksheet = spec.worksheet;
const storageKey = `odr-guide:${spec.court.id}:${worksheet.id}`;
const fileText = spec.strings[spec.language].file || spec.strings.en.file;

const DOCUMENT_ACTIONS = ["preview", "pdf", "ics", "json"];

const state = {
  worker: null,
  ready: false,
  failed: false,
  nextId: 1,
  latestId: 0,
  pending: new Map(),
  result: null,
  touched: new Set(),
  showAll: false,
  announceFor: null,
  evaluateTimer: null,
};

function readJson(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ---------------------------------------------------------------- the form

function allFields() {
  return worksheet.steps.flatMap((step) => step.fields || []);
}

/** The wrappers of `fieldId` that belong to `scope` itself, not to a list item inside it. */
function ownWrapper(scope, fieldId) {
  const owner = scope.matches && scope.matches("[data-item]") ? scope : null;
  return Array.from(scope.querySelectorAll(`[data-field="${fieldId}"]`)).find(
    (wrapper) => wrapper.parentElement.closest("[data-item]") === owner,
  );
}

function items(listWrapper) {
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
  return input.value === "" ? undefined : input.value;
}

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

function collectAnswers() {
  const answers = {};
  for (const definition of allFields()) {
    const value = readValue(definition, ownWrapper(form, definition.id));
    if (value !== undefined && !(Array.isArray(value) && !value.length)) {
      answers[definition.id] = value;
    }
  }
  return answers;
}

function answersFile(answers) {
  return {
    format: runtime.answers_format,
    version: runtime.answers_version,
    court: spec.court.id,
    worksheet: worksheet.id,
    language: spec.language,
    saved_at: new Date().toISOString(),
    answers,
  };
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

function defaultOf(definition) {
  return definition.default === undefined || definition.default === null ? "" : String(definition.default);
}

function writeAnswers(answers) {
  for (const definition of allFields()) {
    writeValue(definition, ownWrapper(form, definition.id), answers[definition.id]);
  }
  applyShowIf();
}

// ---------------------------------------------------------------- list items

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

function addItem(listWrapper) {
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
  copy.querySelectorAll(".odr-error").forEach((error) => {
    error.hidden = true;
    error.textContent = "";
  });
  listWrapper.querySelector(".odr-items").appendChild(copy);
  renumber(listWrapper);
  return copy;
}

function removeItem(item) {
  const listWrapper = item.closest("[data-list]");
  if (items(listWrapper).length === 1) {
    writeValue(fieldDefinition(listWrapper.dataset.list), listWrapper, []);
    return;
  }
  item.remove();
  renumber(listWrapper);
}

function setItemCount(listWrapper, count) {
  while (items(listWrapper).length < count) {
    addItem(listWrapper);
  }
  while (items(listWrapper).length > Math.max(count, 1)) {
    items(listWrapper).at(-1).remove();
  }
  renumber(listWrapper);
}

function fieldDefinition(fieldId) {
  return allFields().find((definition) => definition.id === fieldId);
}

// ---------------------------------------------------------------- questions asked only sometimes

function applyShowIf() {
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

// ---------------------------------------------------------------- paths and errors

/** The engine's path of a field wrapper: "offer_amount" or "claim_items[0].amount". */
function pathOf(wrapper) {
  const item = wrapper.parentElement.closest("[data-item]");
  if (!item) {
    return wrapper.dataset.field || wrapper.dataset.computed;
  }
  const listWrapper = item.closest("[data-list]");
  return `${listWrapper.dataset.list}[${items(listWrapper).indexOf(item)}].${wrapper.dataset.field}`;
}

function wrapperOf(path) {
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

function isShown(path) {
  if (state.showAll) {
    return true;
  }
  return state.touched.has(path) || state.touched.has(path.split(/[[.]/)[0]);
}

function labelOf(wrapper) {
  const label = wrapper.querySelector("label, legend, [id$='-label']");
  return label ? label.textContent.replace(`(${ui.required})`, "").trim() : "";
}

function showErrors(errors) {
  const shown = new Map();
  for (const [path, message] of Object.entries(errors)) {
    if (path === "_file" || !isShown(path)) {
      continue;
    }
    const wrapper = wrapperOf(path);
    if (wrapper && !shown.has(wrapper)) {
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
    const inputs = wrapper.dataset.list ? [] : wrapper.querySelectorAll("input, textarea");
    inputs.forEach((input) => {
      if (message) {
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
    });
  });
  return shown;
}

function announce(text) {
  const announcer = document.getElementById("odr-announcer");
  announcer.textContent = "";
  window.setTimeout(() => {
    announcer.textContent = text;
  }, 50);
}

// ---------------------------------------------------------------- results

function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  return element;
}

function add(parent, tag, text, attributes = {}) {
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

function showComputed(computed) {
  form.querySelectorAll("[data-computed]").forEach((wrapper) => {
    const value = computed[wrapper.dataset.computed];
    wrapper.querySelector("output").textContent = value ? value.text : ui.not_yet;
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

function showResult(result) {
  state.result = result;
  const shown = showErrors(result.errors || {});
  showComputed(result.computed || {});
  showDeadlines(result.deadlines || {});
  showSchedule(result.schedule || []);
  showOffer(result.offer);
  showChecklist(result.checklist || {});
  if (state.announceFor) {
    const wrapper = wrapperOf(state.announceFor);
    if (wrapper && shown.has(wrapper)) {
      announce(fill(ui.error_for, { label: labelOf(wrapper), message: shown.get(wrapper) }));
    }
    state.announceFor = null;
  }
}

// ---------------------------------------------------------------- the calculator

function status(text) {
  document.getElementById("odr-status").textContent = text;
}

/** Take over the worker boot.js started while the page was loading, and catch up on its messages. */
function startCalculator() {
  const calculator = window.odrCalculator || { worker: null, early: [], failed: "load" };
  if (calculator.failed) {
    return calculatorFailed(calculator.failed);
  }
  state.worker = calculator.worker;
  state.worker.onmessage = (event) => onWorkerMessage(event.data);
  state.worker.onerror = () => calculatorFailed("load");
  calculator.early.splice(0).forEach(onWorkerMessage);
}

function calculatorFailed(reason) {
  if (state.failed) {
    return;
  }
  state.failed = true;
  state.ready = false;
  status(fill(ui.status_failed, { reason: ui[`reason_${reason}`] || ui.reason_load }));
  page.dataset.calculator = "failed";
}

function onWorkerMessage(message) {
  if (message.type === "ready") {
    state.ready = true;
    page.dataset.calculator = "ready";
    page.dataset.calculatorStart = message.start; // "fresh", or "restored" from this browser's saved snapshot
    status(ui.status_ready);
    document.querySelectorAll(DOCUMENT_ACTIONS.map((action) => `[data-action='${action}']`).join(", ")).forEach((button) => {
      button.disabled = false;
    });
    evaluateNow();
  } else if (message.type === "failed") {
    calculatorFailed(message.reason);
  } else if (message.type === "result") {
    const resolve = state.pending.get(message.id);
    state.pending.delete(message.id);
    if (resolve) {
      resolve(message);
    }
  }
}

function ask(type, answers) {
  const id = state.nextId++;
  return new Promise((resolve) => {
    state.pending.set(id, resolve);
    state.worker.postMessage({ type, id, answers, today: localToday() });
  }).then((message) => ({ id, ...message }));
}

function evaluateNow() {
  if (!state.ready) {
    return;
  }
  const request = ask("evaluate", answersFile(collectAnswers()));
  state.latestId = state.nextId - 1;
  request.then((message) => {
    if (message.id === state.latestId && message.result) {
      showResult(message.result);
    }
  });
}

function evaluateSoon() {
  window.clearTimeout(state.evaluateTimer);
  state.evaluateTimer = window.setTimeout(evaluateNow, 120);
}

// ---------------------------------------------------------------- autosave

function autosave() {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(answersFile(collectAnswers())));
  } catch (error) {
    // Storage full or disabled: the answers stay in the form; saving to a file still works.
  }
}

function restore() {
  let saved = null;
  try {
    saved = JSON.parse(window.localStorage.getItem(storageKey) || "null");
  } catch (error) {
    saved = null;
  }
  if (saved && saved.answers && typeof saved.answers === "object") {
    writeAnswers(saved.answers);
    message(ui.restored);
  }
}

// ---------------------------------------------------------------- actions

function message(text) {
  document.getElementById("odr-action-message").textContent = text;
}

function download(name, type, data) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = add(document.body, "a", null, { href: url, download: name, hidden: "" });
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  message(fill(ui.downloaded, { name }));
}

function base64Bytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

function showErrorSummary(errors) {
  const summary = document.getElementById("odr-error-summary");
  clear(summary);
  const entries = Object.entries(errors).filter(([path]) => path !== "_file");
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
    const label = wrapper ? labelOf(wrapper) : path;
    if (target && target.id) {
      add(item, "a", fill(ui.error_for, { label, message: text }), { href: `#${target.id}` });
    } else {
      item.textContent = fill(ui.error_for, { label, message: text });
    }
  }
  summary.focus();
  return true;
}

async function makeDocuments(kind) {
  if (!state.ready) {
    message(ui.not_ready);
    return;
  }
  state.showAll = true;
  const reply = await ask("documents", answersFile(collectAnswers()));
  const result = reply.result || { errors: {} };
  if (result.errors && Object.keys(result.errors).length) {
    showErrors(result.errors);
    showErrorSummary(result.errors);
    return;
  }
  showErrorSummary({});
  if (kind === "preview") {
    showPreview(result.agreement_html);
  } else if (kind === "pdf") {
    download("settlement-agreement.pdf", "application/pdf", base64Bytes(result.agreement_pdf_base64));
  } else if (kind === "ics") {
    download("payment-dates.ics", "text/calendar", result.payments_ics);
  } else {
    download("settlement-agreement-for-court.json", "application/json", result.agreement_json);
  }
}

function showPreview(agreementHtml) {
  const section = document.getElementById("odr-preview");
  const frame = document.getElementById("odr-preview-frame");
  frame.onload = () => {
    frame.style.height = `${frame.contentDocument.documentElement.scrollHeight + 16}px`;
  };
  frame.srcdoc = agreementHtml;
  section.hidden = false;
  document.getElementById("odr-preview-title").focus();
}

function saveToFile() {
  const data = JSON.stringify(answersFile(collectAnswers()), null, 2);
  download(`odr-answers-${worksheet.id}.json`, "application/json", data);
  message(ui.saved_file);
}

function basicFileProblem(data) {
  if (!data || typeof data !== "object" || data.format !== runtime.answers_format) {
    return fileText.not_answers;
  }
  if (typeof data.version !== "number" || data.version > runtime.answers_version) {
    return fill(fileText.newer_version, { found: data.version, supported: runtime.answers_version });
  }
  if (data.worksheet !== worksheet.id || !data.answers || typeof data.answers !== "object") {
    return fileText.not_answers;
  }
  return null;
}

async function loadFromFile(file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch (error) {
    message(fileText.not_json);
    return;
  }
  let problem = basicFileProblem(data);
  if (!problem && state.ready) {
    const reply = await ask("evaluate", data);
    problem = reply.result && reply.result.errors && reply.result.errors._file;
  }
  if (problem) {
    message(problem);
    return;
  }
  writeAnswers(data.answers);
  autosave();
  evaluateNow();
  message(ui.loaded_file);
}

function clearAnswers() {
  if (!window.confirm(ui.clear_confirm)) {
    return;
  }
  writeAnswers({});
  try {
    window.localStorage.removeItem(storageKey);
  } catch (error) {
    // Nothing stored.
  }
  state.touched.clear();
  state.showAll = false;
  showErrorSummary({});
  evaluateNow();
  message(ui.cleared);
}

async function copyOffer() {
  const text = document.getElementById("odr-offer").textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById("odr-offer"));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    document.execCommand("copy");
  }
  message(ui.copied);
}

// ---------------------------------------------------------------- wiring

function onChange(event) {
  const wrapper = event.target.closest("[data-field]");
  if (wrapper && event.type === "change") {
    state.touched.add(pathOf(wrapper));
  }
  applyShowIf();
  autosave();
  evaluateSoon();
}

function onLeave(event) {
  const wrapper = event.target.closest("[data-field]");
  if (!wrapper || wrapper.contains(event.relatedTarget)) {
    return;
  }
  const path = pathOf(wrapper);
  state.touched.add(path);
  state.announceFor = path;
  evaluateSoon();
}

function onClick(event) {
  const button = event.target.closest("button");
  if (!button) {
    return;
  }
  if (button.matches("[data-add]")) {
    const item = addItem(button.closest("[data-list]"));
    const first = item.querySelector("input, textarea");
    if (first) {
      first.focus();
    }
    onChange(event);
  } else if (button.matches("[data-remove]")) {
    const listWrapper = button.closest("[data-list]");
    removeItem(button.closest("[data-item]"));
    listWrapper.querySelector("[data-add]").focus();
    onChange(event);
  } else if (button.dataset.action === "print") {
    window.print();
  } else if (button.dataset.action === "save") {
    saveToFile();
  } else if (button.dataset.action === "clear") {
    clearAnswers();
  } else if (DOCUMENT_ACTIONS.includes(button.dataset.action)) {
    makeDocuments(button.dataset.action);
  } else if (button.id === "odr-copy-offer") {
    copyOffer();
  }
}

function registerServiceWorker() {
  if ("serviceWorker" in navigator && runtime.service_worker) {
    navigator.serviceWorker.register(runtime.service_worker).catch(() => {});
  }
}

form.addEventListener("input", onChange);
form.addEventListener("change", onChange);
form.addEventListener("focusout", onLeave);
form.addEventListener("submit", (event) => event.preventDefault());
page.addEventListener("click", onClick);
document.getElementById("odr-load-file").addEventListener("change", (event) => {
  const [file] = event.target.files;
  event.target.value = "";
  if (file) {
    loadFromFile(file);
  }
});

restore();
applyShowIf();
startCalculator();
registerServiceWorker();
