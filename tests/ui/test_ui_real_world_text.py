"""Real-world posts in the reader: formatting drawn, the outlet's boilerplate dimmed, reposts said so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.core.test_real_world_text import channel_posts, write_archive_of_the_version_before, write_jsonl
from tests.ui.conftest import WAIT_MS, open_window, wait_idle
from viewer.paths import Locations
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


def test_an_archive_of_the_version_before_is_read_again_on_opening(
    app: QApplication, qtbot: QtBot, fresh_locations: Locations, tmp_path: Path
) -> None:
    records = channel_posts()
    write_archive_of_the_version_before(fresh_locations, tmp_path / "posts", records)
    window = open_window(qtbot, fresh_locations)
    library = window.library
    assert library is not None
    qtbot.waitUntil(lambda: library.article_count() == len(records) and not window.jobs.is_busy(), timeout=WAIT_MS)
    assert not library.rescan_pending()
    assert library.article("Ве-repost") is not None  # the repost the version before had folded away
    window.jobs.cancel_all()
    window.jobs.wait()
