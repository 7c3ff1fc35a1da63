"""How long the facet panel's filter box takes per keystroke when a facet has tens of thousands of values.

    python tests/benchmarks/facet_filter.py [--values 40000] [--rounds 3]

A person facet of ``--values`` made-up Russian names (counts 1–50) is given to a real
``FacetPanel`` (offscreen unless ``QT_QPA_PLATFORM`` is set); then a sequence of texts is typed
into the filter box, each keystroke timed until the panel has been laid out and painted
(``processEvents``). The baseline, in the same process: the same keystrokes over a facet of
``--values`` / 1,000 values, where the work per keystroke is only Qt's own. The first keystroke
of a round is reported apart: it folds every value's label once.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from viewer.ui.facet_panel import FacetPanel

TYPED = ("а", "ан", "ано", "", "о", "ов", "ова", "", "ин", "ина", "")
SYLLABLES = ("ан", "ов", "ко", "ре", "ми", "ла", "ст", "ен", "ин", "ва", "ро", "ни", "ша", "ту")


def names(count: int, seed: int = 1) -> dict[str, int]:
    generator = random.Random(seed)
    found: dict[str, int] = {}
    while len(found) < count:
        first = "".join(generator.choice(SYLLABLES) for _ in range(generator.randint(2, 4))).capitalize()
        last = "".join(generator.choice(SYLLABLES) for _ in range(generator.randint(3, 5))).capitalize()
        found[f"{first} {last}"] = generator.randint(1, 50)
    return found


def keystrokes(app: QApplication, values: int, rounds: int) -> tuple[list[float], list[float]]:
    """(first keystrokes, the others) in ms, over ``rounds`` fresh panels."""
    first, rest = [], []
    for round_ in range(rounds):
        panel = FacetPanel()
        panel.resize(300, 800)
        panel.show()
        panel.set_counts({"person": names(values, seed=round_)})
        app.processEvents()
        for n, text in enumerate(TYPED):
            started = time.perf_counter()
            panel.filter_edit.setText(text)
            app.processEvents()
            (first if n == 0 else rest).append((time.perf_counter() - started) * 1000)
        panel.close()
        panel.deleteLater()
        app.processEvents()
    return first, rest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    small = max(1, args.values // 1000)
    base_first, base_rest = keystrokes(app, small, args.rounds)
    first, rest = keystrokes(app, args.values, args.rounds)
    print(f"Facet filter box, {args.rounds} rounds of {len(TYPED)} keystrokes ({QApplication.platformName()})")
    print("| values | first keystroke ms (median) | other keystrokes ms: median | max |")
    print("|---:|---:|---:|---:|")
    for count, (a, b) in ((small, (base_first, base_rest)), (args.values, (first, rest))):
        print(f"| {count:,} | {statistics.median(a):.1f} | {statistics.median(b):.1f} | {max(b):.1f} |")
    ratio = statistics.median(rest) / max(statistics.median(base_rest), 0.001)
    print(f"median keystroke at {args.values:,} values: {ratio:.1f}x the baseline at {small:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
