// The worksheet page's glue. It collects the answers from the form, keeps them
// in this browser (autosave), sends them to the calculator (a Web Worker
// running the Python worksheet engine) and shows what comes back. The rules,
// totals, dates, offer and documents are all worked out in Python (widgets/);
// these modules only move data and show results. Nothing leaves the browser.
//
// page.js (data and state) <- form.js <- results.js <- calculator.js <- actions.js <- main.js (wiring)

import { DOCUMENT_ACTIONS, form, page, runtime, state } from "./page.js";
import { addItem, applyShowIf, pathOf, removeItem } from "./form.js";
import { calculatorSettled, startCalculator, evaluateSoon } from "./calculator.js";
import {
  autosave, clearAnswers, closeOutdatedPreview, copyOffer, followOtherTab, loadFromFile, makeDocuments, restore, saveToFile,
} from "./actions.js";

function onChange(event) {
  const wrapper = event.target.closest("[data-field]");
  if (wrapper && event.type === "change") {
    state.touched.add(pathOf(wrapper));
  }
  applyShowIf();
  autosave();
  closeOutdatedPreview();
  evaluateSoon();
}

/** Whether a question has an answer typed or picked. */
function isAnswered(wrapper) {
  return Array.from(wrapper.querySelectorAll("input, textarea")).some((input) =>
    input.type === "radio" || input.type === "checkbox" ? input.checked : input.value.trim() !== "");
}

function onLeave(event) {
  const wrapper = event.target.closest("[data-field]");
  if (!wrapper || wrapper.contains(event.relatedTarget)) {
    return;
  }
  const path = pathOf(wrapper);
  if (!state.touched.has(path) && !isAnswered(wrapper)) {
    return; // only passed through (by Tab, say): "Please fill this in" would greet every question on the way
  }
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
  } else if (button.id === "odr-print-agreement") {
    document.getElementById("odr-preview-frame").contentWindow.print(); // the agreement alone, its own pages
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

/**
 * The service worker keeps the site and the calculator for offline use. Its
 * first install downloads the whole runtime, so it is registered only once the
 * calculator has started (or failed): its downloads then come from the browser's
 * cache instead of competing with the calculator's own. Once it is active (it has
 * everything), the page says the worksheet now works offline.
 */
function registerServiceWorker() {
  if ("serviceWorker" in navigator && runtime.service_worker) {
    navigator.serviceWorker.register(runtime.service_worker)
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        document.getElementById("odr-offline-note").hidden = false;
      })
      .catch(() => {});
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

// A text box prints whole: grown to its text while printing (a printed box cannot scroll).
window.addEventListener("beforeprint", () => {
  form.querySelectorAll("textarea").forEach((box) => {
    box.style.height = `${box.scrollHeight + 4}px`;
  });
});
window.addEventListener("afterprint", () => {
  form.querySelectorAll("textarea").forEach((box) => {
    box.style.height = "";
  });
});

window.addEventListener("storage", followOtherTab);
window.addEventListener("pageshow", (event) => {
  if (event.persisted) {
    // Back to this page from the browser's memory: the answers may have changed meanwhile
    // (cleared, or edited on the other language's page).
    restore({ quietly: true });
    evaluateSoon();
  }
});

restore(); // also brings the form's questions and lists in step with its answers
startCalculator();
calculatorSettled.then(registerServiceWorker);
