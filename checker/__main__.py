"""`python -m checker` runs the command line."""

from checker.cli import run

raise SystemExit(run())
