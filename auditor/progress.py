"""Progress reporting shared by CLI and UI: a callback ``progress(label, fraction)``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm

Progress = Callable[[str, float], None]


@contextmanager
def cli_progress(total: int = 1000) -> Iterator[Progress]:
    """A tqdm bar on stderr driven by fractions; silent when stderr is not a terminal."""
    bar = tqdm(total=total, file=sys.stderr, disable=not sys.stderr.isatty(), unit="‰", leave=False)

    def update(label: str, fraction: float) -> None:
        bar.set_description(label)
        bar.update(max(0, round(fraction * total) - bar.n))

    try:
        yield update
    finally:
        bar.close()
