/* kohyo site search: queries the index `kohyo build` writes into search/
   (format: docs/search-index.md) and shows the results on search.html.
   Plain JavaScript, no build step. Without it the page still links to the
   indexes. The first part (the engine) is also run by the tests in Node. */
(function (global) {
  "use strict";

  /* ---- Engine ---------------------------------------------------------- */

  // Weight of a match in each field: title, headings, body, divisions,
  // marks, and the titles a listing page merely lists (so the page about a
  // subject ranks above the pages that list it).
  var WEIGHTS = { t: 10, h: 4, b: 1, d: 3, m: 2, l: 1 };
  var K1 = 1.2; // BM25 saturation: the tenth mention adds little.
  var SYNONYM = 0.9; // a match of a synonym counts a little less.
  var VERSION = 1;

  /* The tokeniser of src/search/text.rs, step for step: NFKC, lower case,
     hiragana as katakana; Japanese runs give single characters and pairs,
     other letters and digits whole words; separators advance by one. */
  function normalise(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[\u3041-\u3096\u309D\u309E]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) + 0x60);
    });
  }
  function isCjk(c) {
    var n = c.codePointAt(0);
    return n === 0x3005 || n === 0x3006 || n === 0x3007 ||
      (n >= 0x30A1 && n <= 0x30FA) || (n >= 0x30FC && n <= 0x30FF) ||
      (n >= 0x3400 && n <= 0x4DBF) || (n >= 0x4E00 && n <= 0x9FFF) ||
      (n >= 0xF900 && n <= 0xFAFF) || (n >= 0x20000 && n <= 0x2FA1F);
  }
  var WORD = /^[\p{Alphabetic}\p{N}]$/u;
  var DIGIT = /^[0-9]$/;
  function isWord(c) { return WORD.test(c); }
  function tokens(text) {
    var chars = Array.from(text), out = [], pos = 0, i = 0, sep = true;
    while (i < chars.length) {
      var c = chars[i];
      if (isCjk(c)) {
        var begin = i;
        while (i < chars.length && isCjk(chars[i])) i++;
        for (var k = begin; k < i; k++) {
          out.push({ t: chars[k], p: pos + k - begin });
          if (k + 1 < i) out.push({ t: chars[k] + chars[k + 1], p: pos + k - begin, pair: true });
        }
        pos += i - begin;
        sep = false;
      } else if (isWord(c)) {
        var word = "";
        while (i < chars.length) {
          var ch = chars[i];
          if (isWord(ch) && !isCjk(ch)) { word += ch; i++; }
          else if ((ch === "." || ch === ",") && DIGIT.test(chars[i + 1] || "") && DIGIT.test(word.slice(-1))) {
            if (ch === ".") word += ".";
            i++;
          } else break;
        }
        out.push({ t: word, p: pos, word: true });
        pos += 1;
        sep = false;
      } else {
        if (!sep) pos += 1;
        sep = true;
        i++;
      }
    }
    return out;
  }
  function hash(token) {
    var h = 0x811c9dc5, bytes = new TextEncoder().encode(token);
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h;
  }

  /* The tokens that must all occur, each at its offset, for `text` to
     match: words, single characters not inside a pair, and of each run's
     pairs every other one and the last, which together cover every
     character (so fewer files are fetched). */
  function pattern(text) {
    var all = tokens(text), pairs = {}, out = [];
    all.forEach(function (t) { if (t.pair) pairs[t.p] = true; });
    all.forEach(function (t) {
      var runStart = t.p;
      while (pairs[runStart - 1]) runStart--;
      if (t.word || (!t.pair && !pairs[t.p] && !pairs[t.p - 1]) ||
          (t.pair && ((t.p - runStart) % 2 === 0 || !pairs[t.p + 1]))) out.push(t);
    });
    var first = out.length ? out[0].p : 0;
    return out.map(function (t) { return { t: t.t, off: t.p - first }; });
  }

  /* "3t9:0b5,2;1b7": documents by gap, then each field's letter and its
     positions by gap; the title's group starts with its length and ":".
     Single characters and common pairs have "*" and a count instead of
     positions: their field holds a number, not a list. */
  function parsePostings(s) {
    var list = [], doc = 0;
    s.split(";").forEach(function (entry) {
      var m = /^(\d+)/.exec(entry), fields = {}, re = /([a-z])(?:(\d+):)?(\*\d+|[\d,]+)/g, f, titleLength = 0;
      doc += +m[1];
      while ((f = re.exec(entry.slice(m[1].length)))) {
        var p = 0;
        if (f[2]) titleLength = +f[2];
        fields[f[1]] = f[3][0] === "*" ? +f[3].slice(1) :
          f[3].split(",").map(function (g) { p += +g; return p; });
      }
      list.push({ doc: doc, fields: fields, titleLength: titleLength });
    });
    return list;
  }
  function gapsToIds(s) {
    var id = 0;
    return s ? s.split(",").map(function (g) { id += +g; return id; }) : [];
  }

  function Index(base) {
    this.base = base;
    this.cache = {};
    this.lists = {};
  }
  Index.prototype.get = function (path) {
    var url = this.base + path;
    if (!this.cache[path]) {
      this.cache[path] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      });
    }
    return this.cache[path];
  };
  Index.prototype.load = function () {
    var self = this;
    return this.get("meta.json").then(function (meta) {
      if (meta.version !== VERSION) throw new Error("search index version " + meta.version);
      self.meta = meta;
      self.priors = meta.priors;
      self.synonyms = meta.synonyms.map(function (g) { return g.map(normalise); });
      return meta;
    });
  };
  Index.prototype.postings = function (token) {
    var self = this;
    if (!this.lists[token]) {
      this.lists[token] = this.get("p/" + (hash(token) % this.meta.shards) + ".json").then(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard, token) ? parsePostings(shard[token]) : [];
      });
    }
    return this.lists[token];
  };
  /* Documents where `text` occurs as a phrase: doc → weighted occurrences. */
  Index.prototype.phrase = function (text) {
    var pat = pattern(text);
    if (!pat.length) return Promise.resolve(null);
    return Promise.all(pat.map(function (t) { return this.postings(t.t); }, this)).then(function (lists) {
      var byDoc = lists.map(function (list) {
        var m = new Map();
        list.forEach(function (e) { m.set(e.doc, e); });
        return m;
      });
      var rarest = 0;
      lists.forEach(function (l, k) { if (l.length < lists[rarest].length) rarest = k; });
      var span = 0, hits = new Map();
      pat.forEach(function (t) {
        var chars = Array.from(t.t);
        span = Math.max(span, t.off + (isCjk(chars[0]) ? chars.length : 1));
      });
      lists[rarest].forEach(function (e) {
        if (!byDoc.every(function (m) { return m.has(e.doc); })) return;
        var weight = 0, entries = byDoc.map(function (m) { return m.get(e.doc); });
        var length = Math.max.apply(null, entries.map(function (x) { return x.titleLength; }));
        Object.keys(WEIGHTS).forEach(function (f) {
          var here = entries.map(function (x) { return x.fields[f]; }), count = 0;
          if (!here.every(function (h) { return h !== undefined; })) return;
          // Tokens with positions must line up; those with counts only
          // (single characters, common pairs) must be in the field.
          var placed = [];
          here.forEach(function (h, k) { if (typeof h !== "number") placed.push(k); });
          if (!placed.length) {
            count = Math.min.apply(null, here);
          } else {
            var sets = placed.map(function (k) { return new Set(here[k]); }), a = placed[0];
            here[a].forEach(function (p) {
              var start = p - pat[a].off;
              if (placed.every(function (k, i) { return sets[i].has(start + pat[k].off); })) count++;
            });
          }
          if (!count) return;
          // Saturated per field (BM25F-like); a title that is little more
          // than the phrase counts up to half again.
          var boost = f === "t" && length ? 1 + 0.5 * Math.pow(Math.min(1, span / length), 2) : 1;
          weight += WEIGHTS[f] * boost * count * (K1 + 1) / (count + K1);
        });
        if (weight > 0) hits.set(e.doc, weight);
      });
      return hits;
    });
  };
  /* The words a typed word stands for: itself, then its synonyms. */
  Index.prototype.alternatives = function (word) {
    var group = this.synonyms.find(function (g) { return g.indexOf(word) >= 0; });
    return [word].concat((group || []).filter(function (w) { return w !== word; }));
  };
  Index.prototype.filterIds = function (filters) {
    var self = this, names = Object.keys(filters).filter(function (n) { return filters[n]; });
    return Promise.all(names.map(function (n) { return self.get("f/" + n + ".json"); })).then(function (files) {
      var sets = files.map(function (file, k) { return new Set(gapsToIds(file[filters[names[k]]] || "")); });
      return sets.length ? sets : null;
    });
  };
  /* Runs a query: every word (or one of its synonyms) must occur; filters
     narrow. Resolves to { results: [{ id, score }], phrases }. */
  Index.prototype.search = function (query, filters) {
    var self = this, words = normalise(query || "").split(/\s+/).filter(Boolean);
    var phrases = [];
    var terms = words.map(function (w) {
      var alts = self.alternatives(w);
      phrases = phrases.concat(alts);
      return Promise.all(alts.map(function (a) { return self.phrase(a); })).then(function (hitsList) {
        if (hitsList.every(function (h) { return h === null; })) return null;
        var best = new Map();
        hitsList.forEach(function (hits, k) {
          if (!hits) return;
          hits.forEach(function (w, doc) {
            var v = k === 0 ? w : w * SYNONYM;
            if (!(best.get(doc) >= v)) best.set(doc, v);
          });
        });
        return best;
      });
    });
    return Promise.all([Promise.all(terms), this.filterIds(filters || {})]).then(function (both) {
      var termHits = both[0].filter(Boolean), sets = both[1], n = self.meta.docs;
      var keep = function (doc) { return !sets || sets.every(function (s) { return s.has(doc); }); };
      var results = [];
      if (!termHits.length) {
        if (!sets || words.length) return { results: [], phrases: phrases };
        sets[0].forEach(function (doc) { if (keep(doc)) results.push({ id: doc, score: 0 }); });
        results.sort(function (a, b) { return a.id - b.id; });
        return { results: results, phrases: phrases };
      }
      termHits.sort(function (a, b) { return a.size - b.size; });
      termHits[0].forEach(function (_, doc) {
        if (!keep(doc) || !termHits.every(function (h) { return h.has(doc); })) return;
        var score = 0;
        termHits.forEach(function (h) {
          var df = h.size;
          score += Math.log(1 + (n - df + 0.5) / (df + 0.5)) * h.get(doc);
        });
        results.push({ id: doc, score: score * self.prior(doc) });
      });
      results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return { results: results, phrases: phrases };
    });
  };
  /* A document's rank in meta.json's runs of ids, as a factor. */
  Index.prototype.prior = function (doc) {
    var run = this.priors.find(function (r) { return doc >= r[0] && doc <= r[1]; });
    return run ? run[2] / 100 : 1;
  };
  Index.prototype.doc = function (id) { return this.get("d/" + id + ".json"); };

  /* The part of `text` around the first match of any phrase, as segments
     { text, mark }; matches are found in the normalised text, one
     character at a time so positions map back to what was written. */
  function excerpt(text, phrases, length) {
    length = length || 90;
    var chars = Array.from(text.replace(/\s+/g, " ")), norm = "", from = [];
    chars.forEach(function (c, k) {
      var n = normalise(c);
      for (var j = 0; j < n.length; j++) from.push(k);
      norm += n;
    });
    var found = [];
    phrases.map(normalise).filter(Boolean).forEach(function (p) {
      for (var at = norm.indexOf(p); at >= 0; at = norm.indexOf(p, at + 1)) {
        found.push([from[at], from[at + p.length - 1] + 1]);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    var start = found.length ? Math.max(0, found[0][0] - 30) : 0;
    var end = Math.min(chars.length, start + length);
    var out = [], k = start;
    if (start > 0) out.push({ text: "…", mark: false });
    found.forEach(function (m) {
      if (m[0] < k || m[1] > end) return;
      if (m[0] > k) out.push({ text: chars.slice(k, m[0]).join(""), mark: false });
      out.push({ text: chars.slice(m[0], m[1]).join(""), mark: true });
      k = m[1];
    });
    if (end > k) out.push({ text: chars.slice(k, end).join(""), mark: false });
    if (end < chars.length) out.push({ text: "…", mark: false });
    return out;
  }

  /* Segments as text with the matches in <mark>…</mark> (for tests and tools). */
  function marked(segments) {
    return segments.map(function (s) { return s.mark ? "<mark>" + s.text + "</mark>" : s.text; }).join("");
  }

  var engine = { normalise: normalise, tokens: tokens, hash: hash, pattern: pattern, excerpt: excerpt, marked: marked, Index: Index };
  if (typeof document === "undefined") {
    global.kohyoSearch = engine;
    return;
  }

  /* ---- The search page ------------------------------------------------- */

  var PAGE_SIZE = 10;
  var script = document.currentScript;
  var byId = function (id) { return document.getElementById(id); };
  var form = byId("search-form"), input = byId("search-q"), status = byId("search-status");
  var section = byId("search-results-section"), list = byId("search-results"), more = byId("search-more");
  if (!script || !form || !input || !status || !section || !list || !more) return;
  var show = function (id, shown) { var el = byId(id); if (el) el.hidden = !shown; };
  show("search-nojs", false);
  // Browsers refuse the index files to pages opened straight from disk.
  if (window.location.protocol === "file:") { show("search-file", true); return; }
  form.hidden = false;

  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var index = new Index(new URL(script.getAttribute("data-index") || "search/", document.baseURI).href);
  var ready = null, current = null, generation = 0;
  function say(text) { status.textContent = text; }
  function chosen() {
    var f = {};
    selects.forEach(function (s) { if (s.value) f[s.getAttribute("data-filter")] = s.value; });
    return f;
  }
  function natural(a, b) { return a[0].localeCompare(b[0], "ja", { numeric: true }); }
  function fillFilters(meta) {
    selects.forEach(function (select) {
      var values = (meta.filters[select.getAttribute("data-filter")] || []).slice().sort(natural);
      values.forEach(function (v) {
        var option = document.createElement("option");
        option.value = v[0];
        option.textContent = v[0] + "（" + v[1] + "）";
        select.appendChild(option);
      });
      var box = select.closest("[data-filter-box]");
      if (box) box.hidden = values.length === 0; // e.g. grades before any evaluation
    });
  }
  function resultItem(d, phrases) {
    var li = document.createElement("li"), title = document.createElement("p"), a = document.createElement("a");
    title.className = "search-result-title";
    a.href = d.u;
    excerpt(d.t, phrases, 1000).forEach(function (s) {
      var node = s.mark ? document.createElement("mark") : document.createTextNode(s.text);
      if (s.mark) node.textContent = s.text;
      a.appendChild(node);
    });
    title.appendChild(a);
    li.appendChild(title);
    if (d.c) {
      var context = document.createElement("p");
      context.className = "search-result-context";
      context.textContent = d.c;
      li.appendChild(context);
    }
    if (d.x) {
      var p = document.createElement("p");
      p.className = "search-result-excerpt";
      excerpt(d.x, phrases).forEach(function (s) {
        var node = s.mark ? document.createElement("mark") : document.createTextNode(s.text);
        if (s.mark) node.textContent = s.text;
        p.appendChild(node);
      });
      li.appendChild(p);
    }
    return li;
  }
  function countText() {
    var total = current.results.length, text = current.label + "：" + total + "件";
    return total > current.shown ? text + "（" + current.shown + "件を表示）" : text;
  }
  function showMore(focusFirst) {
    var mine = generation, next = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    return Promise.all(next.map(function (r) { return index.doc(r.id); })).then(function (docs) {
      if (mine !== generation) return;
      var first = null;
      docs.forEach(function (d) {
        var li = resultItem(d, current.phrases);
        first = first || li;
        list.appendChild(li);
      });
      current.shown += docs.length;
      more.hidden = current.shown >= current.results.length;
      say(countText());
      if (focusFirst && first) first.querySelector("a").focus();
    });
  }
  function updateAddress(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
    var search = params.toString();
    window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }
  function run() {
    var query = input.value.replace(/\s+/g, " ").trim(), filters = chosen(), mine = ++generation;
    updateAddress(query, filters);
    list.textContent = "";
    more.hidden = true;
    var searched = !!query || Object.keys(filters).length > 0;
    form.classList.toggle("searched", searched);
    if (!searched) { section.hidden = true; say(""); return; }
    say("検索しています…");
    ready.then(function () { return index.search(query, filters); }).then(function (found) {
      if (mine !== generation) return;
      var label = query ? "「" + query + "」の検索結果" : "絞り込みの結果";
      current = { results: found.results, phrases: found.phrases, shown: 0, label: label };
      section.hidden = false;
      if (!found.results.length) { say(label + "：0件。別の言葉や、短い言葉で探してみてください。"); return; }
      return showMore(false);
    }).catch(function () {
      say("検索の準備に失敗しました。下の「一覧から探す」からたどってください。");
    });
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  selects.forEach(function (s) { s.addEventListener("change", run); });
  more.addEventListener("click", function () { showMore(true); });

  // Run the search in the address (?q=…&division=…), e.g. from the header's box.
  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  ready = index.load().then(function (meta) {
    fillFilters(meta);
    selects.forEach(function (s) {
      var wanted = params.get(s.getAttribute("data-filter"));
      if (wanted) s.value = wanted;
    });
  });
  if (input.value || selects.some(function (s) { return params.get(s.getAttribute("data-filter")); })) {
    ready.then(run);
  }
  ready.catch(function () {
    say("検索の準備に失敗しました。下の「一覧から探す」からたどってください。");
  });
})(typeof globalThis !== "undefined" ? globalThis : this);
