"""Pure rules and value types; standard library only."""
