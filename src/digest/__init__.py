"""digest: curate press reviews and link digests."""

__version__ = "0.1.0"
