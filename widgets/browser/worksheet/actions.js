// What the buttons do: autosave and restore, documents (preview, PDF,
// calendar, JSON hand-off), saving and loading an answers file, clearing
// answers, copying the offer.

import { fileText, runtime, state, storageKey, ui, worksheet, answersFile, fill } from "./page.js";
import { collectAnswers, writeAnswers } from "./form.js";
import { add, message, showErrorSummary, showErrors } from "./results.js";
import { ask, evaluateNow } from "./calculator.js";

export function autosave() {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(answersFile(collectAnswers())));
  } catch (error) {
    // Storage full or disabled: the answers stay in the form; saving to a file still works.
  }
}

export function restore() {
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

export function saveToFile() {
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

export async function loadFromFile(file) {
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

export function clearAnswers() {
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
