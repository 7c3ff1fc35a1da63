"""The boilerplate stage: each outlet's standing text (footers, credits, signatures), learned from the archive.

After an import, every outlet that gained articles learns its boilerplate again from all the texts
it carries (``viewer.text.boilerplate``), and the texts of those outlets are marked anew. A text
that several outlets carry (a repost) is read against each of their habits, so a channel's footer
is set aside in another channel's copy of its post too. Where a text's marks change, what was read
from it before (entities, its event fingerprint and membership) is forgotten, to be read again
from the text without its boilerplate (``content``). Each text also gets the key of what it says
without boilerplate, by which a repost whose only difference is the second outlet's own footer is
known as a copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from viewer.archive.catalog import Catalog
from viewer.archive.content import content, merged
from viewer.text.boilerplate import BoilerplateModel, boilerplate_spans, learn

Progress = Callable[[int, int | None, str], None]
NOTE = "learning each outlet's boilerplate"


class BoilerplateStage:
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def update(self, article_ids: Iterable[str] = (), progress: Progress | None = None) -> list[str]:
        """Learn again the outlets of ``article_ids`` (and any outlet not learned yet); mark their texts.

        Returns the articles whose marks changed (their entities and events are to be read again).
        """
        report = progress or (lambda done, total, note: None)
        catalog = self._catalog
        outlets = catalog.outlets_of(article_ids) | catalog.unlearned_outlets()
        if not outlets:
            return []
        catalog.begin()
        try:
            for done, outlet in enumerate(outlets):
                report(done, len(outlets), NOTE)
                catalog.set_boilerplate_model(outlet, learn(catalog.outlet_bodies(outlet)).to_json())
            models = {outlet: BoilerplateModel.from_json(data) for outlet, data in catalog.boilerplate_models().items()}
            stale: list[str] = []
            for text in catalog.texts_of_outlets(outlets):
                learned = [models[outlet] for outlet in set(text.outlets) if outlet in models]
                spans = merged(span for model in learned for span in boilerplate_spans(text.body, model))
                key = content(text.id, text.title, text.body, spans).key
                if spans != text.boilerplate or key != text.content_key:
                    articles = catalog.set_boilerplate(text.id, spans, key)
                    if spans != text.boilerplate:
                        stale.extend(articles)
            catalog.forget_readings(stale)
            catalog.commit()
            report(len(outlets), len(outlets), NOTE)
        except BaseException:
            catalog.rollback()
            raise
        return stale
