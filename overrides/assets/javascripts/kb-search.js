/*
 * Site search: Material's search box, answered by our own engine in the page.
 *
 * The engine is the twin of kb/search/normalize.py + kb/search/engine.py (the
 * terminal search); tests run both on the same queries and compare rankings.
 * Material creates its search Web Worker with `new Worker(url)`, which Chromium
 * refuses for file:// pages. We stand in for that one worker with an object that
 * speaks the same messages (SETUP → READY, QUERY → RESULT) and runs in the page,
 * so search works over HTTP and from a folder on disk, with no network at all.
 * The index is a script (search/kb_index.js), because file:// pages cannot fetch JSON.
 */
(function (root) {
  "use strict";

  /* ------------------------------------------------------------ normalize */

  var SPACE_CLASS = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200d" +
    "\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff";
  var SPACE_ONE = new RegExp("^[" + SPACE_CLASS + "]$");
  var CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;
  var LATIN = /^[a-z0-9]$/;
  var DIGIT = /^[0-9]$/;
  var PARTICLES = "的吗呢吧啊呀";
  var WORD = 2, CAMEL = 1;

  function lowerEach(ch) {
    return ch.toLowerCase();
  }

  function norm(text) {
    return Array.from(text.normalize("NFKC"), lowerEach).join("");
  }

  /* [compact text, Uint8Array of Latin word starts]; see normalize.compact_starts */
  function compactStarts(text) {
    var chars = [], starts = [], gap = true, prevLower = false, prevUpper = false;
    var source = Array.from(text.normalize("NFKC"));
    for (var k = 0; k < source.length; k++) {
      var ch = source[k];
      if (SPACE_ONE.test(ch)) { gap = true; continue; }
      var upper = ch >= "A" && ch <= "Z";
      var following = k + 1 < source.length ? source[k + 1] : "";
      var camel = upper && (prevLower || (prevUpper && following >= "a" && following <= "z"));
      for (var c of ch.toLowerCase()) {
        var latin = LATIN.test(c);
        var prev = chars.length ? chars[chars.length - 1] : "";
        var start;
        if (!latin) start = 0;
        else if (gap || !LATIN.test(prev || " ") || DIGIT.test(c) !== DIGIT.test(prev)) start = WORD;
        else start = camel ? CAMEL : 0;
        chars.push(c);
        for (var u = 0; u < c.length; u++) starts.push(u === 0 ? start : 0);
        gap = false;
      }
      prevLower = ch >= "a" && ch <= "z";
      prevUpper = upper;
    }
    return [chars.join(""), Uint8Array.from(starts)];
  }

  function compact(text) {
    return compactStarts(text)[0];
  }

  function charClass(ch) {
    if (LATIN.test(ch)) return "L";
    if (CJK.test(ch) && PARTICLES.indexOf(ch) < 0) return "C";
    return "P";
  }

  /* [start, end, class] runs over the compact form; see normalize.runs */
  function runs(text) {
    var out = [];
    var pos = 0, start = -1, cls = "";
    for (var ch of norm(text)) {
      if (SPACE_ONE.test(ch)) {
        if (start >= 0) { out.push([start, pos, cls]); start = -1; }
        continue;
      }
      var c = charClass(ch);
      if (start >= 0 && c !== cls) { out.push([start, pos, cls]); start = -1; }
      if (c !== "P" && start < 0) { start = pos; cls = c; }
      pos += ch.length;
    }
    if (start >= 0) out.push([start, pos, cls]);
    return out;
  }

  /* ------------------------------------------------------------ engine */

  var TITLE_WEIGHT = 3.0, TIGHT_WEIGHT = 1.0, PHRASE_TITLE = 4.0, PHRASE_TEXT = 1.5;
  var INSIDE_WORD = 0.3, CAMEL_WORD = 0.8, SINGLE_WEIGHT = 0.25, PARTIAL_WEIGHT = 0.4, PARTIAL_MIN = 0.5;
  var COUNT_CAP = 8, SCAN_CAP = 64, MAX_WORD = 8, INTRO_WEIGHT = 0.5, SEP = "\x01";

  function isLatin(ch) {
    return (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9");
  }

  function regexEscape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function byLengthThenText(a, b) {
    return (b.length - a.length) || (a < b ? -1 : a > b ? 1 : 0);
  }

  /* [strength, word-level count, length]; see engine._find */
  function find(text, starts, alt) {
    var latin = isLatin(alt[0]);
    var pos = text.indexOf(alt), words = 0, strength = 0.0, scans = 0;
    while (pos >= 0 && words < COUNT_CAP && scans < SCAN_CAP) {
      var kind = latin ? starts[pos] : WORD;
      if (kind) words += 1;
      strength = Math.max(strength, kind === WORD ? 1.0 : kind === CAMEL ? CAMEL_WORD : INSIDE_WORD);
      scans += 1;
      pos = text.indexOf(alt, pos + 1);
    }
    return [strength, words, alt.length];
  }

  function Engine(index) {
    var self = this;
    this.pages = index.pages;
    this.sections = index.sections;
    var titles = this.sections.map(function (s) { return compactStarts(s[2]); });
    var texts = this.sections.map(function (s) { return compactStarts(s[3]); });
    this.titles = titles.map(function (t) { return t[0]; });
    this.titleStarts = titles.map(function (t) { return t[1]; });
    this.corpus = this.titles.concat(texts.map(function (t) { return t[0]; })).join(SEP);
    /* A group's text includes its members' titles and texts: the group is the question */
    this.members = new Map();
    this.sections.forEach(function (s, i) {
      if (s[4] >= 0) {
        if (!self.members.has(s[4])) self.members.set(s[4], []);
        self.members.get(s[4]).push(i);
      }
    });
    this.members.forEach(function (members, g) {
      var parts = [texts[g]];
      members.forEach(function (m) { parts.push(titles[m], texts[m]); });
      var size = 0;
      parts.forEach(function (p, k) { size += p[1].length + (k ? 1 : 0); });
      var starts = new Uint8Array(size), at = 0;
      parts.forEach(function (p, k) {
        if (k) at += 1;
        starts.set(p[1], at);
        at += p[1].length;
      });
      texts[g] = [parts.map(function (p) { return p[0]; }).join(SEP), starts];
    });
    this.texts = texts.map(function (t) { return t[0]; });
    this.textStarts = texts.map(function (t) { return t[1]; });
    this.boost = this.sections.map(function (s) { return Number(self.pages[s[0]][2]); });
    this.groups = [];
    this.alias = new Map();
    (index.aliases || []).forEach(function (group) {
      var spellings = group.map(compact);
      self.groups.push([spellings, group]);
      spellings.forEach(function (s) {
        if (!self.alias.has(s)) self.alias.set(s, self.groups.length - 1);
      });
    });
    this.aliasKeys = Array.from(this.alias.keys()).sort(byLengthThenText);
    this.words = new Set((index.words || "").split("|").filter(Boolean));
    var stop = Array.from(new Set((index.stop || []).map(compact))).sort(byLengthThenText);
    this.stop = stop.length ? new RegExp(stop.map(regexEscape).join("|"), "g") : null;
  }

  /* Fewest pieces, each a site word or one character; see engine._cut */
  Engine.prototype.cut = function (run) {
    var n = run.length, best = new Array(n + 1).fill(null);
    best[0] = [0, 0, -1];
    for (var i = 0; i < n; i++) {
      var here = best[i];
      if (!here) continue;
      for (var j = i + 1; j <= Math.min(n, i + MAX_WORD); j++) {
        var single = j - i === 1;
        if (!single && !this.words.has(run.slice(i, j))) continue;
        var pieces = here[0] + 1, singles = here[1] + (single ? 1 : 0), there = best[j];
        if (!there || pieces < there[0] || (pieces === there[0] && singles < there[1])) {
          best[j] = [pieces, singles, i];
        }
      }
    }
    var out = [], k = n;
    while (k > 0) {
      var prev = best[k][2];
      out.push(run.slice(prev, k));
      k = prev;
    }
    return out.reverse();
  };

  Engine.prototype.segment = function (run, stop) {
    var pieces = [];
    if (!this.stop || !stop) pieces = [[0, run]];
    else {
      var bounds = [0], m;
      this.stop.lastIndex = 0;
      while ((m = this.stop.exec(run))) bounds.push(m.index, m.index + m[0].length);
      bounds.push(run.length);
      for (var k = 0; k + 1 < bounds.length; k += 2) {
        if (bounds[k] < bounds[k + 1]) pieces.push([bounds[k], run.slice(bounds[k], bounds[k + 1])]);
      }
    }
    var out = [], self = this;
    pieces.forEach(function (p) {
      var offset = p[0];
      self.cut(p[1]).forEach(function (seg) {
        out.push([offset, seg]);
        offset += seg.length;
      });
    });
    return out;
  };

  Engine.prototype.aliasSpans = function (cq, bounds) {
    function edge(k) {
      return k <= 0 || k >= cq.length || bounds.has(k) || !(isLatin(cq[k - 1]) && isLatin(cq[k]));
    }
    var spans = [], i = 0;
    while (i < cq.length) {
      var taken = false;
      for (var key of this.aliasKeys) {
        if (cq.startsWith(key, i) && edge(i) && edge(i + key.length)) {
          spans.push([i, i + key.length, this.alias.get(key)]);
          i += key.length;
          taken = true;
          break;
        }
      }
      if (!taken) i += 1;
    }
    return spans;
  };

  Engine.prototype.parse = function (text) {
    var query = this.parseWith(text, true);
    return query.terms.length ? query : this.parseWith(text, false);
  };

  Engine.prototype.parseWith = function (text, stop) {
    var self = this;
    var cq = compact(text);
    var parts = runs(text);
    var bounds = new Set();
    parts.forEach(function (p) { bounds.add(p[0]); bounds.add(p[1]); });
    var spans = this.aliasSpans(cq, bounds);
    var pieces = [];
    spans.forEach(function (sp) {
      var g = self.groups[sp[2]];
      pieces.push([sp[0], { label: cq.slice(sp[0], sp[1]), alts: g[0], shows: g[1], cjk: false }]);
    });
    parts.forEach(function (p) {
      var start = p[0], end = p[1], cls = p[2];
      var cuts = [start];
      spans.forEach(function (sp) {
        if (sp[0] < end && sp[1] > start) cuts.push(Math.max(sp[0], start), Math.min(sp[1], end));
      });
      cuts.push(end);
      for (var k = 0; k + 1 < cuts.length; k += 2) {
        var a = cuts[k], b = cuts[k + 1];
        if (a >= b) continue;
        var piece = cq.slice(a, b);
        if (cls === "C") {
          self.segment(piece, stop).forEach(function (seg) {
            pieces.push([a + seg[0], { label: seg[1], alts: [seg[1]], shows: [seg[1]], cjk: true }]);
          });
        } else {
          if (self.corpus.indexOf(piece) < 0 && piece.length > 3 && piece.endsWith("s")) {
            piece = piece.slice(0, -1);
          }
          pieces.push([a, { label: piece, alts: [piece], shows: [piece], cjk: false }]);
        }
      }
    });
    pieces.sort(function (x, y) { return x[0] - y[0]; });
    var terms = [], seen = new Set();
    pieces.forEach(function (p) {
      if (!seen.has(p[1].label)) { seen.add(p[1].label); terms.push(p[1]); }
    });
    var phrases = cq ? [cq] : [];
    spans.forEach(function (sp) {
      self.groups[sp[2]][0].forEach(function (alt) {
        var variant = cq.slice(0, sp[0]) + alt + cq.slice(sp[1]);
        if (phrases.indexOf(variant) < 0) phrases.push(variant);
      });
    });
    return { text: text, terms: terms, phrases: phrases };
  };

  /* [title strength, text strength, text count, length found in title] or null */
  Engine.prototype.cell = function (term, i) {
    var ts = 0.0, xs = 0.0, count = 0, tlen = 0;
    for (var alt of term.alts) {
      var r = find(this.titles[i], this.titleStarts[i], alt);
      if (r[0] > ts || (r[0] === ts && r[0] && r[2] > tlen)) { ts = r[0]; tlen = r[2]; }
      r = find(this.texts[i], this.textStarts[i], alt);
      xs = Math.max(xs, r[0]);
      count = Math.min(COUNT_CAP, count + r[1]);
    }
    return ts || xs ? [ts, xs, count, tlen] : null;
  };

  Engine.prototype.search = function (text, limit) {
    var query = this.parse(text);
    if (!query.phrases.length) return [];
    var n = this.sections.length, self = this;
    var cells = [], weights = [];
    query.terms.forEach(function (term) {
      var row = new Array(n), df = 0, any = 0;
      for (var i = 0; i < n; i++) {
        row[i] = self.cell(term, i);
        if (row[i]) {
          any += 1;
          if (Math.max(row[i][0], row[i][1]) >= CAMEL_WORD) df += 1;
        }
      }
      if (!df) df = any;
      cells.push(row);
      var weight = df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0.0;
      weights.push(term.cjk && term.label.length === 1 ? weight * SINGLE_WEIGHT : weight);
    });
    var total = 0;
    weights.forEach(function (w) { total += w; });
    var out = [];
    for (var i = 0; i < n; i++) {
      var score = 0.0, matched = 0.0, tight = 0, found = {};
      for (var t = 0; t < query.terms.length; t++) {
        var term = query.terms[t], w = weights[t], cell = cells[t][i];
        if (cell) {
          var f = TITLE_WEIGHT * cell[0];
          if (cell[1]) f += cell[1] * (1 + 0.25 * Math.log2(Math.max(cell[2], 1)));
          score += w * f;
          matched += w * Math.max(cell[0], cell[1]);
          if (cell[0] >= CAMEL_WORD) tight += cell[3] * cell[0];
          found[term.label] = this.firstShow(term, i);
          continue;
        }
        found[term.label] = null;
        if (w && term.cjk && term.label.length >= 3) {
          var frac = this.pairShare(term.label, i);
          if (frac >= PARTIAL_MIN) {
            score += w * PARTIAL_WEIGHT * frac;
            matched += w * PARTIAL_WEIGHT * frac;
          }
        }
      }
      if (total) {
        if (this.titles[i]) score += TIGHT_WEIGHT * total * Math.min(1.0, tight / this.titles[i].length);
        var cover = matched / total;
        score *= cover * cover;
      }
      var bonus = Math.max(total, 1.0), inTitle = 0, inText = 0;
      for (var p of query.phrases) {
        inTitle = Math.max(inTitle, find(this.titles[i], this.titleStarts[i], p)[0]);
        inText = Math.max(inText, find(this.texts[i], this.textStarts[i], p)[0]);
      }
      score += bonus * Math.max(PHRASE_TITLE * inTitle, PHRASE_TEXT * inText);
      if (score > 0) {
        out.push({ section: i, score: score * this.boost[i] * (this.sections[i][1] ? 1.0 : INTRO_WEIGHT), found: found });
      }
    }
    out = this.foldMembers(out);
    out.sort(function (x, y) { return (y.score - x.score) || (x.section - y.section); });
    out.query = query;
    if (limit) {
      var top = out.slice(0, limit);
      top.query = query;
      return top;
    }
    return out;
  };

  /* A group stands for its members: it takes the best member score, members drop out */
  Engine.prototype.foldMembers = function (hits) {
    var bySection = new Map(), out = [], self = this;
    hits.forEach(function (h) { bySection.set(h.section, h); });
    hits.forEach(function (h) {
      var group = bySection.get(self.sections[h.section][4]);
      if (!group) out.push(h);
      else if (h.score > group.score) group.score = h.score;
    });
    return out;
  };

  /* What a snippet is cut from: the section's text; for a group, its members' titles and texts */
  Engine.prototype.displayText = function (i) {
    var self = this, parts = this.members.has(i) ? [] : [this.sections[i][3]];
    (this.members.get(i) || []).forEach(function (m) {
      parts.push(self.sections[m][2], self.sections[m][3]);
    });
    return parts.filter(function (p) { return p; }).join(" ");
  };

  Engine.prototype.firstShow = function (term, i) {
    for (var k = 0; k < term.alts.length; k++) {
      var alt = term.alts[k];
      if (this.titles[i].indexOf(alt) >= 0 || this.texts[i].indexOf(alt) >= 0) return term.shows[k];
    }
    return term.shows[0];
  };

  Engine.prototype.pairShare = function (label, i) {
    var got = 0, pairs = label.length - 1;
    for (var k = 0; k < pairs; k++) {
      var p = label.slice(k, k + 2);
      if (this.titles[i].indexOf(p) >= 0 || this.texts[i].indexOf(p) >= 0) got += 1;
    }
    return got / pairs;
  };

  Engine.prototype.location = function (i) {
    var s = this.sections[i], url = this.pages[s[0]][0];
    return s[1] ? url + "#" + s[1] : url;
  };

  Engine.prototype.needles = function (query, hit) {
    var set = new Set();
    Object.keys(hit.found).forEach(function (k) { if (hit.found[k]) set.add(compact(hit.found[k])); });
    return query.phrases.concat(Array.from(set).sort(byLengthThenText));
  };

  /* ------------------------------------------------------------ snippets */

  function classEscape(ch) {
    return /[\\\]\[^-]/.test(ch) ? "\\" + ch : ch;
  }

  function loosePattern(needle) {
    var parts = [];
    for (var ch of needle) {
      var alts = new Set([ch, ch.toUpperCase()]);
      [ch, ch.toUpperCase()].forEach(function (c) {
        var code = c.charCodeAt(0);
        if (c.length === 1 && code >= 0x21 && code < 0x7f) alts.add(String.fromCharCode(code + 0xfee0));
      });
      parts.push("[" + Array.from(alts).map(classEscape).join("") + "]");
    }
    return parts.join("[" + SPACE_CLASS + "]*");
  }

  var patternCache = new Map();
  function pattern(needle) {
    var re = patternCache.get(needle);
    if (!re) {
      if (patternCache.size > 500) patternCache.clear();
      re = new RegExp(loosePattern(needle), "g");
      patternCache.set(needle, re);
    }
    re.lastIndex = 0;
    return re;
  }

  /* A window of `text` around the first needle found, and the spans of every needle in it */
  function snippet(text, needles, width) {
    width = width || 90;
    var start = 0, m, k;
    for (k = 0; k < needles.length && width < text.length; k++) {
      if (needles[k] && (m = pattern(needles[k]).exec(text))) {
        start = Math.max(0, m.index - Math.floor(width / 3));
        break;
      }
    }
    var win = text.slice(start, start + width), marks = [];
    for (k = 0; k < needles.length; k++) {
      if (!needles[k]) continue;
      var re = pattern(needles[k]);
      while ((m = re.exec(win))) {
        var a = m.index, b = m.index + m[0].length;
        if (b === a) { re.lastIndex += 1; continue; }
        if (!marks.some(function (s) { return s[0] < b && a < s[1]; })) marks.push([a, b]);
      }
    }
    marks.sort(function (x, y) { return x[0] - y[0]; });
    var prefix = start > 0 ? "…" : "", suffix = start + width < text.length ? "…" : "";
    var shift = prefix.length;
    return [prefix + win + suffix, marks.map(function (s) { return [s[0] + shift, s[1] + shift]; })];
  }

  function escapeHTML(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function markup(text, marks) {
    var out = "", pos = 0;
    marks.forEach(function (s) {
      out += escapeHTML(text.slice(pos, s[0])) + "<mark>" + escapeHTML(text.slice(s[0], s[1])) + "</mark>";
      pos = s[1];
    });
    return out + escapeHTML(text.slice(pos));
  }

  var api = {
    norm: norm, compact: compact, compactStarts: compactStarts, runs: runs, Engine: Engine,
    loosePattern: loosePattern, snippet: snippet, markup: markup
  };
  root.KbSearch = api;
  if (typeof module === "object" && module.exports) module.exports = api;

  /* ------------------------------------------------------------ Material bridge */

  if (typeof window === "undefined" || !window.Worker) return;

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var WORKER = /assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js(\?|$)/;

  /* Material search results: one item per section, with its page as a header line.
     Titles and snippets are made when Material renders an item (10 at first, more on
     scroll), so a query matching hundreds of sections stays fast. */
  function toMaterial(engine, hits) {
    var query = hits.query;
    return hits.map(function (hit) {
      var s = engine.sections[hit.section], page = engine.pages[s[0]];
      var terms = {}, made = null;
      Object.keys(hit.found).forEach(function (label) {
        terms[hit.found[label] || label] = !!hit.found[label];
      });
      function make() {
        if (!made) {
          var needles = engine.needles(query, hit);
          var title = snippet(s[2], needles, s[2].length);
          var body = snippet(engine.displayText(hit.section), needles);
          made = [markup(title[0], title[1]), markup(body[0], body[1])];
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
      return [{ location: page[0], title: escapeHTML(page[1]), text: "", score: 0, terms: {} }, doc];
    });
  }

  function indexURL() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base.replace(/\/?$/, "/") + "search/kb_index.js", location.href).href;
  }

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
      self.engine = new Engine(root.__kbSearchIndex);
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
        self.emit({ type: RESULT, data: { items: items } });
        root.__kbSearchLast = message.data;  /* the query the results list now shows */
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
