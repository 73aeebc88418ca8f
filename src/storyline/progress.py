"""What a long job tells whoever watches it (`storyline build`'s progress display), named once for every layer."""
from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Each phase with its total when known, each step done, and a status line for a wait with no steps."""

    def phase(self, name: str, total: int | None, unit: str = "") -> None:
        """A phase starts: `total` steps when known; `unit` names what a step is when a rate of them means
        something ("articles"), blank for steps of unlike cost (the corpus stages)."""

    def advance(self, count: int = 1) -> None: ...

    def status(self, text: str | None) -> None: ...


class Silent:
    """Progress that nobody watches."""

    def phase(self, name: str, total: int | None, unit: str = "") -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def status(self, text: str | None) -> None:
        pass
