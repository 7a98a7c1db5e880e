"""The only QtWidgets code of SupportDesk."""
