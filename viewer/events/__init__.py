"""Same-story judgement for grouping reports of one event from different outlets.

``fingerprint`` reduces an article to the features that tell stories apart; a
``DocumentFrequencies`` table built over the archive being grouped weighs them;
``same_story_score`` / ``is_same_story`` compare two fingerprints; ``candidates`` proposes the
pairs worth comparing in a large archive without comparing every pair.
"""

from viewer.events.candidates import candidates
from viewer.events.features import StoryFingerprint, fingerprint
from viewer.events.frequencies import DocumentFrequencies
from viewer.events.similarity import SAME_STORY_THRESHOLD, is_same_story, same_story_score

__all__ = [
    "SAME_STORY_THRESHOLD",
    "DocumentFrequencies",
    "StoryFingerprint",
    "candidates",
    "fingerprint",
    "is_same_story",
    "same_story_score",
]
