// What the buttons do: autosave and restore, documents (preview, PDF,
// calendar, JSON hand-off), saving and loading an answers file, clearing
// answers, copying the offer, following the same worksheet open in another tab.

import { fileText, runtime, spec, state, storageKey, strings, ui, worksheet, answersFile, fill } from "./page.js";
import { allFields, answeredPaths, clearAnswersNotHeld, collectAnswers, refreshForm, writeAnswers } from "./form.js";
import { add, message, showErrorSummary, showErrors } from "./results.js";
import { ask, calculatorSettled, evaluateNow } from "./calculator.js";

/** How long a file being loaded waits for the calculator to check it before the page checks it alone. */
const FILE_CHECK_WAIT_MS = 15000;
let autosaveWarned = false;

export function autosave() {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(answersFile(collectAnswers())));
  } catch (error) {
    // Storage full or disabled: the answers stay in the form; say once that only a file keeps them.
    if (!autosaveWarned) {
      autosaveWarned = true;
      message(ui.autosave_failed);
    }
  }
}

/** The same worksheet, open in another tab, saved (or cleared) its answers: show them here too,
 * so this tab's next keystroke does not overwrite them with older ones. */
export function followOtherTab(event) {
  if (event.storageArea !== window.localStorage || (event.key !== null && event.key !== storageKey)) {
    return;
  }
  showStoredAnswers(event.newValue);
  closePreview();
  evaluateNow();
  message(ui.other_tab);
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Answers brought back (a reload, a file, another tab) show their messages at once, as if typed;
 * questions still empty wait until the person gets to them. */
function showMessagesOfAnswers() {
  for (const path of answeredPaths()) {
    state.touched.add(path);
  }
}

/**
 * The answers kept in this browser, back in the form. With none kept, the form is emptied: the
 * browser may have put back what was typed before "Clear my answers" (its own memory of forms,
 * or a page kept for the Back button). When the browser keeps nothing for this site (storage
 * blocked), what the browser put back stays: it is then the only copy.
 */
export function restore({ quietly = false } = {}) {
  let stored;
  try {
    stored = window.localStorage.getItem(storageKey);
  } catch (error) {
    refreshForm();
    return;
  }
  if (showStoredAnswers(stored) && !quietly) {
    message(ui.restored);
  }
}

/**
 * The answers stored in this browser (`stored`, the saved text) in the form, in place of what is
 * there, with the messages of a fresh start; an empty form when there are none. True when there were.
 */
function showStoredAnswers(stored) {
  let saved = null;
  try {
    saved = JSON.parse(stored || "null");
  } catch (error) {
    saved = null;
  }
  const answers = saved && isPlainObject(saved.answers) ? saved.answers : null;
  closePreview(); // of the answers shown until now
  state.touched.clear();
  state.showAll = false;
  showErrorSummary({});
  writeAnswers(answers || {});
  showMessagesOfAnswers();
  return answers !== null;
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

export async function makeDocuments(kind) {
  if (!state.ready) {
    message(ui.not_ready);
    return;
  }
  state.showAll = true;
  const changes = state.changes;
  const reply = await ask("documents", answersFile(collectAnswers()));
  if (!reply.result) {
    message(ui.documents_failed); // e.g. a file of this tab's calculator is gone from the host after a new release
    return;
  }
  const result = reply.result;
  if (result.errors && Object.keys(result.errors).length) {
    showErrors(result.errors);
    showErrorSummary(result.errors);
    return;
  }
  showErrorSummary({});
  if (kind === "preview" && state.changes !== changes) {
    message(ui.preview_outdated_before); // answers changed while it was being made: it would show the old ones
  } else if (kind === "preview") {
    showPreview(result.agreement_html);
  } else if (kind === "pdf") {
    download(ui.file_agreement, "application/pdf", base64Bytes(result.agreement_pdf_base64));
  } else if (kind === "ics") {
    download(ui.file_calendar, "text/calendar", result.payments_ics);
  } else {
    download(ui.file_handoff, "application/json", result.agreement_json);
  }
}

/** Closes the preview: the answers it showed were replaced (a file, another tab, cleared, restored). */
function closePreview() {
  state.changes += 1; // and a preview still being made is of the answers before
  const section = document.getElementById("odr-preview");
  section.hidden = true;
  document.getElementById("odr-preview-frame").srcdoc = "";
}

/** An answer changed: a preview on show is of the answers before, so it is closed (and the person told). */
export function closeOutdatedPreview() {
  const shown = !document.getElementById("odr-preview").hidden;
  closePreview();
  if (shown) {
    message(ui.preview_outdated);
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

export function saveToFile() {
  const data = JSON.stringify(answersFile(collectAnswers()), null, 2);
  download(ui[`file_answers_${worksheet.role}`], "application/json", data);
  message(ui.saved_file);
}

/**
 * Without the calculator (still loading after a while, or unable to start), the page checks the
 * file itself, step for step as the calculator does (widgets/answers.py; a browser test gives both
 * the same files and compares their messages), so a file that would blank the form loads nothing:
 * another worksheet's or court's file, answers that are not an object, a question this worksheet
 * does not have.
 */
function fileProblemWithoutCalculator(data) {
  return fileShapeProblem(data) || answersProblem(data.answers);
}

function fileShapeProblem(data) {
  if (!isPlainObject(data) || data.format !== runtime.answers_format) {
    return fileText.not_answers;
  }
  if (!Number.isInteger(data.version) || data.version < 1) {
    return fileText.not_answers;
  }
  if (data.version > runtime.answers_version) {
    return fill(fileText.newer_version, { found: data.version, supported: runtime.answers_version });
  }
  const [unknown] = Object.keys(data).filter((key) => !runtime.answers_file_keys.includes(key)).sort();
  if (unknown !== undefined) {
    return fill(fileText.unknown_field, { field: unknown });
  }
  if (data.worksheet !== worksheet.id) {
    return otherWorksheet(data.worksheet);
  }
  if (typeof data.court !== "string" || !data.court.trim()) {
    return fileText.no_court;
  }
  if (data.court !== spec.court.id) {
    return fill(fileText.other_court, { found: courtName(data.court) });
  }
  if (!isPlainObject(data.answers)) {
    return fileText.bad_answers;
  }
  return null;
}

/** A court's name in the page's language (as widgets/answers.py names it), or its id for a court this site does not have. */
function courtName(courtId) {
  const name = Object.hasOwn(spec.court_names || {}, courtId) ? spec.court_names[courtId] : null;
  if (name && typeof name === "object") {
    return name[spec.language] || name.en || courtId;
  }
  return typeof name === "string" && name ? name : courtId;
}

function otherWorksheet(found) {
  const names = strings("worksheet_names");
  if (typeof found !== "string" || !Object.hasOwn(names, found)) {
    return fileText.not_answers;
  }
  return fill(fileText.other_worksheet, { found: names[found], expected: names[worksheet.id] });
}

function answersProblem(answers) {
  const definitions = new Map(allFields().map((definition) => [definition.id, definition]));
  for (const key of Object.keys(answers).sort()) {
    const definition = definitions.get(key);
    if (!definition) {
      return fill(fileText.unknown_field, { field: key });
    }
    const problem = definition.type === "list" ? itemsProblem(answers[key], definition) : null;
    if (problem) {
      return problem;
    }
  }
  return null;
}

function itemsProblem(items, definition) {
  if (!Array.isArray(items) || !items.every(isPlainObject)) {
    return fileText.bad_answers;
  }
  const known = new Set((definition.fields || []).map((sub) => sub.id));
  for (const item of items) {
    const [unknown] = Object.keys(item).filter((key) => !known.has(key)).sort();
    if (unknown !== undefined) {
      return fill(fileText.unknown_field, { field: `${definition.id}.${unknown}` });
    }
  }
  return null;
}

async function fileProblem(data) {
  if (!state.ready && !state.failed) {
    message(ui.checking_file);
    await Promise.race([calculatorSettled, new Promise((resolve) => window.setTimeout(resolve, FILE_CHECK_WAIT_MS))]);
  }
  if (!state.ready) {
    return fileProblemWithoutCalculator(data);
  }
  const reply = await ask("evaluate", data);
  if (!reply.result) {
    return fileProblemWithoutCalculator(data);
  }
  return reply.result.errors && reply.result.errors._file;
}

export async function loadFromFile(file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch (error) {
    message(fileText.not_json);
    return;
  }
  const changes = state.changes;
  const problem = await fileProblem(data);
  if (state.changes !== changes) {
    return; // replaced (cleared, say) while the file was being checked: the person's last word was that
  }
  if (problem) {
    message(problem);
    return;
  }
  writeAnswers(data.answers);
  const leftOut = clearAnswersNotHeld(data.answers);
  closePreview();
  showMessagesOfAnswers();
  autosave();
  evaluateNow();
  message(leftOut.length ? fill(ui.file_loaded_except, { labels: leftOut.join("; ") }) : ui.loaded_file);
}

export function clearAnswers() {
  if (!window.confirm(ui.clear_confirm)) {
    return;
  }
  writeAnswers({});
  closePreview();
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

export async function copyOffer() {
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
