"""Every command of the README's "Everyday commands", as typed, in a subprocess on a demo county.

The commands are read from README.md: alternatives (``a|b``) and optional parts (``[...]``)
become separate runs, placeholders (FILE.xlsx, CODE, ID ...) take real values from
PLACEHOLDERS, and a line or a placeholder without a mapping fails, so README and test
cannot drift. Each output file is opened: PDF text, Excel headers, HTML without network.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from models.demo import DEMO_ACCOUNTS

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PASSWORD = "readme-secret-1"

# Lines that open the console window: the real-data issue's start test covers them under Xvfb.
EXCLUDED = {
    "python3 main.py": "opens the console window",
    "python3 main.py --db postgresql://user@host/ecc --user wang": (
        "opens the console window on a shared PostgreSQL server"
    ),
}
# The benchmarks take minutes at full scale: the test runs the smallest one once.
EXTRA_ARGS = {"bash .ci/run perf": ("--smoke", "startup")}


# -- reading the README ---------------------------------------------------------------------


def readme_lines() -> list[str]:
    """The command lines of the "Everyday commands" block, without their comments."""
    text = README.read_text(encoding="utf-8")
    block = text.split("## Everyday commands", 1)[1].split("\n## ", 1)[0]
    lines = [
        re.sub(r"\s{2,}#.*$", "", line.strip())
        for line in block.splitlines()
        if line.startswith("    ") and line.strip()
    ]
    assert len(lines) > 15, "the README's command block was not found"
    return lines


@dataclass
class Part:
    """One word of a command: its alternatives, and whether it sits inside ``[...]``."""

    choices: list[str]
    optional: bool


def variants(line: str) -> list[list[Part]]:
    """The commands of a line: ``a | b`` alternatives at the top, each as its parts.

    An alternative that starts with an option continues the first one's subcommand
    (``export households ... | --template ...``).
    """
    segments: list[list[str]] = [[]]
    for word in line.split():
        if word == "|":
            segments.append([])
        else:
            segments[-1].append(word)
    first = segments[0]
    program = first[:2] if first[0] == "python3" else first[:1]
    while first[len(program) : len(program) + 1] in (["--user"], ["--db"], ["--lang"]):
        program = first[: len(program) + 2]  # global options hold for every alternative
    subcommand = program + list(
        itertools.takewhile(lambda w: not w.startswith(("-", "[")), first[len(program) :])
    )
    commands = [first]
    for segment in segments[1:]:
        commands.append((subcommand if segment[0].startswith("-") else program) + segment)
    result = []
    for words in commands:
        parts: list[Part] = []
        inside = False
        for word in words:
            opens, closes = word.startswith("["), word.endswith("]")
            parts.append(Part(word.strip("[]").split("|"), inside or opens))
            inside = (inside or opens) and not closes
        assert not inside, f"unbalanced [ ] in: {line}"
        result.append(parts)
    return result


def runs_of(parts: list[Part]) -> list[list[str]]:
    """Enough runs that every alternative is used once: the first without the optional
    parts, the others with all of them."""
    outside = [len(p.choices) for p in parts if not p.optional]
    inside = [len(p.choices) for p in parts if p.optional]
    count = max([*outside, 1 + max(inside) if inside else 1])
    runs = []
    for j in range(count):
        words = []
        for part in parts:
            if not part.optional:
                words.append(part.choices[j % len(part.choices)])
            elif j > 0:
                words.append(part.choices[(j - 1) % len(part.choices)])
        runs.append(words)
    return runs


def is_placeholder(word: str) -> bool:
    """FILE.xlsx, CODE, N, EPSG:NNNN, 名称, ``...``: words a user replaces."""
    return bool(
        re.fullmatch(r"[A-Z]+(\.\w+)?", word)
        or re.search(r"[A-Z]{2}", word)
        or re.search(r"[\u4e00-\u9fff]", word)
        or word == "..."
    )


def placeholder_key(words: list[str], i: int) -> str:
    """The PLACEHOLDERS key of ``words[i]``: with the word before it when that is mapped."""
    paired = f"{words[i - 1]} {words[i]}"
    return paired if paired in PLACEHOLDERS else words[i]


# -- the demo county and the files the commands read ------------------------------------------


@dataclass
class World:
    """Real values from the demo county, and the input files written for the commands."""

    template: Path
    folder: Path
    env: dict[str, str]
    village_code: str = ""
    village_name: str = ""
    town_name: str = ""
    year: int = 0
    event_id: int = 0
    shelter_id: int = 0
    shelter_name: str = ""
    divisions_xlsx: Path = Path()
    households_xlsx: Path = Path()
    track_csv: Path = Path()
    typhoon_code: str = ""
    typhoon_at: str = ""  # the demo typhoon's latest observation, Beijing time as typed
    gis: dict[tuple[str, str], Path] = field(default_factory=dict)

    def gis_file(self, kind: str, crs: str) -> Path:
        """A file of ``kind`` with its coordinates in ``crs``, written on first use."""
        if (kind, crs) not in self.gis:
            self.gis[kind, crs] = write_gis_file(self, kind, crs)
        return self.gis[kind, crs]


def _option(words: list[str], name: str, default: str = "") -> str:
    return words[words.index(name) + 1] if name in words else default


def _output(words: list[str], suffix: str) -> str:
    """An output file name in the run's folder, made from the command's words."""
    stem = "-".join(re.sub(r"\W+", "_", w) for w in words[2:5] if not w.startswith("-"))
    return f"{stem}{suffix}"


# word (or "previous-word word") -> its value for the run's words
PLACEHOLDERS: dict[str, Callable[[World, list[str]], str]] = {
    "--scale N": lambda world, words: "1",
    "backup PATH": lambda world, words: "backup.sqlite",
    "restore FILE": lambda world, words: str(backup_file(world)),
    "add NAME": lambda world, words: f"readme-{_option(words, '--role')}",
    "deactivate NAME": lambda world, words: "duty",
    "divisions FILE.xlsx": lambda world, words: str(world.divisions_xlsx),
    "households FILE.xlsx": lambda world, words: str(world.households_xlsx),
    "units FILE.xlsx": lambda world, words: str(units_file(world)),
    "--village CODE": lambda world, words: world.village_code,
    "--year YYYY": lambda world, words: str(world.year),
    "FILE": lambda world, words: str(world.gis_file(words[3], _option(words, "--crs", "wgs84"))),
    "EPSG:NNNN": lambda world, words: "EPSG:4549",  # CGCS2000 3-degree Gauss-Krüger, 120°E
    "TRACK.csv": lambda world, words: str(world.track_csv),
    "--name 名称": lambda world, words: "烟花",
    "--at TIME": lambda world, words: world.typhoon_at,
    "-o FILE.xlsx": lambda world, words: _output(words, ".xlsx"),
    "-o FILE.pdf": lambda world, words: _output(words, ".pdf"),
    "--event ID": lambda world, words: str(world.event_id),
    "--shelter ID": lambda world, words: str(world.shelter_id),
    "...": lambda world, words: "dashboard",
    "start NAME": lambda world, words: "2607号台风防御",
    "--number N": lambda world, words: "2026-07",
    "--typhoon CODE": lambda world, words: world.typhoon_code,
    "--signer NAME": lambda world, words: "王县长",
    "--reason TEXT": lambda world, words: "风圈逼近，预计24小时内登陆",
    "--doc-number N": lambda world, words: "温防指〔2026〕12号",
    "--place TEXT": lambda world, words: f"{world.village_name}后山",
    "--description TEXT": lambda world, words: "山体滑坡，2户房屋受损，无人员伤亡",
    "--division CODE": lambda world, words: world.village_code,
    # The report the line drafts: the next after the demo scenario's reports.
    "REPORT_ID": lambda world, words: str(
        _query(world.template, "SELECT max(id) FROM event_reports")[0][0] + 1
    ),
    "--to UNIT": lambda world, words: "应急局",
    "--report N": lambda world, words: "0",
    "--item NAME": lambda world, words: "救生衣",
    "--quantity N": lambda world, words: "500",
}


def backup_file(world: World) -> Path:
    """A backup to restore: a copy of the demo county, as ``db backup`` writes one."""
    path = world.folder / "备份.sqlite"
    if not path.exists():
        shutil.copy(world.template, path)
    return path


def resolve(world: World, words: list[str]) -> list[str]:
    """The words with every placeholder replaced; a placeholder without a value fails.

    From the right, so a file's value can depend on the options after it (FILE on --crs).
    """
    resolved = list(words)
    for i in reversed(range(len(words))):
        if is_placeholder(words[i]):
            key = placeholder_key(words, i)
            assert key in PLACEHOLDERS, f"no value for {key!r} in: {' '.join(words)}"
            resolved[i] = PLACEHOLDERS[key](world, resolved)
    return resolved


def units_file(world: World) -> Path:
    """The member units' list as a county types it: a title row, the header, a note."""
    from tests.models.imports.test_units import GOOD, write_units

    path = world.folder / "成员单位.xlsx"
    if not path.exists():
        write_units(path, GOOD)
    return path


def _query(path: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def write_gis_file(world: World, kind: str, crs: str) -> Path:
    """A GeoJSON file of ``kind`` for the chosen village, in ``crs`` as a user's file is."""
    import pyproj
    import shapely
    from shapely.geometry import box, mapping

    from models.geo.crs import from_wgs84

    ((blob,),) = _query(
        world.template, "SELECT geom FROM divisions WHERE code = ?", world.village_code
    )
    village = shapely.from_wkb(blob)
    inner = village.buffer(-0.0005)
    centre = village.representative_point()
    x, y = centre.x, centre.y
    code, name = world.village_code, world.village_name
    features = {
        # The village's own outline with more vertices: its grids tile it, so an outline
        # drawn inside it would leave them outside, and the import refuses that.
        "boundaries": [({"XZQDM": code, "XZQMC": name}, shapely.segmentize(village, 0.0005))],
        "grids": [
            (
                {"网格编码": "README-G1", "网格名称": "说明网格", "村代码": code, "责任人": "张三"},
                box(x - 0.001, y - 0.001, x + 0.001, y + 0.001).intersection(inner),
            )
        ],
        "danger-zones": [
            ({"编码": "README-Z1", "名称": "说明危险点", "类别": "山洪", "村代码": code}, centre)
        ],
        "shelters": [
            (
                {"名称": "说明避灾点", "村代码": code, "级别": "村级", "容纳人数": 50},
                centre,
            )
        ],
    }[kind]
    if crs.upper().startswith("EPSG:"):
        transform = pyproj.Transformer.from_crs(4490, int(crs[5:]), always_xy=True).transform
    else:

        def transform(lon: float, lat: float) -> tuple[float, float]:
            return from_wgs84(lon, lat, crs)

    document = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": properties,
                "geometry": mapping(
                    shapely.transform(
                        geometry,
                        lambda xy: shapely.get_coordinates(
                            shapely.points([transform(float(lon), float(lat)) for lon, lat in xy])
                        ),
                    )
                ),
            }
            for properties, geometry in features
        ],
    }
    path = world.folder / f"{kind}-{crs.replace(':', '')}.geojson"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def write_inputs(world: World) -> None:
    """The values the placeholders take, and the divisions, households and track files."""
    import openpyxl

    db = world.template
    ((world.event_id,),) = _query(db, "SELECT id FROM events WHERE ended_at IS NULL")
    ((world.village_code, world.village_name, world.year, town_id),) = _query(
        db,
        "SELECT d.code, d.name, h.year, d.parent_id FROM households h"
        " JOIN divisions d ON d.id = h.village_id"
        " GROUP BY d.id, h.year ORDER BY count(*) DESC, d.code LIMIT 1",
    )
    ((world.town_name,),) = _query(db, "SELECT name FROM divisions WHERE id = ?", town_id)
    ((latest,),) = _query(
        db,
        "SELECT max(p.at) FROM typhoon_points p JOIN typhoons t ON t.id = p.typhoon_id"
        " WHERE t.code = '2606' AND NOT p.is_forecast",
    )
    world.typhoon_at = f"{datetime.fromisoformat(latest) + timedelta(hours=8):%Y-%m-%dT%H:%M}"
    world.typhoon_code = "2606"
    ((world.shelter_id, world.shelter_name),) = _query(
        db,
        "SELECT s.id, s.name FROM transfer_records r JOIN shelters s ON s.id = r.shelter_id"
        " WHERE r.event_id = ? GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1",
        world.event_id,
    )
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["统计用区划代码", "名称"])
    for code, name in _query(db, "SELECT code, name FROM divisions ORDER BY code"):
        sheet.append([code.ljust(12, "0"), name])
    world.divisions_xlsx = world.folder / "区划.xlsx"
    book.save(world.divisions_xlsx)
    world.track_csv = world.folder / "2609_说明.csv"
    world.track_csv.write_text(
        "时间,经度,纬度,中心气压,最大风速,七级风圈半径,十级风圈半径\n"
        "2026-09-01 08:00,124.10,26.40,950,45,300,120\n"
        "2026-09-01 14:00,123.20,27.10,950,45,300,120\n"
        "2026-09-01 20:00,122.30,27.80,955,42,280,100\n",
        encoding="utf-8",
    )
    # A household list as a village gets it back: exported in full, then imported again.
    world.households_xlsx = world.folder / "转移名单.xlsx"
    exported = run_command(  # the administrator's export: the local operator never unmasks
        [
            "python3",
            "main.py",
            "--user",
            "admin",
            "export",
            "households",
            "--village",
            world.village_code,
            "--unmasked",
            "-o",
            str(world.households_xlsx),
        ],
        world.folder,
        {**world.env, "ECC_DATABASE_URL": f"sqlite:///{db}"},
    )
    assert exported.returncode == 0, exported.stderr


@pytest.fixture(scope="module")
def world(scenario_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The database ``demo --scenario typhoon`` builds (once per test run), and the inputs."""
    folder = tmp_path_factory.mktemp("readme")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ECC_DATABASE_URL", "ECC_PASSWORD", "ECC_NEW_PASSWORD")
    }
    env |= {
        "ECC_PASSWORD": DEMO_ACCOUNTS["admin"],  # for the lines acting as --user admin
        "ECC_CONFIG_DIR": str(folder / "config"),
        "ECC_DATA_DIR": str(folder / "data"),
        "ECC_NO_BOOTSTRAP": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(folder),
    }
    built = World(template=scenario_template, folder=folder, env=env)
    write_inputs(built)
    yield built


# -- running and checking ---------------------------------------------------------------------


def run_command(
    words: list[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """``python3 main.py ...`` or ``bash .ci/run ...`` as typed, from ``cwd``."""
    if words[0] == "python3":
        assert words[1] == "main.py"
        argv = [sys.executable, str(ROOT / "main.py"), *words[2:]]
    else:
        assert words[:2] == ["bash", ".ci/run"], words
        argv = ["bash", str(ROOT / ".ci" / "run"), *words[2:]]
    return subprocess.run(
        argv,
        cwd=cwd,
        env=env,
        input=f"{PASSWORD}\n",
        capture_output=True,
        text=True,
        timeout=110,
    )


def without_global_options(words: list[str]) -> list[str]:
    """``python3 main.py --user admin export ...`` as ``python3 main.py export ...``."""
    rest = words[2:]
    while rest and rest[0] in ("--user", "--db", "--lang"):
        rest = rest[2:]
    return [*words[:2], *rest]


def check_output(world: World, words: list[str], path: Path) -> None:
    """The file the command wrote opens and holds what a user looks for first."""
    assert path.exists(), f"{' '.join(words)} wrote no {path.name}"
    words = without_global_options(words)
    if path.suffix == ".pdf":
        import pdfplumber

        expected = {
            "transfer-rollup": world.town_name,
            "shelter-arrivals": world.shelter_name,
            # --report 0 the initial report; else the latest: the follow-up the line drafted
            "event-report": "首报" if _option(words, "--report") == "0" else "续报",
        }.get(words[3], world.village_name)
        with pdfplumber.open(path) as pdf:
            text = "".join(page.extract_text() or "" for page in pdf.pages[:3])
        assert expected in text, f"{expected} not in the PDF of {' '.join(words)}"
    elif path.suffix == ".xlsx":
        import openpyxl

        expected = {"households": "户主姓名", "transfer-rollup": "乡镇", "reach": "图层"}
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        cells = [str(c) for row in sheet.iter_rows(max_row=8, values_only=True) for c in row]
        header = expected[words[3]]
        assert any(header in cell for cell in cells), f"no {header} in {cells}"
    elif path.suffix == ".html":
        html = path.read_text(encoding="utf-8")
        assert "leaflet" in html.lower()
        assert not re.search(r"""https?://|(?:src|href)\s*=\s*["']//""", html)
    elif path.suffix == ".png":
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert f"{width}x{height}" == _option(words, "--size", "1600x1000")
    elif path.suffix == ".sqlite":
        ((villages,),) = _query(path, "SELECT count(*) FROM divisions WHERE level = 'village'")
        assert villages > 0
    else:
        raise AssertionError(f"no check for {path.name}")


def output_of(words: list[str]) -> str | None:
    if "-o" in words:
        return _option(words, "-o")
    if words[2:4] == ["db", "backup"]:
        return words[4]
    return None


# -- the tests ------------------------------------------------------------------------------


def test_every_readme_line_is_run_or_excluded_and_every_placeholder_has_a_value() -> None:
    lines = readme_lines()
    assert set(EXCLUDED) <= set(lines), "an excluded line is no longer in the README"
    assert set(EXTRA_ARGS) <= set(lines)
    used: set[str] = set()
    for line in lines:
        if line in EXCLUDED:
            continue
        assert line.split()[:2] in (["python3", "main.py"], ["bash", ".ci/run"]), line
        for parts in variants(line):
            for words in runs_of(parts):
                for i, word in enumerate(words):
                    if is_placeholder(word):
                        key = placeholder_key(words, i)
                        assert key in PLACEHOLDERS, f"no value for {key!r} in: {line}"
                        used.add(key)
    assert used == set(PLACEHOLDERS), f"values no README line uses: {set(PLACEHOLDERS) - used}"


def test_the_expansion_covers_every_alternative() -> None:
    (parts,) = variants(
        "python3 main.py import boundaries|grids FILE [--crs wgs84|gcj02|bd09] [--dry-run]"
    )
    assert runs_of(parts) == [
        ["python3", "main.py", "import", "boundaries", "FILE"],
        ["python3", "main.py", "import", "grids", "FILE", "--crs", "wgs84", "--dry-run"],
        ["python3", "main.py", "import", "boundaries", "FILE", "--crs", "gcj02", "--dry-run"],
        ["python3", "main.py", "import", "grids", "FILE", "--crs", "bd09", "--dry-run"],
    ]
    households, template = variants(
        "python3 main.py export households --village CODE -o F.xlsx | --template -o F.xlsx"
    )
    assert [w for p in template for w in p.choices] == [
        "python3",
        "main.py",
        "export",
        "households",
        "--template",
        "-o",
        "F.xlsx",
    ]
    assert len(runs_of(households)) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "line", [line for line in readme_lines() if line not in EXCLUDED], ids=lambda line: line[:60]
)
def test_readme_command_as_typed(world: World, line: str, tmp_path: Path) -> None:
    database = tmp_path / "console.sqlite"
    if line.split()[2:3] != ["demo"]:  # demo builds in an empty database, as it must
        shutil.copy(world.template, database)
    env = {**world.env, "ECC_DATABASE_URL": f"sqlite:///{database}"}
    if line in EXTRA_ARGS:
        env.pop("ECC_DATABASE_URL")
    for parts in variants(line):
        for words in runs_of(parts):
            words = resolve(world, words) + list(EXTRA_ARGS.get(line, ()))
            result = run_command(words, tmp_path, env)
            typed = " ".join(words)
            assert result.returncode == 0, f"{typed}\n{result.stdout[-2000:]}{result.stderr}"
            assert "Traceback" not in result.stderr, typed
            output = output_of(words)
            if output is not None:
                check_output(world, words, tmp_path / output)
