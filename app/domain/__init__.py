"""The rules of the warehouse, in pure Python: no Qt, no SQL, no I/O."""
