"""Table models over service DTOs."""
