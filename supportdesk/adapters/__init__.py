"""The outside world: SSH, mail, webhooks, keyring, uploads (later issues)."""
