"""Named entities (PER, ORG, LOC) of Russian news texts, with offsets and normal forms.

``EntityExtractor`` loads natasha's news NER model once and extracts mentions from
texts one by one or in batches; ``extract_in_parallel`` spreads many texts over
worker processes. ``normal_form`` gives the nominative of a name on its own.
"""

from viewer.entities.extract import EntityExtractor, Mention
from viewer.entities.normal import normal_form
from viewer.entities.parallel import extract_in_parallel

__all__ = ["EntityExtractor", "Mention", "extract_in_parallel", "normal_form"]
