// Runs layouts/assets/search.js in Node for the Go tests: reads JSON
// requests on standard input, one a line, and writes the answers to each
// as JSON, one a line, in order, until standard input ends (one Node for
// all the tests: each start costs a fifth of a second and the JIT's
// warm-up again).
//
//	{"script": path, "parts": path of search-parts.js,
//	 "tokenize": [text…], "parse": [query…], "index": [row…],
//	 "basis": the kind index of bases,
//	 "files": {path: JSON text…}, "queries": [{lang, q, kind, regime, sort}…],
//	 "fill": [{s: interface string, vals: {key: value…}}…]}
//
// answers {"tokens": [[term…]…], "parses": [[group…]…], "index": {term:
// [doc, w, …]…}, "results":
// [{"urls": [top ten…], "count": n, "dates": [date of each result…] or null,
// "partial": bool, "cross": the query if the other language found it,
// "alternatives": [the groups of each alternative query…], "fetched":
// [path…]}…], "filled": [the string filled…]}.
"use strict";

// columns turns rows [kind, dept, regimes, date, url, title, context, text]
// into a doc file's columns.
function columns(rows) {
  const cols = { kind: [], dept: [], regimes: [], date: [], url: [], title: [], context: [], text: [] };
  const names = Object.keys(cols);
  rows.forEach((row) => names.forEach((n, j) => cols[n].push(row[j])));
  return cols;
}

async function answer(req) {
  const S = require(req.script);
  const out = {
    tokens: (req.tokenize || []).map((s) => S.terms(s)),
    parses: (req.parse || []).map((q) => S.parse(q)),
    index: req.index ? S.index(S.docsOf(columns(req.index)), req.basis) : null,
    results: [],
    filled: (req.fill || []).map((f) => S.fill(f.s, f.vals)),
  };
  const files = req.files || {};
  const bundles = {};
  let fetched = [];
  const get = (p) => {
    fetched.push(p);
    if (!(p in files)) return Promise.reject(new Error("no file " + p));
    return Promise.resolve(JSON.parse(files[p]));
  };
  for (const q of req.queries || []) {
    fetched = [];
    const b = await (bundles[q.lang] || (bundles[q.lang] = S.open(get, q.lang, () => Promise.resolve(require(req.parts)))));
    const r = await S.find(b, q.q, q.kind || "", q.regime || "", q.sort || "relevance");
    const rb = r.bundle;
    await S.rank(rb, r, 0, 10);
    out.results.push({
      urls: r.ids.slice(0, 10).map((id) => S.href(r, rb.docs[id])),
      count: r.ids.length,
      dates: rb.date ? r.ids.map((id) => rb.date(id)) : null,
      partial: !!r.partial,
      cross: r.cross || "",
      alternatives: (r.alts || []).slice(1).map((x) => x.groups.map((g) => g.text).join(" ")),
      fetched,
    });
  }
  return out;
}

let queue = Promise.resolve();
require("readline").createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", (line) => {
  queue = queue.then(async () => {
    process.stdout.write(JSON.stringify(await answer(JSON.parse(line))) + "\n");
  }).catch((e) => {
    process.stderr.write(String(e && e.stack || e) + "\n");
    process.exit(1);
  });
});
