"""Official documents after GB/T 9704-2012, read back from the PDF."""

from __future__ import annotations

import datetime
import io
import itertools
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from ui.printing import layout
from ui.printing.official import (
    Heading,
    OfficialDocument,
    Table,
    break_lines,
    build_official_pdf,
    date_text,
    document_number,
    glyphs,
    official_pdf_bytes,
    order_number,
)

MM = 72 / 25.4
TOLERANCE = 0.5  # mm
ISSUER = "某某县防汛防台抗旱指挥部"
# Plain characters: every line of a full page holds exactly 28 of them.
FILLER = "全面落实人员转移安置工作确保转移到位安置到位管理到位" * 60


def _mm(points: float) -> float:
    return points / MM


def _lines(page: Any) -> list[list[dict[str, Any]]]:
    rows: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for char in page.chars:
        rows[round(char["top"], 1)].append(char)
    return [sorted(rows[top], key=lambda c: c["x0"]) for top in sorted(rows)]


def _text(line: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in line)


def _body_lines(page: Any) -> list[list[dict[str, Any]]]:
    """The lines within the type area (the page number sits under it)."""
    return [line for line in _lines(page) if _mm(line[0]["top"]) < 37 + 225]


def _notice(**changes: Any) -> OfficialDocument:
    values: dict[str, Any] = {
        "issuer": ISSUER,
        "number": document_number("某防指", 2026, 12),
        "title": "关于启动防台风Ⅱ级应急响应的通知",
        "recipients": "各乡镇人民政府，县防指各成员单位",
        "body": [
            "预计台风将于9日夜里在我县沿海登陆。",
            Heading("工作要求"),
            Heading("加强值班值守", 2),
            Heading("严格执行领导带班制度", 3, "各单位要落实24小时值班。"),
            FILLER,
        ],
        "signature": ISSUER,
        "date": datetime.date(2026, 8, 9),
        "copy_to": "市防指，县委办，县府办",
        "printed_by": "某某县防汛防台抗旱指挥部办公室",
        "printed_on": datetime.date(2026, 8, 9),
    }
    values.update(changes)
    return OfficialDocument(**values)


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("official") / "notice.pdf"
    pages = build_official_pdf(_notice(), path)
    assert pages >= 3
    return path


def test_a_full_page_has_22_lines_of_28_characters_in_the_type_area(notice: Path) -> None:
    with pdfplumber.open(notice) as pdf:
        page = pdf.pages[1]
        assert (round(_mm(page.width)), round(_mm(page.height))) == (210, 297)
        lines = _body_lines(page)
        assert len(lines) == 22
        assert [len(_text(line)) for line in lines] == [28] * 22
        assert _mm(lines[0][0]["top"]) == pytest.approx(37, abs=TOLERANCE)
        assert _mm(lines[-1][0]["bottom"]) == pytest.approx(37 + 225, abs=TOLERANCE)
        for line in lines:
            assert _mm(line[0]["x0"]) == pytest.approx(28, abs=TOLERANCE)
            assert _mm(line[-1]["x1"]) == pytest.approx(28 + 156, abs=TOLERANCE)
            assert {round(c["size"]) for c in line} == {16}
        for page in pdf.pages:
            for char in page.chars:
                assert _mm(char["x0"]) >= 28 - TOLERANCE
                assert _mm(char["x1"]) <= 28 + 156 + TOLERANCE
                if _mm(char["top"]) < 37 + 225:
                    assert _mm(char["top"]) >= 37 - TOLERANCE


def _font_files(pdf: Any) -> dict[str, set[str]]:
    """Each font's base name and the keys of its descriptor that hold a font file."""
    found: dict[str, set[str]] = {}
    for page in pdf.pages:
        resources = page.page_obj.resources
        fonts = resources.get("Font")
        fonts = fonts.resolve() if hasattr(fonts, "resolve") else fonts
        for reference in (fonts or {}).values():
            font = reference.resolve()
            descriptor = font.get("FontDescriptor")
            if descriptor is None:
                descendant = font["DescendantFonts"]
                descendant = descendant.resolve() if hasattr(descendant, "resolve") else descendant
                descriptor = descendant[0].resolve()["FontDescriptor"]
            keys = {k for k in descriptor.resolve() if k.startswith("FontFile")}
            found[str(font["BaseFont"])] = keys
    return found


def _face(family: str) -> str:
    return pdfmetrics.getFont(layout.font_name(family)).face.name.decode()


def test_fonts_are_embedded_truetype_with_the_faces_of_each_part(notice: Path) -> None:
    with pdfplumber.open(notice) as pdf:
        files = _font_files(pdf)
        assert files
        assert all(keys == {"FontFile2"} for keys in files.values()), files
        first = pdf.pages[0]
        faces = {_text(line): line[0]["fontname"] for line in _lines(first)}
    by_text = {text.split("。")[0]: face for text, face in faces.items()}
    assert _face("hei") in by_text["一、工作要求"]
    assert _face("kai") in by_text["（一）加强值班值守"]
    assert _face("fangsong") in by_text["1.严格执行领导带班制度"]
    assert _face("xbsong") in by_text["关于启动防台风Ⅱ级应急响应的通知"]
    title = next(line for line in _lines(first) if _text(line) == "关于启动防台风Ⅱ级应急响应的通知")
    assert {round(c["size"]) for c in title} == {22}


def test_issuer_mark_and_rule_are_red_and_the_number_official(notice: Path) -> None:
    with pdfplumber.open(notice) as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        mark = next(line for line in lines if _text(line) == ISSUER + "文件")
        assert {tuple(c["non_stroking_color"]) for c in mark} == {(1, 0, 0)}
        assert _mm(mark[0]["top"]) == pytest.approx(37 + 35, abs=TOLERANCE)
        centre = (mark[0]["x0"] + mark[-1]["x1"]) / 2
        assert _mm(centre) == pytest.approx(28 + 78, abs=TOLERANCE)
        number = next(line for line in lines if _text(line) == "某防指〔2026〕12号")
        assert _mm(number[0]["top"]) > _mm(mark[0]["bottom"]) + 15  # two lines under the mark
        red = [rule for rule in page.lines if tuple(rule["stroking_color"]) == (1, 0, 0)]
        assert len(red) == 1
        assert _mm(red[0]["x0"]) == pytest.approx(28, abs=TOLERANCE)
        assert _mm(red[0]["x1"]) == pytest.approx(184, abs=TOLERANCE)
        assert _mm(red[0]["top"]) == pytest.approx(_mm(number[0]["bottom"]) + 4, abs=1)
        # nothing else is red
        others = [c for c in page.chars if c not in mark]
        assert all(tuple(c["non_stroking_color"]) != (1, 0, 0) for c in others)


def test_page_numbers_right_on_odd_pages_left_on_even(notice: Path) -> None:
    with pdfplumber.open(notice) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            foot = [line for line in _lines(page) if _mm(line[0]["top"]) > 37 + 225]
            assert [_text(line) for line in foot] == [f"— {number} —"]
            line = foot[0]
            assert _mm(line[0]["top"]) == pytest.approx(37 + 225 + 7, abs=TOLERANCE)
            assert {round(c["size"]) for c in line} == {14}
            one = 14 / MM  # one character of 4号
            if number % 2:
                assert _mm(line[-1]["x1"]) == pytest.approx(184 - one, abs=TOLERANCE)
            else:
                assert _mm(line[0]["x0"]) == pytest.approx(28 + one, abs=TOLERANCE)


def test_signature_date_and_record_block(notice: Path) -> None:
    with pdfplumber.open(notice) as pdf:
        texts = [_text(line) for page in pdf.pages for line in _lines(page)]
        last = pdf.pages[-1]
        assert "2026年8月9日" in texts
        assert texts.index("2026年8月9日") == texts.index(ISSUER) + 1
        record = [line for line in _lines(last) if "印发" in _text(line)]
        assert record and _text(record[0]).endswith("2026年8月9日印发")
        assert _mm(record[0][0]["bottom"]) == pytest.approx(37 + 225, abs=TOLERANCE)
        assert any(t.startswith("抄送：市防指") for t in texts)
        rules = [r for r in last.lines if tuple(r["stroking_color"]) != (1, 0, 0)]
        assert len(rules) == 3
        assert all(_mm(r["x1"] - r["x0"]) == pytest.approx(156, abs=TOLERANCE) for r in rules)


def test_a_report_upward_puts_the_signer_opposite_the_number(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(official_pdf_bytes(_notice(signer="张三", body=["正文。"])))
    with pdfplumber.open(path) as pdf:
        line = next(line for line in _lines(pdf.pages[0]) if _text(line).startswith("某防指"))
        assert _text(line) == "某防指〔2026〕12号签发人：张三"
        assert _mm(line[0]["x0"]) == pytest.approx(28 + 156 / 28, abs=TOLERANCE)
        assert _mm(line[-1]["x1"]) == pytest.approx(184 - 156 / 28, abs=TOLERANCE)
        assert len(pdf.pages) == 2  # the record on the back of the sheet


def _page_texts(document: OfficialDocument) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(official_pdf_bytes(document))) as pdf:
        return [[_text(line) for line in _lines(page)] for page in pdf.pages]


def test_the_record_goes_on_the_back_of_a_sheet() -> None:
    record = "某某县防汛防台抗旱指挥部办公室2026年8月9日印发"
    # a short body: the record on page 2, which follows the body and is numbered
    pages = _page_texts(_notice(body=["正文。"]))
    assert len(pages) == 2
    assert record not in pages[0] and pages[1][-2:] == [record, "— 2 —"]
    assert pages[0][-1] == "— 1 —"
    # not asked for: the record under the body on page 1
    pages = _page_texts(_notice(body=["正文。"], record_on_even_page=False))
    assert len(pages) == 1 and pages[0][-2:] == [record, "— 1 —"]
    # the body fills the back of a sheet: a blank page, then the record, both without numbers
    for lines in range(20, 40):
        pages = _page_texts(_notice(body=[FILLER[: 26 + 28 * lines]]))
        assert len(pages) % 2 == 0, lines
        assert record in pages[-1], lines
        numbered = [page[-1] for page in pages if page and page[-1].startswith("—")]
        if pages[-2] == []:  # a blank page before the record page
            assert numbered == [f"— {n} —" for n in range(1, len(pages) - 1)], lines
            assert not any(t.startswith("—") for t in pages[-1]), lines


def test_an_order_has_its_red_title_20_mm_down_and_the_number_two_lines_under(
    tmp_path: Path,
) -> None:
    order = OfficialDocument(
        issuer=ISSUER,
        order=True,
        number=order_number(1),
        body=["各乡镇：立即组织危险区域人员转移。"],
        signer_post="指挥长",
        signature="李四",
        date=datetime.date(2026, 8, 9),
    )
    path = tmp_path / "order.pdf"
    build_official_pdf(order, path)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        mark = next(line for line in lines if _text(line) == ISSUER + "令")
        assert {tuple(c["non_stroking_color"]) for c in mark} == {(1, 0, 0)}
        assert _mm(mark[0]["top"]) == pytest.approx(37 + 20, abs=TOLERANCE)
        number = next(line for line in lines if _text(line) == "第1号")
        assert _mm((number[0]["x0"] + number[-1]["x1"]) / 2) == pytest.approx(106, abs=TOLERANCE)
        body = next(line for line in lines if _text(line).startswith("各乡镇"))
        assert _mm(body[0]["top"]) - _mm(number[0]["top"]) == pytest.approx(3 * 10.44, abs=0.5)
        assert not page.lines  # no rule in an order
        texts = [_text(line) for line in lines]
        assert "指挥长李四" in texts and "2026年8月9日" in texts


def test_numbers_and_dates_in_the_official_form() -> None:
    assert document_number("温防指令", 2026, 12) == "温防指令〔2026〕12号"
    assert order_number(1) == "第1号"
    assert date_text(datetime.date(2026, 8, 9)) == "2026年8月9日"
    with pytest.raises(ValueError):
        document_number("温防指", 2026, 0)


def test_faces_cover_the_characters_of_documents() -> None:
    for family in layout.FAMILIES:
        assert layout.font(family).embedded
        assert layout.missing_characters(family, layout.DOCUMENT_CHARACTERS) == ""
    assert len(layout.DOCUMENT_CHARACTERS) > 3755


def test_the_traditional_chinese_fangsong_is_refused_for_its_coverage() -> None:
    cwtex = Path("/usr/share/fonts/truetype/cwtex/cwfs.ttf")
    if not cwtex.is_file():
        pytest.skip("cwTeX FangSong (fonts-cwtex-fs) is not installed")
    assert not layout._covers(cwtex, 0)
    assert "cwfs" not in (layout.font("fangsong").path or "")


def test_the_rendered_page_shows_the_red_mark(notice: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(notice), str(prefix)],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    scale = image.width / 210
    band = image.crop((0, int((37 + 35) * scale), image.width, int((37 + 52) * scale)))
    colours = band.getcolors(maxcolors=1 << 20) or []
    red = sum(count for count, (r, g, b) in colours if r > 200 and g < 80 and b < 80)
    assert red > 200


def test_figures_stay_whole_and_no_line_starts_with_a_closing_mark() -> None:
    text = "回港避风渔船" * 3 + "共计" + "1,024艘，" * 2 + "转移群众12,345人。" * 3
    lines = break_lines(glyphs(text), 156 * MM, indent=2 * 156 * MM / 28)
    assert "".join("".join(c for c, _s in line) for line in lines) == text
    for before, after in itertools.pairwise(lines):
        assert after[0][0] not in "，。、；：）》”"
        assert not (before[-1][0].isdigit() and after[0][0] in "0123456789,")


def test_a_long_copy_to_list_runs_on_between_the_same_three_rules(tmp_path: Path) -> None:
    copy_to = "，".join(["县委办", "县府办", "县应急管理局", "县水利局", "县气象局"] * 4)
    path = tmp_path / "record.pdf"
    build_official_pdf(_notice(body=["正文。"], copy_to=copy_to), path)
    with pdfplumber.open(path) as pdf:
        last = pdf.pages[-1]
        record = [line for line in _lines(last) if 37 + 150 < _mm(line[0]["top"]) < 37 + 225]
        assert len(record) >= 3
        assert _text(record[0]).startswith("抄送：")
        for line in record:
            assert _mm(line[-1]["x1"]) <= 184 - 14 / MM + TOLERANCE
        rules = [r for r in last.lines if tuple(r["stroking_color"]) != (1, 0, 0)]
        assert len(rules) == 3
        copied = "".join(_text(line) for line in record[:-1])
        assert copied == "抄送：" + copy_to + "。"


def test_a_face_short_of_characters_is_passed_over_for_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    short = {"uming.ttc", "gbsn00lp.ttf", "cwfs.ttf"}
    monkeypatch.setattr(layout, "_registered", {})
    monkeypatch.setattr(layout, "_covers", lambda path, index: path.name not in short)
    choice = layout.font("fangsong")
    assert choice.embedded
    assert "ukai" in (choice.path or "")  # 仿宋, then 宋体, then 楷体


def test_a_long_table_repeats_its_header_and_keeps_to_the_type_area(tmp_path: Path) -> None:
    rows = [(f"第{i}镇", 100 + i, 3 * i) for i in range(1, 40)]
    table = Table(["乡镇", "转移人数", "回港渔船"], rows, (2, 1, 1))
    path = tmp_path / "table.pdf"
    pages = build_official_pdf(_notice(body=["各乡镇转移情况如下：", table, "完。"]), path)
    assert pages >= 2
    with pdfplumber.open(path) as pdf:
        texts = [[_text(line) for line in _lines(page)] for page in pdf.pages]
        headers = [t for page in texts for t in page if t == "乡镇转移人数回港渔船"]
        assert len(headers) >= 2  # repeated on the page the table runs onto
        cells = [t for page in texts for t in page if t.startswith("第") and "镇" in t]
        assert len(cells) == 39 and cells[-1] == "第39镇139117"
        for page in pdf.pages:
            for char in page.chars:
                assert _mm(char["x0"]) >= 28 - TOLERANCE and _mm(char["x1"]) <= 184 + TOLERANCE
            for rule in page.lines:
                assert _mm(rule["x0"]) >= 28 - TOLERANCE and _mm(rule["x1"]) <= 184 + TOLERANCE


@pytest.mark.parametrize("order", [False, True])
def test_the_signature_never_stands_alone_on_a_page(order: bool) -> None:
    # one paragraph ending on every line of pages 1 and 2 in turn
    for lines in range(4, 34):
        document = _notice(
            body=[FILLER[: 26 + 28 * lines]],
            order=order,
            signature="李四" if order else ISSUER,
            signer_post="指挥长" if order else "",
            copy_to="",
            printed_by="",
            printed_on=None,
        )
        with pdfplumber.open(io.BytesIO(official_pdf_bytes(document))) as pdf:
            last = pdf.pages[-1]
            texts = [_text(line) for line in _body_lines(last)]
            assert texts[-1] == "2026年8月9日", lines
            assert any(FILLER.startswith(t) or t in FILLER for t in texts[:-2]), lines
