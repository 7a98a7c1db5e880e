"""Use cases. Each takes a Session; the caller owns the transaction."""
