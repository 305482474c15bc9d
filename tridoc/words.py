"""A table of words found fast: one alternation of literals over lower-cased text.

Python's `re` runs a plain alternation of literals on text without case folding
about five times faster than the same words with IGNORECASE, or with a look-around
guarding each Latin word. So the text is lower-cased, the words are one
alternation (longest first, so the longest word at a position wins), and the
whole-word check for Latin words is done in Python on the few hits.
"""
from __future__ import annotations

from collections.abc import Iterable


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


class WordSet:
    """Words of a table, found leftmost-longest and non-overlapping in a stretch of text.

    `meaning` maps each lower-cased word to what it stands for (a comparator, an indicator key);
    `find` yields (start, end, meaning) with offsets into the text given. The words are an
    Aho-Corasick automaton (pyahocorasick): one pass in C over the text finds every word at once,
    where a regular-expression alternation tries each of hundreds of cues at each character."""

    def __init__(self, words: dict[str, str] | Iterable[str], plural: bool = False):
        pairs = words.items() if isinstance(words, dict) else ((w, w) for w in words)
        self.meaning: dict[str, str] = {}
        for word, meaning in pairs:
            self.meaning.setdefault(word.lower(), meaning)
        self.plural = plural
        self._automaton = None  # built on first use: a start-up cost most commands never pay

    def _built(self):
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for word, meaning in self.meaning.items():
                latin = is_latin(word[0]) or is_latin(word[-1])
                automaton.add_word(word, (len(word), meaning, latin))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def hits(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Every occurrence, overlaps included, sorted by start and then longest first. As re's
        finditer(text, start, end) would see it: the character before start counts for a word edge,
        nothing at or after end does."""
        if not self.meaning:
            return []
        base = max(0, start - 1)
        low = lower_same_length(text[base:len(text) if end is None else end])
        plural = self.plural
        found = [(last + 1 - length + base, last + 1 + base, meaning)
                 for last, (length, meaning, latin) in (self._automaton or self._built()).iter(low, start - base)
                 if not latin or whole_word(low, last + 1 - length, last + 1, plural)]
        if len(found) > 1:
            found.sort(key=_leftmost_longest_order)
        return found

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """The words of the text, leftmost-longest and without overlaps."""
        return leftmost_longest(self.hits(text, start, end))

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int, str] | None:
        found = self.find(text, start, end)
        return found[0] if found else None


def _leftmost_longest_order(hit: tuple) -> tuple[int, int]:
    return hit[0], -hit[1]


def leftmost_longest(hits: list) -> list:
    """From hits sorted by start, then longest first: where two overlap, the earlier (then the longer) wins."""
    kept, reached = [], -1
    for hit in hits:
        if hit[0] >= reached:
            kept.append(hit)
            reached = hit[1]
    return kept


class WordTables:
    """Several word tables searched in one pass: a sentence is read once for all of them, and each
    hit is filed under every table its word belongs to (去年 is both a past marker and a past-after one)."""

    def __init__(self, tables: list[WordSet]):
        self.tables = tables
        self._automaton = None

    def _built(self):
        import ahocorasick

        entries: dict[str, list] = {}
        for table in self.tables:
            for word, meaning in table.meaning.items():
                entries.setdefault(word, []).append((table, meaning, table.plural))
        automaton = ahocorasick.Automaton()
        for word, owners in entries.items():
            automaton.add_word(word, (len(word), is_latin(word[0]) or is_latin(word[-1]), owners))
        automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def hits(self, text: str, start: int = 0, end: int | None = None) -> dict[WordSet, list[tuple[int, int, str]]]:
        """Each table's hits as WordSet.hits gives them."""
        base = max(0, start - 1)
        low = lower_same_length(text[base:len(text) if end is None else end])
        found: dict[WordSet, list[tuple[int, int, str]]] = {table: [] for table in self.tables}
        for last, (length, latin, owners) in (self._automaton or self._built()).iter(low, start - base):
            a = last + 1 - length
            for table, meaning, plural in owners:
                if not latin or whole_word(low, a, last + 1, plural):
                    found[table].append((a + base, last + 1 + base, meaning))
        for hits in found.values():
            if len(hits) > 1:
                hits.sort(key=_leftmost_longest_order)
        return found
