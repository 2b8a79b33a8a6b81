"""Plan documents kept in the database: size limit, checksum, and the text read from DOCX
files and text PDFs for the plan search (scanned PDFs, WPS and other files give none).

``read_documents`` reads files chosen on the disk and their text before the unit of work
that keeps them, off the UI thread, with progress and cancel: a large PDF takes seconds."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication

from models.imports.report import CancelToken, ProgressCallback
from models.messages import fill

MAX_FILE_BYTES = 50 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
READ_CHUNK = 1024 * 1024  # a file is read in steps of this many bytes, cancel checked between
STEPS = 1000  # progress units per file: reading its bytes, then its text
READING_SHARE = 0.3  # of a file's units, for reading its bytes


@dataclass(frozen=True)
class ReadDocument:
    """A document file as read from the disk, with the text the plan search keeps of it
    (None: none could be read)."""

    name: str
    content: bytes
    text: str | None


@dataclass
class DocumentsRead:
    """What ``read_documents`` read: the files, one problem per file that was too large or
    could not be read, and whether it was cancelled (then nothing is to be kept)."""

    files: list[ReadDocument] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    cancelled: bool = False


def too_large(name: str, size: int) -> str:
    """The refusal of a file above the 50 MB a plan's file may have."""
    return fill(
        QCoreApplication.translate(
            "Plans", "The file %1 is %2 MB: a plan's file may be at most %3 MB."
        ),
        name,
        f"{size / 1024 / 1024:.1f}",
        str(MAX_FILE_BYTES // 1024 // 1024),
    )


def read_documents(
    paths: Sequence[Path],
    *,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
) -> DocumentsRead:
    """Each file's bytes and text; a file above 50 MB is refused before it is read, one
    the system will not read is named with the system's reason. Cancel is checked
    between steps of a megabyte and between a PDF's pages."""
    read = DocumentsRead()
    total = STEPS * len(paths)

    def stopped() -> bool:
        read.cancelled = cancel is not None and cancel.cancelled
        return read.cancelled

    for n, path in enumerate(paths):

        def report(share: float, base: int = n * STEPS) -> None:
            if progress is not None:
                progress(base + int(STEPS * min(share, 1.0)), total)

        try:
            one = _read_one(path, report, stopped, cancel)
        except OSError as error:
            one = fill(
                QCoreApplication.translate("Plans", "The file %1 cannot be read: %2"),
                path.name,
                error.strerror or str(error),
            )
        if stopped():
            return read
        if isinstance(one, str):
            read.problems.append(one)
        elif one is not None:
            read.files.append(one)
        report(1.0)
    return read


def _read_one(
    path: Path,
    report: Callable[[float], None],
    stopped: Callable[[], bool],
    cancel: CancelToken | None,
) -> ReadDocument | str | None:
    """One file read with its text, or why it is refused, or None when cancelled."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:  # refused before reading it
        return too_large(path.name, size)
    content = _read_bytes(path, stopped, lambda done: report(READING_SHARE * done / max(size, 1)))
    if content is None:
        return None
    if len(content) > MAX_FILE_BYTES:  # grew since it was chosen
        return too_large(path.name, len(content))
    text = extract_text(
        path.name,
        content,
        cancel=cancel,
        pages=lambda done, pages: report(READING_SHARE + (1 - READING_SHARE) * done / pages),
    )
    return ReadDocument(path.name, content, text)


def _read_bytes(
    path: Path, stopped: Callable[[], bool], done: Callable[[int], None]
) -> bytes | None:
    """The file's bytes, read a megabyte at a time (None when cancelled meanwhile)."""
    parts: list[bytes] = []
    count = 0
    with path.open("rb") as file:
        while chunk := file.read(READ_CHUNK):
            parts.append(chunk)
            count += len(chunk)
            done(count)
            if stopped():
                return None
            if count > MAX_FILE_BYTES:  # grew while being read: no need to read on
                break
    return b"".join(parts)


def checksum(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def extract_text(
    name: str,
    content: bytes,
    *,
    cancel: CancelToken | None = None,
    pages: ProgressCallback | None = None,
) -> str | None:
    """The document's text (paragraphs one a line), or None when none can be read: a file
    that is no DOCX or PDF, a scan, or a damaged file (kept all the same). A PDF's pages
    are counted to ``pages`` as they are read, and ``cancel`` stops it between them."""
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "docx":
        return _docx_text(content)
    if suffix == "pdf":
        return _pdf_text(content, cancel, pages)
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


def _pdf_text(
    content: bytes, cancel: CancelToken | None, progress: ProgressCallback | None
) -> str | None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    texts: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(content))
        count = len(reader.pages)
        for page in reader.pages:
            if cancel is not None and cancel.cancelled:
                return None
            texts.append(page.extract_text() or "")
            if progress is not None:
                progress(len(texts), count)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError):
        return None
    text = re.sub(r"[ \t]+\n", "\n", "\n".join(texts)).strip()
    return text or None
