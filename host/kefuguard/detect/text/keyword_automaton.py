"""An Aho-Corasick automaton over folded text: every keyword occurrence in one left-to-right pass.

Linear in the text (one or two dict probes per character, whatever the number of keywords), no
backtracking. Built as a DFA: each state's dict holds every transition that differs from the
root's, so the scan never follows failure links.

Text is folded first (text_normalize.fold_text). GAP characters are skipped without changing state,
so '退 款' matches '退款'. What a match must look like to count:

- a keyword of ASCII letters/digits ('qq', 'kefu', 'refund') must stand alone: no letter (or digit,
  for a digit keyword) touching it on either side ('groups' holds no 'ups');
- inside an ASCII keyword, gaps are accepted only if the keyword itself was written with one
  ('gift card', 'tui kuan') or the letters are spelled out one by one ('Q Q', 'v x'); so 'up s'
  is not 'ups';
- a keyword may spread over at most twice its length plus four characters of gaps.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kefuguard.detect.text.normalize import GAP

# Past this many matches in one text, each keyword state is recorded at most REPEATS_AFTER_FLOOD more
# times: a flood of one keyword cannot make the work grow, nor hide a different keyword after it.
FLOOD = 1024
REPEATS_AFTER_FLOOD = 8


@dataclass(frozen=True)
class KeywordInfo:
    key: str  # folded, gaps removed
    tags: tuple[str, ...]
    ascii_word: bool  # only ASCII letters/digits: needs word boundaries
    gaps_inside: bool  # written with a gap ('gift card'): gaps between its words are fine


@dataclass(slots=True)
class Hit:
    """Treat as immutable (not frozen: a frozen dataclass costs three times as much to create)."""

    tag: str
    start: int  # span in the folded (= original) text
    end: int


class _Ending(dict[str, Any]):  # its values are states: plain dicts or _Endings
    """A state where keywords end. Every other state is a plain dict (character -> next state), so
    that the scan's probe of the state it is in takes the interpreter's fast path for a dict's own
    methods (it checks the exact type) on most characters, and a state's type says whether anything
    ends in it."""

    __slots__ = ("ends", "plan")
    ends: tuple[int, ...]  # the keywords that end here (ids)
    # per keyword ending here, what spans() needs: (length, tags, _edge_rule or None when unchecked)
    plan: tuple[tuple[int, tuple[str, ...], tuple[str, str, bool] | None], ...]


class KeywordAutomaton:
    # Slots, not a __dict__: a list switched away from is taken apart through its objects' __dict__
    # (service/gradual_release.py), which would leave __del__ nothing to break the states' cycles with
    __slots__ = ("keywords", "state_count", "_plan", "_edges", "_root", "_states")

    def __init__(self, keywords: Iterable[KeywordInfo]) -> None:
        self.keywords: list[KeywordInfo] = []
        goto: list[dict[str, int]] = [{}]
        ends: list[list[int]] = [[]]
        # one str object per character for all the states' keys: a probe compares its key's hash and
        # text, and a few thousand shared keys stay in the CPU caches where one per state would not
        chars: dict[str, str] = {}
        for info in keywords:
            if not info.key:
                continue
            state = 0
            for ch in info.key:
                ch = chars.setdefault(ch, ch)
                nxt = goto[state].get(ch)
                if nxt is None:
                    nxt = len(goto)
                    goto[state][ch] = nxt
                    goto.append({})
                    ends.append([])
                state = nxt
            ends[state].append(len(self.keywords))
            self.keywords.append(info)
        # failure links (the longest proper suffix that is a state) and what ends in each state,
        # its own keywords and, through the links, shorter ones
        fail = [0] * len(goto)
        out: list[tuple[int, ...]] = [()] * len(goto)
        order: list[int] = []  # breadth first: a state's failure link comes before it
        queue = deque(goto[0].values())
        while queue:
            state = queue.popleft()
            order.append(state)
            out[state] = tuple(ends[state]) + out[fail[state]]
            for ch, child in goto[state].items():
                f = fail[state]
                while f and ch not in goto[f]:
                    f = fail[f]
                fail[child] = goto[f].get(ch, 0) if state else 0
                queue.append(child)
        self.state_count = len(goto)
        # per keyword: (length, tags, needs the ASCII word checks)
        self._plan = [(len(k.key), k.tags, k.ascii_word or _digit_edge(k.key)) for k in self.keywords]
        # _acceptable's tests as spans() makes them, per keyword: the characters that may not touch it
        # before and after, and whether gaps inside must spell it out letter by letter
        self._edges = [_edge_rule(k) for k in self.keywords]
        plans = [
            (length, tags, edges if checked else None)
            for (length, tags, checked), edges in zip(self._plan, self._edges, strict=True)
        ]
        # The states as dicts of their transitions to the next states' dicts (a DFA: each holds every
        # transition that differs from the root's, so the scan never follows a failure link): a
        # character costs one probe in the state it is in, with no list indexed by a state number
        # and no int to read. Checked cold (the server's case: the HTTP work between two checks
        # evicts the caches), the scan misses the caches about a quarter less often.
        nodes: list[dict[str, Any]] = [_Ending() if out[state] else {} for state in range(len(goto))]
        root = nodes[0]
        root.update({ch: nodes[child] for ch, child in goto[0].items()})
        for state in order:
            node = nodes[state]
            if fail[state]:  # the root's transitions are the scan's fallback: not copied
                node.update(nodes[fail[state]])
            for ch, child in goto[state].items():
                node[ch] = nodes[child]
            if isinstance(node, _Ending):
                node.ends = out[state]
                node.plan = tuple(plans[kid] for kid in out[state])
        self._root = root
        self._states = nodes

    def __del__(self) -> None:
        """The states refer to each other (a transition back to a shorter match is a cycle): emptied
        here, they are freed with the automaton, not left for the cyclic collector, which a host and
        a service run rarely or never on what they built before freezing it (gc.freeze)."""
        for node in getattr(self, "_states", ()):
            node.clear()

    def raw_matches(self, folded: str) -> list[tuple[int, tuple[int, ...]]]:
        """(index of the last character, keyword ids) for every state that ends a keyword."""
        root = self._root
        root_get = root.get
        ending = _Ending
        found: list[tuple[int, tuple[int, ...]]] = []
        node = root
        for i, ch in enumerate(folded):
            if ch == GAP:
                continue
            nxt = node.get(ch)
            if nxt is None:
                node = root_get(ch, root) if node is not root else root
            else:
                node = nxt
            if type(node) is ending:
                found.append((i, node.ends))
                if len(found) >= FLOOD:
                    return self._rest_of_flood(folded, i + 1, node, found)
        return found

    def _rest_of_flood(
        self, folded: str, start: int, node: dict[str, Any], found: list[tuple[int, tuple[int, ...]]]
    ) -> list[tuple[int, tuple[int, ...]]]:
        root = self._root
        root_get = root.get
        seen: dict[int, int] = {}  # by id() of the state
        for i in range(start, len(folded)):
            ch = folded[i]
            if ch == GAP:
                continue
            nxt = node.get(ch)
            if nxt is None:
                node = root_get(ch, root) if node is not root else root
            else:
                node = nxt
            if type(node) is _Ending:
                count = seen.get(id(node), 0)
                if count < REPEATS_AFTER_FLOOD:
                    seen[id(node)] = count + 1
                    found.append((i, node.ends))
        return found

    def find(self, folded: str) -> list[Hit]:
        return [Hit(tag, start, -neg_end) for start, neg_end, tags in self.spans(folded) for tag in tags]

    def spans(self, folded: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, -end, tags) of every keyword found, in the scan's order: tuples that sort by start,
        longest first, in C (TextIndex.hits), and Hits made only for the ones kept.

        raw_matches' scan with the spans worked out as it goes (no list of raw matches, and no slice
        to look for a gap inside a keyword: the last gap seen says it); a flood goes through
        raw_matches, whose cap decides what is kept."""
        root = self._root
        root_get = root.get
        size = len(folded)
        spans: list[tuple[int, int, tuple[str, ...]]] = []
        ending = _Ending
        node = root
        ends = 0
        last_gap = -1  # a keyword starting after it has no gap inside
        gap = GAP  # a local: read once per character
        for last, ch in enumerate(folded):
            if ch == gap:
                last_gap = last
                continue
            nxt = node.get(ch)
            if nxt is None:
                node = root_get(ch, root) if node is not root else root
            else:
                node = nxt
            if type(node) is not ending:
                continue
            ends += 1
            if ends >= FLOOD:
                return self._spans_of(folded, self.raw_matches(folded))
            end = last + 1
            for length, tags, edges in node.plan:
                start = end - length
                if last_gap >= start:  # gaps inside: walk back over them
                    walked = _span_start(folded, last, length)
                    if walked is None:
                        continue
                    start = walked
                if edges is not None:
                    not_before, not_after, spelled_only = edges
                    if start and folded[start - 1] in not_before or end < size and folded[end] in not_after:
                        continue
                    if spelled_only and end - start != length and not _spelled_out(folded, start, end, length):
                        continue
                spans.append((start, -end, tags))
        return spans

    def _spans_of(
        self, folded: str, matches: list[tuple[int, tuple[int, ...]]]
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        """The spans of raw matches (a flood's, capped)."""
        spans: list[tuple[int, int, tuple[str, ...]]] = []
        plan = self._plan
        gaps = GAP in folded
        for last, ids in matches:
            end = last + 1
            for kid in ids:
                length, tags, checked = plan[kid]
                start = end - length
                if gaps and (start < 0 or GAP in folded[start:end]):  # gaps inside: walk back over them
                    walked = _span_start(folded, last, length)
                    if walked is None:
                        continue
                    start = walked
                if checked and not _acceptable(folded, start, end, self.keywords[kid]):
                    continue
                spans.append((start, -end, tags))
        return spans


def _span_start(folded: str, last: int, length: int) -> int | None:
    """Where a keyword of `length` non-gap characters ending at `last` starts, if not too spread out."""
    limit = max(0, last - (3 * length + 4))
    i, count = last, 1
    while count < length:
        i -= 1
        if i < limit:
            return None
        if folded[i] != GAP:
            count += 1
    return i


def _is_ascii_letter(ch: str) -> bool:
    return "a" <= ch <= "z"


def _is_ascii_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def _digit_edge(key: str) -> bool:
    return _is_ascii_digit(key[0]) or _is_ascii_digit(key[-1])


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"


def _edge_rule(info: KeywordInfo) -> tuple[str, str, bool]:
    """_acceptable's rule for one keyword, made once: (may not stand before it, may not stand after
    it, gaps inside only when spelled out letter by letter)."""
    key = info.key
    if not info.ascii_word:
        return (_DIGITS if _is_ascii_digit(key[0]) else "", _DIGITS if _is_ascii_digit(key[-1]) else "", False)
    before = _LETTERS if _is_ascii_letter(key[0]) else _DIGITS
    after = _LETTERS if _is_ascii_letter(key[-1]) else _DIGITS
    return before, after, not info.gaps_inside


def _spelled_out(folded: str, start: int, end: int, length: int) -> bool:
    span = folded[start:end]
    return all(span[j] == GAP for j in range(1, len(span), 2)) and len(span) == 2 * length - 1


def _acceptable(folded: str, start: int, end: int, info: KeywordInfo) -> bool:
    if not info.ascii_word:
        # '拨打9' (a phone menu) is not the start of '拨打96110': a digit at a keyword's edge is not
        # part of a longer number
        before = folded[start - 1] if start else GAP
        after = folded[end] if end < len(folded) else GAP
        key = info.key
        return not (_is_ascii_digit(key[-1]) and _is_ascii_digit(after)) and not (
            _is_ascii_digit(key[0]) and _is_ascii_digit(before)
        )
    first, last = info.key[0], info.key[-1]
    before = folded[start - 1] if start else GAP
    after = folded[end] if end < len(folded) else GAP
    same_class_before = _is_ascii_letter if _is_ascii_letter(first) else _is_ascii_digit
    same_class_after = _is_ascii_letter if _is_ascii_letter(last) else _is_ascii_digit
    if same_class_before(before) or same_class_after(after):
        return False
    if end - start == len(info.key) or info.gaps_inside:
        return True
    # gaps inside a one-word ASCII keyword: only when spelled out letter by letter ('q q', 'v-x')
    span = folded[start:end]
    return all(span[j] == GAP for j in range(1, len(span), 2)) and len(span) == 2 * len(info.key) - 1
