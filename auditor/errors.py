"""The one error type for bad input: it names the file, where in it, and the problem."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad user input. The CLI maps it to exit code 2 and the UI shows it as a message."""

    def __init__(self, path: str | Path | None, problem: str, *, location: str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        self.location = location
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.location:
            where = f"{where}, {self.location}"
        return f"{where}: {self.problem}"
