"""The words queries are cut into: jieba's dictionary words, plus the site's own words the
dictionary lacks once they recur (算力), never chance pairings of function characters."""
from __future__ import annotations

from kb.search.vocab import corpus_words, text_words


def test_dictionary_words_are_kept_from_one_text():
    assert "训练" in corpus_words(["训练需要的算力"])


def test_a_word_outside_the_dictionary_counts_once_it_recurs():
    assert "算力" in text_words("训练需要的算力")
    assert "算力" not in corpus_words(["训练需要的算力", "算力不够"])  # two texts: could be chance
    assert "算力" in corpus_words(["训练需要的算力", "算力不够", "估算算力"])


def test_pairings_of_function_characters_are_not_words():
    import jieba

    text = "训练时用的数据，这一段再用"
    assert {"时用", "再用"} <= set(jieba.cut(text, HMM=True))  # what jieba's HMM would add
    assert not {"时用", "再用"} & set(text_words(text))
