"""Related questions: TF-IDF over jieba tokens plus shared glossary terms; deterministic; overridable."""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import jieba
import numpy as np

from kb.links.glossary import TermMatcher
from kb.links.id_lists import load_id_lists
from kb.links.questions import Entry, QuestionIndex, link_text, md_link

RELATED_FILE = "data/related.yml"
MIN_RELATED, MAX_RELATED = 2, 5
MIN_SCORE = 0.06  # below this a third..fifth candidate is noise; the first two are always kept
TITLE_WEIGHT = 3  # title tokens count this many times
TERM_WEIGHT = 2.0  # a shared glossary term weighs like this many shared words
HUB_NEIGHBOURS = 10

jieba.setLogLevel(logging.WARNING)

_NOISE = re.compile(
    r"```.*?```|<[^>]+>|\{[:#.][^}]*\}|https?://\S+|^=== \".*?\"$|[#*_>`|~\[\]()!=-]+",
    re.DOTALL | re.MULTILINE,
)
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_NUMBER = re.compile(r"^[\d.]+$")
_STOPWORD_TEXT = """
    的 了 是 在 和 与 及 或 等 也 都 就 而 但 并 对 从 被 把 让 给 向 以 其 这 那 该 此 之 为 中 上 下
    一个 一种 一些 这些 那些 这个 那个 这样 那样 这种 以及 并且 或者 如果 因为 所以 因此 通过 进行 可以
    能够 需要 使用 什么 如何 为何 为什么 哪些 怎么 怎样 是否 有何 有哪些 是什么 我们 你们 他们 它们 其中
    例如 比如 包括 具有 一般 通常 主要 不同 相关 方面 问题 回答 解释 专业 科普 来源 以下 如下 可能 不是
    没有 还是 已经 非常 更加 较为 同时 然后 之后 之前 时候 方法 方式 情况 作用 影响
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


# Everything the words of a text depend on: a change here gives cached words a new key.
TOKENS_VERSION = ("related-tokens", jieba.__version__, _NOISE.pattern, _WORD.pattern, _NUMBER.pattern, _STOPWORD_TEXT)
Tokenizer = Callable[[str], Sequence[str]]


def clean_text(text: str) -> str:
    """The text jieba cuts: markup, code fences, attribute lists and URLs blanked out."""
    return _NOISE.sub(" ", text)


def words(clean: str) -> list[str]:
    """Content words of cleaned text: jieba tokens without stopwords, numbers and single characters."""
    result = []
    for token in jieba.lcut(clean):
        token = token.strip().lower()
        if len(token) < 2 or not _WORD.search(token) or _NUMBER.match(token) or token in STOPWORDS:
            continue
        result.append(token)
    return result


def tokens(text: str, words_of: Tokenizer = words) -> Sequence[str]:
    """Content words of ``text``; ``words_of`` may be a cache in front of :func:`words`."""
    return words_of(clean_text(text))


def _features(entry: Entry, terms_of: Callable[[str], Iterable[str]] | None, words_of: Tokenizer) -> Counter[str]:
    counts: Counter[str] = Counter()
    counts.update(tokens(entry.text, words_of))
    title = tokens(entry.title, words_of)
    for _ in range(TITLE_WEIGHT - 1):
        counts.update(title)
    if terms_of is not None:
        for term_id in terms_of(entry.text):
            counts[f"term:{term_id}"] += 1
    return counts


def _vectors(entries: list[Entry], terms_of: Callable[[str], Iterable[str]] | None, words_of: Tokenizer) -> list[dict[str, float]]:
    counts = [_features(e, terms_of, words_of) for e in entries]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(entries)
    vectors = []
    for c in counts:
        vector = {}
        for feature in sorted(c):
            weight = (1 + math.log(c[feature])) * (math.log((n + 1) / (df[feature] + 1)) + 1)
            if feature.startswith("term:"):
                weight *= TERM_WEIGHT
            vector[feature] = weight
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({f: w / norm for f, w in vector.items()})
    return vectors


def cosine_matrix(vectors: list[dict[str, float]]) -> np.ndarray:
    """All pairwise cosines (the diagonal 0), accumulated feature by feature in sorted order: for each
    pair the same products added in the same order as a dot product over sorted features, so every
    value is bit for bit what the pure-Python sum gives, in time proportional to the shared features."""
    n = len(vectors)
    postings: dict[str, tuple[list[int], list[float]]] = {}
    for i, vector in enumerate(vectors):
        for feature, weight in vector.items():
            rows, weights = postings.setdefault(feature, ([], []))
            rows.append(i)
            weights.append(weight)
    cosine = np.zeros((n, n))
    for feature in sorted(postings):
        rows, weights = postings[feature]
        if len(rows) > 1:
            w = np.array(weights)
            cosine[np.ix_(rows, rows)] += np.multiply.outer(w, w)
    np.fill_diagonal(cosine, 0.0)
    return cosine


def compute_related(index: QuestionIndex, matcher: TermMatcher | None = None, words_of: Tokenizer = words,
                    terms_of: Callable[[str], Iterable[str]] | None = None) -> dict[str, list[str]]:
    """``{entry id: [related entry ids]}`` with 2–5 items each where enough candidates exist.

    Related questions come from another topic, or from another source on the same topic (an entry
    whose source line names no document of the manifest shares no source with anything).

    Candidates are ranked by cosine similarity minus the candidate's "hubness" (its mean
    similarity to its own nearest neighbours, as in CSLS), so long answers that resemble
    everything do not crowd every list. Scores are compared rounded to 9 decimals, ties by id.
    """
    entries = sorted(index.entries, key=lambda e: e.id)
    if not entries:
        return {}
    if terms_of is None and matcher is not None:
        terms_of = matcher.term_ids
    cosine = cosine_matrix(_vectors(entries, terms_of, words_of))
    hubness = [sum(row[:HUB_NEIGHBOURS].tolist()) / HUB_NEIGHBOURS for row in -np.sort(-cosine, axis=1)]
    hub = np.array(hubness)
    topics = {topic: k for k, topic in enumerate(sorted({e.topic for e in entries}))}
    topic = np.array([topics[e.topic] for e in entries])
    related: dict[str, list[str]] = {}
    for i, entry in enumerate(entries):
        shares_source = np.array([bool(other.docs & entry.docs) for other in entries]) if entry.docs else None
        eligible_mask = cosine[i] > 0
        if shares_source is not None:
            eligible_mask &= (topic != topic[i]) | ~shares_source
        related[entry.id] = _choose(i, np.flatnonzero(eligible_mask), cosine, hub, hubness, entries)
    return related


def _choose(i: int, candidates: np.ndarray, cosine: np.ndarray, hub: np.ndarray, hubness: list[float],
            entries: list[Entry]) -> list[str]:
    """The chosen ids of row ``i``: the first two by score, then any with cosine ≥ MIN_SCORE, at most five.

    numpy orders the candidates by their score; the exact order (scores rounded to 9 decimals, ties by
    id) is then taken in Python over a prefix that ends where the next score is more than 2e-9 lower,
    so nothing outside the prefix can come before anything in it; the prefix grows until five are chosen.
    """
    scores = 2 * cosine[i, candidates] - hub[candidates]
    order = candidates[np.argsort(-scores, kind="stable")]
    sorted_scores = -np.sort(-scores, kind="stable")
    take = min(len(order), 4 * MAX_RELATED)
    row = cosine[i]
    while True:
        while take < len(order) and sorted_scores[take] >= sorted_scores[take - 1] - 2e-9:
            take += 1
        scored = []
        for j in order[:take].tolist():
            cos = float(row[j])
            scored.append((-round(2 * cos - hubness[j], 9), entries[j].id, cos))
        scored.sort()
        chosen = [oid for k, (_, oid, cos) in enumerate(scored) if k < MIN_RELATED or cos >= MIN_SCORE]
        if len(chosen) >= MAX_RELATED or take >= len(order):
            return chosen[:MAX_RELATED]
        take = min(len(order), take * 2)


def load_overrides(path: Path, index: QuestionIndex, label: str = RELATED_FILE) -> dict[str, list[str]]:
    """Reviewed lists from ``data/related.yml`` (missing file = none), validated against the index."""
    if not path.exists():
        return {}

    def key_problem(key: str) -> str | None:
        return None if index.entry(key) else f"题目 `{key}` 不在任何页面上（没有带这个 id 和出处行的题目）— 请检查 id"

    def value_problem(key: str, value: object) -> str | None:
        if isinstance(value, list) and MIN_RELATED <= len(value) <= MAX_RELATED:
            return None
        return f"`{key}` 需要 {MIN_RELATED}–{MAX_RELATED} 个相关题目 id 的列表"

    def target_problem(key: str, target: str) -> str | None:
        target_entry = index.entry(target)
        if target_entry is None:
            return f"相关题目 `{target}` 不存在 — 请检查 id"
        if target_entry is index.entry(key):
            return f"`{target}` 与 `{key}` 是同一题 — 请换成其他题目"
        return None

    overrides = load_id_lists(
        path, label, "overrides", "题目 id → 相关题目 id 列表", key_problem, value_problem, target_problem
    )
    return {index.anchors[key].entry_id: ids for key, ids in overrides.items()}  # h3 ids name their entry


def related_questions(
    index: QuestionIndex, matcher: TermMatcher | None, overrides: dict[str, list[str]], words_of: Tokenizer = words,
    terms_of: Callable[[str], Iterable[str]] | None = None,
) -> dict[str, list[str]]:
    """Computed lists with reviewed overrides applied (``terms_of``: a cache in front of the matcher)."""
    related = compute_related(index, matcher, words_of, terms_of)
    related.update(overrides)
    return related


def render_block(entry: Entry, targets: Iterable[str], index: QuestionIndex, doc_names: dict[str, str]) -> str:
    """Markdown for the "相关问题" list closing an entry."""
    items = []
    for target in targets:
        anchor = index.anchors[target]
        other = index.entry(target)
        assert other is not None
        sources = "、".join(doc_names.get(d, d) for d in sorted(other.docs)) or ""
        meta = other.topic_title + (f" · {sources}" if sources else "")
        items.append(
            f"- [{link_text(anchor.title)}]({md_link(entry.src_uri, anchor.src_uri, anchor.id)})"
            f" <small>{meta}</small>"
        )
    if not items:
        return ""
    body = "\n".join(items)
    return f'\n<div class="kb-related" markdown>\n<p class="kb-related-title">相关问题</p>\n\n{body}\n\n</div>\n'
