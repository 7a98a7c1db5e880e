"""Vault envelope encryption (the vault issue)."""
