/*
 * Search worker: Material for MkDocs' own worker, with stemming for the words
 * a person types.
 *
 * Material adds a trailing wildcard to every word typed ("acuerdos" becomes
 * "acuerdos*"), and lunr skips stemming for wildcard words, so "acuerdos" never
 * finds "acuerdo" and "deadlines" never finds "deadline". This wrapper stems the
 * word first and keeps the wildcard ("acuerd*"), so search works as you type and
 * across word forms, in every language's stemmer.
 *
 * The build points Material's configuration here with ?material=<its worker>.
 */
/* global importScripts, lunr */
var material = new URLSearchParams(self.location.search).get("material") || "";
if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
  throw new Error("odr-search.js: unexpected Material worker name " + material);
}
importScripts(material);

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
