"""Word tables found fast: Aho-Corasick automata over lower-cased text.

The sentence rules look up tables of words (comparators, past and future markers,
the catalogue's hundreds of cues) in many short stretches of text. A regular
expression alternation of such a table is tried word by word at each character,
and a look-around guarding each Latin word makes it slower still; an Aho-Corasick
automaton (pyahocorasick) finds every word of a table in one pass in C. The text
is lower-cased (keeping its length, so offsets hold) and the whole-word check for
Latin words is done here, on the few hits.
"""
from __future__ import annotations

from collections.abc import Iterable

Hit = tuple[int, int, str]  # start, end, meaning


def lower_same_length(text: str) -> str:
    """text.lower(), unless that would change its length (İ -> i̇): offsets must stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def is_latin(ch: str) -> bool:
    return "a" <= ch <= "z"  # on lower-cased text


def whole_word(low: str, start: int, end: int, plural: bool = False) -> bool:
    """A Latin word must not start or end inside a word ("over" is not in "coverage"); with plural, an s may follow."""
    if start and is_latin(low[start]) and is_latin(low[start - 1]):
        return False
    if end < len(low) and is_latin(low[end - 1]) and is_latin(low[end]):
        return plural and low[end] == "s" and not (end + 1 < len(low) and is_latin(low[end + 1]))
    return True


def word_automaton(payloads: dict[str, object]):
    """An automaton of lower-cased words; each word carries (length, is Latin, payload)."""
    import ahocorasick  # imported on first use, as the automata are built: a cost most commands never pay

    automaton = ahocorasick.Automaton()
    for word, payload in payloads.items():
        automaton.add_word(word, (len(word), is_latin(word[0]) or is_latin(word[-1]), payload))
    automaton.make_automaton()
    return automaton


def _lowered(text: str, start: int, end: int | None) -> tuple[int, str]:
    """(base, lower-cased text[base:end]) where base is one character before start, for the word edge.
    As re's finditer(text, start, end) would see it: the character before start counts, nothing at or
    after end does."""
    base = max(0, start - 1)
    return base, lower_same_length(text[base:len(text) if end is None else end])


def by_start_longest_first(hit: Hit) -> tuple[int, int]:
    return hit[0], -hit[1]


def leftmost_longest(hits: list) -> list:
    """From hits sorted by start, then longest first: where two overlap, the earlier (then the longer) wins."""
    kept, reached = [], -1
    for hit in hits:
        if hit[0] >= reached:
            kept.append(hit)
            reached = hit[1]
    return kept


class WordSet:
    """The words of one table; `meaning` maps each lower-cased word to what it stands for (a comparator,
    an indicator key). Hits are (start, end, meaning) with offsets into the text given."""

    def __init__(self, words: dict[str, str] | Iterable[str], plural: bool = False):
        pairs = words.items() if isinstance(words, dict) else ((w, w) for w in words)
        self.meaning: dict[str, str] = {}
        for word, meaning in pairs:
            self.meaning.setdefault(word.lower(), meaning)
        self.plural = plural
        self._automaton = None  # built on first use

    def hits(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Every occurrence in text[start:end], overlaps included, by start and then longest first."""
        if not self.meaning:
            return []
        if self._automaton is None:
            self._automaton = word_automaton(self.meaning)
        base, low = _lowered(text, start, end)
        plural = self.plural
        found = [(last + 1 - length + base, last + 1 + base, meaning)
                 for last, (length, latin, meaning) in self._automaton.iter(low, start - base)
                 if not latin or whole_word(low, last + 1 - length, last + 1, plural)]
        if len(found) > 1:
            found.sort(key=by_start_longest_first)
        return found

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """The words of text[start:end], leftmost-longest and without overlaps."""
        return leftmost_longest(self.hits(text, start, end))


class Needles:
    """Which of several patterns may match a piece of text, when each needs one of its strings to occur in
    it (case-insensitively; a pattern whose strings are None may match anywhere). A yes may be wrong, a no
    may not."""

    def __init__(self, needs: list[set[str] | None]):
        self.everywhere = frozenset(range(len(needs)))
        self._always = frozenset(i for i, strings in enumerate(needs) if strings is None)
        owners: dict[str, set[int]] = {}
        for i, strings in enumerate(needs):
            for s in strings or ():
                owners.setdefault(s.lower(), set()).add(i)
        self._automaton = word_automaton(owners) if owners else None

    def which(self, text: str, start: int, end: int) -> frozenset[int]:
        low = text[start:end].lower()
        # The regex module reads ſ as an s and İ as an i, which lower() leaves as ſ and i + U+0307.
        if self._automaton is None or "ſ" in low or "\u0307" in low:
            return self.everywhere
        found = set(self._always)
        for _, (_, _, owners) in self._automaton.iter(low):
            found |= owners
        return frozenset(found)


class WordTables:
    """Several word tables searched in one pass: a sentence is read once for all of them, and each
    hit is filed under every table its word belongs to (去年 is both a past marker and a past-after one)."""

    def __init__(self, tables: list[WordSet]):
        self.tables = tables
        self._automaton = None  # built on first use

    def hits(self, text: str, start: int = 0, end: int | None = None) -> dict[WordSet, list[Hit]]:
        """Each table's hits, as its own WordSet.hits would give them."""
        if self._automaton is None:
            owners: dict[str, list] = {}
            for table in self.tables:
                for word, meaning in table.meaning.items():
                    owners.setdefault(word, []).append((table, meaning))
            self._automaton = word_automaton(owners)
        base, low = _lowered(text, start, end)
        found: dict[WordSet, list[Hit]] = {table: [] for table in self.tables}
        for last, (length, latin, owned) in self._automaton.iter(low, start - base):
            a = last + 1 - length
            for table, meaning in owned:
                if not latin or whole_word(low, a, last + 1, table.plural):
                    found[table].append((a + base, last + 1 + base, meaning))
        for hits in found.values():
            if len(hits) > 1:
                hits.sort(key=by_start_longest_first)
        return found
