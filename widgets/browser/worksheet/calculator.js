// The calculator: the Web Worker running the Python worksheet engine
// (widgets/browser/worker.js). boot.js starts it while the page loads; this
// module takes it over, sends it the answers and shows what comes back.

import { DOCUMENT_ACTIONS, page, spec, state, ui, answersFile, fill, localToday } from "./page.js";
import { collectAnswers } from "./form.js";
import { showResult } from "./results.js";

let settle = null;
/** Resolves once the calculator is ready or has failed: until then, nothing else should compete for the network. */
export const calculatorSettled = new Promise((resolve) => {
  settle = resolve;
});

function status(text) {
  document.getElementById("odr-status").textContent = text;
}

/** Take over the worker boot.js started while the page was loading, send it the worksheet, and catch up on its messages. */
export function startCalculator() {
  const calculator = window.odrCalculator || { worker: null, early: [], failed: "load" };
  if (calculator.failed) {
    return calculatorFailed(calculator.failed);
  }
  state.worker = calculator.worker;
  state.worker.onmessage = (event) => onWorkerMessage(event.data);
  state.worker.onerror = () => calculatorFailed("load");
  state.worker.postMessage({ type: "spec", spec });
  calculator.early.splice(0).forEach(onWorkerMessage);
}

function calculatorFailed(reason) {
  if (state.failed) {
    return;
  }
  state.failed = true;
  state.ready = false;
  // A reason the catalog names is the browser's (reason_no_wasm, ...); "stopped" is a calculator that
  // broke after it started; any other is a download that did not arrive, most often the connection: say so.
  const why = ui[`reason_${reason}`];
  status(why ? fill(ui.status_failed, { reason: why }) : ui[`status_failed_${reason}`] || ui.status_failed_load);
  page.dataset.calculator = "failed";
  documentButtons().forEach((button) => {
    button.disabled = true;
  });
  settle();
}

/** The buttons that need the calculator: the agreement, the calendar, the hand-off. */
function documentButtons() {
  return document.querySelectorAll(DOCUMENT_ACTIONS.map((action) => `[data-action='${action}']`).join(", "));
}

function onWorkerMessage(message) {
  if (message.type === "ready") {
    state.ready = true;
    page.dataset.calculator = "ready";
    page.dataset.calculatorStart = message.start; // "fresh", or "restored" from this browser's saved snapshot
    status(ui.status_ready);
    documentButtons().forEach((button) => {
      button.disabled = false;
    });
    evaluateNow();
    settle();
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

export function ask(type, answers) {
  const id = state.nextId++;
  return new Promise((resolve) => {
    state.pending.set(id, resolve);
    state.worker.postMessage({ type, id, answers, today: localToday() });
  }).then((message) => ({ id, ...message }));
}

export function evaluateNow() {
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

export function evaluateSoon() {
  window.clearTimeout(state.evaluateTimer);
  state.evaluateTimer = window.setTimeout(evaluateNow, 120);
}
