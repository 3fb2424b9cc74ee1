// Site search, plain JavaScript. The bundle and the tokenising rules are
// specified in generator/search.go; TestTokenizerMatchesJS runs this file's
// tokenizer in Node against the Go one. Without this script the search page
// offers the site map and the regime indexes instead.
(() => {
  "use strict";
  var STOP = {};
  "a an and are as at be by for from in into is it its of on or s shall such that the their this to which with".split(" ").forEach((w) => { STOP[w] = 1; });
  var DIG = "0123456789ABCDEFGHIJKLMNOPQRSTUVabcdefghijklmnopqrstuvwxyz-_WXYZ";
  var PAGE = 10;

  // ---- Tokens (rules 1–5 of generator/search.go) ----
  function fold(s) {
    return s.replace(/[A-Z\u00C0-\u00DE\u0391-\u03A9\u0400-\u042F\u3000\uFF01-\uFF5E]/g, (ch) => {
      var c = ch.charCodeAt(0);
      if (c === 0x3000) return " ";
      if (c >= 0xFF01) { c -= 0xFEE0; if (c < 65 || c > 90) return String.fromCharCode(c); }
      if (c === 0xD7 || c === 0x3A2) return ch;
      return String.fromCharCode(c < 0x410 && c >= 0x400 ? c + 80 : c + 32);
    });
  }
  function isHan(c) { return c === 0x3007 || c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0x20000 && c <= 0x2FA1F; }
  function isWord(c) { return c >= 48 && c <= 57 || c >= 97 && c <= 122 || c >= 0xC0 && c <= 0x24F && c !== 0xD7 && c !== 0xF7 || c >= 0x370 && c <= 0x4FF; }
  // runs splits folded text into Han and word runs: {h, t, s, e, end}.
  function runs(f) {
    var out = [], cur = -1, han = false, i = 0, c, n, h, w;
    for (; i < f.length; i += n) {
      c = f.codePointAt(i); n = c > 0xFFFF ? 2 : 1;
      h = isHan(c); w = !h && isWord(c);
      if (cur >= 0 && (!(h || w) || h !== han)) { out.push({ h: han, t: f.slice(cur, i), s: cur, e: i }); cur = -1; }
      if ((h || w) && cur < 0) { cur = i; han = h; }
    }
    if (cur >= 0) out.push({ h: han, t: f.slice(cur), s: cur, e: i, end: true });
    return out;
  }
  function stem(w) {
    if (w.length <= 3 || /[^a-z]/.test(w)) return w;
    var m = /ies$/.test(w) && w.length > 4 ? w.slice(0, -3) + "y" :
      /(sses|xes|zes|ches|shes)$/.test(w) ? w.slice(0, -2) :
      /s$/.test(w) && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w;
    if (/ied$/.test(m) && m.length > 4) m = m.slice(0, -3) + "y";
    else if (/ed$/.test(m) && m.length >= 5 && /[aeiouy]/.test(m.slice(0, -2))) m = m.slice(0, -2);
    else if (/ing$/.test(m) && m.length >= 6 && /[aeiouy]/.test(m.slice(0, -3))) m = m.slice(0, -3);
    while (m.length > 3 && m[m.length - 1] === "e") m = m.slice(0, -1);
    var n = m.length;
    if (n > 3 && m[n - 1] === m[n - 2] && m[n - 1] !== "s" && "aeiou".indexOf(m[n - 1]) < 0) m = m.slice(0, -1);
    return m;
  }
  // terms lists the index terms of s, in order.
  function terms(s) {
    var out = [];
    runs(fold(s)).forEach((r) => {
      if (r.h) {
        var cs = Array.from(r.t);
        cs.forEach((c, i) => { out.push(c); if (i + 1 < cs.length) out.push(c + cs[i + 1]); });
      } else if (!STOP[r.t]) out.push(stem(r.t));
    });
    return out;
  }
  // parse splits a query into groups.
  function parse(q) {
    var gs = [], rs = runs(fold(q));
    rs.forEach((r, i) => {
      if (r.h) {
        var cs = Array.from(r.t), ts = cs.length === 1 ? [r.t] : [];
        for (var j = 0; j + 1 < cs.length; j++) ts.push(cs[j] + cs[j + 1]);
        gs.push({ han: true, text: r.t, terms: ts, prefix: false, fuzzy: false });
      } else if (!STOP[r.t]) {
        gs.push({ han: false, text: r.t, terms: [stem(r.t)], prefix: i === rs.length - 1 && !!r.end, fuzzy: Array.from(r.t).length >= 5 });
      }
    });
    return gs;
  }
  function hash(t) {
    var h = 2166136261;
    for (var i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619) >>> 0;
    return h;
  }
  function nums(s) {
    var out = [], n = 0, m = 1, v;
    for (var i = 0; i < s.length; i++) {
      v = DIG.indexOf(s[i]);
      if (v >= 32) { n += (v - 32) * m; m *= 32; } else { out.push(n + v * m); n = 0; m = 1; }
    }
    return out;
  }
  // near says whether a and b are at most one edit apart (with swaps).
  function near(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // index makes the posting lists of docs: term → [doc, w, doc, w, …], w
  // as searchPosting in generator/search.go says.
  function index(docs, basis) {
    var post = Object.create(null);
    docs.forEach((d, id) => {
      // A basis is titled with the instrument it cites: here that is text.
      var bs = d[0] === basis, w = Object.create(null), tt = bs ? [] : terms(d[5]), units = 0, share = Object.create(null), t;
      tt.forEach((t) => { var han = isHan(t.codePointAt(0)), n = han ? Array.from(t).length : 1; if (n === 1) units++; share[t] = (share[t] || 0) + n; });
      for (t in share) { var c = share[t] / units; w[t] = (c < 1 / 3 ? 16 : c < 2 / 3 ? 32 : 48) + 64 * Math.min(units, 63); }
      var tx = terms(bs ? d[5] + " " + d[7] : d[7]), tf = Object.create(null);
      tx.forEach((t) => { tf[t] = (tf[t] || 0) + 1; });
      // BM25's tf weight, times 4 (searchTF in generator/search.go).
      for (t in tf) { var l = Math.floor(5632 * tf[t] / (640 * tf[t] + 192 + 18 * tx.length)); w[t] = (w[t] || 0) + (bs ? l >> 1 : l); }
      for (t in w) (post[t] || (post[t] = [])).push(id, w[t]);
    });
    return post;
  }

  // rows turns a doc file's columns into docs: [kind, dept, regimes, date,
  // url, title, context, text].
  function rows(f) {
    return f.kind.map((k, i) => [k, f.dept[i], f.regimes[i], f.date[i], f.url[i], f.title[i], f.context[i], f.text[i]]);
  }

  // ---- The bundle ----
  // open loads the manifest and the bundle of lang through get (a path
  // relative to the site's root → a promise of its JSON).
  function open(get, lang) {
    return get("search/manifest.json").then((man) => {
      var L = man[lang], b = { man: man, N: L.docs, docs: [], depts: {}, one: !!L.file };
      if (L.file) {
        return get(L.file).then((one) => {
          var docs = b.docs = rows(one);
          // A URL after a space continues the URL of the doc's context.
          var full = (i) => { var d = docs[i]; if (d[4][0] === " ") d[4] = full(d[6]) + d[4].slice(1); return d[4]; };
          docs.forEach((d, i) => { full(i); });
          var post = index(b.docs, man.kinds.indexOf("basis")), voc = [];
          one.depts.forEach((d, i) => { b.depts[i] = d; });
          for (var t in post) if (!isHan(t.codePointAt(0))) voc.push([t, post[t].length / 2]);
          b.post = (t) => post[t] || [];
          b.vocab = () => voc;
          b.meta = () => b;
          b.load = () => b;
          b.kind = (id) => b.docs[id][0];
          b.date = (id) => b.docs[id][3];
          b.regs = (id) => b.docs[id][2];
          b.dept = (id) => b.docs[id][1];
          b.nd = one.depts.length;
          return b;
        });
      }
      var base = L.base, dec = {}, voc, meta, st = L.depts;
      b.nd = st.length - 1;
      // The department of a doc: the docs of department k run from st[k].
      b.dept = (id) => {
        var lo = 0, hi = b.nd;
        if (id >= st[hi]) return -1;
        while (hi - lo > 1) { var mid = (lo + hi) >> 1; if (st[mid] <= id) lo = mid; else hi = mid; }
        return lo;
      };
      b.post = (t) => {
        return get(base + "s/" + hash(t) % L.shards + ".json").then((sh) => {
          if (!dec[t]) {
            var v = nums(sh[t] || ""), out = [], id = 0, x;
            for (var i = 0; i < v.length; i++) {
              x = v[i]; id += Math.floor(x / 32);
              out.push(id, (x >> 1 & 15) + (x & 1 ? v[++i] * 16 : 0));
            }
            dec[t] = out;
          }
          return dec[t];
        });
      };
      b.vocab = () => {
        return voc || get(base + "vocab.json").then((v) => {
          voc = v.terms.map((t, i) => [t, v.df[i]]);
          return voc;
        });
      };
      b.meta = () => {
        return meta || get(base + "meta.json").then((m) => {
          var v = nums(m.m), k = [], d = [], r = [], i = 0, n;
          while (i < v.length) {
            k.push(v[i]); d.push(v[i + 2] ? m.dates[v[i + 2] - 1] : "");
            n = v[i + 3]; r.push(v.slice(i + 4, i + 4 + n)); i += 4 + n;
          }
          meta = b;
          b.kind = (id) => k[id];
          b.date = (id) => d[id];
          b.regs = (id) => r[id];
          return b;
        });
      };
      b.load = (ids) => {
        var need = {};
        ids.forEach((id) => { if (!b.docs[id]) need[Math.floor(id / L.chunk)] = 1; });
        return Promise.all(Object.keys(need).map((n) => {
          return get(base + "c/" + n + ".json").then((c) => {
            c.depts.forEach((d) => { b.depts[d[0]] = [d[1], d[2]]; });
            rows(c).forEach((d, i) => { b.docs[n * L.chunk + i] = d; });
          });
        })).then(() => b);
      };
      return b;
    });
  }

  // ---- Matching and ranking ----
  // expand gives a group's terms with their weights.
  function expand(g, voc) {
    if (g.han) return g.terms.map((t) => [t, 1]);
    var s = g.terms[0], w = g.text, out = [], more = [];
    if (voc.some((v) => v[0] === s)) out.push([s, 1]);
    if (g.prefix && w.length >= 2) {
      voc.forEach((v) => {
        var t = v[0];
        if (t !== s && (t.indexOf(w) === 0 || t.indexOf(s) === 0 || t.length >= 4 && w.length - t.length <= 3 && w.indexOf(t) === 0)) more.push(v);
      });
    }
    var wt = 0.8;
    if (!out.length && !more.length && g.fuzzy) { wt = 0.6; voc.forEach((v) => { if (near(v[0], s)) more.push(v); }); }
    more.sort((a, b) => b[1] - a[1]);
    return out.concat(more.slice(0, 20).map((v) => [v[0], wt]));
  }
  // find runs a query: it resolves to {gs, ids (ranked), score, partial}.
  function find(b, q, kind, regime, sort, year) {
    var gs = parse(q);
    if (!gs.length) return Promise.resolve({ gs: gs, ids: [] });
    var needVoc = gs.some((g) => !g.han);
    return Promise.resolve(needVoc ? b.vocab() : []).then((voc) => {
      var ex = gs.map((g) => expand(g, voc));
      var ts = {};
      ex.forEach((e) => { e.forEach((v) => { ts[v[0]] = 1; }); });
      var list = Object.keys(ts);
      return Promise.all(list.map(b.post)).then((ps) => {
        var P = {};
        list.forEach((t, i) => { P[t] = ps[i]; });
        var acc = {};
        ex.forEach((e, gi) => {
          var han = gs[gi].han, k = e.length;
          e.forEach((v) => {
            var p = P[v[0]], idf = Math.log(1 + b.N * 2 / (p.length || 1));
            for (var i = 0; i < p.length; i += 2) {
              var id = p[i], w = p[i + 1], tl = w >> 4 & 3;
              var sc = v[1] * idf * ([0, 1.2, 1.6, 2.2][tl] + (w & 15) / 4);
              var a = acc[id] || (acc[id] = { c: [], s: [], t: [] });
              if (tl) { a.u = w >> 6; a.t[gi] = (a.t[gi] || 0) + (han ? 1 / k : 1); }
              if (han) { a.c[gi] = (a.c[gi] || 0) + 1 / k; a.s[gi] = (a.s[gi] || 0) + sc / k; }
              else { a.c[gi] = 1; a.s[gi] = Math.max(a.s[gi] || 0, sc); }
            }
          });
        });
        // Every group matching makes a strict match; failing that, half the
        // groups matching (a Han run by two thirds of its pairs) a loose one.
        var strict = [], loose = [], score = {}, G = gs.length;
        Object.keys(acc).forEach((id) => {
          var a = acc[id], c = 0, s = 0, full = 0, most = 0, inTitle = 0, x;
          for (var gi = 0; gi < G; gi++) {
            x = a.c[gi] || 0; c += Math.min(x, 1); s += a.s[gi] || 0;
            if (x > 1 - 1e-9) full++;
            if (x > 2 / 3 - 1e-9) most++;
            if (a.t[gi] > 1 - 1e-9) inTitle += gs[gi].han ? Array.from(gs[gi].text).length : 1;
          }
          id = +id;
          // The query is the whole title: twice the score.
          score[id] = s * c / G * (inTitle === a.u ? 2 : 1);
          (full === G ? strict : most >= G / 2 ? loose : []).push(id);
        });
        var ids = strict.length ? strict : loose;
        var fil = kind || regime || year || sort === "date";
        return Promise.resolve(fil ? b.meta() : b).then(() => {
          var ki = b.man.kinds.indexOf(kind), ri = b.man.regimes.indexOf(regime);
          if (kind) ids = ids.filter((id) => b.kind(id) === ki);
          if (regime) ids = ids.filter((id) => b.regs(id).indexOf(ri) >= 0);
          if (year) ids = ids.filter((id) => (b.date(id) || "").slice(0, 4) === year);
          return { gs: gs, ex: ex, ids: ids, score: score, partial: !strict.length, sort: sort, pageKind: b.man.kinds.indexOf("page") };
        });
      });
    });
  }
  // rank orders r.ids: with every doc at hand (one file) by the final
  // score (a phrase beats scattered pairs, a short entry a long one), else
  // by the index's score; or by date if asked. On a site of several
  // departments each department's second result follows its first. It
  // resolves when the docs of ids[from:to] are at hand.
  function rank(b, r, from, to) {
    var ids = r.ids, sc = r.score, date = r.sort === "date";
    if (!r.ranked) {
      r.ranked = 1;
      if (b.one) ids.forEach((id) => { sc[id] = final(b.docs[id], r, sc[id]); });
      ids.sort((x, y) => date && b.date(x) !== b.date(y) ? (b.date(x) < b.date(y) ? 1 : -1) : sc[y] - sc[x] || x - y);
      if (!date && b.nd > 1) {
        var by = {}, out = [], used = {};
        ids.forEach((id) => { var d = b.dept(id); (by[d] = by[d] || []).push(id); });
        ids.forEach((id) => {
          if (used[id]) return;
          out.push(id);
          var d = b.dept(id), two = by[d][1];
          if (d >= 0 && by[d][0] === id && two !== undefined) { out.push(two); used[two] = 1; }
        });
        r.ids = out;
      }
    }
    return Promise.resolve(b.load(r.ids.slice(from, to)));
  }
  function final(d, r, s) {
    if (!d.f) d.f = [fold(d[5]), fold(d[7])];
    var t = d.f[0], x = d.f[1], q = r.gs, f = 1, ph = 0, n = 0;
    q.forEach((g) => {
      if (g.han && g.terms.length > 1) { n++; if (t.indexOf(g.text) >= 0) ph += 1.5; else if (x.indexOf(g.text) >= 0) ph++; }
    });
    var ws = q.map((g, i) => g.han ? null : r.ex[i]).filter(Boolean);
    if (ws.length > 1) {
      n++;
      var seq = terms(d[5] + " \u3000 " + d[7]), ok = 0;
      for (var i = 0; i + 1 < ws.length; i++) {
        for (var j = 0; j + 1 < seq.length; j++) if (has(ws[i], seq[j]) && has(ws[i + 1], seq[j + 1])) { ok++; break; }
      }
      ph += ok / (ws.length - 1);
    }
    if (n) f *= 1 + 2 * ph / n;
    if (d[0] === r.pageKind) f *= 0.7;
    return s * f;
  }
  function has(e, t) { return e.some((v) => v[0] === t); }

  // marks finds the ranges of s to highlight.
  function marks(s, r) {
    var f = fold(s), out = [], words = {};
    r.gs.forEach((g, gi) => {
      if (!g.han) { r.ex[gi].forEach((v) => { words[v[0]] = 1; }); return; }
      var i = f.indexOf(g.text), hit = i >= 0;
      (hit ? [g.text] : g.terms).forEach((t) => {
        for (i = f.indexOf(t); i >= 0; i = f.indexOf(t, i + t.length)) out.push([i, i + t.length]);
      });
    });
    runs(f).forEach((x) => { if (!x.h && words[STOP[x.t] ? "" : stem(x.t)]) out.push([x.s, x.e]); });
    out.sort((a, b) => a[0] - b[0]);
    var m = [];
    out.forEach((x) => { var l = m[m.length - 1]; if (l && x[0] <= l[1]) l[1] = Math.max(l[1], x[1]); else m.push(x); });
    return m;
  }
  // put writes s[from:to] into el with the ranges in <mark>.
  function put(el, s, ms, from, to) {
    var at = from;
    ms.forEach((x) => {
      var a = Math.max(x[0], from), z = Math.min(x[1], to);
      if (a >= z) return;
      if (a > at) el.appendChild(document.createTextNode(s.slice(at, a)));
      el.appendChild(document.createElement("mark")).textContent = s.slice(a, z);
      at = z;
    });
    if (at < to) el.appendChild(document.createTextNode(s.slice(at, to)));
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { fold: fold, terms: terms, parse: parse, stem: stem, hash: hash, nums: nums, near: near, index: index, open: open, find: find, rank: rank, marks: marks };
    return;
  }

  // ---- The page ----
  var script = document.currentScript;
  var root = (script.getAttribute("src") || "").replace(/assets\/search\.js.*$/, "");
  var lang = document.documentElement.lang.slice(0, 2);
  var cache = {}, B;
  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + path).then((r) => {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
      cache[path].catch(() => { delete cache[path]; });
    }
    return cache[path];
  }
  function bundle() {
    if (!B) {
      B = open(get, lang);
      B.catch(() => { B = null; });
    }
    return B;
  }
  var form = document.getElementById("search-form");
  if (!form) return;
  var $ = (id) => document.getElementById(id);
  var qi = $("q"), ks = $("kind"), rs = $("regime"), ys = $("year"), ss = $("sort"), status = $("search-status"), list = $("search-results"), none = $("search-none");
  var T = form.dataset, zh = lang === "zh", W = zh ? 80 : 200, seq = 0, cur = null;
  $("search-nojs").hidden = true;
  function say(s) { status.textContent = s; }
  function fmt(k, vals) { return (T[k] || "").replace(/\{(\w)\}/g, (_, n) => vals[n]); }
  function label(sel, v) { var o = sel.querySelector('option[value="' + v + '"]'); return o ? o.textContent : v; }
  function date(s) {
    if (!s) return "";
    var y = s.slice(0, 4), m = +s.slice(5, 7);
    return zh ? y + "年" + m + "月" : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1] + " " + y;
  }
  function state() { return { q: qi.value, kind: ks.value, regime: rs.value, year: ys.value, sort: ss.value }; }
  function query(st) {
    var p = new URLSearchParams();
    if (st.q) p.set("q", st.q);
    if (st.kind) p.set("kind", st.kind);
    if (st.regime) p.set("regime", st.regime);
    if (st.year) p.set("year", st.year);
    if (st.sort === "date") p.set("sort", "date");
    var s = p.toString();
    return location.pathname + (s ? "?" + s : "");
  }
  // remember puts the search in the URL: typing replaces the entry,
  // Enter and the filters commit it, so that Back returns to it.
  var committed = false;
  function remember(commit, push) {
    var u = query(state());
    if (u !== location.pathname + location.search) history[committed || push ? "pushState" : "replaceState"](null, "", u);
    committed = commit;
  }
  function restore() {
    var p = new URLSearchParams(location.search);
    qi.value = p.get("q") || "";
    ks.value = p.get("kind") || "";
    rs.value = p.get("regime") || "";
    ys.value = p.get("year") || "";
    ss.value = p.get("sort") === "date" ? "date" : "relevance";
    if (ks.selectedIndex < 0) ks.value = "";
    if (rs.selectedIndex < 0) rs.value = "";
    if (ys.selectedIndex < 0) ys.value = "";
  }
  function item(b, r, id) {
    var d = b.docs[id], li = document.createElement("li"), a = document.createElement("a"), meta = document.createElement("p");
    a.href = root + d[4];
    put(a, d[5], marks(d[5], r), 0, d[5].length);
    li.appendChild(a);
    meta.className = "meta";
    var k = meta.appendChild(document.createElement("span"));
    k.className = "label";
    k.textContent = label(ks, b.man.kinds[d[0]]);
    var bits = [];
    if (d[1] >= 0 && b.depts[d[1]]) bits.push(b.depts[d[1]][1]);
    if (d[3]) bits.push(date(d[3]));
    var c = typeof d[6] === "number" ? d[6] >= 0 ? b.docs[d[6]][5] : "" : d[6];
    if (c) bits.push(c);
    meta.appendChild(document.createTextNode(bits.join(" · ")));
    li.appendChild(meta);
    var s = d[7];
    if (s) {
      var ms = marks(s, r), from = 0, to = s.length, p = document.createElement("p");
      if (to > W) {
        from = ms.length ? Math.max(0, ms[0][0] - (zh ? 20 : 60)) : 0;
        if (!zh && from) { var sp = s.indexOf(" ", from); if (sp >= 0 && sp < ms[0][0]) from = sp + 1; }
        to = Math.min(s.length, from + W);
        if (!zh && to < s.length) { var e = s.lastIndexOf(" ", to); if (e > from) to = e; }
      }
      if (from) p.appendChild(document.createTextNode("…"));
      put(p, s, ms, from, to);
      if (to < s.length) p.appendChild(document.createTextNode("…"));
      li.appendChild(p);
    }
    return li;
  }
  function show(b, r, from) {
    var to = Math.min(r.ids.length, from + PAGE);
    return rank(b, r, from, to).then(() => {
      if (r !== cur) return;
      var old = $("search-more");
      if (old) old.remove();
      var first;
      for (var i = from; i < to; i++) {
        var li = item(b, r, r.ids[i]);
        first = first || li;
        list.appendChild(li);
      }
      if (to < r.ids.length) {
        var more = document.createElement("button");
        more.type = "button";
        more.id = "search-more";
        more.textContent = T.more;
        more.addEventListener("click", () => {
          show(b, r, to).then(() => { var a = list.children[to] && list.children[to].querySelector("a"); if (a) a.focus(); });
        });
        list.parentNode.insertBefore(more, list.nextSibling);
      }
      return first;
    });
  }
  function run() {
    var st = state(), my = ++seq, q = st.q.trim();
    if (!q) {
      cur = null; list.textContent = ""; none.hidden = true; say("");
      var old = $("search-more"); if (old) old.remove();
      return Promise.resolve();
    }
    var slow = setTimeout(() => { if (my === seq) say(T.loading); }, 300);
    return bundle().then((b) => {
      return find(b, q, st.kind, st.regime, st.sort, st.year).then((r) => {
        if (my !== seq) return;
        cur = r;
        list.textContent = "";
        var old = $("search-more"); if (old) old.remove();
        return show(b, r, 0).then(() => {
          if (my !== seq) return;
          clearTimeout(slow);
          var n = r.ids.length;
          none.hidden = n > 0;
          say(!n ? fmt("none", { q: q }) : r.partial ? fmt("partial", { q: q, n: n }) : n === 1 ? T.count1 : fmt("count", { n: n }));
          list.setAttribute("data-q", q);
          form.dispatchEvent(new CustomEvent("qd-results", { bubbles: true, detail: { q: q, count: n } }));
        });
      });
    }).catch((e) => {
      clearTimeout(slow);
      if (my === seq) say(T.error);
      if (window.console) console.error(e);
    });
  }
  qi.addEventListener("input", () => { remember(false); run(); });
  qi.addEventListener("focus", () => { bundle(); });
  [ks, rs, ys, ss].forEach((s) => { s.addEventListener("change", () => { remember(true, true); run(); }); });
  form.addEventListener("submit", (e) => { e.preventDefault(); remember(true); run(); });
  window.addEventListener("popstate", () => { restore(); committed = true; run(); });
  restore();
  committed = !!qi.value;
  if (qi.value) run();
})();
