"""checker: a statistical consistency checker for draft reports."""

__version__ = "0.1.0"
