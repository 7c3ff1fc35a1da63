"""The three kinds of named entity as the UI names them, and the facet each one filters on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viewer.ui.highlights import ENTITY_KINDS

__all__ = ["ENTITY_KINDS", "FACETS", "type_name", "type_plural"]

# The core's facet of each type (``viewer.entities.stage.TYPES``, which loads the
# lemmatiser on import; the window shows before that is wanted).
FACETS = {"PER": "person", "ORG": "organisation", "LOC": "place"}


def type_name(kind: str) -> str:
    """«Person», «Organisation», «Place»: one entity's type."""
    translate = QCoreApplication.translate
    names = {
        "PER": translate("EntityTypes", "Person"),
        "ORG": translate("EntityTypes", "Organisation"),
        "LOC": translate("EntityTypes", "Place"),
    }
    return names.get(kind, kind)


def type_plural(kind: str) -> str:
    """«People», «Organisations», «Places»: the legend's and the filters' words."""
    translate = QCoreApplication.translate
    names = {
        "PER": translate("EntityTypes", "People"),
        "ORG": translate("EntityTypes", "Organisations"),
        "LOC": translate("EntityTypes", "Places"),
    }
    return names.get(kind, kind)
