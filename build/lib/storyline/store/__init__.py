"""The one store: SQLite, schema versioned, every write in a transaction."""
from .database import Database, SchemaMismatch, StoreError

__all__ = ["Database", "SchemaMismatch", "StoreError"]
