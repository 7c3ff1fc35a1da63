"""Turning the bytes of a file into text, with the encodings Russian archives actually use.

Russian news files come as UTF-8 (with or without a byte-order mark), UTF-16 from Windows
tools, and the two old 8-bit code pages: Windows-1251 and KOI8-R. The 8-bit ones cannot be
told apart by validity (almost every byte decodes in both), and general detectors often mix
them up on short texts, so the choice between them is made here by asking which decoding
reads like Russian: frequent letters, few case changes inside words, no box-drawing signs.
charset-normalizer is only consulted for text that reads like Russian in neither.
"""

from __future__ import annotations

import codecs
import math
import re

import charset_normalizer

__all__ = ["DecodeError", "decode", "detect_encoding"]

# Codecs that read and drop the mark themselves.
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_RUSSIAN_8BIT = ("cp1251", "koi8-r")
_SAMPLE_BYTES = 128 * 1024

# Relative frequency (per cent) of letters in Russian prose; Ukrainian and Belarusian letters
# get a modest share so that such texts still read as Cyrillic.
_LETTER_FREQ: dict[str, float] = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47,
    "р": 4.73, "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81,
    "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59,
    "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48,
    "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
    "і": 0.5, "ї": 0.2, "є": 0.2, "ґ": 0.05, "ў": 0.2,
}  # fmt: skip
_RARE_LETTER = 0.01
_LOG_FREQ = {letter: math.log(share / 100) for letter, share in _LETTER_FREQ.items()}
_LOG_RARE = math.log(_RARE_LETTER / 100)

# Average log-frequency of letters: real Russian prose is about -3.1, a wrong code page well
# under -4. A few words can hold rare letters ("ёжик"), so short texts get a looser bound.
_MIN_AVG_LOG_FREQ = -4.0
_MIN_AVG_LOG_FREQ_SHORT = -5.5
_SHORT_TEXT_LETTERS = 50
# Share of the non-ASCII characters that must be Cyrillic letters to call a text Russian.
_MIN_CYRILLIC_SHARE = 0.7
# Highest chaos (charset-normalizer's "mess" measure) accepted for a non-Russian guess.
_MAX_CHAOS = 0.2
# Share of C0 control characters above which data is binary rather than text.
_MAX_CONTROL_SHARE = 0.01

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LOWER_THEN_UPPER = re.compile(r"[а-яёіїєґў][А-ЯЁІЇЄҐЎ]")
_MIXED_SCRIPT = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
_BOX_DRAWING = re.compile(r"[\u2500-\u25ff\u2320\u2321\u2219\u221a\u2248\u2264\u2265\u00b7]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)


class DecodeError(ValueError):
    """The data is not text in any encoding we read; the message says why, for a person."""

    @property
    def reason(self) -> str:
        """The short sentence that goes into an import problem."""
        return str(self)


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode file data to text, or raise DecodeError with a reason a person can act on.

    Order: byte-order mark; UTF-16/32 without a mark when the NUL bytes fall into their
    pattern (other data with NUL bytes is binary); strict UTF-8, or UTF-8 with a handful
    of broken bytes (replaced by U+FFFD); then Windows-1251 / KOI8-R by how Russian each
    reading is, the ``declared`` encoding (an HTML meta charset) settling near ties; then
    the declared encoding alone; last, charset-normalizer's guess if its text is clean.
    The text is returned as decoded; callers clean and NFC-normalise it.
    """
    if not data:
        raise DecodeError("empty file")
    encoding = detect_encoding(data, declared=declared)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        # An 8-bit code page with a few unassigned bytes (0x98 in Windows-1251).
        return data.decode(encoding, errors="replace")


def detect_encoding(data: bytes, *, declared: str | None = None) -> str:
    """The Python codec name to decode ``data`` with; see ``decode`` for the order of checks."""
    if not data:
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _check_bom_encoding(data, bom, encoding)
    if b"\x00" in data:
        wide = _wide_encoding_without_bom(data)
        if wide is None:
            raise DecodeError("binary file (contains NUL bytes)")
        return wide
    if _is_mostly_utf8(data):
        return "utf-8"
    return _detect_8bit(data, _usable_declared(data, declared))


def _check_bom_encoding(data: bytes, bom: bytes, encoding: str) -> str:
    """Trust the byte-order mark, but say so plainly when the rest does not fit it."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-8-sig" and _mostly_valid_utf8(data[len(bom) :]):
            return encoding
        name = encoding.upper().removesuffix("-SIG")
        raise DecodeError(
            f"starts with a {name} byte-order mark but is not valid {name} "
            f"(bad data at byte {error.start})"
        ) from None
    return encoding


def _wide_encoding_without_bom(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a mark, recognised by where the NUL bytes sit.

    In UTF-16 text NULs are the high bytes of ASCII characters, so they all fall on one
    parity of offset; in binary data they are everywhere. Russian letters (U+04xx) have
    no NUL byte, so the share of NULs is small but their parity is still one-sided.
    """
    sample = data[:_SAMPLE_BYTES]
    sample = sample[: len(sample) - len(sample) % 4]
    candidates: list[str] = []
    if len(data) % 4 == 0 and sample:
        if all(b == 0 for b in sample[3::4]) and any(sample[0::4]):
            candidates.append("utf-32-le")
        if all(b == 0 for b in sample[0::4]) and any(sample[3::4]):
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        total = even_nuls + odd_nuls
        if total and odd_nuls / total >= 0.98:
            candidates.append("utf-16-le")
        if total and even_nuls / total >= 0.98:
            candidates.append("utf-16-be")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text[: _SAMPLE_BYTES // 2]):
            return encoding
    return None


def _is_mostly_utf8(data: bytes) -> bool:
    """Strict UTF-8, or UTF-8 where a stray broken byte or two should not spoil the rest."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _mostly_valid_utf8(data)
    return True


def _mostly_valid_utf8(data: bytes) -> bool:
    """At most one broken sequence per hundred non-ASCII bytes, and some real UTF-8 around it.

    Windows-1251 Cyrillic read as UTF-8 breaks on nearly every letter, so this does not
    swallow 8-bit text; it only forgives damage in files that are UTF-8 on the whole.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    high_bytes = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    return high_bytes >= 20 and broken * 100 <= high_bytes


def _usable_declared(data: bytes, declared: str | None) -> str | None:
    """A declared 8-bit encoding that exists and decodes the data; None otherwise."""
    if declared is None:
        return None
    codec = _known_codec(declared)
    if codec is None or codec.startswith(("utf-", "utf_")):
        return None
    return codec if _decodes(data, codec) else None


def _detect_8bit(data: bytes, declared: str | None = None) -> str:
    """Windows-1251 or KOI8-R by how Russian each reads, else the declared encoding,
    else a clean charset-normalizer guess.

    The content outweighs a declaration because saved pages often keep a meta charset
    that no longer matches the bytes; the declaration only settles a near tie.
    """
    sample = data[:_SAMPLE_BYTES]
    codecs_to_try = list(dict.fromkeys([*_RUSSIAN_8BIT, *([declared] if declared else [])]))
    scores = {
        codec: _russian_score(sample.decode(codec, errors="replace")) for codec in codecs_to_try
    }
    best_codec = max(scores, key=lambda codec: scores[codec])
    if scores[best_codec] > -math.inf:
        if declared is not None and scores[declared] >= scores[best_codec] - 0.05:
            return declared
        return codecs.lookup(best_codec).name
    if declared is not None and not _looks_binary(sample.decode(declared, errors="replace")):
        return declared
    guess = _charset_normalizer_guess(sample)
    if guess is not None:
        return guess
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}, not text)")
    raise DecodeError("not valid UTF-8 or a Russian 8-bit encoding")


def _russian_score(text: str) -> float:
    """How much ``text`` reads like Russian; -inf when it does not at all.

    The score is the average log-frequency of its Cyrillic letters, lowered by the signs
    of a wrong code page: a lower-case letter followed by a capital inside a word (KOI8-R
    read as Windows-1251 and back gives mostly capitals in odd places) and box-drawing or
    mathematical signs (what KOI8-R's upper half is full of).
    """
    if _looks_binary(text):
        return -math.inf
    letters = _CYRILLIC.findall(text)
    non_ascii = sum(1 for char in text if ord(char) > 0x7F)
    if not letters or len(letters) < _MIN_CYRILLIC_SHARE * non_ascii:
        return -math.inf
    average = sum(_LOG_FREQ.get(letter.lower(), _LOG_RARE) for letter in letters) / len(letters)
    oddities = (
        len(_LOWER_THEN_UPPER.findall(text))
        + len(_MIXED_SCRIPT.findall(text))
        + len(_BOX_DRAWING.findall(text))
    )
    score = average - 10 * oddities / len(letters)
    bound = _MIN_AVG_LOG_FREQ if len(letters) >= _SHORT_TEXT_LETTERS else _MIN_AVG_LOG_FREQ_SHORT
    return score if score >= bound else -math.inf


def _charset_normalizer_guess(sample: bytes) -> str | None:
    """charset-normalizer's best encoding, if the text it gives is clean enough to trust."""
    best = charset_normalizer.from_bytes(sample).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    codec = _known_codec(best.encoding)
    if codec is None or not _decodes(sample, codec, errors="replace"):
        return None
    if _looks_binary(sample.decode(codec, errors="replace")):
        return None
    return codec


def _looks_binary(text: str) -> bool:
    """More than a sprinkle of control characters means data, not prose."""
    if not text:
        return False
    return len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text)


def _known_codec(name: str) -> str | None:
    """Python's canonical codec name for an encoding label, or None if unknown."""
    try:
        return codecs.lookup(name.strip().lower()).name
    except (LookupError, ValueError):
        return None


def _decodes(data: bytes, codec: str, errors: str = "strict") -> bool:
    """Whether ``data`` decodes with ``codec`` (strictly, unless told otherwise)."""
    try:
        data.decode(codec, errors=errors)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
