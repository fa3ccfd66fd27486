// The worksheet page's data and state, shared by the other modules: the
// page's elements, the worksheet's definition (odr-spec), the interface
// strings (odr-ui) and the calculator's files (odr-runtime), all written into
// the page by the build.

export const page = document.getElementById("odr-worksheet");
export const form = document.getElementById("odr-form");
export const spec = readJson("odr-spec");
export const ui = readJson("odr-ui");
export const runtime = readJson("odr-runtime");
export const worksheet = spec.worksheet;
export const storageKey = `odr-guide:${spec.court.id}:${worksheet.id}`;
/** A group of the worksheet's strings (spec.strings) in the page's language, English where it lacks one. */
export function strings(group) {
  return (spec.strings[spec.language] || {})[group] || spec.strings.en[group];
}
export const fileText = strings("file");

export const DOCUMENT_ACTIONS = ["preview", "pdf", "ics", "json"];

export const state = {
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
  /** Counts changes to the answers: a document made from answers since changed is not shown, and a file
   *  still being checked is not loaded over answers replaced meanwhile (cleared, say). */
  changes: 0,
  /** The paths the error summary lists (from the last document asked for): it shrinks as they are fixed. */
  summaryPaths: new Set(),
};

function readJson(id) {
  return JSON.parse(document.getElementById(id).textContent);
}

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

const pad = (n) => String(Math.abs(n)).padStart(2, "0");

export function localToday(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Now, as an ISO date-time on this device's clock with its UTC offset: 2027-01-08T17:05:00-08:00. */
function localTimestamp() {
  const now = new Date();
  const offset = -now.getTimezoneOffset();
  const zone = `${offset < 0 ? "-" : "+"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${localToday(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}${zone}`;
}

export function answersFile(answers) {
  return {
    format: runtime.answers_format,
    version: runtime.answers_version,
    court: spec.court.id,
    worksheet: worksheet.id,
    language: spec.language,
    saved_at: localTimestamp(), // `build.py documents` judges dates as of the person's own day
    answers,
  };
}
