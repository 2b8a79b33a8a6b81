"""Plan documents kept in the database: size limit, checksum, and the text read from DOCX
files and text PDFs for the plan search (scanned PDFs, WPS and other files give none)."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from xml.etree import ElementTree

MAX_FILE_BYTES = 50 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def checksum(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def extract_text(name: str, content: bytes) -> str | None:
    """The document's text (paragraphs one a line), or None when none can be read: a file
    that is no DOCX or PDF, a scan, or a damaged file (kept all the same)."""
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "docx":
        return _docx_text(content)
    if suffix == "pdf":
        return _pdf_text(content)
    if suffix in ("txt", "text"):
        for encoding in ("utf-8", "gb18030"):
            try:
                return content.decode(encoding)
            except UnicodeDecodeError:
                continue
    return None


def _docx_text(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError):
        return None
    lines = []
    for paragraph in root.iter(f"{_W}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{_W}t"))
        if text.strip():
            lines.append(text.strip())
    return "\n".join(lines) or None


def _pdf_text(content: bytes) -> str | None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(content))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError):
        return None
    text = re.sub(r"[ \t]+\n", "\n", "\n".join(pages)).strip()
    return text or None
