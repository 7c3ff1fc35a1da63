"""The import's text stage of this tree beside that of an earlier commit, in one run.

    python tests/benchmarks/text_stage.py [--baseline REV] [--rounds 3] [--corpora DIR] [--file NAME]

Extracts the sources of ``--baseline`` (default: the commit before the boilerplate stage came in)
with ``git archive`` into a scratch folder, copies this tree's ``viewer/`` beside them, then imports
the same corpus file (default ``news_rt_ng_articles.jsonl.gz``, copied to a scratch folder) into a
fresh archive with each code, alternately, ``--rounds`` times:
``Library.add(..., events=False, entities=False)`` with 2 worker processes, each in a fresh process.
Printed per code: the median wall time of the text stage (reading, cataloguing, indexing), of the
boilerplate stage where the code has one (``BoilerplateStage.update``,
timed apart), and the ratio of the current text stage to the baseline's. Alternating the two codes
round by round keeps the machine's drift out of the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STEP = r"""
import json, sys, time
from pathlib import Path
home, folder = sys.argv[1], sys.argv[2]
from viewer.library import Library
stage_seconds = 0.0
try:
    from viewer.archive.boilerplate_stage import BoilerplateStage
except ImportError:
    BoilerplateStage = None
if BoilerplateStage is not None:
    learn = BoilerplateStage.update
    def timed(self, *args, **kwargs):
        global stage_seconds
        started = time.perf_counter()
        try:
            return learn(self, *args, **kwargs)
        finally:
            stage_seconds += time.perf_counter() - started
    BoilerplateStage.update = timed
with Library.open(home, workers=2) as library:
    started = time.perf_counter()
    summary = library.add([folder], events=False, entities=False)
    total = time.perf_counter() - started
print(json.dumps({"total": total, "boilerplate": stage_seconds, "added": summary.added}))
"""


def default_baseline() -> str:
    last = subprocess.run(
        ["git", "log", "-1", "--format=%H", "--", "viewer/archive/boilerplate_stage.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()
    return f"{last}^" if last else "HEAD"


def extract(revision: str, into: Path) -> Path:
    into.mkdir(parents=True)
    archive = into / "sources.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", revision, "viewer"], cwd=ROOT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    archive.unlink()
    return into


def run_step(code: Path, home: Path, folder: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", STEP, str(home), str(folder)],
        cwd=code, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(code)},
    )
    if result.returncode != 0:
        raise SystemExit(f"the step failed in {code}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--file", default="news_rt_ng_articles.jsonl.gz")
    args = parser.parse_args()
    source = args.corpora / args.file
    if not source.exists():
        print(f"{source} is absent: nothing to measure")
        return
    baseline = args.baseline or default_baseline()
    scratch = Path(tempfile.mkdtemp(prefix="letopis-text-stage-"))
    try:
        folder = scratch / "corpus"
        folder.mkdir()
        shutil.copy(source, folder / source.name)
        current = scratch / "current"  # a copy, so that the run measures one code even while the tree changes
        shutil.copytree(ROOT / "viewer", current / "viewer", ignore=shutil.ignore_patterns("__pycache__"))
        codes = {"baseline": extract(baseline, scratch / "baseline"), "current": current}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
        for round_number in range(1, args.rounds + 1):
            for name, code in codes.items():
                home = scratch / f"home-{name}-{round_number}"
                figures = run_step(code, home, folder)
                runs[name].append(figures)
                shutil.rmtree(home, ignore_errors=True)
                print(f"round {round_number} {name:8}: {figures['total']:.1f} s in all, boilerplate stage "
                      f"{figures['boilerplate']:.1f} s, {int(figures['added'])} articles", flush=True)
        print(f"\n{args.file}, baseline {baseline}, {args.rounds} rounds, medians:")
        medians = {}
        for name, figures in runs.items():
            text = statistics.median(f["total"] - f["boilerplate"] for f in figures)
            stage = statistics.median(f["boilerplate"] for f in figures)
            medians[name] = text
            print(f"  {name:8}  text stage {text:6.1f} s   boilerplate stage {stage:5.1f} s")
        print(f"  text stage, current / baseline: {medians['current'] / medians['baseline']:.2f}x (target ≤ 1.20x)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
