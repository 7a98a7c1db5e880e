"""SupportDesk: the after-sales group's service desk."""

__version__ = "0.1.0"
