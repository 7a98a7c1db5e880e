"""DOCX and PDF rendering of report DTOs (later issues)."""
