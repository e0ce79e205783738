"""The one exception family: messages a curator can act on, caught once at the CLI edge."""


class DigestError(Exception):
    """A problem the curator can act on; the message says what and where."""

    exit_code = 1


class ConfigError(DigestError):
    """sources.yaml (or a command line) is wrong: nothing was done."""

    exit_code = 2


class UsageError(DigestError):
    """A command was called in a way that cannot work (bad REF, no terminal, ...)."""

    exit_code = 2


class ConflictError(DigestError):
    """sources.yaml changed on disk in a way that cannot be reconciled with an edit."""

    exit_code = 1


class StoreError(DigestError):
    """The store under .digest/ cannot be opened or is locked."""

    exit_code = 1


class LockedError(StoreError):
    """Another `digest fetch` holds the run lock."""

    exit_code = 1
