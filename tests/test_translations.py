"""The Chinese catalogue is complete and its compiled .qm is current.

To update after changing user-visible text:
    .venv/bin/pyside6-lupdate main.py $(find ui models maps -name '*.py' | sort) \
        -no-obsolete -ts resources/i18n/zh_CN.ts
    (translate the new entries, e.g. with pyside6-linguist)
    .venv/bin/pyside6-lrelease resources/i18n/zh_CN.ts
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "zh_CN.ts"
QM = ROOT / "resources" / "i18n" / "zh_CN.qm"
BIN = Path(sys.executable).parent


def source_files() -> list[str]:
    files = ["main.py"]
    for package in ("ui", "models", "maps"):
        files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / package).rglob("*.py"))
    return files


def test_every_message_is_translated(tmp_path: Path) -> None:
    work = tmp_path / "zh_CN.ts"
    shutil.copy(TS, work)
    subprocess.run(
        [BIN / "pyside6-lupdate", *source_files(), "-no-obsolete", "-ts", str(work)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    untranslated = [
        f"{ctx.findtext('name')}: {msg.findtext('source')}"
        for ctx in ET.parse(work).getroot().iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation").get("type") == "unfinished"
        or not (msg.findtext("translation") or "")
    ]
    assert untranslated == []


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    out = tmp_path / "zh_CN.qm"
    subprocess.run(
        [BIN / "pyside6-lrelease", str(TS), "-qm", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == QM.read_bytes()


def test_placeholders_survive_translation() -> None:
    for ctx in ET.parse(TS).getroot().iter("context"):
        for msg in ctx.iter("message"):
            source, translation = msg.findtext("source"), msg.findtext("translation") or ""
            for n in range(1, 10):
                assert (f"%{n}" in source) == (f"%{n}" in translation), source
            for token in ("%s", "%(value)r", "%(choices)s", "%(message)s", "%(prog)s"):
                assert (token in source) == (token in translation), source
