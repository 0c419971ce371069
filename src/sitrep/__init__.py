"""sitrep: conflict reporting turned into a record people can check."""

__version__ = "0.1.0"
