"""`auditor probes list|export|run|score`."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    commands.add_parser("probes", help="bias and child-safety probes").add_subparsers(dest="sub", required=True)
