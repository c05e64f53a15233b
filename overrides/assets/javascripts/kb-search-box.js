/*
 * Material's search box, answered by the site's engine (kb-search.js) in the page.
 *
 * Material creates its search Web Worker with `new Worker(url)`, which Chromium refuses for
 * file:// pages. We stand in for that one worker with an object that speaks the same
 * messages (SETUP → READY, QUERY → RESULT) and runs in the page, so search works over HTTP
 * and from a folder on disk, with no network at all. The index is a script
 * (search/kb_index.js), because file:// pages cannot fetch JSON.
 *
 * Each result is one question, its page shown as a small line above it. Material renders
 * the first 10 results and 4 more each time the list is scrolled to its end; we keep the
 * list's end in reach while results are left, so every result counted can be scrolled to.
 * When nothing matches, the closest spelling the site knows is offered ("你是不是要找").
 */
(function (root) {
  "use strict";

  if (typeof window === "undefined" || !window.Worker || !root.KbSearch) return;

  var KbSearch = root.KbSearch;
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var WORKER = /assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js(\?|$)/;

  /* Material's result items: [page header, question] per question. Titles and snippets are
     made when Material renders an item, so a query matching hundreds of sections stays fast.
     `terms` become the `?h=` of the links (Material's highlighter on the opened page): the
     spellings found, never empty. */
  function toMaterial(engine, hits) {
    var query = hits.query;
    return hits.map(function (hit) {
      var s = engine.sections[hit.section], page = engine.pages[s[0]];
      var terms = {}, made = null, any = false;
      Object.keys(hit.found).forEach(function (label) {
        terms[hit.found[label] || label] = !!hit.found[label];
        any = any || !!hit.found[label];
      });
      if (!any) terms[KbSearch.norm(query.text).trim()] = true;
      function make() {
        if (!made) {
          var row = engine.describe(query, hit);
          made = [KbSearch.markup(row.title, row.titleMarks), KbSearch.markup(row.snippet, row.snippetMarks)];
        }
        return made;
      }
      var doc = {
        location: engine.location(hit.section),
        get title() { return make()[0]; },
        get text() { return make()[1]; },
        score: hit.score,
        terms: terms
      };
      if (!s[1]) return [doc];
      var present = {};
      Object.keys(terms).forEach(function (t) { if (terms[t]) present[t] = true; });
      return [{ location: page[0], title: KbSearch.escapeHTML(page[1]), text: "", score: 0, terms: present }, doc];
    });
  }

  function indexURL() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base.replace(/\/?$/, "/") + "search/kb_index.js", location.href).href;
  }

  /* ------------------------------------------------------------ the list's end in reach */

  /* Material appends 4 more results each time its scroll container *becomes* scrolled to
     its end: it watches the container's scroll events for a change from "not at the end" to
     "at the end". After an append the container is no longer at its end, but nothing tells
     Material so until the next scroll event; a reader who jumps to the end (a fast flick,
     the End key, the scroll bar) may send just one event, at the end, which Material takes
     for no change — and the list stopped at 14 of 150 results. So after each append we let
     Material re-read the position, and whenever the reader rests at the end with results
     left and nothing came, we move the list up a little and back, as a reader's scroll
     would (a few tries per length of the list, so a broken page cannot loop). */
  function keepEndInReach() {
    var list = document.querySelector(".md-search-result__list");
    var box = list && list.closest(".md-search__scrollwrap");
    if (!list || !box || box.__kbWatched) return;
    box.__kbWatched = true;
    var timer = null, seen = -1, tries = 0;
    function atEnd() {
      return box.scrollTop + box.clientHeight >= box.scrollHeight - 16;
    }
    function schedule(ms) {
      if (!timer) timer = setTimeout(check, ms);
    }
    function check() {
      timer = null;
      var count = list.children.length;
      if (count >= (root.__kbSearchShown || 0) || box.clientHeight === 0) return;
      if (!atEnd()) {
        box.dispatchEvent(new Event("scroll"));  /* Material now knows: not at the end */
        return;
      }
      if (count !== seen) { seen = count; tries = 0; }
      if (tries++ >= 8) return;
      var top = box.scrollTop;
      box.scrollTop = Math.max(0, top - 48);
      box.dispatchEvent(new Event("scroll"));
      setTimeout(function () {
        box.scrollTop = top + 48;
        box.dispatchEvent(new Event("scroll"));
        schedule(150);  /* nothing came? try again */
      }, 80);
    }
    new MutationObserver(function () { schedule(30); }).observe(list, { childList: true });
    box.addEventListener("scroll", function (ev) { if (ev.isTrusted) schedule(80); }, { passive: true });
  }

  /* ------------------------------------------------------------ did you mean */

  function offerSuggestion(engine, text, hits) {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    var old = meta.querySelector(".kb-search-suggest");
    if (old) old.remove();
    if (hits.length || !text.trim()) return;
    var better = engine.suggest(text);
    if (!better) return;
    var note = document.createElement("span");
    note.className = "kb-search-suggest";
    var link = document.createElement("a");
    link.href = "#";
    link.textContent = better;
    link.addEventListener("click", function (ev) {
      ev.preventDefault();
      var input = document.querySelector("[data-md-component=search-query]");
      input.value = better;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
    });
    note.append("你是不是要找：", link);
    /* Material writes the count after our result message; wait for it */
    requestAnimationFrame(function () { meta.appendChild(note); });
  }

  /* ------------------------------------------------------------ the worker stand-in */

  function SearchWorker() {
    this.target = document.createElement("span");
    this.engine = null;
    this.loading = false;
    this.timings = root.__kbSearchTimings = root.__kbSearchTimings || [];
  }
  SearchWorker.prototype.addEventListener = function (type, fn, opts) {
    this.target.addEventListener(type, fn, opts);
  };
  SearchWorker.prototype.removeEventListener = function (type, fn, opts) {
    this.target.removeEventListener(type, fn, opts);
  };
  SearchWorker.prototype.terminate = function () {};
  SearchWorker.prototype.emit = function (data) {
    var ev = new MessageEvent("message", { data: data });
    this.target.dispatchEvent(ev);
    if (typeof this.onmessage === "function") this.onmessage(ev);
  };
  SearchWorker.prototype.load = function () {
    var self = this;
    if (this.engine || this.loading) return;
    this.loading = true;
    var t0 = performance.now();
    var script = document.createElement("script");
    script.src = indexURL();
    script.onload = function () {
      self.engine = new KbSearch.Engine(root.__kbSearchIndex);
      root.__kbSearchLoadMs = performance.now() - t0;  /* fetch + parse + prepare, for the benchmark */
      self.emit({ type: READY });
    };
    script.onerror = function () {
      self.loading = false;
      if (root.console) root.console.error("搜索索引加载失败：" + script.src);
    };
    document.head.appendChild(script);
  };
  /* The index is fetched once a reader turns to search (focus, or the search button),
     not on every page view: Material sends SETUP at page load. */
  SearchWorker.prototype.loadWhenWanted = function () {
    var self = this;
    var toggle = document.getElementById("__search");
    var input = document.querySelector("[data-md-component=search-query]");
    if (!toggle || !input || toggle.checked || document.activeElement === input) return this.load();
    function go() {
      toggle.removeEventListener("change", go);
      input.removeEventListener("focus", go);
      self.load();
    }
    toggle.addEventListener("change", go);
    input.addEventListener("focus", go);
  };

  SearchWorker.prototype.postMessage = function (message) {
    var self = this;
    setTimeout(function () {
      if (message.type === SETUP) self.loadWhenWanted();
      else if (message.type === QUERY && self.engine) {
        var t0 = performance.now();
        var hits = self.engine.search(message.data);
        var items = toMaterial(self.engine, hits);
        self.timings.push(performance.now() - t0);
        root.__kbSearchShown = items.length;
        self.emit({ type: RESULT, data: { items: items } });
        root.__kbSearchLast = message.data;  /* the query the results list now shows */
        keepEndInReach();
        offerSuggestion(self.engine, message.data, hits);
      }
    }, 0);
  };

  /* Material reads the query on keyup; typing with an input method, pasting with the
     mouse or dictating changes the box without one, so every input also counts as one. */
  document.addEventListener("input", function (ev) {
    var el = ev.target;
    if (el && el.matches && el.matches("[data-md-component=search-query]")) {
      el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  }, true);

  var NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    if (WORKER.test(String(url))) return new SearchWorker();
    return new NativeWorker(url, options);
  };
  window.Worker.prototype = NativeWorker.prototype;
})(typeof globalThis !== "undefined" ? globalThis : this);
