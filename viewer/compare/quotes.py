"""Direct and reported speech in a report, each with its speaker.

Direct speech takes the three shapes Russian news uses:

* a dialogue line, «- Дан старт ... , - заявил Александр Бурков.», the attribution after a dash
  at its end (the quote may go on after it: «... , - сказал он. - Ещё ...»);
* an interview turn: a heading line «Кайрат Торебаев:» followed by a dash line and the paragraphs
  after it, up to the next heading;
* quotation marks («…», "…", „…“, “…”) followed by an attribution («", - сказал Торебаев.») or
  introduced by one («Бурков заявил: «…»», «По словам Буркова, «…»»). Quoted phrases without an
  attribution are speech only when they open a line and run to at least six words; shorter ones are
  names and titles («Вымпелком», «Умный город»).

Reported speech is a sentence with a verb of saying (сказал, заявил, отметил, подчеркнул, сообщил,
добавил ...) whose subject is a person next to it («Бурков отметил, что ...», «..., сообщил
Бурков»), or «по словам X», «как отметил X». The speaker is the person named in the attribution;
a title alone («Вице-министр ... отметил») is resolved through the person that title last
preceded, and «он»/«она» to the report's previous speaker. Reported speech whose speaker cannot
be resolved («сообщил корреспондент агентства») is left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from viewer.compare.sentences import Sentence
from viewer.compare.speakers import People, Person, role_at
from viewer.events.stopwords import STOPWORDS
from viewer.text.lemmas import lemma, lemmas

_SPEECH_VERBS = """
сказать говорить заявить заявлять отметить отмечать подчеркнуть подчёркивать подчеркивать сообщить сообщать
добавить рассказать рассказывать пояснить пояснять уточнить заметить объяснить напомнить признать признаться
указать констатировать резюмировать заверить предупредить ответить прокомментировать
"""
SPEECH_VERBS = frozenset(_SPEECH_VERBS.split())
_DIALOGUE = re.compile(r"^[ \t\u00a0]*[-—–][ \t\u00a0]+")
_HEADING = re.compile(r"^\s*([А-ЯЁ][^:\n]{1,60}):\s*$")
_ATTRIBUTION = re.compile(r"[,!?…]?\s+[-—–]\s+(?P<verb>[а-яё]+)(?P<rest>[^.!?\n]*)(?:[.!?]|$)")
_AFTER_QUOTE = re.compile(r"[,!?…]?\s*[-—–]\s+(?P<verb>[а-яё]+)(?P<rest>[^.!?\n]*)")
_CONTINUATION = re.compile(r"\s*[-—–]\s+")
_PRONOUN = re.compile(r"^(?:он|она|они)$", re.IGNORECASE)
_ACCORDING = re.compile(
    r"\b(?:по словам|по мнению|как (?:сказал|заявил|отметил|подчеркнул|сообщил|пояснил|рассказал)а?)\s+", re.IGNORECASE
)
_OPENING = {"«": "»", "„": "“", "“": "”", '"': '"'}
_OPENING_MARK = re.compile('[«„“"]')
_MIN_UNATTRIBUTED_WORDS = 6
_MAX_SUBJECT_GAP = 40


@dataclass(frozen=True, eq=False)
class Quote:
    """Speech in one report: ``direct`` (the words quoted) or ``reported`` (the sentence reporting it)."""

    report: int
    kind: str
    start: int
    stop: int
    text: str
    speaker: str | None
    speaker_key: str | None
    content: frozenset[str]


def _is_speech_verb(word: str) -> bool:
    return lemma(word.lower().replace("ё", "е")) in SPEECH_VERBS


class _Reader:
    """Walks one body line by line, remembering the interview speaker and the last speaker."""

    def __init__(self, report: int, body: str, people: People) -> None:
        self.report, self.body, self.people = report, body, people
        self.turn: Person | None = None
        self.last: Person | None = None
        self.quotes: list[Quote] = []

    def speaker(self, start: int, stop: int, *, last: bool = False) -> Person | None:
        """The person named in [start, stop), else by title, else by pronoun."""
        named = self.people.within(start, stop)
        if named:
            return named[-1] if last else named[0]
        text = self.body[start:stop]
        for word in re.findall(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)?", text):
            if _PRONOUN.match(word):
                return self.last
            title = lemma(word.lower().replace("ё", "е"))
            if title in self.people.roles:
                return self.people.roles[title]
        return None

    def add(self, kind: str, start: int, stop: int, person: Person | None, *, join: bool = False) -> None:
        """Record a quote; with ``join``, a paragraph that continues the previous quote extends it."""
        while start < stop and self.body[start] in " \t\u00a0":
            start += 1
        while stop > start and self.body[stop - 1] in " \t\u00a0,":
            stop -= 1
        if join and self.quotes:
            previous = self.quotes[-1]
            if previous.kind == kind and not self.body[previous.stop : start].strip():
                self.quotes.pop()
                start = previous.start
        text = self.body[start:stop]
        if not re.search(r"\w", text):
            return
        if person is not None:
            self.last = person
        key = person.key if person else None
        name = self.people.name(person.key) if person else None
        own = set(key.split()) if key else set()
        if person is not None:
            own |= {lemma(word.lower()) for word in name.split()} if name else set()
        content = frozenset(
            word for word in lemmas(text) if len(word) > 1 and word not in STOPWORDS and word not in own
        )
        self.quotes.append(Quote(self.report, kind, start, stop, text, name, key, content))

    def dialogue(self, start: int, stop: int) -> None:
        """A dash line: quote up to an attribution, and any continuation after it."""
        line = self.body[start:stop]
        position = _DIALOGUE.match(line).end()  # type: ignore[union-attr]
        while position < len(line):
            attribution = next(
                (found for found in _ATTRIBUTION.finditer(line, position) if _is_speech_verb(found.group("verb"))), None
            )
            if attribution is None:
                self.add("direct", start + position, stop, self.turn)
                return
            person = self.speaker(start + attribution.start("verb"), start + attribution.end())
            self.add("direct", start + position, start + attribution.start(), person)
            self.turn = None
            continuation = _CONTINUATION.match(line, attribution.end())
            if continuation is None:
                return
            position = continuation.end()


def extract_quotes(report: int, body: str, sentences: list[Sentence], people: People) -> list[Quote]:
    """Direct and reported speech of one body, in order of position."""
    reader = _Reader(report, body, people)
    starts = [sentence.start for sentence in sentences]
    for line_start, line_stop in _lines(body):
        line = body[line_start:line_stop]
        heading = _HEADING.match(line)
        if heading and people.within(line_start, line_stop):
            reader.turn = reader.speaker(line_start, line_stop)
            continue
        if _DIALOGUE.match(line):
            reader.dialogue(line_start, line_stop)
            continue
        if reader.turn is not None and not _attributes_speech(line):
            reader.add("direct", line_start, line_stop, reader.turn, join=True)
            continue
        reader.turn = None
        covered = _quoted_speech(reader, line_start, line)
        for sentence in _sentences_in(sentences, starts, line_start, line_stop):
            if not any(start < sentence.stop and sentence.start < stop for start, stop in covered):
                _reported(reader, sentence)
    return sorted(reader.quotes, key=lambda quote: quote.start)


def _attributes_speech(line: str) -> bool:
    """Whether a line attributes speech to someone itself, which ends an interview turn."""
    for _, close_at in _quoted_spans(line):
        after = _AFTER_QUOTE.match(line, close_at + 1)
        if after and _is_speech_verb(after.group("verb")):
            return True
    return any(_is_speech_verb(found.group("verb")) for found in _ATTRIBUTION.finditer(line))


def _lines(body: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", body):
        if match.group().strip():
            yield match.start(), match.end()


def _sentences_in(sentences: list[Sentence], starts: list[int], start: int, stop: int) -> list[Sentence]:
    return sentences[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, stop)]


def _quoted_spans(line: str) -> list[tuple[int, int]]:
    """Top-level quotations of a line as (after the opening mark, at the closing mark)."""
    spans = []
    position = 0
    while True:
        found = _OPENING_MARK.search(line, position)
        if found is None:
            break
        position = found.start()
        char = line[position]
        closing = _OPENING[char]
        depth, cursor = 1, position + 1
        while cursor < len(line):
            if line[cursor] == closing and (closing != '"' or depth == 1):
                depth -= 1
                if depth == 0:
                    break
            elif line[cursor] == char and char != '"':
                depth += 1
            cursor += 1
        if cursor >= len(line):
            position += 1
            continue
        spans.append((position + 1, cursor))
        position = cursor + 1
    return spans


def _quoted_speech(reader: _Reader, base: int, line: str) -> list[tuple[int, int]]:
    """Quotations in a line that are speech; returns the body spans they cover with attributions."""
    covered = []
    for open_at, close_at in _quoted_spans(line):
        inner = line[open_at:close_at]
        after = _AFTER_QUOTE.match(line, close_at + 1)
        intro_start = max(line.rfind(". ", 0, open_at - 1), line.rfind("! ", 0, open_at - 1), -1) + 1
        intro = line[intro_start : open_at - 1]
        person: Person | None = None
        if after and _is_speech_verb(after.group("verb")):
            person = reader.speaker(base + after.start("verb"), base + after.end())
            covered.append((base + open_at - 1, base + after.end()))
        elif (
            intro.rstrip().endswith(":")
            or _ACCORDING.search(intro)
            or any(_is_speech_verb(word) for word in re.findall(r"[а-яё]+", intro))
        ):
            if len(inner.split()) < 2:
                continue
            person = reader.speaker(base + intro_start, base + open_at - 1, last=True)
            covered.append((base + intro_start, base + close_at + 1))
        elif line[: open_at - 1].strip() == "" and len(inner.split()) >= _MIN_UNATTRIBUTED_WORDS:
            covered.append((base + open_at - 1, base + close_at + 1))
        else:
            continue
        reader.add("direct", base + open_at, base + close_at, person)
    return covered


def _reported(reader: _Reader, sentence: Sentence) -> None:
    """Reported speech: a verb of saying next to its speaker, or «по словам X»."""
    text = sentence.text
    according = _ACCORDING.search(text)
    if according:
        person = reader.speaker(sentence.start + according.end(), sentence.start + according.end() + _MAX_SUBJECT_GAP)
        if person is not None:
            reader.add("reported", sentence.start, sentence.stop, person)
        return
    for verb in re.finditer(r"[а-яё]+", text):
        if not _is_speech_verb(verb.group()):
            continue
        person = _subject(reader, sentence, verb.start(), verb.end())
        if person is not None:
            reader.add("reported", sentence.start, sentence.stop, person)
        return


def _subject(reader: _Reader, sentence: Sentence, verb_start: int, verb_end: int) -> Person | None:
    """The person right before the verb («Бурков отметил») or right after it («сообщил Бурков»);
    a clause opening with a title or a pronoun resolves through them («Вице-министр ... отметил»)."""
    text, base = sentence.text, sentence.start
    before = reader.people.within(base + max(0, verb_start - _MAX_SUBJECT_GAP), base + verb_start)
    if before and not re.search(r"[,;:]", reader.body[before[-1].stop : base + verb_start]):
        return before[-1]
    after = reader.people.within(base + verb_end, base + verb_end + _MAX_SUBJECT_GAP)
    if after and not re.search(r"[,;:.]", reader.body[base + verb_end : after[0].start]):
        return after[0]
    opening = text[:verb_start]
    title = role_at(opening)
    if title is not None and "," not in opening:
        return reader.people.roles.get(title)
    first = re.match(r"\s*([А-ЯЁа-яё]+)", opening)
    if first and _PRONOUN.match(first.group(1)):
        return reader.last
    return None
