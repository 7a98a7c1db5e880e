"""Text rules every document SupportDesk writes shares: file names Windows accepts, and text
python-docx accepts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Not allowed in a Windows file name: \ / : * ? " < > | and the control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]')
# Not allowed in XML 1.0, so python-docx refuses them; a pasted description may hold one.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PART_LENGTH = 60  # a customer's full legal name must not push the path past Windows' limit


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def append_text_row(sheet: Any, values: Sequence[object]) -> list[Any]:
    """Append a spreadsheet row whose text stays text: a description starting with "=" is no
    formula Excel would run, and a control character pasted into it cannot break the file.
    Returns the row's cells, for the caller's formats."""
    sheet.append([xml_text(v) if isinstance(v, str) else v for v in values])
    cells = list(sheet[sheet.max_row])
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
    return cells


def name_part(part: str) -> str:
    """One piece of a file name Windows accepts: no reserved or control characters, no
    trailing dot or space (Explorer drops them), not too long."""
    cleaned = " ".join(_UNSAFE.sub("", part).split())
    return cleaned[:_PART_LENGTH].strip(" .")
