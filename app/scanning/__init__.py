"""Raw scanner text -> typed scans. No Qt, no database: lookups take what they need as arguments."""
