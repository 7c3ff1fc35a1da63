"""Grouping rules on small hand-written cases: who joins an event, when events merge, and what a
report's credits and look-alike letters change in the judgement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from viewer.events import DocumentFrequencies, StoryFingerprint, fingerprint
from viewer.events.grouping import group
from viewer.events.names import names
from viewer.events.similarity import SAME_STORY_THRESHOLD, score_parts

START = datetime(2024, 12, 3, 16, 0, tzinfo=UTC)


def report(words: str, minute: int) -> StoryFingerprint:
    """A report that says nothing but ``words``, published ``minute`` minutes after START."""
    terms = {word: 1 for word in words.split()}
    return StoryFingerprint(terms=terms, title=frozenset(terms), lead=frozenset(terms), names={},
                            quantities=frozenset(), published=START + timedelta(minutes=minute))


def events(assignment: dict[str, str]) -> set[frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for article, key in assignment.items():
        grouped.setdefault(key, set()).add(article)
    return {frozenset(members) for members in grouped.values()}


# Two wordings of one happening that share too little to link: «vote» and «ballot» reports, and the
# reports that came later and use the words of both. Unrelated reports give the words their weight.
FIRST = "парламент корея голосование отмена положение спикер"
SECOND = "депутат сеул решение отменить режим ассамблея"
BRIDGE = "парламент корея отмена положение депутат сеул решение режим ассамблея"
OTHERS = [f"погода город{n} дождь ветер температура{n} прогноз{n}" for n in range(30)]


def items_of(reports: dict[str, StoryFingerprint]) -> list[tuple[str, StoryFingerprint]]:
    others = {f"other{n}": report(words, 600 + 60 * n) for n, words in enumerate(OTHERS)}
    return list({**reports, **others}.items())


def test_two_wordings_apart_do_not_link_but_the_bridges_do() -> None:
    a, b, c = report(FIRST, 0), report(SECOND, 1), report(BRIDGE, 2)
    df = DocumentFrequencies.of(fp for _, fp in items_of({"a": a, "b": b, "c": c}))
    assert score_parts(a, b, df).combine() < SAME_STORY_THRESHOLD
    assert score_parts(a, c, df).combine() >= SAME_STORY_THRESHOLD
    assert score_parts(b, c, df).combine() >= SAME_STORY_THRESHOLD


def test_events_the_order_split_merge_once_reports_bridge_them() -> None:
    # a starts an event, b starts another (it does not link to a), and the bridging reports link
    # to both: they join one of the two, and the two events then merge.
    reports = {"a": report(FIRST, 0), "b": report(SECOND, 1), "c": report(BRIDGE, 2), "d": report(BRIDGE, 3)}
    items = items_of(reports)
    grouped = group(items, DocumentFrequencies.of(fp for _, fp in items))
    assert frozenset("abcd") in events(grouped)
    assert grouped["b"] == "a"  # the merged event keeps the key of the earlier one


def test_an_event_of_earlier_articles_takes_in_another_only_when_new_reports_link_them() -> None:
    reports = {"a": report(FIRST, 0), "b": report(SECOND, 1)}
    items = items_of(reports)
    df = DocumentFrequencies.of(fp for _, fp in items)
    before = group(items, df)
    assert before["a"] != before["b"]
    # Placing an unrelated report later changes nothing for the two.
    items.append(("late", report("выставка музей картина художник", 5000)))
    again = group(items, DocumentFrequencies.of(fp for _, fp in items), fixed=before)
    assert again["a"] != again["b"]
    # Reports that bridge them arrive: the two earlier events become one.
    items += [("c", report(BRIDGE, 2)), ("d", report(BRIDGE, 3))]
    after = group(items, DocumentFrequencies.of(fp for _, fp in items), fixed=before)
    assert after["a"] == after["b"] == after["c"] == after["d"] == "a"


def test_a_report_linked_to_too_few_members_stays_apart() -> None:
    # c links to a alone of an event of three: a chain of follow-ups does not grow an event.
    reports = {
        "a": report(FIRST, 0), "a2": report(FIRST + " заседание", 1), "a3": report(FIRST + " вечер", 2),
        "c": report("корея отмена президент армия указ кабинет министр", 3),
    }
    items = items_of(reports)
    df = DocumentFrequencies.of(fp for _, fp in items)
    grouped = group(items, df)
    assert grouped["a2"] == grouped["a3"] == "a"
    assert grouped["c"] == "c"


def test_sources_a_report_credits_are_not_names_of_the_story() -> None:
    found = names(
        "США направят Украине пакет военной помощи на $725 млн, — ABC News.\n"
        "Спецназ разгоняет митинг в Тбилиси, передает корреспондент РИА Новости. "
        "Военное положение отменено, сообщает Yonhap. По данным SHOT, задержаны пятеро."
    )
    assert {"сша", "украина", "тбилиси"} <= set(found)
    assert not {"abc", "news", "риа", "новость", "yonhap", "shot"} & set(found)


def test_reports_crediting_different_sources_do_not_conflict_on_names() -> None:
    first = fingerprint("США выделят Украине пакет военной помощи на $725 млн, — ABC News", "")
    second = fingerprint("США выделяют Украине пакет военной помощи на $725 млн, сообщает Reuters", "")
    df = DocumentFrequencies.of([first, second])
    assert score_parts(first, second, df).name_conflict == 0.0


def test_latin_look_alike_letters_inside_a_cyrillic_word_are_read_as_cyrillic() -> None:
    typed = fingerprint("CША направят Украине пакет помощи", "")  # a Latin C
    assert "сша" in typed.terms and "сша" in typed.names
    assert "mash" in fingerprint("Mash сообщил новость", "Об этом пишет Mash и другие каналы").terms
