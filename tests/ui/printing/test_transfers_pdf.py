"""The printed transfer documents, read back from the PDF: text and positions with
pdfplumber, pixels with pdftoppm, QR codes with zbarimg (when installed)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm
from sqlalchemy import select

from models.arrivals import ShelterArrivals, list_shelter_arrivals
from models.audit import AuditRecord
from models.database import Database
from models.demo import build_demo_transfers
from models.events import start_event
from models.exports.households import TEMPLATE_COLUMNS
from models.transfers import HouseholdRow, list_households, rollup
from models.users import Actor
from tests.conftest import ADMIN
from ui.printing import layout
from ui.printing.layout import LIST_MARGINS, card_boxes, page_label
from ui.printing.transfers import (
    CARDS_PER_PAGE,
    PrintRefused,
    print_shelter_arrivals,
    print_transfer_cards,
    print_transfer_list,
    print_transfer_rollup,
)

VIEWER = Actor(name="test-viewer", role="viewer")
SUBSET_TRUETYPE = re.compile(r"^[A-Z]{6}\+")


def _village(database: Database) -> tuple[str, list[HouseholdRow]]:
    """The demo village with the most households, and its households unmasked."""
    with database.session(ADMIN) as session:
        rows = list_households(session=session, masked=False)
    code = Counter(r.village_code for r in rows).most_common(1)[0][0]
    return code, [r for r in rows if r.village_code == code]


def _flat(cell: str | None) -> str:
    return (cell or "").replace("\n", "")


def _table_rows(pdf: pdfplumber.PDF) -> list[list[str]]:
    rows: list[list[str]] = []
    for page in pdf.pages:
        for table in page.extract_tables():
            rows += [[_flat(c) for c in row] for row in table]
    return rows


def _assert_fonts_embedded(pdf: pdfplumber.PDF) -> None:
    fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert fonts
    for name in fonts:
        assert SUBSET_TRUETYPE.match(name), name
        assert "STSong" not in name


def _render(pdf_path: Path, tmp_path: Path, resolution: int, stem: str) -> Path:
    prefix = tmp_path / stem
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(resolution),
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf_path),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    return next(tmp_path.glob(f"{stem}*.png"))


def _ink_share(png: Path) -> float:
    from PIL import Image

    image = Image.open(png).convert("L")
    histogram = image.histogram()
    dark = sum(histogram[:200])
    return dark / (image.width * image.height)


def test_transfer_list_has_the_template_columns_names_and_full_mobiles(
    demo_db: Database, tmp_path: Path
) -> None:
    code, households = _village(demo_db)
    path = tmp_path / "list.pdf"
    with demo_db.session(ADMIN) as session:
        result = print_transfer_list(session=session, village_code=code, path=path)
        session.commit()
    assert result.rows == len(households) and not result.masked
    first = households[0]
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == result.pages > 1
        text = pdf.pages[0].extract_text()
        assert f"{first.town_name}{first.village_name}危险区人员转移清单" in text.replace(" ", "")
        rows = _table_rows(pdf)
        header = [column.label for column in TEMPLATE_COLUMNS]
        assert rows[0] == header
        body = [r for r in rows if r != header]  # the header repeats on every page
        assert len(body) == len(households)
        assert body[0][0] == "1"
        assert body[0][6] == first.householder_name
        assert first.householder_phone and body[0][8] == first.householder_phone
        assert "*" not in "".join(body[0])
        assert [r[6] for r in body] == [h.householder_name for h in households]

        for number, page in enumerate(pdf.pages, start=1):
            flat = page.extract_text().replace(" ", "")
            assert page_label(number, len(pdf.pages)).replace(" ", "") in flat
            assert page.width > page.height  # landscape
        _assert_fonts_embedded(pdf)
    with demo_db.session(ADMIN) as session:
        audit = session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()
    assert any("transfer-list" in (a.changes or "") for a in audit)


def test_signature_line_sits_near_the_bottom_margin(demo_db: Database, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    code, _ = _village(demo_db)
    path = tmp_path / "list.pdf"
    with demo_db.session(ADMIN) as session:
        print_transfer_list(session=session, village_code=code, path=path)
    label = QCoreApplication.translate("Printing", "Signature of the village head:")
    first_word = label.split()[0].rstrip("：:")
    bottom_margin = LIST_MARGINS[3]
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = [w for w in page.extract_words() if w["text"].startswith(first_word)]
            assert words, page.page_number
            word = words[0]
            assert word["bottom"] > page.height - bottom_margin  # below the type area
            assert word["bottom"] < page.height - 5 * mm  # not cut off by the printer
            rules = [
                ln
                for ln in page.lines
                if abs(ln["top"] - word["bottom"]) < 4
                and ln["x0"] >= word["x0"]
                and ln["width"] > 40 * mm
            ]
            assert rules, "a rule to sign on"
            table_bottom = max(r["bottom"] for r in page.rects) if page.rects else 0
            assert table_bottom < word["top"]


def test_transfer_list_masks_mobiles_for_a_viewer(demo_db: Database, tmp_path: Path) -> None:
    code, households = _village(demo_db)
    path = tmp_path / "list.pdf"
    with demo_db.session(VIEWER) as session:
        result = print_transfer_list(session=session, village_code=code, path=path)
        session.commit()
    assert result.masked
    with pdfplumber.open(path) as pdf:
        body = _table_rows(pdf)[1:]
    phone = households[0].householder_phone
    assert phone is not None
    assert body[0][8] == phone[:3] + "****" + phone[-4:]
    with demo_db.session(ADMIN) as session:
        assert not session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()


def test_unknown_village_is_refused(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session(ADMIN) as session, pytest.raises(PrintRefused):
        print_transfer_list(session=session, village_code="999999999999", path=tmp_path / "x.pdf")


def test_rendered_list_page_is_not_blank(demo_db: Database, tmp_path: Path) -> None:
    code, _ = _village(demo_db)
    path = tmp_path / "list.pdf"
    with demo_db.session(ADMIN) as session:
        print_transfer_list(session=session, village_code=code, path=path)
    png = _render(path, tmp_path, 50, "list")
    assert 0.02 < _ink_share(png) < 0.6


def test_cards_eight_per_page_with_readable_qr_codes(demo_db: Database, tmp_path: Path) -> None:
    code, households = _village(demo_db)
    path = tmp_path / "cards.pdf"
    with demo_db.session(ADMIN) as session:
        result = print_transfer_cards(session=session, village_code=code, path=path)
    assert result.pages == math.ceil(len(households) / CARDS_PER_PAGE)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == result.pages
        text = pdf.pages[0].extract_text()
        for household in households[:CARDS_PER_PAGE]:
            assert household.householder_name in text
            assert household.card_code in text
            if household.shelter_name:
                assert household.shelter_name in text.replace("\n", "")
            if household.transfer_person_phone:
                assert household.transfer_person_phone in text
        assert households[CARDS_PER_PAGE].householder_name not in text
        _assert_fonts_embedded(pdf)
    png = _render(path, tmp_path, 50, "cards")
    assert _ink_share(png) > 0.02
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (zbar-tools) not installed: QR codes not read back")
    from PIL import Image
    from reportlab.lib.pagesizes import A4

    image = Image.open(_render(path, tmp_path, 150, "cards150"))
    scale = image.width / A4[0]
    found = []
    for index, box in enumerate(card_boxes()):  # one card at a time: the QR is its own
        crop = tmp_path / f"card{index}.png"
        image.crop(
            (
                int(box.x * scale),
                int((A4[1] - box.top) * scale),
                int((box.x + box.width) * scale),
                int((A4[1] - box.y) * scale),
            )
        ).save(crop)
        found.append(
            subprocess.run(
                ["zbarimg", "-q", "--raw", str(crop)], capture_output=True, text=True
            ).stdout.strip()
        )
    assert found == [h.card_code for h in households[:CARDS_PER_PAGE]]


def test_rollup_total_row_equals_the_county_figures(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "rollup.pdf"
    with demo_db.session(ADMIN) as session:
        event = start_event(session=session, name="台风演示")
        build_demo_transfers(session=session, event_id=event.id)
        session.commit()
    with demo_db.session(ADMIN) as session:
        result = print_transfer_rollup(session=session, event_id=event.id, path=path)
        data = rollup(session=session, event_id=event.id)
    county = data.county
    with pdfplumber.open(path) as pdf:
        assert pdf.pages[0].width > pdf.pages[0].height
        rows = _table_rows(pdf)
        text = pdf.pages[0].extract_text()
        _assert_fonts_embedded(pdf)
    assert result.rows == len(data.towns) == len(rows) - 2
    assert [r[0] for r in rows[1:-1]] == [t.name for t in data.towns]
    total = rows[-1]
    expected = [
        county.people_to_move,
        county.moved,
        county.sheltered,
        county.relatives,
        county.forced,
        county.refused,
        county.still_at_home,
    ]
    assert total[1:8] == [f"{v:,}" for v in expected]  # 67,504: thousands separated
    assert county.people_to_move >= 1000
    assert county.completion_rate is not None
    assert total[8] == f"{county.completion_rate * 100:.1f}%"
    town = data.towns[0]
    assert rows[1][1:3] == [f"{town.figures.people_to_move:,}", f"{town.figures.moved:,}"]
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text)  # the time of the figures
    assert "台风演示" in text


def test_rollup_names_who_filled_it_in_with_a_line_for_the_checker(
    demo_db: Database, tmp_path: Path
) -> None:
    """Under the table: 填报人 with the operator's name on a rule, 审核人 with an empty
    rule to sign on, and the date."""
    from PySide6.QtCore import QCoreApplication

    path = tmp_path / "rollup.pdf"
    with demo_db.session(ADMIN) as session:
        event = start_event(session=session, name="台风演示")
        build_demo_transfers(session=session, event_id=event.id)
        session.commit()
    with demo_db.session(Actor("wang", "duty")) as session:
        print_transfer_rollup(session=session, event_id=event.id, path=path)
    filled = QCoreApplication.translate("Export", "Filled in by:").replace(" ", "")
    checked = QCoreApplication.translate("Export", "Checked by:").replace(" ", "")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        lines = [line.replace(" ", "") for line in page.extract_text().splitlines()]
        table_bottom = max(t.bbox[3] for t in page.find_tables())
        words = page.extract_words()
        rules = [
            e for e in page.horizontal_edges if e["top"] > table_bottom + 5 and e["width"] > 60
        ]
    sign_line = next(line for line in lines if filled in line)
    assert sign_line.index(filled) < sign_line.index("wang") < sign_line.index(checked)
    assert re.search(r"\d{4}-\d{2}-\d{2}\d{2}:\d{2}$", sign_line)  # the date
    assert len(rules) >= 3  # a rule under each value: the name, the checker's, the date
    wang = next(w for w in words if w["text"] == "wang")
    assert wang["top"] > table_bottom
    assert any(r["x0"] <= wang["x0"] and r["x1"] >= wang["x1"] for r in rules)


def test_rollup_of_an_unknown_event_is_refused(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session(ADMIN) as session, pytest.raises(PrintRefused):
        print_transfer_rollup(session=session, event_id=9999, path=tmp_path / "x.pdf")


def test_fonts_are_truetype_with_families_and_a_cid_last_resort(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for family in layout.FAMILIES:
        choice = layout.font(family)
        assert choice.embedded, family
        assert layout.font(family) is choice  # registered once
    assert "ukai" in (layout.font("kai").path or "")
    assert "wqy" in (layout.font("hei").path or "")
    monkeypatch.setattr(layout, "_registered", {})
    monkeypatch.setattr(layout, "_find", lambda family: None)
    fallback = layout.font("song")
    assert fallback.name == layout.CID_FALLBACK and not fallback.embedded


def _event_with_arrivals(database: Database) -> tuple[int, ShelterArrivals]:
    """An event part done on the demo county, and the shelter with the most arrivals."""
    with database.session(ADMIN) as session:
        event = start_event(session=session, name="台风演示")
        build_demo_transfers(session=session, event_id=event.id)
        session.commit()
    with database.session(ADMIN) as session:
        shelter = max(rollup(session=session, event_id=event.id).shelters, key=lambda s: s.arrivals)
        arrivals = list_shelter_arrivals(
            session=session, event_id=event.id, shelter_id=shelter.id, masked=False
        )
    assert arrivals is not None and len(arrivals.rows) > 40  # more than one page
    assert arrivals.present == shelter.occupants
    return event.id, arrivals


def _arrival_rows(pdf: pdfplumber.PDF) -> tuple[list[str], list[list[str]], list[str]]:
    """The header, the body rows (the header repeats on every page) and the total row."""
    rows = _table_rows(pdf)
    header = rows[0]
    body = [r for r in rows if r != header]
    return header, body[:-1], body[-1]


def test_shelter_arrivals_list_who_how_many_when_with_total_and_signature(
    demo_db: Database, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    event_id, arrivals = _event_with_arrivals(demo_db)
    path = tmp_path / "arrivals.pdf"
    with demo_db.session(ADMIN) as session:
        result = print_shelter_arrivals(
            session=session, event_id=event_id, shelter_id=arrivals.shelter_id, path=path
        )
        session.commit()
    assert result.rows == len(arrivals.rows) and not result.masked
    signature = QCoreApplication.translate("Printing", "Signature of the shelter manager:")
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == result.pages > 1
        header, body, total = _arrival_rows(pdf)
        first = pdf.pages[0].extract_text().replace(" ", "")
        assert (
            QCoreApplication.translate("Printing", "%1: register of arrivals")
            .replace("%1", arrivals.shelter_name)
            .replace(" ", "")
            in first
        )
        assert "台风演示" in first
        printed = QCoreApplication.translate("Printing", "Printed %1").replace(" ", "")
        assert re.search(re.escape(printed).replace("%1", r"\d{4}-\d{2}-\d{2}\d{2}:\d{2}"), first)
        for number, page in enumerate(pdf.pages, start=1):
            flat = page.extract_text().replace(" ", "")
            assert page_label(number, len(pdf.pages)).replace(" ", "") in flat
            assert signature.replace(" ", "") in flat
        _assert_fonts_embedded(pdf)
    assert len(header) == 9
    assert [r[0] for r in body] == [str(n) for n in range(1, len(arrivals.rows) + 1)]
    assert [r[1] for r in body] == [a.name for a in arrivals.rows]
    assert [r[2] for r in body] == [a.phone or "" for a in arrivals.rows]
    assert "*" not in "".join(r[2] for r in body)
    assert [r[3] for r in body] == [f"{a.town_name}{a.village_name}" for a in arrivals.rows]
    assert [int(r[4]) for r in body] == [a.count for a in arrivals.rows]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", r[5]) for r in body)
    assert total[3] == QCoreApplication.translate("Printing", "Total people")
    assert int(total[4]) == sum(int(r[4]) for r in body) == arrivals.arrived
    with demo_db.session(ADMIN) as session:
        audit = session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()
    assert any("shelter-arrivals" in (a.changes or "") for a in audit)


def test_shelter_arrivals_mask_mobiles_for_a_viewer(demo_db: Database, tmp_path: Path) -> None:
    event_id, arrivals = _event_with_arrivals(demo_db)
    path = tmp_path / "arrivals.pdf"
    with demo_db.session(VIEWER) as session:
        result = print_shelter_arrivals(
            session=session, event_id=event_id, shelter_id=arrivals.shelter_id, path=path
        )
        session.commit()
    assert result.masked
    with pdfplumber.open(path) as pdf:
        _header, body, _total = _arrival_rows(pdf)
    phones = [r[2] for r in body if r[2]]
    assert phones and all(re.fullmatch(r"1\d{2}\*{4}\d{4}", p) for p in phones)
    with demo_db.session(ADMIN) as session:
        assert not session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()


def test_shelter_arrivals_of_an_unknown_event_or_shelter_are_refused(
    demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.session(ADMIN) as session:
        with pytest.raises(PrintRefused, match="9999"):
            print_shelter_arrivals(
                session=session, event_id=9999, shelter_id=1, path=tmp_path / "x.pdf"
            )
        event = start_event(session=session, name="台风演示", open_records=False)
        with pytest.raises(PrintRefused, match="99999"):
            print_shelter_arrivals(
                session=session, event_id=event.id, shelter_id=99_999, path=tmp_path / "x.pdf"
            )
    assert not (tmp_path / "x.pdf").exists()


def test_rendered_arrivals_page_is_not_blank(demo_db: Database, tmp_path: Path) -> None:
    event_id, arrivals = _event_with_arrivals(demo_db)
    path = tmp_path / "arrivals.pdf"
    with demo_db.session(ADMIN) as session:
        print_shelter_arrivals(
            session=session, event_id=event_id, shelter_id=arrivals.shelter_id, path=path
        )
    png = _render(path, tmp_path, 50, "arrivals")
    assert 0.02 < _ink_share(png) < 0.6
