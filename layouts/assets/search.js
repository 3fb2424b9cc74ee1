// Site search, plain JavaScript, no framework. The bundle and the
// tokenising rules are specified in package search (go doc
// qingdan/generator/search). Without this script the search page offers
// the site map and the regime indexes.
//
// One file (the first query costs three requests: this script, the
// manifest, the bundle; the code for split bundles is in search-parts.js,
// loaded only for them) in parts: Shared with Go (checked by
// generator/site/searchshared_test.go), Tokenize (TestTokenizerMatchesJS
// runs it in Node against Go's), Load (a doc file's columns become docs
// {kind, dept, regimes, date, url, title, context, text} once), Score,
// Show.
(() => {
  "use strict";

  // ---- Shared with Go ----
  // Each is one line, `const NAME = "…";`, words split by single spaces.
  // STOP: search.Stop; MONTHS: the English month names of site.View.Date
  // and of benchsite (DIGITS is in search-parts.js).
  const STOP = "a an and are as at be by for from in into is it its of on or s shall such that the their this to which with";
  const MONTHS = "January February March April May June July August September October November December";

  // ---- Tokenize (rules 1–5 of package search) ----
  const stopWords = new Set(STOP.split(" "));
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
  // runs splits folded text into Han and word runs: {han, text, start,
  // end, last}, last when nothing follows the run.
  function runs(f) {
    var out = [], cur = -1, han = false, i = 0, c, n, h, w;
    for (; i < f.length; i += n) {
      c = f.codePointAt(i); n = c > 0xFFFF ? 2 : 1;
      h = isHan(c); w = !h && isWord(c);
      if (cur >= 0 && (!(h || w) || h !== han)) { out.push({ han: han, text: f.slice(cur, i), start: cur, end: i, last: false }); cur = -1; }
      if ((h || w) && cur < 0) { cur = i; han = h; }
    }
    if (cur >= 0) out.push({ han: han, text: f.slice(cur), start: cur, end: i, last: true });
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
  // wordTerm is the term of a word run: its stem, or "" for a stop word.
  function wordTerm(w) { return stopWords.has(w) ? "" : stem(w); }
  // terms lists the index terms of s, in order.
  function terms(s) {
    var out = [];
    runs(fold(s)).forEach((r) => {
      if (r.han) {
        var cs = Array.from(r.text);
        cs.forEach((c, i) => { out.push(c); if (i + 1 < cs.length) out.push(c + cs[i + 1]); });
      } else if (!stopWords.has(r.text)) out.push(stem(r.text));
    });
    return out;
  }
  // parse splits a query into groups {han, text, terms, prefix, fuzzy},
  // as search.Parse.
  function parse(q) {
    var groups = [], rs = runs(fold(q));
    rs.forEach((r, i) => {
      if (r.han) {
        var cs = Array.from(r.text), pairs = cs.length === 1 ? [r.text] : [];
        for (var j = 0; j + 1 < cs.length; j++) pairs.push(cs[j] + cs[j + 1]);
        groups.push({ han: true, text: r.text, terms: pairs, prefix: false, fuzzy: false });
      } else if (!stopWords.has(r.text)) {
        groups.push({ han: false, text: r.text, terms: [stem(r.text)], prefix: i === rs.length - 1 && r.last, fuzzy: Array.from(r.text).length >= 5 });
      }
    });
    return groups;
  }

  // keyTokens are the tokens a name or a query is matched by in the syn
  // list (search.keyTokens): each Han character, each word's stem, stop
  // words left out; with the text each stands for.
  function keyTokens(s) {
    var out = [];
    runs(fold(s)).forEach((r, ri) => {
      if (r.han) Array.from(r.text).forEach((c) => { out.push({ t: c, text: c, run: ri }); });
      else if (!stopWords.has(r.text)) out.push({ t: stem(r.text), text: r.text, run: ri });
    });
    return out;
  }

  // ---- Load: the manifest and the bundle ----
  // docsOf turns a doc file's columns into docs.
  function docsOf(f) {
    return f.url.map((url, i) => ({ kind: f.kind[i], dept: f.dept[i], regimes: f.regimes[i], date: f.date[i], url: url, title: f.title[i], context: f.context[i], text: f.text[i] }));
  }
  // open loads the manifest through get (a path relative to the site's
  // root → a promise of its JSON). It resolves to the handle of lang's
  // bundle, {lang, manifest, open(), other() (the other language's
  // handle)}; open() loads the bundle, once, and resolves to it:
  //
  //	manifest, lang, size (docs), deptCount, oneFile
  //	docs[id]      the docs at hand, contexts as titles (all of them with
  //	              one file; else those load has fetched)
  //	depts[k]      {slug, name} of department k, once at hand
  //	postings(t)   [doc, w, doc, w, …] of term t, or a promise of them
  //	vocabulary()  [{term, df}…] of the non-Chinese terms, or a promise
  //	meta()        the bundle, or a promise of it, once kind(id), date(id)
  //	              and regimes(id) answer; dept(id) always does
  //	load(ids)     the bundle, or a promise of it, once docs[ids] are at hand
  //	syn           the syn list (see synonyms)
  //
  // A split bundle is read by the code in assets/search-parts.js, which
  // parts() loads (a promise of its exports) only for such a bundle.
  function open(get, lang, parts) {
    return get("search/manifest.json").then((manifest) => handle(manifest, get, parts, lang, {}));
  }
  // handle makes the handle of lang's bundle; all holds the handles made.
  function handle(manifest, get, parts, lang, all) {
    var h = all[lang], p = null;
    if (h) return h;
    h = all[lang] = { lang: lang, manifest: manifest };
    h.other = () => handle(manifest, get, parts, lang === "zh" ? "en" : "zh", all);
    h.open = () => {
      if (!p) {
        var L = manifest[lang], b = { manifest: manifest, lang: lang, size: L.docs, docs: [], depts: {}, oneFile: !!L.file };
        b.syn = synonyms(L.syn, []);
        p = L.file ? get(L.file).then((f) => openOne(b, f)) : parts().then((P) => P.openSplit(b, L, get, docsOf));
        p.catch(() => { p = null; });
      }
      return p;
    };
    return h;
  }
  // openOne makes a bundle of a one-file bundle f.
  function openOne(b, f) {
    var docs = b.docs = docsOf(f), voc = [], t;
    // A URL after a space continues the URL of the doc's context; the
    // context is a doc index, then its title.
    var full = (d) => { if (d.url[0] === " ") d.url = full(docs[d.context]) + d.url.slice(1); return d.url; };
    docs.forEach(full);
    docs.forEach((d) => { d.context = d.context >= 0 ? docs[d.context].title : ""; });
    f.depts.forEach((d, k) => { b.depts[k] = { slug: d[0], name: d[1] }; });
    b.deptCount = f.depts.length;
    b.syn = synonyms(f.syn, docs);
    return indexSoon(docs, b.manifest.kinds.indexOf("basis")).then((post) => {
      for (t in post) if (!isHan(t.codePointAt(0))) voc.push({ term: t, df: post[t].length / 2 });
      b.postings = (t) => post[t] || [];
      b.vocabulary = () => voc;
      b.meta = b.load = () => b;
      b.kind = (id) => docs[id].kind;
      b.date = (id) => docs[id].date;
      b.regimes = (id) => docs[id].regimes;
      b.dept = (id) => docs[id].dept;
      return b;
    });
  }
  // synonyms reads a syn list, where a name written as a number is the
  // title of that doc: {names, groups}, each name {tokens, text, group,
  // short}, short when it contains no other name of its group (so that it
  // may stand for the others).
  function synonyms(syn, docs) {
    var names = [], groups = [];
    (syn || []).forEach((g, gi) => {
      var ns = g.map((n) => { var s = typeof n === "number" ? docs[n].title : n; return { tokens: keyTokens(s), text: s, group: gi }; }).filter((n) => n.tokens.length);
      ns.forEach((n) => { n.short = !ns.some((o) => o.tokens.length < n.tokens.length && within(n.tokens, 0, o.tokens, true)); });
      names = names.concat(ns);
      groups.push(ns);
    });
    return { names: names, groups: groups };
  }
  // within says whether the tokens ks occur in ts at i (or anywhere in ts,
  // with any).
  function within(ts, i, ks, any) {
    for (var j = i; j + ks.length <= ts.length; j++) {
      if (ks.every((k, x) => k.t === ts[j + x].t)) return true;
      if (!any) return false;
    }
    return false;
  }
  // alternatives gives the query q again with the names of syn it
  // contains (the longest at each place) each replaced by another name of
  // its group: at most three queries.
  function alternatives(syn, q) {
    var ts = keyTokens(q), ms = [], i = 0, out = [], best;
    while (i < ts.length) {
      best = null;
      syn.names.forEach((n) => { if ((!best || n.tokens.length > best.tokens.length) && within(ts, i, n.tokens)) best = n; });
      if (best) ms[i] = { name: best, others: syn.groups[best.group].filter((n) => n.short && n !== best) };
      i += best ? best.tokens.length : 1;
    }
    for (var j = 0; j < 3; j++) {
      var s = "", used = false;
      for (i = 0; i < ts.length; i++) {
        var m = ms[i];
        if (m && m.others[j]) {
          s += " " + m.others[j].text + " ";
          i += m.name.tokens.length - 1;
          used = true;
        } else s += ts[i].text + (ts[i + 1] && ts[i + 1].run === ts[i].run ? "" : " ");
      }
      if (used) out.push(s.trim());
    }
    return out;
  }

  // ---- Score: index, match, filter, rank ----
  // index makes the posting lists of docs: term → [doc, w, doc, w, …], w
  // as search.Posting says: tf weight (4 bits), then tl (2 bits) and units
  // if the term is in the title.
  function index(docs, basis) {
    var post = Object.create(null);
    docs.forEach((d, id) => { addDoc(post, d, id, basis); });
    return post;
  }
  // indexSoon is index done some docs at a time, the page free to answer
  // between them (a phone takes a good part of a second over a bundle of a
  // few hundred docs): a promise of the postings, the same as index's.
  function indexSoon(docs, basis) {
    var post = Object.create(null), id = 0;
    return new Promise((res) => {
      (function slice() {
        var end = Date.now() + 10;
        while (id < docs.length && Date.now() < end) addDoc(post, docs[id], id++, basis);
        if (id < docs.length) pause(slice);
        else res(post);
      })();
    });
  }
  // pause calls f once the page has had its turn.
  function pause(f) {
    if (typeof scheduler === "object" && scheduler.yield) scheduler.yield().then(f);
    else setTimeout(f, 0);
  }
  // addDoc adds the terms of doc d, numbered id, to the postings post.
  function addDoc(post, d, id, basis) {
    // A basis is titled with the instrument it cites: here that is text.
    var isBasis = d.kind === basis, w = Object.create(null), t;
    var inTitle = isBasis ? [] : terms(d.title), units = 0, share = Object.create(null);
    inTitle.forEach((t) => { var n = isHan(t.codePointAt(0)) ? Array.from(t).length : 1; if (n === 1) units++; share[t] = (share[t] || 0) + n; });
    for (t in share) { var c = share[t] / units; w[t] = (c < 1 / 3 ? 16 : c < 2 / 3 ? 32 : 48) + 64 * Math.min(units, 63); }
    var inText = terms(isBasis ? d.title + " " + d.text : d.text), tf = Object.create(null);
    inText.forEach((t) => { tf[t] = (tf[t] || 0) + 1; });
    // BM25's tf weight, times 4 (searchTF in package search).
    for (t in tf) { var l = Math.floor(5632 * tf[t] / (640 * tf[t] + 192 + 18 * inText.length)); w[t] = (w[t] || 0) + (isBasis ? l >> 1 : l); }
    for (t in w) (post[t] || (post[t] = [])).push(id, w[t]);
  }
  // near says whether a and b are at most one edit apart (with swaps).
  function near(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  // expand gives a group's terms with their weights: [{term, weight}…].
  function expand(g, voc) {
    if (g.han) return g.terms.map((t) => ({ term: t, weight: 1 }));
    var s = g.terms[0], w = g.text, out = [], more = [], weight = 0.8;
    if (voc.some((v) => v.term === s)) out.push({ term: s, weight: 1 });
    if (g.prefix && w.length >= 2) {
      voc.forEach((v) => {
        var t = v.term;
        if (t !== s && (t.indexOf(w) === 0 || t.indexOf(s) === 0 || t.length >= 4 && w.length - t.length <= 3 && w.indexOf(t) === 0)) more.push(v);
      });
    }
    if (!out.length && !more.length && g.fuzzy) { weight = 0.6; voc.forEach((v) => { if (near(v.term, s)) more.push(v); }); }
    more.sort((x, y) => y.df - x.df);
    return out.concat(more.slice(0, 20).map((v) => ({ term: v.term, weight: weight })));
  }
  // find runs a query on the bundle of handle h. It resolves to a result: {bundle (whose
  // docs the ids are), groups, expanded (their terms), ids (matching,
  // unranked), score (by id), partial, sort, pageKind, alts (the results of
  // the query and of its alternatives), via (by id, the alternative that
  // scored it best), cross (the query, when the other language found it)
  // and lang (then, the page's language)}.
  // A query in the other language's script (Han on the English page, words
  // without Han on the Chinese one) is run first on the other language's
  // bundle, whose records are the same, field for field.
  function find(h, q, kind, regime, sort, year) {
    var here = () => h.open().then((b) => findIn(b, q, kind, regime, sort, year));
    if (!foreign(h.lang, q)) return here();
    return h.other().open().then((o) => findIn(o, q, kind, regime, sort, year)).then((r) => {
      if (!r.ids.length) return here();
      r.cross = q.trim();
      r.lang = h.lang;
      return r;
    });
  }
  // foreign says whether q is written in the other script than lang's.
  function foreign(lang, q) {
    var rs = runs(fold(q)), han = rs.some((r) => r.han);
    return lang === "zh" ? !han && rs.some((r) => /[a-z]/.test(r.text)) : han;
  }
  // findIn runs q and its alternatives on b and merges their results: the
  // strict matches of any (or, failing those, the partial ones), each doc
  // with its best score, an alternative's counting 0.9.
  function findIn(b, q, kind, regime, sort, year) {
    var qs = [q].concat(alternatives(b.syn, q));
    return Promise.all(qs.map((x) => findOne(b, x, kind, regime, sort, year))).then((rs) => {
      var r = rs[0], strict = rs.filter((x) => x.ids.length && !x.partial), score = {}, ids = [];
      r.bundle = b; r.alts = rs; r.via = {};
      (strict.length ? strict : rs).forEach((x) => {
        var k = rs.indexOf(x);
        x.ids.forEach((id) => {
          var v = x.score[id] * (k ? 0.9 : 1);
          if (!(id in score)) ids.push(id);
          if (!(id in score) || v > score[id]) { score[id] = v; r.via[id] = k; }
        });
      });
      r.ids = ids; r.score = score; r.partial = !strict.length;
      return r;
    });
  }
  // findOne runs one query on b.
  function findOne(b, q, kind, regime, sort, year) {
    var groups = parse(q);
    if (!groups.length) return Promise.resolve({ groups: groups, ids: [] });
    return Promise.resolve(groups.some((g) => !g.han) ? b.vocabulary() : []).then((voc) => {
      var expanded = groups.map((g) => expand(g, voc)), wanted = {};
      expanded.forEach((e) => { e.forEach((v) => { wanted[v.term] = 1; }); });
      var list = Object.keys(wanted);
      return Promise.all(list.map(b.postings)).then((lists) => {
        var post = {};
        list.forEach((t, i) => { post[t] = lists[i]; });
        var r = judge(groups, match(groups, expanded, post, b.size));
        r.expanded = expanded;
        r.sort = sort;
        r.pageKind = b.manifest.kinds.indexOf("page");
        return Promise.resolve(kind || regime || year || sort === "date" ? b.meta() : b).then(() => filter(b, r, kind, regime, year));
      });
    });
  }
  // match adds up, per doc and group, how much of the group the doc covers
  // (a Han run pair by pair), its score, and how much of the group is in
  // the title: doc id → {cover[g], score[g], title[g], units (the title's,
  // once a term is found in it)}.
  function match(groups, expanded, post, size) {
    var acc = {};
    expanded.forEach((e, gi) => {
      var han = groups[gi].han, k = e.length;
      e.forEach((v) => {
        var p = post[v.term], idf = Math.log(1 + size * 2 / (p.length || 1));
        for (var i = 0; i < p.length; i += 2) {
          var w = p[i + 1], tl = w >> 4 & 3, sc = v.weight * idf * ([0, 1.2, 1.6, 2.2][tl] + (w & 15) / 4);
          var a = acc[p[i]] || (acc[p[i]] = { cover: [], score: [], title: [] });
          if (tl) { a.units = w >> 6; a.title[gi] = (a.title[gi] || 0) + (han ? 1 / k : 1); }
          if (han) { a.cover[gi] = (a.cover[gi] || 0) + 1 / k; a.score[gi] = (a.score[gi] || 0) + sc / k; }
          else { a.cover[gi] = 1; a.score[gi] = Math.max(a.score[gi] || 0, sc); }
        }
      });
    });
    return acc;
  }
  // judge scores the matching docs. Every group matching makes a strict
  // match; failing that, half the groups matching (a Han run by two thirds
  // of its pairs) a loose one.
  function judge(groups, acc) {
    var strict = [], loose = [], score = {}, G = groups.length;
    Object.keys(acc).forEach((key) => {
      var a = acc[key], id = +key, covered = 0, sum = 0, full = 0, most = 0, inTitle = 0, x;
      for (var gi = 0; gi < G; gi++) {
        x = a.cover[gi] || 0; covered += Math.min(x, 1); sum += a.score[gi] || 0;
        if (x > 1 - 1e-9) full++;
        if (x > 2 / 3 - 1e-9) most++;
        if (a.title[gi] > 1 - 1e-9) inTitle += groups[gi].han ? Array.from(groups[gi].text).length : 1;
      }
      // The query is the whole title: twice the score.
      score[id] = sum * covered / G * (inTitle === a.units ? 2 : 1);
      (full === G ? strict : most >= G / 2 ? loose : []).push(id);
    });
    return { groups: groups, ids: strict.length ? strict : loose, score: score, partial: !strict.length };
  }
  // filter keeps the ids of r of the kind, regime and year asked for.
  function filter(b, r, kind, regime, year) {
    var k = b.manifest.kinds.indexOf(kind), g = b.manifest.regimes.indexOf(regime);
    if (kind) r.ids = r.ids.filter((id) => b.kind(id) === k);
    if (regime) r.ids = r.ids.filter((id) => b.regimes(id).indexOf(g) >= 0);
    if (year) r.ids = r.ids.filter((id) => (b.date(id) || "").slice(0, 4) === year);
    return r;
  }
  // rank orders r.ids: with every doc at hand (one file) by the final
  // score (a phrase beats scattered pairs, a short entry a long one), else
  // by the index's score; or by date if asked. On a site of several
  // departments each department's second result follows its first. It
  // resolves when the docs of ids[from:to] are at hand.
  function rank(b, r, from, to) {
    b = r.bundle || b;
    if (!r.ranked) {
      r.ranked = true;
      var sc = r.score, byDate = r.sort === "date";
      if (b.oneFile) r.ids.forEach((id) => { sc[id] = final(b.docs[id], r.alts ? r.alts[r.via[id]] : r, sc[id]); });
      r.ids.sort((x, y) => byDate && b.date(x) !== b.date(y) ? (b.date(x) < b.date(y) ? 1 : -1) : sc[y] - sc[x] || x - y);
      if (!byDate && b.deptCount > 1) r.ids = pairDepts(b, r.ids);
    }
    return Promise.resolve(b.load(r.ids.slice(from, to)));
  }
  // pairDepts moves each department's second result after its first.
  function pairDepts(b, ids) {
    var by = {}, out = [], used = {};
    ids.forEach((id) => { var d = b.dept(id); (by[d] = by[d] || []).push(id); });
    ids.forEach((id) => {
      if (used[id]) return;
      out.push(id);
      var d = b.dept(id), second = by[d][1];
      if (d >= 0 && by[d][0] === id && second !== undefined) { out.push(second); used[second] = 1; }
    });
    return out;
  }
  // final is the score s of doc d for result r, weighed on its text.
  function final(d, r, s) {
    if (!d.folded) d.folded = { title: fold(d.title), text: fold(d.text) };
    var title = d.folded.title, text = d.folded.text, f = 1, phrase = 0, n = 0;
    r.groups.forEach((g) => {
      if (g.han && g.terms.length > 1) { n++; if (title.indexOf(g.text) >= 0) phrase += 1.5; else if (text.indexOf(g.text) >= 0) phrase++; }
    });
    // English words found next to each other, in the order asked.
    var words = r.groups.map((g, i) => g.han ? null : r.expanded[i]).filter(Boolean);
    if (words.length > 1) {
      n++;
      var seq = terms(d.title + " \u3000 " + d.text), ok = 0;
      for (var i = 0; i + 1 < words.length; i++) {
        for (var j = 0; j + 1 < seq.length; j++) if (has(words[i], seq[j]) && has(words[i + 1], seq[j + 1])) { ok++; break; }
      }
      phrase += ok / (words.length - 1);
    }
    if (n) f *= 1 + 2 * phrase / n;
    if (d.kind === r.pageKind) f *= 0.7;
    return s * f;
  }
  function has(expanded, t) { return expanded.some((v) => v.term === t); }
  // href is the URL of doc d of result r, from the site's root: a doc the
  // other language found links to its twin page in r's language.
  function href(r, d) { return r.cross ? r.lang + d.url.slice(d.url.indexOf("/")) : d.url; }

  // ---- Show: highlight ----
  // marks finds the ranges of s to highlight, for the query and its
  // alternatives: [{start, end}…], in order, not overlapping.
  function marks(s, r) {
    var out = [];
    (r.alts || [r]).forEach((x) => { if (x.expanded) out = out.concat(ranges(s, x)); });
    out.sort((x, y) => x.start - y.start);
    var merged = [];
    out.forEach((x) => { var l = merged[merged.length - 1]; if (l && x.start <= l.end) l.end = Math.max(l.end, x.end); else merged.push(x); });
    return merged;
  }
  // ranges finds the ranges of s that the groups of r match.
  function ranges(s, r) {
    var f = fold(s), out = [], words = new Set();
    r.groups.forEach((g, gi) => {
      if (!g.han) { r.expanded[gi].forEach((v) => { words.add(v.term); }); return; }
      var i = f.indexOf(g.text);
      (i >= 0 ? [g.text] : g.terms).forEach((t) => {
        for (i = f.indexOf(t); i >= 0; i = f.indexOf(t, i + t.length)) out.push({ start: i, end: i + t.length });
      });
    });
    runs(f).forEach((x) => { if (!x.han && words.has(wordTerm(x.text))) out.push({ start: x.start, end: x.end }); });
    return out;
  }
  // put writes s[from:to] into el with the ranges ms in <mark>.
  function put(el, s, ms, from, to) {
    var at = from;
    ms.forEach((x) => {
      var a = Math.max(x.start, from), z = Math.min(x.end, to);
      if (a >= z) return;
      if (a > at) el.appendChild(document.createTextNode(s.slice(at, a)));
      el.appendChild(document.createElement("mark")).textContent = s.slice(a, z);
      at = z;
    });
    if (at < to) el.appendChild(document.createTextNode(s.slice(at, to)));
  }

  // fill fills an interface string: each {key} with vals[key], and each
  // plural choice {key|one|other} with one when vals[key] is 1, other when
  // it is not (as package chart's Fill does for the pictures); a key with
  // no value stays as written.
  function fill(s, vals) {
    return s.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (m, k, one, other) => {
      var v = vals[k];
      return v === undefined ? m : one === undefined ? String(v) : +v === 1 ? one : other;
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { fold, terms, parse, stem, near, docsOf, index, open, find, rank, marks, keyTokens, alternatives, href, fill };
    return;
  }

  // ---- Show: the page ----
  const PAGE = 10; // results shown at a time
  const script = document.currentScript, form = document.getElementById("search-form");
  if (form) page(form, script.dataset);

  // page runs the search page of form; the script element's data-root is
  // the site's root, relative to the page, and data-parts the path of
  // search-parts.js from the root (its name holds its hash). The page's
  // state is one object, ui:
  //
  //	form, root, partsPath, lang, zh, strings (the form's data-* texts)
  //	q, kind, regime, year, sort   the form's fields (no year filter
  //	                              on a site of one year)
  //	site      the header's search field, kept showing the query
  //	status, list, none            the status line, the results, the
  //	                              suggestions shown when nothing is found
  //	cache     path → promise of its JSON
  //	parts     promise of search-parts.js's exports, once asked for
  //	bundle    promise of the handle of the page's bundle, or null
  //	seq, cur  the number of the latest search and its result
  //	committed whether the address holds a committed search
  function page(form, data) {
    var $ = (id) => document.getElementById(id), lang = document.documentElement.lang.slice(0, 2);
    var ui = {
      form: form, root: data.root, partsPath: data.parts, lang: lang, zh: lang === "zh", strings: form.dataset,
      q: $("q"), kind: $("kind"), regime: $("regime"), year: $("year"), sort: $("sort"), site: $("site-q"),
      status: $("search-status"), list: $("search-results"), none: $("search-none"),
      cache: {}, bundle: null, seq: 0, cur: null, committed: false,
    };
    $("search-nojs").hidden = true;
    ui.q.addEventListener("input", () => { remember(ui, false); run(ui); });
    ui.q.addEventListener("focus", () => { opened(ui).then((h) => h.open()).catch(() => {}); });
    [ui.kind, ui.regime, ui.year, ui.sort].filter(Boolean).forEach((s) => { s.addEventListener("change", () => { remember(ui, true, true); run(ui); }); });
    form.addEventListener("submit", (e) => { e.preventDefault(); remember(ui, true); run(ui); });
    window.addEventListener("popstate", () => { restore(ui); ui.committed = true; run(ui); });
    restore(ui);
    ui.committed = !!ui.q.value;
    if (ui.q.value) run(ui);
  }

  // get fetches the JSON of a path under the site's root, once.
  function get(ui, path) {
    var c = ui.cache;
    if (!c[path]) {
      c[path] = fetch(ui.root + path).then((res) => {
        if (!res.ok) throw new Error(path + ": " + res.status);
        return res.json();
      });
      c[path].catch(() => { delete c[path]; });
    }
    return c[path];
  }
  // opened opens the handle of the page's bundle, once.
  function opened(ui) {
    if (!ui.bundle) {
      ui.bundle = open((path) => get(ui, path), ui.lang, () => ui.parts || (ui.parts = new Promise((res, rej) => {
        var s = document.createElement("script");
        s.src = ui.root + ui.partsPath;
        s.onload = () => { res(window.qdParts); };
        s.onerror = () => { ui.parts = null; rej(new Error(s.src)); };
        document.head.appendChild(s);
      })));
      ui.bundle.catch(() => { ui.bundle = null; });
    }
    return ui.bundle;
  }

  // The form and the address.
  // state is the search the form asks for.
  function state(ui) { return { q: ui.q.value, kind: ui.kind.value, regime: ui.regime.value, year: ui.year ? ui.year.value : "", sort: ui.sort.value }; }
  // address is the page's address for search st.
  function address(st) {
    var p = new URLSearchParams();
    if (st.q) p.set("q", st.q);
    if (st.kind) p.set("kind", st.kind);
    if (st.regime) p.set("regime", st.regime);
    if (st.year) p.set("year", st.year);
    if (st.sort === "date") p.set("sort", "date");
    var s = p.toString();
    return location.pathname + (s ? "?" + s : "");
  }
  // remember puts the search in the address: typing replaces the entry,
  // Enter and the filters commit it, so that Back returns to it.
  function remember(ui, commit, push) {
    var u = address(state(ui));
    if (u !== location.pathname + location.search) history[ui.committed || push ? "pushState" : "replaceState"](null, "", u);
    ui.committed = commit;
  }
  // restore sets the form from the address.
  function restore(ui) {
    var p = new URLSearchParams(location.search);
    ui.q.value = p.get("q") || "";
    ui.sort.value = p.get("sort") === "date" ? "date" : "relevance";
    [ui.kind, ui.regime, ui.year].filter(Boolean).forEach((sel) => {
      sel.value = p.get(sel.name) || "";
      if (sel.selectedIndex < 0) sel.value = "";
    });
    if (ui.site) ui.site.value = ui.q.value;
  }

  // The results.
  // say writes the status line: the string k of the form ("" for none),
  // {x} in it replaced by vals.x.
  function say(ui, k, vals) { ui.status.textContent = k ? fill(ui.strings[k] || "", vals || {}) : ""; }
  // label is the text of the option v of sel.
  function label(sel, v) { var o = sel.querySelector('option[value="' + v + '"]'); return o ? o.textContent : v; }
  // showDate shows a YYYY-MM date as View.Date does.
  function showDate(ui, s) {
    if (!s) return "";
    var y = s.slice(0, 4), m = +s.slice(5, 7);
    return ui.zh ? y + "年" + m + "月" : MONTHS.split(" ")[m - 1] + " " + y;
  }
  // item is the list item of doc id: its title, a line of kind,
  // department, date and context, and a snippet around the first mark. A
  // doc the other language found shows its own language's words, marked
  // so, and says through what it was found.
  function item(ui, r, id) {
    var b = r.bundle, d = b.docs[id], li = document.createElement("li"), a = document.createElement("a"), meta = document.createElement("p");
    var other = r.cross ? (ui.zh ? "en" : "zh-CN") : "", foreign = (el) => { if (other) el.lang = other; return el; };
    a.href = ui.root + href(r, d);
    put(foreign(a), d.title, marks(d.title, r), 0, d.title.length);
    li.appendChild(a);
    meta.className = "meta";
    var k = meta.appendChild(document.createElement("span"));
    k.className = "label";
    k.textContent = label(ui.kind, b.manifest.kinds[d.kind]);
    var bits = [];
    if (d.dept >= 0 && b.depts[d.dept]) bits.push(b.depts[d.dept].name);
    if (d.context) bits.push(d.context);
    foreign(meta.appendChild(document.createElement("span"))).textContent = bits.join(" · ");
    if (d.date) meta.appendChild(document.createTextNode((bits.length ? " · " : "") + showDate(ui, d.date)));
    li.appendChild(meta);
    if (other) {
      // "found via the Chinese “{w}”", the query in its language
      var via = li.appendChild(document.createElement("p")), parts = (ui.strings.via || "{w}").split("{w}");
      via.className = "meta via";
      via.appendChild(document.createTextNode(parts[0]));
      foreign(via.appendChild(document.createElement("span"))).textContent = r.cross;
      via.appendChild(document.createTextNode(parts.slice(1).join("")));
    }
    if (d.text) li.appendChild(foreign(snippet(ui.zh !== !!other, d.text, marks(d.text, r))));
    return li;
  }
  // snippet is a paragraph of s (Chinese if zh), cut around the first of
  // the marks ms when s is long.
  function snippet(zh, s, ms) {
    var width = zh ? 80 : 200, from = 0, to = s.length, p = document.createElement("p");
    if (to > width) {
      from = ms.length ? Math.max(0, ms[0].start - (zh ? 20 : 60)) : 0;
      if (!zh && from) { var sp = s.indexOf(" ", from); if (sp >= 0 && sp < ms[0].start) from = sp + 1; }
      to = Math.min(s.length, from + width);
      if (!zh && to < s.length) { var e = s.lastIndexOf(" ", to); if (e > from) to = e; }
    }
    if (from) p.appendChild(document.createTextNode("…"));
    put(p, s, ms, from, to);
    if (to < s.length) p.appendChild(document.createTextNode("…"));
    return p;
  }
  function dropMore() { var old = document.getElementById("search-more"); if (old) old.remove(); }
  // show lists a page of the results of r from from on, and a button for
  // more.
  function show(ui, r, from) {
    var to = Math.min(r.ids.length, from + PAGE), list = ui.list;
    return rank(r.bundle, r, from, to).then(() => {
      if (r !== ui.cur) return;
      dropMore();
      for (var i = from; i < to; i++) list.appendChild(item(ui, r, r.ids[i]));
      if (to < r.ids.length) {
        var more = document.createElement("button");
        more.type = "button";
        more.id = "search-more";
        more.textContent = ui.strings.more;
        more.addEventListener("click", () => {
          show(ui, r, to).then(() => { var a = list.children[to] && list.children[to].querySelector("a"); if (a) a.focus(); });
        });
        list.parentNode.insertBefore(more, list.nextSibling);
      }
    });
  }
  // run searches for what the form asks, shows the results and announces
  // them (the event qd-results); a later search overtakes it.
  function run(ui) {
    var st = state(ui), my = ++ui.seq, q = st.q.trim();
    if (ui.site) ui.site.value = st.q;
    if (!q) {
      ui.cur = null; ui.list.textContent = ""; ui.none.hidden = true; say(ui, "");
      dropMore();
      return Promise.resolve();
    }
    var slow = setTimeout(() => { if (my === ui.seq) say(ui, "loading"); }, 300);
    return opened(ui).then((h) => find(h, q, st.kind, st.regime, st.sort, st.year).then((r) => {
      if (my !== ui.seq) return;
      ui.cur = r;
      ui.list.textContent = "";
      dropMore();
      return show(ui, r, 0).then(() => {
        if (my !== ui.seq) return;
        clearTimeout(slow);
        var n = r.ids.length;
        ui.none.hidden = n > 0;
        say(ui, !n ? "none" : r.partial ? "partial" : n === 1 ? "count1" : "count", { q: q, n: n });
        ui.list.setAttribute("data-q", q);
        ui.form.dispatchEvent(new CustomEvent("qd-results", { bubbles: true, detail: { q: q, count: n } }));
      });
    })).catch((e) => {
      clearTimeout(slow);
      if (my === ui.seq) say(ui, "error");
      if (window.console) console.error(e);
    });
  }
})();
