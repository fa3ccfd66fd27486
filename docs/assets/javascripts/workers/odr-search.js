/*
 * Search worker: Material for MkDocs' own worker, with three changes.
 *
 * 1. Stemming for the words a person types. Material adds a trailing wildcard
 *    to every word typed ("acuerdos" becomes "acuerdos*"), and lunr skips
 *    stemming for wildcard words, so "acuerdos" never finds "acuerdo" and
 *    "deadlines" never finds "deadline". This wrapper stems the word first and
 *    keeps the wildcard ("acuerd*"), so search works as you type and across
 *    word forms, in every language's stemmer.
 * 2. Accents do not matter: "desestimacion" finds "desestimación" (people often
 *    leave accents out on a phone). They are taken off the words of the index
 *    and of what is typed, before stemming.
 * 3. The search index is built when the first search is made, not while every
 *    page loads: building it takes a few hundred milliseconds of processor
 *    time, which a phone (and the worksheet's calculator) needs more at load.
 *    Material's worker itself (lunr) is loaded then too.
 *    Material's query for the empty box, sent as each page loads, is answered
 *    with no results without building it.
 *
 * The build points Material's configuration here with ?material=<its worker>.
 */
/* global importScripts, lunr */
var material = new URLSearchParams(self.location.search).get("material") || "";
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
  throw new Error("odr-search.js: unexpected Material worker name " + material);
}

var SETUP = 0;
var READY = 1;
var QUERY = 2;
var RESULT = 3;
// Not "var addEventListener": a global var of that name would hide the worker's own.
var materialListener = null;
var listenForReal = self.addEventListener.bind(self);

/** Material's worker (lunr and its search code), loaded for the first search: not while every page loads. */
function loadMaterial() {
  if (materialListener !== null) {
    return;
  }
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && materialListener === null) {
      materialListener = listener; // Material's own message handler: called by the one below
      return;
    }
    listenForReal(type, listener, options);
  };
  try {
    importScripts(material);
  } finally {
    self.addEventListener = listenForReal;
  }
  foldAccents(self.lunr);
  stemWildcardWords(self.lunr);
}

function withoutAccents(text) {
  return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function foldAccents(lunr) {
  // Every word goes through a pipeline (the index's as it is built, the search's as a person types):
  // its accents come off first, before the stemmer. (Material has its own tokenizer, so not there.)
  var run = lunr.Pipeline.prototype.run;
  lunr.Pipeline.prototype.run = function (tokens) {
    tokens.forEach(function (token) {
      token.update(withoutAccents);
    });
    return run.call(this, tokens);
  };
}

function stemWildcardWords(lunr) {
  lunr.Index.prototype.search = function (queryString) {
    var pipeline = this.pipeline;
    return this.query(function (query) {
      new lunr.QueryParser(withoutAccents(queryString), query).parse();
      query.clauses.forEach(function (clause) {
        var parts = /^(\*?)([^*]+)(\*?)$/.exec(clause.term);
        if (clause.usePipeline || !parts) {
          return;
        }
        var stemmed = pipeline.runString(parts[2], { fields: clause.fields });
        if (stemmed.length === 1 && stemmed[0]) {
          clause.term = parts[1] + stemmed[0] + parts[3];
        }
      });
    });
  };
}

(function buildTheIndexOnFirstSearch() {
  var postForReal = self.postMessage.bind(self);
  var setup = null;
  var building = null;
  var swallowReady = false;
  self.postMessage = function (message) {
    if (!(swallowReady && message && message.type === READY)) {
      postForReal.apply(null, arguments);
    }
  };
  listenForReal("message", function (event) {
    if (event.data && event.data.type === SETUP) {
      setup = event;
      building = null;
      postForReal({ type: READY });
      return;
    }
    if (event.data && event.data.type === QUERY && !String(event.data.data).trim()) {
      // Material asks with the empty box as each page loads: nothing to find, no index needed yet.
      postForReal({ type: RESULT, data: { items: [] } });
      return;
    }
    loadMaterial();
    if (building === null && setup !== null) {
      swallowReady = true;
      building = Promise.resolve(materialListener(setup)).then(function () {
        swallowReady = false;
      });
    }
    Promise.resolve(building).then(function () {
      materialListener(event);
    });
  });
})();
