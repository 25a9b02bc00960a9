"""Errors that carry what went wrong and what to do next."""

from __future__ import annotations


class ClaimledgerError(Exception):
    """A failure the CLI reports as one line and a non-zero exit code."""


class InputRejected(ClaimledgerError):
    """One input item could not be used; it is quarantined and the batch goes on."""

    def __init__(self, origin: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{origin}: {reason}: {detail}")
        self.origin, self.reason, self.detail = origin, reason, detail
