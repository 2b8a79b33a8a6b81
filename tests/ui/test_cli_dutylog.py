"""``dutylog ...`` as typed: calls logged, a correction, a follow-up closed, a handover with
both officers' passwords, the handover sheet printed and the log exported; refusals exit
1 in Chinese, wrong use exit 2."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from openpyxl import load_workbook

from tests.cli_helpers import run_main


def test_a_shift_of_duty_log_on_the_command_line(tmp_path: Path) -> None:
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    for name, role, password in (
        ("boss", "admin", "Boss-Password-2026"),
        ("wang", "duty", "Wang-Password-2026"),
        ("li", "duty", "Li-Password-2026"),
    ):
        extra = ["--user", "boss"] if name != "boss" else []
        made = run_main(
            "--db",
            url,
            *extra,
            "user",
            "add",
            name,
            "--role",
            role,
            env={**env, "ECC_NEW_PASSWORD": password, "ECC_PASSWORD": "Boss-Password-2026"},
        )
        assert made.returncode == 0, made.stdout + made.stderr
    env["ECC_PASSWORD"] = "Wang-Password-2026"
    base = ("--lang", "zh_CN", "--db", url, "--user", "wang")

    def main(*args: str, **more: str) -> tuple[int, str]:
        done = run_main(*base, *args, env={**env, **more})
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    code, said = main(
        "dutylog", "add", "--kind", "call_in", "--content", "石塘镇报告海塘渗水",
        "--unit", "石塘镇防指", "--caller", "陈海", "--phone", "13905761234",
        "--instruction", "立即巡查", "--due", "2099-01-01T08:00",
    )  # fmt: skip
    assert code == 0 and "1" in said, said
    code, said = main(
        "dutylog", "correct", "1", "--content", "石塘镇报告海塘管涌", "--reason", "听错"
    )
    assert code == 0 and "2" in said, said
    code, said = main("dutylog", "list")
    assert code == 0
    assert "石塘镇报告海塘管涌" in said and "石塘镇报告海塘渗水" in said and "更正" in said
    assert "13905761234" in said  # a duty officer sees the number
    code, said = main("dutylog", "list", "--open")
    assert code == 0 and [line[:3] for line in said.strip().splitlines()] == ["#2 "]
    code, said = main("dutylog", "close", "1", "--content", "险情已排除")
    assert code == 0, said
    code, said = main("dutylog", "close", "1", "--content", "again")
    assert code == 1 and "已由日志" in said
    code, said = main("dutylog", "add", "--kind", "call_in", "--content", " ")
    assert code == 1 and "请填写" in said
    code, said = main("dutylog", "add", "--kind", "gossip", "--content", "x")
    assert code == 2
    code, said = main("dutylog", "add", "--kind", "action", "--content", "x", "--at", "yesterday")
    assert code == 2
    code, said = main("dutylog", "correct", "999", "--content", "x")
    assert code == 1 and "999" in said

    code, said = main(
        "dutylog", "handover", "--from", "wang", "--to", "li",
        ECC_FROM_PASSWORD="Wang-Password-2026", ECC_TO_PASSWORD="wrong",
    )  # fmt: skip
    assert code == 1 and "接班人" in said
    code, said = main(
        "dutylog", "handover", "--from", "wang", "--to", "li", "--open-items", "海塘继续巡查",
        ECC_FROM_PASSWORD="Wang-Password-2026", ECC_TO_PASSWORD="Li-Password-2026",
    )  # fmt: skip
    assert code == 0 and "li" in said, said

    sheet = tmp_path / "handover.pdf"
    code, said = main("print", "handover", "-o", str(sheet))
    assert code == 0, said
    with pdfplumber.open(sheet) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "海塘继续巡查" in text and "石塘镇报告海塘管涌" in text
    assert "13905761234" not in text

    book = tmp_path / "log.xlsx"
    code, said = main("export", "dutylog", "-o", str(book))
    assert code == 0, said
    cells = [c for row in load_workbook(book).active.iter_rows(values_only=True) for c in row]
    assert "石塘镇报告海塘渗水" in cells and "139****1234" in cells
    assert "13905761234" not in cells
    code, said = main("export", "dutylog", "--unmasked", "-o", str(book))
    assert code == 0, said
    cells = [c for row in load_workbook(book).active.iter_rows(values_only=True) for c in row]
    assert "13905761234" in cells
