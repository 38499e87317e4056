"""One family of exceptions for configuration and input problems.

Error policy: a problem with one input (unreadable file, page with no body,
record without text) raises ``InputError``; the runner turns it into a row of
the ``errors`` table and goes on with the other inputs. Problems with the
set-up (no spaCy model, bad settings file) raise ``ConfigError`` and stop the
run with a message that says how to fix them.
"""


class PipelineError(Exception):
    """Base class of every error this package raises on purpose."""


class ConfigError(PipelineError):
    """The run cannot start: missing model, unreadable settings, bad arguments."""


class InputError(PipelineError):
    """One input cannot be turned into a bulletin; the run goes on without it."""

    def __init__(self, source: str, message: str, stage: str = "read") -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message
        self.stage = stage
