"""Plan documents read from the disk before they are kept: their bytes and text, progress
through a PDF's pages, cancel between them, and the files refused with why."""

from __future__ import annotations

import io
from pathlib import Path

from models.plans.documents import MAX_FILE_BYTES, read_documents
from tests.models.plan_helpers import docx_bytes


def _pdf_pages(*pages: str) -> bytes:
    """A text PDF with one line per page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer)
    for line in pages:
        sheet.setFont("STSong-Light", 12)
        sheet.drawString(72, 760, line)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


class _StopAfter:
    """A cancel flag set once ``calls`` progress reports have come."""

    def __init__(self, calls: int) -> None:
        self.left = calls

    @property
    def cancelled(self) -> bool:
        return self.left <= 0

    def progress(self, done: int, total: int) -> None:
        self.left -= 1


def test_files_are_read_with_their_text_and_progress_to_the_end(tmp_path: Path) -> None:
    pdf = tmp_path / "防台风应急预案.pdf"
    pdf.write_bytes(_pdf_pages("第一章 总则", "第二章 组织体系", "第三章 应急响应"))
    docx = tmp_path / "附件.docx"
    docx.write_bytes(docx_bytes("避灾安置场所开放清单"))
    huge = tmp_path / "扫描件.pdf"
    with huge.open("wb") as out:  # sparse: too large on paper, never read
        out.truncate(MAX_FILE_BYTES + 1)
    gone = tmp_path / "旧版.docx"
    seen: list[tuple[int, int]] = []
    read = read_documents(
        [pdf, huge, gone, docx], progress=lambda done, total: seen.append((done, total))
    )
    assert not read.cancelled
    assert [f.name for f in read.files] == ["防台风应急预案.pdf", "附件.docx"]
    assert [f.content for f in read.files] == [pdf.read_bytes(), docx.read_bytes()]
    assert read.files[0].text is not None and "第三章 应急响应" in read.files[0].text
    assert read.files[1].text == "避灾安置场所开放清单"
    assert len(read.problems) == 2
    assert "扫描件.pdf" in read.problems[0] and "at most 50 MB" in read.problems[0]
    assert read.problems[1] == "The file 旧版.docx cannot be read: No such file or directory"
    done = [d for d, _ in seen]
    assert done == sorted(done) and seen[-1] == (4000, 4000)
    assert len([d for d in done if 0 < d < 1000]) >= 4  # the bytes, then page by page


def test_cancel_stops_between_a_pdfs_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "防台风应急预案.pdf"
    pdf.write_bytes(_pdf_pages("第一章", "第二章", "第三章", "第四章"))
    docx = tmp_path / "附件.docx"
    docx.write_bytes(docx_bytes("清单"))
    stop = _StopAfter(2)  # the bytes read, then the first page
    read = read_documents([pdf, docx], cancel=stop, progress=stop.progress)
    assert read.cancelled and read.files == [] and read.problems == []
