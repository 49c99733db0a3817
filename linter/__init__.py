"""postlint: warns council employees before a social media post breaks the council's policy."""

__version__ = "0.1.0"
