/* kohyo site search: a small, accessible interface over pagefind's JS API.
   The index is built by `kohyo build` into pagefind/. This script only
   enhances search.html: without it the page still links to the indexes. */
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var FILTERS = ["plan", "goal", "policy", "division", "mark", "grade"];
  // pagefind's ranking. pageLength below its default (0.75) penalises long
  // pages less: here the long pages are the item pages, which are the
  // answer, while short index pages mention a subject in passing.
  // tests/search reads this line, so the tests rank as the site does.
  var RANKING = { pageLength: 0.5 };

  var script = document.currentScript;
  var byId = function (id) { return document.getElementById(id); };
  var form = byId("search-form");
  var input = byId("search-q");
  var status = byId("search-status");
  var section = byId("search-results-section");
  var list = byId("search-results");
  var more = byId("search-more");
  if (!script || !form || !input || !status || !section || !list || !more) return;
  var show = function (id, shown) {
    var el = byId(id);
    if (el) el.hidden = !shown;
  };

  show("search-nojs", false);

  // Search fetches its index files, which browsers refuse to pages opened
  // straight from disk: say so instead of failing silently.
  if (window.location.protocol === "file:") {
    show("search-file", true);
    return;
  }
  form.hidden = false;

  var selects = FILTERS.map(function (name) { return byId("filter-" + name); })
    .filter(Boolean);
  var bundle = new URL((script.getAttribute("data-bundle") || "pagefind/") + "pagefind.js", document.baseURI).href;
  var pagefind = null;
  var current = null; // { results, shown, label }
  var generation = 0;

  function say(text) { status.textContent = text; }

  /* Full-width letters and digits (ＮＥＴＳＵＧＥＮ, ２０２５), half-width katakana
     and the ideographic space become their ordinary forms. */
  function normalise(text) { return text.normalize("NFKC").replace(/\s+/g, " ").trim(); }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (s) {
      if (s.value) filters[s.getAttribute("data-filter")] = s.value;
    });
    return filters;
  }

  function natural(a, b) { return a.localeCompare(b, "ja", { numeric: true }); }

  function fillFilters(all) {
    selects.forEach(function (select) {
      var values = Object.keys(all[select.getAttribute("data-filter")] || {}).sort(natural);
      var box = select.closest("[data-filter-box]");
      values.forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = v;
        select.appendChild(option);
      });
      // A filter no page carries (e.g. grades before any evaluation) is left out.
      if (box) box.hidden = values.length === 0;
    });
  }

  /* pagefind marks matches with <mark> in plain text: build the nodes
     ourselves instead of trusting the string as HTML. */
  function excerptNodes(excerpt, into) {
    var parts = excerpt.split(/(<mark>|<\/mark>)/);
    var marked = false;
    parts.forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      if (!part) return;
      if (marked) {
        var m = document.createElement("mark");
        m.textContent = part;
        into.appendChild(m);
      } else {
        into.appendChild(document.createTextNode(part));
      }
    });
  }

  function resultItem(data) {
    var li = document.createElement("li");
    var title = document.createElement("p");
    title.className = "search-result-title";
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    title.appendChild(a);
    li.appendChild(title);
    var f = data.filters || {};
    var where = [].concat(f.plan || [], f.policy || []).join(" › ");
    if (where) {
      var context = document.createElement("p");
      context.className = "search-result-context";
      context.textContent = where;
      li.appendChild(context);
    }
    if (data.excerpt) {
      var excerpt = document.createElement("p");
      excerpt.className = "search-result-excerpt";
      excerptNodes(data.excerpt, excerpt);
      li.appendChild(excerpt);
    }
    return li;
  }

  function countText() {
    var total = current.results.length;
    var text = current.label + "：" + total + "件";
    if (total > current.shown) text += "（" + current.shown + "件を表示）";
    return text;
  }

  async function showMore(focusFirst) {
    var mine = generation;
    var next = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    var data = await Promise.all(next.map(function (r) { return r.data(); }));
    if (mine !== generation) return;
    var first = null;
    data.forEach(function (d) {
      var li = resultItem(d);
      first = first || li;
      list.appendChild(li);
    });
    current.shown += data.length;
    more.hidden = current.shown >= current.results.length;
    say(countText());
    if (focusFirst && first) first.querySelector("a").focus();
  }

  function updateAddress(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
    var search = params.toString();
    window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }

  async function run() {
    var query = normalise(input.value);
    var filters = chosenFilters();
    var mine = ++generation;
    updateAddress(query, filters);
    list.textContent = "";
    more.hidden = true;
    if (!query && Object.keys(filters).length === 0) {
      section.hidden = true;
      say("");
      return;
    }
    if (!pagefind) {
      say("検索の準備ができていません。しばらくしてからもう一度お試しください。");
      return;
    }
    say("検索しています…");
    var search = await pagefind.search(query || null, { filters: filters });
    if (mine !== generation || !search) return;
    var label = query ? "「" + query + "」の検索結果" : "絞り込みの結果";
    current = { results: search.results, shown: 0, label: label };
    section.hidden = false;
    if (search.results.length === 0) {
      say(label + "：0件。別の言葉や、短い言葉で探してみてください。");
      return;
    }
    await showMore(false);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  selects.forEach(function (s) { s.addEventListener("change", run); });
  more.addEventListener("click", function () { showMore(true); });

  // Restore a search from the address (?q=…&division=…), e.g. after reload.
  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";

  import(bundle)
    .then(async function (module) {
      await module.options({ excerptLength: 40, ranking: RANKING });
      module.init();
      fillFilters(await module.filters());
      selects.forEach(function (s) {
        var wanted = params.get(s.getAttribute("data-filter"));
        if (wanted) s.value = wanted;
      });
      pagefind = module;
      if (input.value || selects.some(function (s) { return s.value; })) run();
    })
    .catch(function () {
      say("検索の準備に失敗しました。下の「一覧から探す」からたどってください。");
    });
})();
