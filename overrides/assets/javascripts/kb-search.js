/*
 * The site's search engine: the one implementation, run by the search box in the browser
 * (kb-search-box.js) and by the terminal search and the tests through Node
 * (kb/search/node_search.js). It reads the index the build writes (search/kb_index.js,
 * layout in kb/search/index.py) and ranks its sections — one per question — for a query.
 *
 * Matching is on compact text (NFKC, lower case, no whitespace), so every string Ctrl+F
 * finds on a page finds its section: a section whose title, text or navigation text
 * contains the typed string is always a result. Ranking, per query term (alias
 * spellings, Latin words, Chinese runs cut into the site's words):
 *
 *   Σ weight(term) × (3 × in title + (1 … 1.75 by count) × in text + 0.3 × in navigation)
 *   + weight mass × share of the title the terms cover          (short, exact titles first)
 *
 * times coverage² (the share of term weight the section has), plus a bonus when the whole
 * query occurs as typed. A term's weight is its idf squared, so rare words outweigh
 * generic ones (设计, 方法); navigation text (related questions, bank links) barely counts.
 * A section with no answer of its own (a bank prompt) counts half; a query naming a
 * glossary term (or made of several, or whose words all lie in one term's names) puts
 * its entry and the questions that explain it first; the spelling typed counts a little
 * above its aliases. Latin words the site never uses are corrected (see correct());
 * plurals of term spellings fold to the singular; letters and digits join across hyphens
 * (deepseekv3 = DeepSeek-V3).
 */
(function (root) {
  "use strict";

  /* ------------------------------------------------------------ normalize */

  var SPACE_CLASS = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200d" +
    "\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff";
  var SPACE_ONE = new RegExp("^[" + SPACE_CLASS + "]$");
  var SPACES = new RegExp("[" + SPACE_CLASS + "]+", "g");
  var CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;
  var LATIN = /^[a-z0-9]$/;
  var JOINER = /([A-Za-z0-9])[-_]+(?=[A-Za-z0-9])/g;  /* DeepSeek-V3 → DeepSeekV3 for loose matching */
  var PARTICLES = "的吗呢吧啊呀";
  var WORD = 2, CAMEL = 1;

  function lowerEach(ch) {
    return ch.toLowerCase();
  }

  /* NFKC + lower case, character by character: the form every comparison is made in */
  function norm(text) {
    return Array.from(text.normalize("NFKC"), lowerEach).join("");
  }

  function isSpace(code) {
    return code === 32 || (code >= 9 && code <= 13) || (code >= 0x1c && code <= 0x1f) || code === 0x85 ||
      code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200d) || code === 0x2028 ||
      code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000 || code === 0xfeff;
  }

  /* a-z or 0-9: 1 letter, 2 digit, 0 anything else */
  function latinKind(code) {
    return code >= 97 && code <= 122 ? 1 : code >= 48 && code <= 57 ? 2 : 0;
  }

  /* [compact text, Uint8Array: where a Latin word starts (WORD) or starts inside a run (CAMEL)].
     A word starts after a space or a non-Latin character, at a lower→upper change
     (PrefixDecoder), where an acronym meets a word (QLoRA → Q + LoRA) and between
     letters and digits (GPT4): `lora` is a word in `LoRA 微调` and `QLoRA`, not in `exploration`.
     Written for speed: the index's 600 KB go through here when search is first used. */
  function compactStarts(text) {
    var src = text.normalize("NFKC"), n = src.length;
    var parts = [], run = 0, starts = new Uint8Array(n * 3 + 1), len = 0;
    var gap = true, prevLower = false, prevUpper = false, prevKind = 0;
    for (var k = 0; k < n; k++) {
      var code = src.charCodeAt(k);
      if (isSpace(code)) {
        if (run < k) parts.push(src.slice(run, k));
        run = k + 1;
        gap = true;
        continue;
      }
      if (code >= 0x2e80 && code < 0xd800) {  /* CJK and other caseless characters: as they are */
        starts[len++] = 0;
        prevKind = 0;
        gap = prevLower = prevUpper = false;
        continue;
      }
      var width = code >= 0xd800 && code <= 0xdbff && k + 1 < n ? 2 : 1;
      var upper = code >= 65 && code <= 90;
      var next = k + width < n ? src.charCodeAt(k + width) : 0;
      var camel = upper && (prevLower || (prevUpper && next >= 97 && next <= 122));
      var lowered = code < 128 ? (upper ? String.fromCharCode(code + 32) : null) : src.substr(k, width).toLowerCase();
      if (lowered === src.substr(k, width)) lowered = null;
      if (lowered !== null) {
        if (run < k) parts.push(src.slice(run, k));
        parts.push(lowered);
        run = k + width;
      }
      var chars = lowered === null ? src.substr(k, width) : lowered;
      for (var j = 0; j < chars.length; j++) {
        var c = chars.charCodeAt(j), kind = latinKind(c), start = 0;
        if (kind) {
          if (gap || !prevKind || (kind === 2) !== (prevKind === 2)) start = WORD;
          else start = camel ? CAMEL : 0;
        }
        starts[len++] = start;  /* a surrogate pair's second half starts nothing */
        prevKind = kind;
        gap = false;
      }
      prevLower = code >= 97 && code <= 122;
      prevUpper = upper;
      k += width - 1;
    }
    if (run < n) parts.push(src.slice(run, n));
    return [parts.join(""), starts.slice(0, len)];
  }

  function compact(text) {
    return compactStarts(text)[0];
  }

  /* A compact spelling without the hyphens between letters and digits (deepseek-v3 → deepseekv3) */
  function unjoin(key) {
    return key.replace(/([a-z0-9])[-_]+(?=[a-z0-9])/g, "$1");
  }

  function collapse(text) {
    return text.replace(SPACES, " ").trim();
  }

  function charClass(ch) {
    if (LATIN.test(ch)) return "L";
    if (CJK.test(ch) && PARTICLES.indexOf(ch) < 0) return "C";
    return "P";
  }

  /* [start, end, class] runs over the compact form: Latin ('L') or Chinese ('C'); runs end
     at whitespace, punctuation and every change of script (MoE负载均衡 → moe + 负载均衡). */
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

  /* Optimal string alignment distance, or limit + 1 as soon as it must exceed `limit` */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var d = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost);
        if (prev2 && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) d = Math.min(d, prev2[k - 2] + 1);
        cur.push(d);
        if (d < low) low = d;
      }
      if (low > limit) return limit + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  /* ------------------------------------------------------------ ranking constants */

  var TITLE_WEIGHT = 4.0, NAV_WEIGHT = 0.3, NAV_COVER = 0.2, TIGHT_WEIGHT = 1.0;
  var PHRASE_TITLE = 4.0, PHRASE_TEXT = 1.5, PHRASE_NAV = 0.3;
  var INSIDE_WORD = 0.3, CAMEL_WORD = 0.8, SINGLE_WEIGHT = 0.25;
  var PARTIAL_WEIGHT = 0.4, PARTIAL_MIN = 0.5, IDF_POWER = 1.5;
  var LENGTH_NORM = 0.3, GENERIC = 0.15, UNANSWERED = 0.5, INTRO_WEIGHT = 0.5, MIN_COVER = 0.3;
  var MOST_WORDS = 3, ALIAS_SPELLING = 0.85, DESCRIBED_SHARE = 0.8;
  var TERM_ENTRY = 4.0, TERM_ANSWER = 3.0, TERM_SHARE = 0.6, TERM_WHOLE = 1.0;
  /* English function words: not terms of a query that has others (the site is Chinese, so
     they would look rare and outweigh the words that matter) */
  var ENGLISH_STOP = new Set(("a an the is are was were be been of to in on at by for from with and or not all any " +
    "what how why when which who does do did can could should would will it its this that these those " +
    "i you we they he she my your our vs").split(" "));
  var TYPO_SHORT = 4, TYPO_MIN = 5, TYPO_LONG = 9, COUNT_CAP = 8, SCAN_CAP = 64, MAX_WORD = 8, SEP = "\x01";

  function isLatin(ch) {
    return (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9");
  }

  function regexEscape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function byLengthThenText(a, b) {
    return (b.length - a.length) || (a < b ? -1 : a > b ? 1 : 0);
  }

  /* [strength, word-level count] of `alt` in one compact text: strength 1 at a word start
     (or for any non-Latin spelling), CAMEL_WORD at a start inside a Latin run (QLoRA),
     INSIDE_WORD when a Latin spelling only occurs inside words, 0 when absent */
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
    return [strength, words];
  }

  function joinParts(parts) {
    var size = 0;
    parts.forEach(function (p, k) { size += p[1].length + (k ? 1 : 0); });
    var starts = new Uint8Array(size), at = 0;
    parts.forEach(function (p, k) {
      if (k) at += 1;
      starts.set(p[1], at);
      at += p[1].length;
    });
    return [parts.map(function (p) { return p[0]; }).join(SEP), starts];
  }

  /* ------------------------------------------------------------ engine */

  function Engine(index) {
    var self = this;
    var sections = this.sections = index.sections;
    this.pages = index.pages;
    var n = sections.length;
    this.members = new Map();
    sections.forEach(function (s, i) {
      if (s[4] >= 0) {
        if (!self.members.has(s[4])) self.members.set(s[4], []);
        self.members.get(s[4]).push(i);
      }
    });
    /* A group is its members: their titles (the sources' own wording) count as its titles,
       their texts as its text */
    this.heads = new Array(n);
    this.texts = new Array(n);
    this.textStarts = new Array(n);
    this.navs = new Array(n);
    this.navStarts = new Array(n);
    var own = sections.map(function (s) { return [compactStarts(s[2]), compactStarts(s[3]), compactStarts(s[6] || "")]; });
    var corpus = [];
    for (var i = 0; i < n; i++) {
      var ids = [i].concat(this.members.get(i) || []);
      this.heads[i] = ids.map(function (m) { return own[m][0]; });
      var text = joinParts(ids.map(function (m) { return own[m][1]; }));
      var nav = joinParts(ids.map(function (m) { return own[m][2]; }));
      this.texts[i] = text[0];
      this.textStarts[i] = text[1];
      this.navs[i] = nav[0];
      this.navStarts[i] = nav[1];
      corpus.push(this.heads[i][0], this.texts[i], this.navs[i]);
    }
    this.corpus = corpus.join(SEP);
    /* Letters and digits joined across hyphens, for queries typed without them (deepseekv3);
       each section's joined fields are made when a query first needs them */
    this.looseCorpus = unjoin(this.corpus);
    this.looseTexts = new Array(n);  /* to see cheaply whether a section can match that way */
    for (i = 0; i < n; i++) {
      this.looseTexts[i] = unjoin(this.heads[i].map(function (h) { return h[0]; }).concat(this.texts[i], this.navs[i]).join(SEP));
    }
    this.loose = new Array(n);
    this.boost = sections.map(function (s) { return Number(self.pages[s[0]][2]); });
    /* A word in a long text is weaker evidence than in a short one (BM25's length normalization) */
    var mean = 0;
    this.texts.forEach(function (t) { mean += t.length / n; });
    this.lengthNorm = this.texts.map(function (t) { return 1 - LENGTH_NORM + LENGTH_NORM * t.length / Math.max(mean, 1); });
    this.answered = sections.map(function (s) { return s.length > 7 ? s[7] : 1; });
    /* A page's intro above its questions or bank prompts is a list of them (a topic page), as
       is a page that is only an intro (an index page): both count little. The intro of a page
       with headings but no questions (a notebook) is the page itself. */
    var listing = new Set(), headed = new Set();
    sections.forEach(function (s, i) {
      if (s[5] || !self.answered[i]) listing.add(s[0]);
      if (s[1]) headed.add(s[0]);
    });
    this.intro = sections.map(function (s) {
      return s[1] || (headed.has(s[0]) && !listing.has(s[0])) ? 1.0 : INTRO_WEIGHT;
    });
    /* Alias groups: any spelling of a group finds the others */
    this.groups = [];
    this.alias = new Map();
    (index.aliases || []).forEach(function (group) {
      var spellings = group.map(compact);
      self.groups.push([spellings, group]);
      spellings.forEach(function (s) {
        [s, unjoin(s)].forEach(function (key) {
          if (key && !self.alias.has(key)) self.alias.set(key, self.groups.length - 1);
        });
      });
    });
    this.aliasKeys = Array.from(this.alias.keys()).sort(byLengthThenText);
    /* Glossary terms: name → [entry section, sections that explain it] */
    this.termNames = new Map();
    this.entries = [];  /* [entry section, sections that explain it, its names joined] */
    (index.terms || []).forEach(function (t) {
      var names = t[1].map(compact);
      /* a name of an alias group that holds one of the term's names names the term too */
      names.forEach(function (name) {
        var g = self.alias.get(name);
        if (g !== undefined) names = names.concat(self.groups[g][0]);
      });
      self.entries.push([t[0], t[2], names.join(SEP)]);
      names.forEach(function (name) {
        [name, unjoin(name)].forEach(function (key) {
          if (key && !self.termNames.has(key)) self.termNames.set(key, [t[0], t[2]]);
        });
      });
    });
    this.termKeys = Array.from(this.termNames.keys()).sort(byLengthThenText);
    var words = (index.words || "").split("|").filter(Boolean), rarity = index.rarity || "";
    this.words = new Set(words);
    this.rarity = new Map();
    words.forEach(function (w, k) { if (k < rarity.length) self.rarity.set(w, Number(rarity[k])); });
    var stop = Array.from(new Set((index.stop || []).map(compact))).sort(byLengthThenText);
    this.stop = stop.length ? new RegExp(stop.map(regexEscape).join("|"), "g") : null;
    this.vocab = null;  /* Latin words of the site, made when a query first needs them */
  }

  /* Latin words the site uses (and alias / glossary spellings), with how often they occur */
  Engine.prototype.latinWords = function () {
    if (this.vocab) return this.vocab;
    var vocab = new Map(), named = new Set(), re = /[a-z0-9]+/g, m;
    function add(text, weight) {
      var t = text.normalize("NFKC").toLowerCase();
      re.lastIndex = 0;
      while ((m = re.exec(t))) {
        if (!/[a-z]/.test(m[0])) continue;
        vocab.set(m[0], (vocab.get(m[0]) || 0) + weight);
        if (weight > 1) named.add(m[0]);
      }
    }
    this.sections.forEach(function (s) { add(s[2] + " " + s[3] + " " + (s[6] || ""), 1); });
    this.groups.forEach(function (g) { g[1].forEach(function (s) { add(s, 5); }); });
    this.termNames.forEach(function (_, name) { add(name, 5); });
    this.vocab = vocab;
    this.namedWords = named;  /* words of alias and glossary spellings */
    return vocab;
  };

  /* The closest Latin word the site uses, at most `limit` edits away (the most frequent of
     the closest), or null; `strict`: only words of the same length that name a term or an
     alias, for short words, where one edit reaches many */
  Engine.prototype.nearestWord = function (word, limit, strict) {
    var best = null, bestD = limit + 1, bestRank = -1, named = this.latinWords() && this.namedWords;
    this.latinWords().forEach(function (count, w) {
      if (Math.abs(w.length - word.length) > Math.min(limit, bestD)) return;
      if (strict && (w.length !== word.length || !named.has(w))) return;
      var d = editDistance(word, w, Math.min(limit, bestD));
      /* among the closest: one that starts like the typed word (typos rarely hit the first
         letter), then the most frequent */
      var rank = (w[0] === word[0] ? 1e9 : 0) + count;
      if (d < bestD || (d === bestD && rank > bestRank)) { best = w; bestD = d; bestRank = rank; }
    });
    return bestD <= limit ? best : null;
  };

  /* Correct Latin words that the site never uses as a word (nor written with hyphens:
     deepseekv3): words of 5+ letters by one edit (a transposition is one), of TYPO_LONG+
     letters (no digits) by two when one is not enough; 4-letter words only when they occur nowhere, even
     inside words, by one substitution or transposition into a term's word (lroa → lora).
     The typed text stays a phrase of the query, so a section containing it as typed is
     still found. */
  Engine.prototype.correct = function (text) {
    var self = this, fixes = [], plural = false;
    var out = norm(text).replace(/[a-z0-9]+/g, function (w) {
      var one = self.singular(w);
      if (one) { plural = true; return one; }
      var letters = w.replace(/[0-9]/g, "").length;
      if (letters < TYPO_SHORT || self.latinWords().has(w)) return w;
      if (self.corpus.indexOf(w) < 0 && self.looseCorpus.indexOf(w) >= 0) return w;
      var fix = null;
      if (letters < TYPO_MIN) {
        if (self.corpus.indexOf(w) < 0) fix = self.nearestWord(w, 1, true);
      } else {
        fix = self.nearestWord(w, 1) || (letters >= TYPO_LONG && letters === w.length ? self.nearestWord(w, 2) : null);
      }
      if (!fix) return w;
      fixes.push([w, fix]);
      return fix;
    });
    return { text: fixes.length || plural ? out : text, fixes: fixes, changed: fixes.length > 0 || plural };
  };

  /* The plural of a term or alias spelling that is not one itself (transformers,
     embeddings) → the singular, which the term's spellings are; else null */
  Engine.prototype.singular = function (w) {
    if (w.length < 5 || w[w.length - 1] !== "s" || w[w.length - 2] === "s") return null;
    if (this.alias.has(w) || this.termNames.has(w)) return null;
    var one = w.slice(0, -1);
    return this.alias.has(one) || this.termNames.has(one) ? one : null;
  };

  /* Fewest pieces, each a site word or one character (ties: fewer single characters, then earliest cut) */
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

  /* [offset, piece] of a Chinese run; with `stop`, question words (什么是, 如何) are cut out */
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

  /* [start, end, value] of the longest keys of `keys` found in cq, not splitting Latin words */
  function spansOf(cq, bounds, keys, value) {
    function edge(k) {
      return k <= 0 || k >= cq.length || bounds.has(k) || !(isLatin(cq[k - 1]) && isLatin(cq[k]));
    }
    var spans = [], i = 0;
    while (i < cq.length) {
      var taken = false;
      for (var key of keys) {
        if (cq.startsWith(key, i) && edge(i) && edge(i + key.length)) {
          spans.push([i, i + key.length, value(key)]);
          i += key.length;
          taken = true;
          break;
        }
      }
      if (!taken) i += 1;
    }
    return spans;
  }

  Engine.prototype.parse = function (text) {
    var fixed = this.correct(text);
    var query = this.parseWith(fixed.text, true);
    if (!query.terms.length) query = this.parseWith(fixed.text, false);
    query.text = text;
    query.fixes = fixed.fixes;
    if (fixed.changed) {  /* what was typed stays a phrase: sections that say it rank first */
      var typed = compact(text);
      if (typed && query.phrases.indexOf(typed) < 0) { query.phrases.unshift(typed); query.own += 1; }
    }
    return query;
  };

  Engine.prototype.parseWith = function (text, stop) {
    var self = this;
    var cq = compact(text);
    var parts = runs(text);
    var bounds = new Set();
    parts.forEach(function (p) { bounds.add(p[0]); bounds.add(p[1]); });
    var alias = this.alias;
    var spans = spansOf(cq, bounds, this.aliasKeys, function (k) { return alias.get(k); });
    var pieces = [];
    spans.forEach(function (sp) {
      var g = self.groups[sp[2]];
      var label = cq.slice(sp[0], sp[1]), own = g[0].indexOf(label);
      if (own < 0) own = g[0].map(unjoin).indexOf(label);
      pieces.push([sp[0], { label: label, alts: g[0], shows: g[1], cjk: false, loose: false, own: own }]);
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
            pieces.push([a + seg[0], { label: seg[1], alts: [seg[1]], shows: [seg[1]], cjk: true, loose: false }]);
          });
        } else {
          if (stop && ENGLISH_STOP.has(piece)) continue;
          if (self.corpus.indexOf(piece) < 0 && piece.length > 3 && piece.endsWith("s")) piece = piece.slice(0, -1);
          /* typed without hyphens (deepseekr1): match DeepSeek-R1 too, even where the site also
             writes it glued somewhere */
          var loose = self.looseCorpus.indexOf(piece) >= 0 &&
            (self.corpus.indexOf(piece) < 0 || /[a-z][0-9]|[0-9][a-z]/.test(piece));
          pieces.push([a, { label: piece, alts: [piece], shows: [piece], cjk: false, loose: loose }]);
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
    /* Glossary terms the query names, and how much of the query (question words aside) they make up */
    var names = this.termNames;
    var named = spansOf(cq, bounds, this.termKeys, function (k) { return names.get(k); });
    var content = cq;
    if (this.stop && stop) { this.stop.lastIndex = 0; content = cq.replace(this.stop, ""); }
    content = content.replace(/[^a-z0-9\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g, "");
    var named_terms = named.map(function (sp) {
      return { entry: sp[2][0], answers: sp[2][1], share: Math.min(1, (sp[1] - sp[0]) / Math.max(1, content.length)) };
    });
    /* own: how many of the first phrases are the query as typed (the rest are alias variants) */
    return { text: text, terms: terms, phrases: phrases, own: cq ? 1 : 0, named: named_terms };
  };

  /* The fields of section i that matching reads: as written, or with letters and digits
     joined across hyphens (for a term typed without them; a section with no such hyphen
     reads as written) */
  Engine.prototype.fields = function (i, loose) {
    if (loose) {
      if (this.loose[i] === undefined) this.loose[i] = this.joinedFields(i);
      if (this.loose[i]) return this.loose[i];
    }
    return { heads: this.heads[i], text: this.texts[i], textStarts: this.textStarts[i], nav: this.navs[i], navStarts: this.navStarts[i] };
  };

  /* How much a term counts for being specific in Chinese at large: 1 for terms of art and
     for words the site's vocabulary does not rate, down to GENERIC for everyday words */
  Engine.prototype.generic = function (term) {
    var r = term.cjk ? this.rarity.get(term.label) : undefined;
    return r === undefined ? 1.0 : GENERIC + (1 - GENERIC) * r / 9;
  };

  Engine.prototype.joinedFields = function (i) {
    var sections = this.sections, ids = [i].concat(this.members.get(i) || []);
    var raw = ids.map(function (m) { return sections[m][2] + sections[m][3] + (sections[m][6] || ""); }).join("");
    JOINER.lastIndex = 0;
    if (!JOINER.test(raw)) return null;
    function joined(field) {
      return ids.map(function (m) { return compactStarts((sections[m][field] || "").replace(JOINER, "$1")); });
    }
    var text = joinParts(joined(3)), nav = joinParts(joined(6));
    return { heads: joined(2), text: text[0], textStarts: text[1], nav: nav[0], navStarts: nav[1] };
  };

  /* [title strength, text strength, text count, length found in title, nav strength, alt] or null */
  Engine.prototype.cell = function (term, i) {
    if (term.loose && this.looseTexts[i].indexOf(term.alts[term.live[0]]) < 0) return null;
    var f = this.fields(i, term.loose);
    if (!f) return null;
    var ts = 0.0, xs = 0.0, ns = 0.0, count = 0, tlen = 0, r, heads = f.heads, first = -1;
    for (var a = 0; a < term.live.length; a++) {
      var alt = term.alts[term.live[a]];
      /* the spelling typed counts fully, the other spellings of its alias group a little less */
      var as = term.own >= 0 && term.live[a] !== term.own ? ALIAS_SPELLING : 1.0;
      for (var h = 0; h < heads.length; h++) {
        r = find(heads[h][0], heads[h][1], alt);
        if (as * r[0] > ts || (as * r[0] === ts && r[0] && alt.length / (heads[h][0].length || 1) > tlen)) {
          ts = as * r[0];
          tlen = alt.length / (heads[h][0].length || 1);
        }
      }
      r = find(f.text, f.textStarts, alt);
      xs = Math.max(xs, as * r[0]);
      count = Math.min(COUNT_CAP, count + r[1]);
      r = find(f.nav, f.navStarts, alt);
      ns = Math.max(ns, as * r[0]);
      if (first < 0 && (ts || xs || ns)) first = term.live[a];
    }
    return ts || xs || ns ? [ts, xs, count, tlen, ns, first] : null;
  };

  /* Where the whole query (or an alias variant) occurs as typed: [title, text, nav] strengths */
  Engine.prototype.phraseIn = function (phrases, i) {
    var inTitle = 0, inText = 0, inNav = 0;
    for (var p of phrases) {
      if (p.loose && this.looseTexts[i].indexOf(p.text) < 0) continue;
      var f = this.fields(i, p.loose);
      if (!f) continue;
      for (var h = 0; h < f.heads.length; h++) inTitle = Math.max(inTitle, p.weight * find(f.heads[h][0], f.heads[h][1], p.text)[0]);
      inText = Math.max(inText, p.weight * find(f.text, f.textStarts, p.text)[0]);
      inNav = Math.max(inNav, p.weight * find(f.nav, f.navStarts, p.text)[0]);
    }
    return [inTitle, inText, inNav];
  };

  /* The query's phrases that occur anywhere: [{text, loose, weight}]; the first `own` are the
     query as typed (weight 1), the rest alias variants (ALIAS_SPELLING) */
  Engine.prototype.livePhrases = function (phrases, own) {
    var out = [], self = this;
    phrases.forEach(function (p, k) {
      var weight = k < own ? 1.0 : ALIAS_SPELLING;
      if (self.corpus.indexOf(p) >= 0) out.push({ text: p, loose: false, weight: weight });
      var joined = unjoin(p);
      if (self.looseCorpus.indexOf(joined) >= 0) out.push({ text: joined, loose: true, weight: weight });
    });
    return out;
  };

  /* Every matching section, best first (ties keep site order); `limit` keeps the top */
  Engine.prototype.search = function (text, limit) {
    var query = typeof text === "string" ? this.parse(text) : text;
    if (!query.phrases.length) return Object.assign([], { query: query });
    var n = this.sections.length, self = this;
    var cells = [], weights = [];
    query.terms.forEach(function (term) {
      var where = term.loose ? self.looseCorpus : self.corpus;
      term.live = [];
      term.alts.forEach(function (alt, k) { if (where.indexOf(alt) >= 0) term.live.push(k); });
      var row = new Array(n), df = 0, any = 0;
      for (var i = 0; i < n && term.live.length; i++) {
        row[i] = self.cell(term, i);
        if (row[i]) {
          any += 1;
          if (Math.max(row[i][0], row[i][1]) >= CAMEL_WORD) df += 1;
        }
      }
      if (!df) df = any;
      cells.push(row);
      var idf = df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0.0;
      var weight = idf ** IDF_POWER * self.generic(term);
      weights.push(term.cjk && term.label.length === 1 ? weight * SINGLE_WEIGHT : weight);
    });
    var total = 0;
    weights.forEach(function (w) { total += w; });
    var bonus = Math.max(total, 1.0);
    var named = new Map();  /* section → term bonus */
    var naming = query.named.length ? query.named : this.describedTerms(query);
    /* Several terms that together make up the query (FP8 混合精度训练): each shares the bonus,
       and a question explaining more than one of them adds their shares */
    var entries = new Set(naming.map(function (t) { return t.entry; }));
    var joint = Math.min(1, naming.reduce(function (sum, t) { return sum + t.share; }, 0));
    if (entries.size < 2 || joint < TERM_SHARE) {
      naming.forEach(function (t) {
        if (t.share < TERM_SHARE) return;
        var gain = bonus * t.share * t.share;
        named.set(t.entry, Math.max(named.get(t.entry) || 0, TERM_ENTRY * gain));
        t.answers.forEach(function (a) { named.set(a, Math.max(named.get(a) || 0, TERM_ANSWER * gain)); });
      });
    } else {
      var part = joint / entries.size, gain = bonus * part * part, answers = new Map();
      naming.forEach(function (t) {
        named.set(t.entry, Math.max(named.get(t.entry) || 0, TERM_ENTRY * gain));
        t.answers.forEach(function (a) { answers.set(a, (answers.get(a) || new Set()).add(t.entry)); });
      });
      answers.forEach(function (of, a) { named.set(a, Math.max(named.get(a) || 0, TERM_ANSWER * gain * of.size)); });
    }
    var phrases = this.livePhrases(query.phrases, query.own);
    var words = query.terms.filter(function (t) { return !(t.cjk && t.label.length === 1); }).length;
    var out = [];
    for (var i = 0; i < n; i++) {
      var score = 0.0, matched = 0.0, tight = 0, found = {}, missed = 0;
      for (var t = 0; t < query.terms.length; t++) {
        var term = query.terms[t], w = weights[t], cell = cells[t][i];
        if (cell) {
          var f = TITLE_WEIGHT * cell[0] + NAV_WEIGHT * cell[4];
          if (cell[1]) f += cell[1] * (1 + 0.25 * Math.log2(Math.max(cell[2], 1))) / this.lengthNorm[i];
          score += w * f;
          matched += w * Math.max(cell[0], cell[1], NAV_COVER * cell[4]);
          if (cell[0] >= CAMEL_WORD) tight += cell[3] * cell[0];
          found[term.label] = term.shows[cell[5]];
          continue;
        }
        found[term.label] = null;
        if (!(term.cjk && term.label.length === 1)) missed += 1;
        if (w && term.cjk && term.label.length >= 3) {
          var frac = this.pairShare(term.label, i);
          if (frac >= PARTIAL_MIN) {
            score += w * PARTIAL_WEIGHT * frac;
            matched += w * PARTIAL_WEIGHT * frac;
          }
        }
      }
      var cover = total ? matched / total : 0;
      if (total) {
        score += TIGHT_WEIGHT * total * Math.min(1.0, tight);
        score *= cover * cover;
      }
      var ph = phrases.length ? this.phraseIn(phrases, i) : [0, 0, 0];
      var exact = ph[0] || ph[1] || ph[2];
      /* a section with every word of a longer query but one is a result even when the one is
         the rarest (a reader's wording of a question rarely matches the site's in every word) */
      var most = words >= MOST_WORDS && missed <= 1;
      if (!exact && cover < MIN_COVER && !named.has(i) && !most) continue;
      score += bonus * Math.max(PHRASE_TITLE * ph[0], PHRASE_TEXT * ph[1], PHRASE_NAV * ph[2]);
      var weight = (this.answered[i] ? 1.0 : UNANSWERED) * this.intro[i];
      var extra = named.get(i) || 0;
      score = score * this.boost[i] * weight + extra * weight;
      if (score > 0) out.push({ section: i, score: score, found: found, exact: !!exact });
    }
    out = this.foldMembers(out);
    out.sort(function (x, y) { return (y.score - x.score) || (x.section - y.section); });
    out = this.termFirst(out, query);
    if (limit) out = out.slice(0, limit);
    out.query = query;
    return out;
  };

  /* A query that names no glossary term but whose every word is part of one term's names
     (pipeline 并行 → 流水并行, alias Pipeline Parallelism) describes that term: it counts as
     named, not quite as if typed (DESCRIBED_SHARE) */
  Engine.prototype.describedTerms = function (query) {
    var words = query.terms.filter(function (t) { return t.live.length && !(t.cjk && t.label.length === 1); });
    if (!words.length) return [];
    var out = [];
    this.entries.forEach(function (e) {
      var all = words.every(function (t) {
        return t.live.some(function (k) { return e[2].indexOf(t.alts[k]) >= 0; });
      });
      if (all) out.push({ entry: e[0], answers: e[1], share: DESCRIBED_SHARE });
    });
    return out.length === 1 ? out : [];
  };

  /* A query that is a glossary term (question words aside): its entry first, then the
     questions the entry names as explaining it, then the rest, each in score order */
  Engine.prototype.termFirst = function (hits, query) {
    var whole = query.named.filter(function (t) { return t.share >= TERM_WHOLE; });
    if (whole.length !== 1) return hits;
    var t = whole[0], rank = new Map();
    rank.set(t.entry, 0);
    t.answers.forEach(function (a) { if (!rank.has(a)) rank.set(a, 1); });
    var first = [], rest = [];
    hits.forEach(function (h) { (rank.has(h.section) ? first : rest).push(h); });
    first.sort(function (x, y) { return rank.get(x.section) - rank.get(y.section); });
    var out = first.concat(rest);
    /* scores follow the order (Material's Enter opens the best-scored result) */
    for (var k = first.length - 1; k >= 0; k--) {
      if (k + 1 < out.length && out[k].score <= out[k + 1].score) out[k].score = out[k + 1].score * 1.001 + 1e-6;
    }
    return Object.assign(out, { query: hits.query });
  };

  /* A group stands for its members: it takes the best member score, members drop out */
  Engine.prototype.foldMembers = function (hits) {
    var bySection = new Map(), out = [], self = this;
    hits.forEach(function (h) { bySection.set(h.section, h); });
    hits.forEach(function (h) {
      var owner = self.sections[h.section][4];
      if (owner < 0) { out.push(h); return; }
      var group = bySection.get(owner);
      if (!group) {
        group = { section: owner, score: h.score, found: h.found, exact: h.exact };
        bySection.set(owner, group);
        out.push(group);
      } else if (h.score > group.score) group.score = h.score;
    });
    return out;
  };

  /* Nothing matched: the closest spelling the site knows, as a whole query, or null */
  Engine.prototype.suggest = function (text) {
    var self = this, changed = false;
    var out = norm(text).replace(/[a-z0-9]+/g, function (w) {
      if (w.length < 3 || self.corpus.indexOf(w) >= 0) return w;
      var fix = self.nearestWord(w, w.length >= 8 ? 2 : 1);
      if (fix) { changed = true; return fix; }
      return w;
    });
    if (!changed) {
      var cq = compact(text), best = null, bestD = 2;
      this.termKeys.concat(this.aliasKeys).forEach(function (key) {
        if (key.length < 2 || Math.abs(key.length - cq.length) > 1) return;
        var d = editDistance(cq, key, 1);
        if (d < bestD) { bestD = d; best = key; }
      });
      if (best) return this.displayName(best);
      return null;
    }
    return collapse(out);
  };

  /* How a compact term name is written on the site */
  Engine.prototype.displayName = function (key) {
    var t = this.termNames.get(key);
    if (t) {
      var entry = this.sections[t[0]];
      if (compact(entry[2]) === key) return entry[2];
    }
    var g = this.alias.get(key);
    if (g !== undefined) {
      var group = this.groups[g];
      return group[1][group[0].indexOf(key)];
    }
    return key;
  };

  /* What a snippet is cut from: the section's text; for a group, its members' titles and texts */
  Engine.prototype.displayText = function (i) {
    var self = this, parts = this.members.has(i) ? [] : [this.sections[i][3]];
    (this.members.get(i) || []).forEach(function (m) {
      parts.push(self.sections[m][2], self.sections[m][3]);
    });
    var text = parts.filter(function (p) { return p; }).join(" ");
    return text || this.sections[i][6] || "";
  };

  Engine.prototype.pairShare = function (label, i) {
    var got = 0, pairs = label.length - 1;
    for (var k = 0; k < pairs; k++) {
      var p = label.slice(k, k + 2);
      if (this.heads[i][0][0].indexOf(p) >= 0 || this.texts[i].indexOf(p) >= 0) got += 1;
    }
    return got / pairs;
  };

  Engine.prototype.location = function (i) {
    var s = this.sections[i], url = this.pages[s[0]][0];
    return s[1] ? url + "#" + s[1] : url;
  };

  /* Compact strings to mark in a snippet: phrases first, then found spellings by length */
  Engine.prototype.needles = function (query, hit) {
    var set = new Set();
    Object.keys(hit.found).forEach(function (k) { if (hit.found[k]) set.add(compact(hit.found[k])); });
    return query.phrases.concat(Array.from(set).sort(byLengthThenText));
  };

  /* ------------------------------------------------------------ snippets */

  function classEscape(ch) {
    return /[\\\][^-]/.test(ch) ? "\\" + ch : ch;
  }

  /* A regex finding a compact needle in display text: any spacing, any case, full-width
     ASCII, and hyphens between letters and digits (deepseekv3 marks DeepSeek-V3) */
  function loosePattern(needle) {
    var out = "", prev = "";
    for (var ch of needle) {
      var alts = new Set([ch, ch.toUpperCase()]);
      [ch, ch.toUpperCase()].forEach(function (c) {
        var code = c.charCodeAt(0);
        if (c.length === 1 && code >= 0x21 && code < 0x7f) alts.add(String.fromCharCode(code + 0xfee0));
      });
      if (prev) out += isLatin(prev) && isLatin(ch) ? "[" + SPACE_CLASS + "\\-_]*" : "[" + SPACE_CLASS + "]*";
      out += "[" + Array.from(alts).map(classEscape).join("") + "]";
      prev = ch;
    }
    return out;
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

  /* One result as plain data, for the terminal and the tests: title and snippet with marks */
  Engine.prototype.describe = function (query, hit) {
    var s = this.sections[hit.section], page = this.pages[s[0]];
    var needles = this.needles(query, hit);
    var title = snippet(s[2], needles, s[2].length);
    var body = snippet(this.displayText(hit.section), needles);
    return {
      title: title[0], titleMarks: title[1], snippet: body[0], snippetMarks: body[1],
      page: page[1], url: page[0], anchor: s[1], location: this.location(hit.section),
      review: s[5] || "", answered: !!this.answered[hit.section], score: hit.score,
      missing: Object.keys(hit.found).filter(function (k) { return !hit.found[k]; })
    };
  };

  var api = {
    norm: norm, compact: compact, compactStarts: compactStarts, runs: runs, editDistance: editDistance,
    Engine: Engine, loosePattern: loosePattern, snippet: snippet, markup: markup, escapeHTML: escapeHTML
  };
  root.KbSearch = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
