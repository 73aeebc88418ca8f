"""The one store: SQLite, schema versioned, every write in a transaction."""
from .database import Database, SchemaMismatch

__all__ = ["Database", "SchemaMismatch"]
