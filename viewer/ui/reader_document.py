"""An article as a QTextDocument, built from plain text with a QTextCursor.

Nothing here parses markup: the title, metadata and body are inserted with
``insertText`` and character formats, so «<b>» in an article is three characters.
``ArticleDocument`` also knows where the title and the body start, to place the core's
spans (Python offsets into the title and body) in the document (UTF-16 positions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from viewer.archive.catalog import Source
from viewer.text.markup import Format, formats_from_json
from viewer.ui.formatting import long_date
from viewer.ui.highlights import secondary_colour
from viewer.ui.text_offsets import utf16_mapper, utf16_spans

if TYPE_CHECKING:
    from viewer.archive.catalog import StoredArticle

WEB_SCHEMES = ("http", "https")
LINE_HEIGHT = 145  # percent, for long reading
MARGIN = 22


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address the system browser may open, else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


@dataclass
class ArticleDocument:
    document: QTextDocument
    title: str
    body: str
    title_start: int  # document position of the title's first character
    body_start: int  # document position of the body's first character

    def positions(self, title_spans: Iterable[tuple[int, int]], body_spans: Iterable[tuple[int, int]]) -> list[
        tuple[int, int]
    ]:
        """(document position, length) of spans given as Python offsets into the title and the body."""
        return utf16_spans(self.title, title_spans, self.title_start) + utf16_spans(
            self.body, body_spans, self.body_start
        )


def _char(base: QFont, colour: QColor | None = None, bold: bool = False, scale: float = 1.0) -> QTextCharFormat:
    fmt = QTextCharFormat()
    font = QFont(base)
    if bold:
        font.setWeight(QFont.Weight.Bold)
    if scale != 1.0:
        font.setPointSizeF(base.pointSizeF() * scale)
    fmt.setFont(font)
    if colour is not None:
        fmt.setForeground(colour)
    return fmt


def _block(bottom: float, line_height: int = LINE_HEIGHT) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(bottom)
    fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return fmt


def build_article_document(
    article: StoredArticle, font: QFont, palette: QPalette, labels: dict[str, str]
) -> ArticleDocument:
    """The reading view of ``article``: title, metadata line, link, body, source file.

    ``labels`` holds the translated words the document uses («source», «untitled», «spoiler»,
    «boilerplate», and «copy»: the line saying whose identical copy this is, if it is one).
    ``font`` is the body's font: zooming builds the document again with a larger one.
    """
    document = QTextDocument()
    document.setDocumentMargin(MARGIN)
    document.setDefaultFont(font)
    document.setUndoRedoEnabled(False)
    text_colour = palette.color(QPalette.ColorRole.Text)
    muted = secondary_colour(palette)
    cursor = QTextCursor(document)

    title = article.title or labels["untitled"]
    cursor.setBlockFormat(_block(6, 118))
    cursor.setCharFormat(_char(font, text_colour, bold=True, scale=1.45))
    title_start = cursor.position()
    cursor.insertText(title)

    parts = (article.outlet or "", long_date(article.published), article.author or "")
    meta = "  ·  ".join(" ".join(part.split()) for part in parts if part)
    if meta:
        cursor.insertBlock(_block(2), _char(font, muted))
        cursor.insertText(meta)
    if labels.get("copy"):
        cursor.insertBlock(_block(2), _char(font, muted))
        cursor.insertText(labels["copy"])

    if article.url:
        link = web_url(article.url)
        cursor.insertBlock(_block(2), _char(font, muted))
        if link:
            anchor = _char(font, palette.color(QPalette.ColorRole.Link))
            anchor.setAnchor(True)
            anchor.setAnchorHref(link)
            anchor.setFontUnderline(True)
            anchor.setToolTip(labels["open_link"])
            cursor.insertText(article.url.strip(), anchor)
        else:
            cursor.insertText(article.url.strip(), _char(font, muted))

    # A gap between the heading and the text.
    cursor.insertBlock(_block(10), _char(font, muted))

    body = article.body
    cursor.insertBlock(_block(9), _char(font, text_colour))
    body_start = cursor.position()
    cursor.insertText(body)  # each "\n" becomes a paragraph break: one position, as in ``body``
    _shrink_blank_lines(document, body_start, cursor.position())
    _apply_formats(document, body, body_start, formats_from_json(article.formats), palette, labels)
    for start, length in utf16_spans(body, article.boilerplate, body_start):
        _merge(document, start, length, _boilerplate_format(muted, labels))

    if article.sources:
        cursor.insertBlock(_block(0), _char(font, muted))
        cursor.insertBlock(_block(2), _char(font, muted, scale=0.88))
        cursor.insertText(labels["source"] + "  " + "\n".join(_source_line(source) for source in article.sources))

    return ArticleDocument(document, title, body, title_start, body_start)


def _source_line(source: Source) -> str:
    """«path», with the place in the file and the record's own id when there are any."""
    details = [part for part in (source.locator, source.source_id and f"id {source.source_id}") if part]
    return f"{source.path} ({', '.join(details)})" if details else source.path


def _merge(document: QTextDocument, start: int, length: int, fmt: QTextCharFormat) -> None:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


def _apply_formats(
    document: QTextDocument,
    body: str,
    body_start: int,
    formats: Iterable[Format],
    palette: QPalette,
    labels: dict[str, str],
) -> None:
    """The body's bold, italic, struck-out, code, spoiler and link runs, as character formats.

    Only http(s) links become anchors (``web_url``); any other address is shown as plain text.
    """
    to16 = utf16_mapper(body)
    for item in formats:
        fmt = QTextCharFormat()
        if item.kind == "bold":
            fmt.setFontWeight(QFont.Weight.Bold)
        elif item.kind == "italic":
            fmt.setFontItalic(True)
        elif item.kind == "strike":
            fmt.setFontStrikeOut(True)
        elif item.kind == "code":
            fmt.setFontFamilies(["monospace"])
        elif item.kind == "spoiler":
            fmt.setBackground(palette.color(QPalette.ColorRole.AlternateBase))
            fmt.setToolTip(labels["spoiler"])
        elif item.kind == "link" and (link := web_url(item.url)):
            fmt.setAnchor(True)
            fmt.setAnchorHref(link)
            fmt.setFontUnderline(True)
            fmt.setForeground(palette.color(QPalette.ColorRole.Link))
            fmt.setToolTip(link)
        else:
            continue
        start, stop = to16(item.start), to16(item.stop)
        _merge(document, body_start + start, stop - start, fmt)


def _boilerplate_format(muted: QColor, labels: dict[str, str]) -> QTextCharFormat:
    """The outlet's standing text (footer, credits): dimmed, and said so when pointed at."""
    fmt = QTextCharFormat()
    fmt.setForeground(muted)
    fmt.setToolTip(labels["boilerplate"])
    return fmt


def _shrink_blank_lines(document: QTextDocument, start: int, end: int) -> None:
    """Blank lines between paragraphs add little but gaps: draw them a few pixels high.

    The lines stay in the document (removing them would move every position after them).
    """
    block = document.findBlock(start)
    thin = QTextBlockFormat()
    thin.setBottomMargin(0)
    thin.setLineHeight(3, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    while block.isValid() and block.position() <= end:
        if not block.text().strip():
            QTextCursor(block).setBlockFormat(thin)
        block = block.next()
