"""The two kinds of failure the app knows (see STYLE.md, "Errors in two kinds").

A :class:`UserFacingError` is something the user can act on: a wrong passphrase, a full disk,
invalid input. It carries a stable ``code`` and never a sentence: the UI (or the command line)
turns the code into text in the user's language. Everything else is a bug.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """A failure the user can understand and act on, identified by ``code``."""

    code: str = "error"

    def __init__(self, code: str | None = None, detail: str = "") -> None:
        if code is not None:
            self.code = code
        self.detail = detail
        super().__init__(f"{self.code}: {detail}" if detail else self.code)
