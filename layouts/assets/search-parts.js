// The code search.js needs for a split bundle (package search: "the split
// bundle under base"), loaded by it only for such a bundle, so that a site
// of one file never fetches it.
(() => {
  "use strict";

  // ---- Shared with Go ----
  // DIGITS: search.Digits (checked by generator/site/searchshared_test.go).
  const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVabcdefghijklmnopqrstuvwxyz-_WXYZ";

  // hash is search.Hash: the shard of a term is hash(term) % shards.
  function hash(t) {
    var h = 2166136261;
    for (var i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619) >>> 0;
    return h;
  }
  // nums decodes a string of variable-length numbers.
  function nums(s) {
    var out = [], n = 0, m = 1, v;
    for (var i = 0; i < s.length; i++) {
      v = DIGITS.indexOf(s[i]);
      if (v >= 32) { n += (v - 32) * m; m *= 32; } else { out.push(n + v * m); n = 0; m = 1; }
    }
    return out;
  }
  // openSplit makes a bundle of a split bundle, described by L; its parts
  // are fetched when needed. docsOf turns a doc file's columns into docs.
  function openSplit(b, L, get, docsOf) {
    var base = L.base, decoded = {}, voc, meta, starts = L.depts;
    b.deptCount = starts.length - 1;
    // The department of a doc: the docs of department k run from starts[k].
    b.dept = (id) => {
      var lo = 0, hi = b.deptCount;
      if (id >= starts[hi]) return -1;
      while (hi - lo > 1) { var mid = (lo + hi) >> 1; if (starts[mid] <= id) lo = mid; else hi = mid; }
      return lo;
    };
    b.postings = (t) => get(base + "s/" + hash(t) % L.shards + ".json").then((shard) => {
      if (!decoded[t]) {
        // Per doc: (id−previous id)·32 + tf·2 + 1, then tl + 4·units, if in
        // the title; (id−previous id)·32 + tf·2 if not.
        var v = nums(shard[t] || ""), out = [], id = 0, x;
        for (var i = 0; i < v.length; i++) {
          x = v[i]; id += Math.floor(x / 32);
          out.push(id, (x >> 1 & 15) + (x & 1 ? v[++i] * 16 : 0));
        }
        decoded[t] = out;
      }
      return decoded[t];
    });
    b.vocabulary = () => voc || get(base + "vocab.json").then((v) => {
      voc = v.terms.map((t, i) => ({ term: t, df: v.df[i] }));
      return voc;
    });
    b.meta = () => meta || get(base + "meta.json").then((m) => {
      // Per doc: kind, dept+1, date+1, number of regimes, regimes….
      var v = nums(m.m), kinds = [], dates = [], regimes = [], i = 0, n;
      while (i < v.length) {
        kinds.push(v[i]); dates.push(v[i + 2] ? m.dates[v[i + 2] - 1] : "");
        n = v[i + 3]; regimes.push(v.slice(i + 4, i + 4 + n)); i += 4 + n;
      }
      meta = b;
      b.kind = (id) => kinds[id];
      b.date = (id) => dates[id];
      b.regimes = (id) => regimes[id];
      return b;
    });
    b.load = (ids) => {
      var need = {};
      ids.forEach((id) => { if (!b.docs[id]) need[Math.floor(id / L.chunk)] = 1; });
      return Promise.all(Object.keys(need).map((n) => get(base + "c/" + n + ".json").then((c) => {
        c.depts.forEach((d) => { b.depts[d[0]] = { slug: d[1], name: d[2] }; });
        docsOf(c).forEach((d, i) => { b.docs[n * L.chunk + i] = d; });
      }))).then(() => b);
    };
    return b;
  }

  var exports = { openSplit, hash, nums };
  if (typeof module === "object" && module.exports) module.exports = exports;
  else window.qdParts = exports;
})();
