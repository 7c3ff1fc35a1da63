"""Real-world posts in the reader: formatting drawn, the outlet's boilerplate dimmed, reposts said so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QTextCursor
from pytestqt.qtbot import QtBot

from tests.core.test_real_world_text import channel_posts, write_jsonl
from tests.ui.conftest import wait_idle
from viewer.ui.highlights import secondary_colour
from viewer.ui.main_window import MainWindow


def format_at(window: MainWindow, offset: int):  # type: ignore[no-untyped-def]
    document = window.reader.document
    assert document is not None
    cursor = QTextCursor(document.document)
    cursor.setPosition(document.body_start + offset + 1)
    return cursor.charFormat()


def test_a_post_reads_as_its_outlet_published_it(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "posts" / "posts.jsonl", channel_posts())
    window.archive.add_paths([str(tmp_path / "posts")])
    wait_idle(qtbot, window)
    library = window.library
    assert library is not None
    repost = library.article("Ве-repost")
    assert repost is not None
    window.reader.show_article(repost)
    document = window.reader.document
    assert document is not None
    plain = document.document.toPlainText()
    assert "**" not in plain and "](" not in plain
    assert "Identical copy of Утро, 12 minutes later" in plain
    assert "id Ве-repost" in plain  # the record's own id among the source details

    body = repost.body
    assert format_at(window, body.index("форум")).fontWeight() == QFont.Weight.Bold
    assert format_at(window, body.index("регионов")).fontWeight() != QFont.Weight.Bold
    footer = format_at(window, body.index("Подписывайся"))
    assert footer.isAnchor() and footer.anchorHref() == "https://t.me/+utro"
    # Утро's footer, in Вечер's copy of Утро's post, is still the outlet's standing text: dimmed.
    assert footer.foreground().color() == secondary_colour(window.reader.palette())
    assert format_at(window, body.index("Подробности")).foreground().color() != footer.foreground().color()
