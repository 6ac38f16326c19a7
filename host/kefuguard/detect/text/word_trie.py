"""Many literal words as one regular expression shaped as a trie.

`re` tries an alternation's branches one after the other at every position a word could start, so
"|".join of 250 words makes up to 250 comparisons there; grouped by their first characters the
same words take one comparison per distinct first character, then only the branches that share
it. The pattern finds what the flat alternation of the words, longest first, finds: at each
position the longest word that starts there (every optional tail is greedy), leftmost first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """The source of a pattern matching the same text as `"|".join(map(re.escape, words))` with the
    words sorted longest first; the empty word is left out (it would match everywhere)."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(trie)


def _branches(node: dict[str, dict]) -> str:
    alternatives = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    body = "(?:" + "|".join(alternatives) + ")" if len(alternatives) > 1 or "" in node else alternatives[0]
    return body + "?" if "" in node else body
