"""The village flood situation map (村级防汛形势图), read back from the PDF: text and
positions with pdfplumber, fonts, pixels with pdftoppm; and from the command line."""

from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from maps.layers import DANGER_STYLE, SHELTER_COLOUR
from models.areas import Division, list_danger_zones, list_shelters
from models.audit import AuditRecord
from models.base import utcnow
from models.clock import display_zone
from models.database import Database
from models.labels import DANGER_KINDS, WORKING_GROUP_POSTS, label
from models.users import Actor
from models.village_map import VillageMap, read_village_map
from tests.cli_helpers import run_main
from tests.conftest import ADMIN
from ui.printing.layout import MAP_PAPERS, map_sheet
from ui.printing.situation_map import (
    POINTS_PER_METRE,
    distance_text,
    nice_ratio,
    print_situation_map,
    scale_bar_length,
)
from ui.printing.transfers import PrintRefused, PrintResult

VIEWER = Actor(name="test-viewer", role="viewer")
SUBSET_TRUETYPE = re.compile(r"^[A-Z]{6}\+")
METRES_PER_DEGREE = 6_371_008.8 * math.pi / 180


def _demo_village(database: Database) -> VillageMap:
    """The demo village with its own shelter, hazard points and areas, and the most
    danger zones."""
    with database.session(ADMIN) as session:
        zones = list_danger_zones(session=session)
        sheltered = {s.village_id for s in list_shelters(session=session)}
        points = {z.village_id for z in zones if not z.has_area}
        areas = {z.village_id for z in zones if z.has_area}
        counts = Counter(z.village_id for z in zones if z.village_id in sheltered & points & areas)
        village_id = counts.most_common(1)[0][0]
        code = session.scalar(select(Division.code).where(Division.id == village_id))
        assert code
        data = read_village_map(session=session, village_code=code)
    assert data is not None
    return data


def _print(
    database: Database, data: VillageMap, path: Path, *, paper: str = "A4", actor: Actor = ADMIN
) -> PrintResult:
    with database.session(actor) as session:
        return print_situation_map(
            session=session, village_code=data.village.code, path=path, paper=paper
        )


def _flat(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _box(page: pdfplumber.page.Page, paper: str, which: str) -> tuple[float, float, float, float]:
    """A box of the sheet layout in pdfplumber's coordinates (from the top left)."""
    sheet = map_sheet(paper)
    box = getattr(sheet, which)
    k = sheet.scale
    return (box.x * k, page.height - box.top * k, (box.x + box.width) * k, page.height - box.y * k)


def _within(
    inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]
) -> bool:
    return (
        inner[0] >= outer[0] - 0.5
        and inner[1] >= outer[1] - 0.5
        and inner[2] <= outer[2] + 0.5
        and inner[3] <= outer[3] + 0.5
    )


def _word_box(words: list[dict], text: str) -> tuple[float, float, float, float] | None:
    """The box of the word that is ``text`` (else the first that holds it)."""
    found = [w for w in words if w["text"] == text] or [w for w in words if text in w["text"]]
    if not found:
        return None
    return found[0]["x0"], found[0]["top"], found[0]["x1"], found[0]["bottom"]


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_one_landscape_page_of_the_right_size_with_title_and_date(
    demo_db: Database, tmp_path: Path, paper: str
) -> None:
    data = _demo_village(demo_db)
    path = tmp_path / f"map-{paper}.pdf"
    result = _print(demo_db, data, path, paper=paper)
    assert result.pages == 1
    width, height = MAP_PAPERS[paper]
    today = utcnow().astimezone(display_zone()).date()
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        assert (round(page.width), round(page.height)) == (round(width), round(height))
        assert page.width > page.height
        text = _flat(page.extract_text())
        title = f"{data.village.town_name}{data.village.name}村级防汛形势图"
        assert title in _flat(page.crop(_box(page, paper, "title")).extract_text())
        assert f"制图单位：{data.village.county_name}应急管理局" in text
        assert f"制图日期：{today.year}年{today.month}月{today.day}日" in text
        assert pdf.metadata.get("Title") == title


def test_every_shelter_and_danger_zone_is_named_on_the_map_without_overlaps(
    demo_db: Database, tmp_path: Path
) -> None:
    data = _demo_village(demo_db)
    path = tmp_path / "map.pdf"
    _print(demo_db, data, path)
    own = [s for s in data.shelters if data.is_own(s)]
    assert own and data.zones
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        frame = _box(page, "A4", "map")
        words = page.crop(frame).extract_words(keep_blank_chars=True)
        boxes = {}
        for name in [s.name for s in own] + [z.name for z in data.zones]:
            box = _word_box(words, name)
            assert box is not None, f"{name} is not readable on the map"
            assert _within(box, frame), name
            boxes[name] = box
        capacity = QCoreApplication.translate("Printing", "Capacity %1 persons")
        for shelter in own:
            assert _word_box(words, capacity.replace("%1", str(shelter.capacity))), shelter.name
    names = list(boxes)
    for i, a in enumerate(names):  # no label lies over another
        for b in names[i + 1 :]:
            x0, top0, x1, bottom0 = boxes[a]
            u0, top1, u1, bottom1 = boxes[b]
            assert (
                min(x1, u1) - max(x0, u0) <= 0.5 or min(bottom0, bottom1) - max(top0, top1) <= 0.5
            ), (a, b)


def test_legend_lists_the_kinds_present_and_the_map_symbols(
    demo_db: Database, tmp_path: Path
) -> None:
    data = _demo_village(demo_db)
    path = tmp_path / "map.pdf"
    _print(demo_db, data, path)
    kinds = {z.kind for z in data.zones}
    absent = set(DANGER_KINDS) - kinds
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        side = _flat(page.crop(_box(page, "A4", "side")).extract_text())
    for source in (
        "Legend",
        "Shelter",
        "Village boundary",
        "Responsibility grid",
        "Neighbouring village",
    ):
        assert _flat(QCoreApplication.translate("Printing", source)) in side, source
    for kind in kinds:
        assert _flat(label(DANGER_KINDS, kind)) in side, kind
    for kind in absent:  # only the kinds this village has
        assert _flat(label(DANGER_KINDS, kind)) not in side, kind


def test_scale_bar_measures_the_printed_scale_and_the_map_is_true_to_it(
    demo_db: Database, tmp_path: Path
) -> None:
    data = _demo_village(demo_db)
    for paper in ("A4", "A3"):
        path = tmp_path / f"scale-{paper}.pdf"
        _print(demo_db, data, path, paper=paper)
        k = map_sheet(paper).scale
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            frame = _box(page, paper, "map")
            text = _flat(page.crop(frame).extract_text())
            pattern = re.escape(_flat(QCoreApplication.translate("Printing", "Scale 1:%1")))
            found = re.search(pattern.replace("%1", r"(\d+)"), text)
            assert found, text
            ratio = int(found.group(1))
            assert nice_ratio(ratio) == ratio
            # The bar: four equal segments side by side near the frame's bottom left.
            segments = sorted(
                (
                    r
                    for r in page.rects
                    if abs(r["height"] - 1.4 / 25.4 * 72 * k) < 0.3
                    and r["bottom"] > frame[3] - 30 * k
                ),
                key=lambda r: r["x0"],
            )
            assert len(segments) == 4
            length = segments[-1]["x1"] - segments[0]["x0"]
            metres = length / POINTS_PER_METRE * ratio
            assert metres == pytest.approx(round(metres), rel=0.01)
            digits = str(round(metres))
            assert digits[0] in "125" and set(digits[1:]) <= {"0"}, digits
            assert _flat(distance_text(round(metres))) in text
            # The village boundary (drawn 1.5 pt wide in its colour) at the same scale, in
            # both directions: the projection is not stretched.
            boundary = max(
                (
                    c
                    for c in page.curves
                    if c.get("stroking_color") and abs(c["stroking_color"][0] - 0x1B / 255) < 0.01
                ),
                key=lambda c: c["x1"] - c["x0"],
            )
            box = data.village.bbox
            assert box is not None
            lat0 = (box[1] + box[3]) / 2
            width_m = (box[2] - box[0]) * math.cos(math.radians(lat0)) * METRES_PER_DEGREE
            height_m = (box[3] - box[1]) * METRES_PER_DEGREE
            printed_w = (boundary["x1"] - boundary["x0"]) / POINTS_PER_METRE * ratio
            printed_h = (boundary["bottom"] - boundary["top"]) / POINTS_PER_METRE * ratio
            assert printed_w == pytest.approx(width_m, rel=0.02)
            assert printed_h == pytest.approx(height_m, rel=0.02)
            # The map fills its frame in at least one direction.
            assert (
                max(
                    (boundary["x1"] - boundary["x0"]) / (frame[2] - frame[0]),
                    (boundary["bottom"] - boundary["top"]) / (frame[3] - frame[1]),
                )
                > 0.6
            )


def test_scale_helpers_pick_round_values() -> None:
    assert nice_ratio(7300) == 7500
    assert nice_ratio(11_000) == 12_000
    assert nice_ratio(8000) == 8000
    assert nice_ratio(9100) == 10_000
    assert scale_bar_length(10.0, 32) == 200  # at most 320 m fits: 200 m
    assert scale_bar_length(20.0, 32) == 500
    assert scale_bar_length(40.0, 32) == 1000


def test_responsible_persons_with_full_mobiles_and_the_audit(
    demo_db: Database, tmp_path: Path
) -> None:
    data = _demo_village(demo_db)
    path = tmp_path / "map.pdf"
    result = _print(demo_db, data, path)
    assert not result.masked
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        side = _flat(page.crop(_box(page, "A4", "side")).extract_text())
    for member in data.members:
        assert member.phone
        assert (
            f"{_flat(label(WORKING_GROUP_POSTS, member.post))}{member.name}{member.phone}" in side
        )
    for grid in data.grids:
        assert f"{grid.person_name}{grid.person_phone}" in side
    for shelter in data.shelters:
        if shelter.manager_name:
            assert f"{shelter.manager_name}{shelter.manager_phone or ''}" in side
    assert "*" not in side
    with demo_db.session(ADMIN) as session:
        audit = session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()
    printed = [a for a in audit if "situation-map" in (a.changes or "")]
    assert len(printed) == 1  # one record for the printout, naming the tables it shows
    detail = json.loads(printed[0].changes or "{}")
    assert set(detail["tables"]) >= {"working_group_members", "grids"}
    assert printed[0].actor == ADMIN.name and detail["village"] == data.village.code


def test_viewer_gets_masked_mobiles_and_no_audit(demo_db: Database, tmp_path: Path) -> None:
    data = _demo_village(demo_db)
    path = tmp_path / "map.pdf"
    result = _print(demo_db, data, path, actor=VIEWER)
    assert result.masked
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        side = page.crop(_box(page, "A4", "side")).extract_text()
    phones = re.findall(r"1\d{2}\S{4}\d{4}", side)
    assert phones and all(re.fullmatch(r"1\d{2}\*{4}\d{4}", p) for p in phones)
    with demo_db.session(ADMIN) as session:
        assert not session.scalars(select(AuditRecord).where(AuditRecord.action == "unmask")).all()


def test_fonts_are_embedded(demo_db: Database, tmp_path: Path) -> None:
    data = _demo_village(demo_db)
    path = tmp_path / "map.pdf"
    _print(demo_db, data, path, paper="A3")
    with pdfplumber.open(path) as pdf:
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    assert fonts
    for name in fonts:
        assert SUBSET_TRUETYPE.match(name), name
        assert "STSong" not in name
    if shutil.which("pdffonts") is None:
        return
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing and all(line.split()[-5] == "yes" for line in listing), listing


def _render(pdf_path: Path, tmp_path: Path, resolution: int) -> Path:
    prefix = tmp_path / pdf_path.stem
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", "-singlefile", str(pdf_path), str(prefix)],
        check=True,
        capture_output=True,
    )
    return prefix.with_suffix(".png")


def _near(pixels: np.ndarray, colour: str, tolerance: int = 40) -> int:
    """How many pixels are within ``tolerance`` of ``colour`` in every channel."""
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels.astype(int) - rgb) <= tolerance).all(axis=-1).sum())


def test_rendered_map_is_drawn_in_the_colours_of_the_screen(
    demo_db: Database, tmp_path: Path
) -> None:
    from PIL import Image

    data = _demo_village(demo_db)
    path = tmp_path / "map.pdf"
    _print(demo_db, data, path)
    image = Image.open(_render(path, tmp_path, 72)).convert("RGB")
    with pdfplumber.open(path) as pdf:
        frame = _box(pdf.pages[0], "A4", "map")
    scale = image.width / MAP_PAPERS["A4"][0]
    x0, top, x1, bottom = (int(v * scale) for v in frame)
    pixels = np.asarray(image)[top + 2 : bottom - 2, x0 + 2 : x1 - 2]  # inside the border
    total = pixels.shape[0] * pixels.shape[1]
    dark = (pixels.sum(axis=-1) < 3 * 120).sum() / total
    white = (pixels.min(axis=-1) > 250).sum() / total
    assert dark > 0.003  # the boundary, symbols and labels
    assert 0.05 < white < 0.95  # the village drawn white on the grey land around it
    assert _near(pixels, SHELTER_COLOUR) > 10
    for kind in {z.kind for z in data.zones if not z.has_area}:
        colour, _symbol = DANGER_STYLE[kind]
        assert _near(pixels, colour, 30) > 5, kind
    # The map fills its frame: every quarter of it has something drawn.
    half_h, half_w = pixels.shape[0] // 2, pixels.shape[1] // 2
    for rows in (slice(0, half_h), slice(half_h, None)):
        for columns in (slice(0, half_w), slice(half_w, None)):
            assert (pixels[rows, columns].sum(axis=-1) < 3 * 200).sum() > 20


def test_unknown_village_and_paper_are_refused(demo_db: Database, tmp_path: Path) -> None:
    data = _demo_village(demo_db)
    with demo_db.session(ADMIN) as session:
        with pytest.raises(PrintRefused, match="999999999999"):
            print_situation_map(
                session=session, village_code="999999999999", path=tmp_path / "x.pdf"
            )
        with pytest.raises(PrintRefused, match="A5"):
            print_situation_map(
                session=session, village_code=data.village.code, path=tmp_path / "x.pdf", paper="A5"
            )
    assert not (tmp_path / "x.pdf").exists()


def test_command_line_prints_the_map_and_refuses_an_unknown_village(
    demo_db: Database, tmp_path: Path
) -> None:
    data = _demo_village(demo_db)
    pdf = tmp_path / "map.pdf"
    printed = run_main(
        "--db",
        demo_db.url,
        "print",
        "situation-map",
        "--village",
        data.village.code,
        "--paper",
        "A3",
        "-o",
        str(pdf),
    )
    assert printed.returncode == 0, printed.stderr
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == 1
        assert round(document.pages[0].width) == round(MAP_PAPERS["A3"][0])
    unknown = run_main(
        "--db",
        demo_db.url,
        "print",
        "situation-map",
        "--village",
        "999999999999",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert unknown.returncode == 1
    assert "999999999999" in unknown.stderr and "Traceback" not in unknown.stderr
    assert "没有代码为" in unknown.stderr  # in Chinese by default
    assert not (tmp_path / "x.pdf").exists()
    usage = run_main("--db", demo_db.url, "print", "situation-map", "-o", str(tmp_path / "y.pdf"))
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
