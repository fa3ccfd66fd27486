/*
 * Search worker: Material for MkDocs' own worker, with two changes.
 *
 * 1. Stemming for the words a person types. Material adds a trailing wildcard
 *    to every word typed ("acuerdos" becomes "acuerdos*"), and lunr skips
 *    stemming for wildcard words, so "acuerdos" never finds "acuerdo" and
 *    "deadlines" never finds "deadline". This wrapper stems the word first and
 *    keeps the wildcard ("acuerd*"), so search works as you type and across
 *    word forms, in every language's stemmer.
 * 2. The search index is built when the first search is made, not while every
 *    page loads: building it takes a few hundred milliseconds of processor
 *    time, which a phone (and the worksheet's calculator) needs more at load.
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
self.addEventListener = function (type, listener, options) {
  if (type === "message" && materialListener === null) {
    materialListener = listener; // Material's own message handler: called by the one below
    return;
  }
  listenForReal(type, listener, options);
};
importScripts(material);
self.addEventListener = listenForReal;

(function stemWildcardWords(lunr) {
  lunr.Index.prototype.search = function (queryString) {
    var pipeline = this.pipeline;
    return this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse();
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
})(self.lunr);

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
