"""Times the sentence calculator: 100,000 compute() calls on varied inputs.

Not a test (timings are noisy); run it by hand:
    .venv/bin/python bench/bench_calculator.py [N]
It prints the mean time per call, with the breakdown written (the default) and
without it (``explain=False``, what bulk work such as the demo uses).  The target
is well under 0.2 ms per call, because the demo computes 100,000 cases.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.models.calculator import Remission, SentenceInput, compute  # noqa: E402
from app.models.durations import Duration  # noqa: E402


def make_inputs(n: int, seed: int = 7) -> list[SentenceInput]:
    """Varied valid cases: 1 month to 15 years, some credit, 0-3 remissions, a few
    interruptions, unpaid fines and children, like a demo data set."""
    rng = random.Random(seed)
    cases = []
    for _ in range(n):
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 2500))
        sentence = Duration(rng.randrange(0, 15), rng.randrange(0, 12), rng.randrange(0, 30))
        if sentence.is_zero:
            sentence = Duration(months=8)
        # Remissions only between the start and a safe lower bound of the initial
        # expiry (calendar days >= 0.93 P30, minus at most 22 credit days).
        span = sentence.days30 * 9 // 10 - 25
        remissions = () if span < 1 else tuple(
            Remission(start + timedelta(days=rng.randrange(0, span)),
                      rng.randrange(0, 4), rng.randrange(1, 16),
                      kind=rng.choice(("umum", "khusus")))
            for _ in range(rng.choice((0, 0, 1, 2, 3))))
        # All remission together stays below the days to be served, as the calculator
        # requires (span is a safe lower bound of them).
        while sum(r.days30 for r in remissions) >= span > 0:
            remissions = remissions[:-1]
        cases.append(SentenceInput(
            detention_start=start,
            sentences=(sentence,),
            remissions=remissions,
            city_detention_days=rng.choice((0, 0, 0, 25, 60)),
            house_detention_days=rng.choice((0, 0, 0, 12, 30)),
            fine=rng.choice((0, 0, 1_000_000_000)),
            subsider=rng.choice((Duration(), Duration(months=3))),
            fine_paid=rng.random() < 0.8,
            child=rng.random() < 0.05,
            offence_category=rng.choice((None, "Narkotika (pengguna)", "Korupsi", "Pencurian")),
        ))
    return cases


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    cases = make_inputs(n)
    for explain in (True, False):
        began = time.perf_counter()
        for case in cases:
            compute(case, explain=explain)
        elapsed = time.perf_counter() - began
        print(f"{n} compute(explain={explain}) calls: {elapsed:.2f} s, "
              f"mean {elapsed / n * 1000:.3f} ms per call")


if __name__ == "__main__":
    main()
