"""Who stands where: stance statements per article (`stage`), grouped per story across articles (`group`)."""
from .stage import extract_positions

__all__ = ["extract_positions"]
