"""Finding the Markdown-style marks of a text: which characters are marks, and what they format.

``MarkParser(text).parse()`` returns the stretches to delete (the marks, and the ``](url)`` of
links) and the formatted spans, in the coordinates of ``text``; ``viewer.text.markup`` turns
them into plain text and ``Format`` spans (its docstring gives the rules a reader sees).
"""

from __future__ import annotations

import re

# A span in the coordinates of whatever text is current: (start, stop, kind, url).
Span = tuple[int, int, str, str | None]

# Mark characters are found one by one (a character class is several times faster to scan
# for than an alternation of runs), then each run is measured from its first character.
_MARK_CHAR = re.compile(r"[*_~|`\[\]]")
_RUNS = {char: re.compile(re.escape(char) + "+") for char in "*_~|`"}
_EMPHASIS = {"*": "bold", "_": "italic", "~": "strike", "|": "spoiler"}
_CLOSING_PUNCTUATION = frozenset(".,;:!?)]}»”")
# A line that explains footnote stars, as Russian news sites must: "* «ИГ» — …", "*ИГ — …".
_FOOTNOTE_LINE = re.compile(r"^[^\S\n]*(?:\*+[^\S\n]|\*[^*\s])", re.MULTILINE)
_DUNDER = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)

# A link's url, matched right after "](": one level of balanced parentheses is allowed
# (Wikipedia), spaces never are.
_URL_BODY = r"[^\s()]*(?:\([^\s()]*\)[^\s()]*)*"
_LINK_URL = re.compile(
    rf"((?:(?i:https?|tg)://|(?i:mailto):|(?i:www)\.){_URL_BODY}"
    rf"|(?:[\w-]+\.)+[^\W\d_]{{2,}}(?:[/?#:]{_URL_BODY})?)\)"
)
# A word that is (or holds) a bare URL: a scheme, www., or a domain followed by a path.
_URL_HINT = re.compile(r"(?i:https?://|tg://|mailto:|www\.)|[\w-]\.[^\W\d_]{2,}/")
# The URL goes on after a mark when a letter or digit follows before the next space (or
# bracket: ``[https://…**](…)`` ends at the bracket).
_URL_GOES_ON = re.compile(r"[^\s\[\]]*?[^\W_]")
_URL_LOOKAHEAD = 300
# A URL's beginning that _URL_HINT finds is never longer than this (scheme, www., a domain's
# last label and its slash), so a word searched up to some point is searched again only
# this far back.
_URL_HINT_REACH = 64
_CODE_LIMIT = 1000


class MarkParser:
    """One left-to-right pass over the mark characters of a prepared text, then the pairing.

    Links and code are settled during the pass (their insides are skipped); emphasis marks
    are only collected, then paired kind by kind (``_pair_all``). Everything is decided from
    the marks and the characters around them, so the work grows with the number of marks,
    not with the length of the text, and every look ahead or back is bounded.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.deletions: list[tuple[int, int]] = []
        self.spans: list[Span] = []
        # Emphasis kind -> candidate marks: (position, width of the run, between letters).
        self.marks: dict[str, list[tuple[int, int, bool]]] = {}
        self.link_end = 0  # where the last link's "(url)" ended: no bare URL starts before it
        # The word of the last mark checked by _in_url: its start, how far it was searched
        # for the beginning of a URL, and whether one was found.
        self.word_start = 0
        self.word_scanned = 0
        self.word_is_url = False
        self.may_hold_urls = "/" in text or "www." in text or "mailto:" in text

    def parse(self) -> tuple[list[tuple[int, int]], list[Span]]:
        text = self.text
        brackets: list[int] = []
        skip_until = 0
        for match in _MARK_CHAR.finditer(text):
            start = match.start()
            if start < skip_until:
                continue
            char = text[start]
            if char == "[":
                brackets.append(start)
                continue
            if char == "]":
                if brackets:
                    end = start + 2 if text.startswith("(", start + 1) else start + 1
                    skip_until = self._link(brackets, start, end)
                continue
            end = skip_until = _RUNS[char].match(text, start).end()
            if char == "`":
                skip_until = max(end, self._code(start, end))
            elif end - start > 1:
                self._collect(_EMPHASIS[char], start, end)
        self._pair_all()
        return self.deletions, self.spans

    # Links and code

    def _link(self, brackets: list[int], start: int, end: int) -> int:
        """``]`` closes the latest ``[``; with ``(url)`` after it, that is a link."""
        opening = brackets.pop()
        if end - start == 1:
            return 0
        url = _LINK_URL.match(self.text, end)
        if url is None:
            return 0
        self.deletions += [(opening, opening + 1), (start, url.end())]
        self.spans.append((opening + 1, start, "link", url.group(1)))
        brackets.clear()  # a link holds no link: outer brackets are text now
        self.link_end = url.end()
        return url.end()

    def _code(self, start: int, end: int) -> int:
        """Inline code (one backtick) or a block (three); nothing inside is a mark."""
        text = self.text
        width = end - start
        if width == 1:
            if _between_letters(text, start, end):
                return 0
            close = self._closing_backtick(end)
        elif width == 3:
            close = self._closing_fence(end)
        else:
            return 0
        if close is None:
            return 0
        self.deletions += [(start, end), (close, close + width)]
        self.spans.append((end, close, "code", None))
        return close + width

    def _closing_backtick(self, begin: int) -> int | None:
        text = self.text
        limit = min(len(text), begin + _CODE_LIMIT)
        position = text.find("`", begin, limit)
        while position != -1:
            alone = text[position - 1] != "`" and text[position + 1 : position + 2] != "`"
            if alone and position > begin and not _between_letters(text, position, position + 1):
                return position
            position = text.find("`", position + 1, limit)
        return None

    def _closing_fence(self, begin: int) -> int | None:
        text = self.text
        position = text.find("```", begin)
        while position != -1:
            run_end = _RUNS["`"].match(text, position).end()
            if run_end - position == 3 and position > begin:
                return position
            position = text.find("```", run_end)
        return None

    # Emphasis

    def _collect(self, kind: str, start: int, end: int) -> None:
        """Keep a run of two (three or four) mark characters as a candidate mark.

        Runs of other lengths are text (``*****``, ``______``). Marks inside a bare URL are
        not marks. ``__``, ``~~`` and ``||`` are never marks between two word characters
        (``snake__case``, ``a||b``), nor ``~~`` and ``||`` between two spaces (``a || b`` in
        code; Telegram's ``__`` does stand alone on a line); ``**`` between two letters is
        kept, flagged: it may be a censored word or a mark.
        """
        text = self.text
        width = end - start
        if width > 4 or (width == 3 and kind != "bold"):
            return
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if kind == "bold":
            inner = before.isalnum() and after.isalnum()
        else:
            inner = False
            if (_is_word(before) and _is_word(after)) or (kind != "italic" and is_space(before) and is_space(after)):
                return
        if width == 2 and self._in_url(start, end):
            return
        self.marks.setdefault(kind, []).append((start, width, inner))

    def _pair_all(self) -> None:
        """Pair each kind's marks, reading them as strictly as the text allows.

        The strict reading is right for most texts: an opening mark is followed by a
        non-space that is not closing punctuation, and does not follow a letter or digit
        (nor ``_`` for ``__ ~~ ||``); once a span is open, the next ``**`` closes it, and
        the next ``__ ~~ ||`` too unless a word character follows it with no space before
        it; ``**`` between two letters is left out. Telegram's exporter, though, puts the
        marks exactly at entity edges, and entities often start or end with a space
        (``невозмутимо** подняла``, ``~~марафона ~~плана``) or inside a word
        (``здоровь**я``): there, every mark simply toggles. So when the strict reading
        leaves marks unpaired (or unable to close), looser readings are tried: ``**``
        between letters counted as marks, and toggling. The reading that leaves the fewest
        marks unpaired wins, the stricter one on a tie; but a toggling reading only in a
        text that has other markup (a link, code, a strict pair of any kind), or when it
        pairs every mark and ``_may_toggle_alone`` allows it, so that the footnote stars of
        news sites (``«Аль-Каида»** … «Аль-Каиды»**``) and code never pair up.

        An unpaired ``**`` is dropped when ``_stray`` says so; other unpaired marks are text.
        """
        strict = {kind: self._pairing(kind, marks, False, False) for kind, marks in self.marks.items()}
        evidence = bool(self.spans) or any(pairs for pairs, _, _ in strict.values())
        for kind, marks in self.marks.items():
            best = strict[kind]
            if best[2]:
                has_inner = any(inner for _, _, inner in marks)
                readings = [(True, False), (False, True), (True, True)] if has_inner else [(False, True)]
                for use_inner, toggle in readings:
                    candidate = self._pairing(kind, marks, use_inner, toggle)
                    if len(candidate[2]) < len(best[2]) and (
                        not toggle or evidence or (not candidate[2] and self._may_toggle_alone(kind, marks))
                    ):
                        best = candidate
            pairs, deletions, unpaired = best
            self.deletions += deletions
            for opening, closing in pairs:
                self.deletions += [(opening, opening + 2), (closing, closing + 2)]
                self.spans.append((opening + 2, closing, kind, None))
            if kind == "bold" and unpaired:
                marked = evidence or bool(pairs)
                first = len(self.text) - len(self.text.lstrip())
                for position in unpaired:
                    if self._stray(position, position == first, marked):
                        self.deletions.append((position, position + 2))

    def _pairing(
        self, kind: str, marks: list[tuple[int, int, bool]], use_inner: bool, toggle: bool
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int]]:
        """One left-to-right reading of a kind's marks: (pairs of mark positions, extra
        deletions, unpaired mark positions). ``use_inner``: ``**`` between letters counts;
        ``toggle``: any mark opens, any mark closes."""
        text = self.text
        pairs: list[tuple[int, int]] = []
        deletions: list[tuple[int, int]] = []
        unpaired: list[int] = []
        opening: int | None = None
        for position, width, inner in marks:
            if inner and not use_inner:
                continue
            if width > 2:
                if opening is None:  # "***" and "****" with nothing open are text
                    continue
                if width == 3:  # "WhatsApp***": a footnote star, then the closing mark
                    pairs.append((opening, position + 1))
                    opening = None
                    continue
                # "__A____B__": the first half closes, the second opens if anything follows
                # (when toggling, always: Telegram's "__A____ B__" is two entities too).
                pairs.append((opening, position))
                after = text[position + 4 : position + 5]
                if toggle or (after and not after.isspace()):
                    opening = position + 2
                else:
                    opening = None
                    deletions.append((position + 2, position + 4))
                continue
            before = text[position - 1] if position else ""
            after = text[position + 2 : position + 3]
            if opening is not None:
                if toggle or kind == "bold" or not _is_word(after) or is_space(before):
                    if not (kind == "italic" and _DUNDER.fullmatch(text, opening + 2, position)):
                        pairs.append((opening, position))
                    opening = None  # __init__: a Python name, both marks stay text
                else:
                    unpaired.append(position)
                continue
            glued = before.isalnum() if kind == "bold" else _is_word(before)
            if toggle or (_can_open(before, after) and (inner or not glued)):
                opening = position
            else:
                unpaired.append(position)
        if opening is not None:
            unpaired.append(opening)
        return pairs, deletions, unpaired

    def _may_toggle_alone(self, kind: str, marks: list[tuple[int, int, bool]]) -> bool:
        """Whether toggling is safe in a text without other markup.

        For ``**``: no footnote line explains stars in the text and no footnote star is glued
        to a mark (``одна** и третья***`` count footnotes up). For ``__`` and ``~~``: every
        mark has a space or a line edge on one side, as Telegram's own do (``\n__\n``,
        ``сказал. __``), while code's are glued on both (``self.__a = self.__b``). Never for
        ``||``, which is an operator wherever it is not a spoiler.
        """
        text = self.text
        if kind == "bold":
            return all(width != 3 for _, width, _ in marks) and _FOOTNOTE_LINE.search(text) is None
        if kind == "spoiler":
            return False
        return all(_touches_space(text, position, position + width) for position, width, _ in marks)

    def _stray(self, position: int, first: bool, marked: bool) -> bool:
        """Whether an unpaired ``**`` is an export artefact rather than text.

        It is when it opens the text (``first``: a title whose closing mark was lost,
        ``**Срочно``), or, in a text with other markup (``marked``), when it touches a space
        or a line edge.
        """
        text = self.text
        if first and not is_space(text[position + 2 : position + 3]):
            return True
        return marked and _touches_space(text, position, position + 2)

    def _in_url(self, start: int, end: int) -> bool:
        """Whether the mark at ``start:end`` is inside a bare URL (and so is not a mark).

        It is when its word (since the last space, line break, ``[`` or link), up to the
        mark, holds the beginning of a URL and the URL goes on after the mark:
        ``__bit.ly/bbcrussian__`` ends with a mark, ``…/a__b`` does not. Marks come in
        order, so each word is searched only once however many marks it holds.
        """
        text = self.text
        if not self.may_hold_urls:
            return False
        scanned = self.word_scanned
        new_word = max(
            text.rfind(" ", scanned, start), text.rfind("\n", scanned, start), text.rfind("[", scanned, start)
        )
        if new_word >= 0 or self.link_end > self.word_start:
            self.word_start = max(new_word + 1, self.link_end)
            self.word_is_url = False
            scanned = self.word_start
        if not self.word_is_url:
            begin = max(self.word_start, scanned - _URL_HINT_REACH)
            # Every beginning of a URL has one of these: three searches for a substring are
            # much faster than one regular expression, and most words have none.
            self.word_is_url = (
                text.find("/", begin, start) >= 0
                or text.find("www.", begin, start) >= 0
                or text.find("mailto:", begin, start) >= 0
            ) and _URL_HINT.search(text, begin, start) is not None
        self.word_scanned = start
        if not self.word_is_url:
            return False
        return _URL_GOES_ON.match(text, end, min(len(text), end + _URL_LOOKAHEAD)) is not None


def _can_open(before: str, after: str) -> bool:
    """An opening mark is followed by something that can start a formatted stretch."""
    return bool(after) and not after.isspace() and after not in _CLOSING_PUNCTUATION


def _is_word(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


def is_space(char: str) -> bool:
    """Whitespace or the edge of the text."""
    return not char or char.isspace()


def _touches_space(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has whitespace or the edge of the text on one side."""
    return is_space(text[start - 1] if start else "") or is_space(text[end : end + 1])


def _between_letters(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()

