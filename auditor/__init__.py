"""Child-rights risk auditor for AI in education."""

__version__ = "0.1.0"
