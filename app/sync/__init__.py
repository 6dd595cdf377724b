"""Station <-> central database. No Qt here; the GUI runs these functions in a worker."""
