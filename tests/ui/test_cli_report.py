"""``report ...`` as typed: the initial report drafted, edited from a text file, signed
and numbered, sent to member units, listed; the refusals (exit 1, in Chinese) and wrong
use (exit 2); the reports due and the settings."""

from __future__ import annotations

from pathlib import Path

from tests.cli_helpers import run_main


def test_a_report_from_draft_to_sent_and_its_refusals(tmp_path: Path) -> None:
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    first = run_main(
        "--db", url, "user", "add", "boss", env={**env, "ECC_NEW_PASSWORD": "Boss-Password-2026"}
    )
    assert first.returncode == 0, first.stdout + first.stderr
    env["ECC_PASSWORD"] = "Boss-Password-2026"
    base = ("--lang", "zh_CN", "--db", url, "--user", "boss")

    def typed(*args: str) -> tuple[int, str]:
        done = run_main(*base, *args, env=env)
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout + done.stderr

    units = tmp_path / "units.csv"
    units.write_text(
        "单位名称,简称,值班电话\n县应急管理局,应急局,0576-86100110\n", encoding="utf-8"
    )
    assert typed("import", "units", str(units))[0] == 0
    assert typed("event", "start", "2606号台风防御", "--grade", "major")[0] == 0
    assert (
        typed("report", "issuer", "--name", "某某县防汛防台抗旱指挥部", "--abbreviation", "某防指")[
            0
        ]
        == 0
    )
    code, said = typed("report", "due")
    assert code == 0 and "首报" in said and "电话" in said
    code, said = typed("report", "draft", "followup")
    assert code == 1 and "首报" in said
    code, said = typed("report", "draft", "initial")
    assert code == 0 and "首报" in said, said
    report_id = said.split("ID ")[1].split("）")[0].split(")")[0]
    text = tmp_path / "首报.txt"
    text.write_text("今日8时，台风进入我县。\n全县已转移1200人。\n", encoding="utf-8")
    assert typed("report", "edit", report_id, "--text-file", str(text))[0] == 0
    code, said = typed("report", "send", report_id, "--to", "应急局")
    assert code == 1 and "签发" in said  # not signed
    code, said = typed("report", "sign", report_id, "--signer", "王县长")
    assert code == 0 and "某防指〔" in said and "〕1号" in said
    code, said = typed("report", "edit", report_id, "--text-file", str(text))
    assert code == 1 and "已签发" in said
    code, said = typed("report", "send", report_id, "--to", "不存在的单位")
    assert code == 1 and "不存在的单位" in said
    code, said = typed("report", "send", report_id, "--to", "应急局")
    assert code == 0 and "县应急管理局" in said
    code, said = typed("report", "list")
    assert code == 0 and "首报" in said and "王县长" in said and "县应急管理局" in said
    code, said = typed("report", "sign", "x", "--signer", "王县长")
    assert code == 2
    code, said = typed("report", "sign", report_id)
    assert code == 2  # no --signer
    code, said = typed("report", "edit", report_id, "--text-file", str(tmp_path / "none.txt"))
    assert code == 1
    code, said = typed("report", "deadline", "initial", "major", "--written", "30", "--phone", "10")
    assert code == 0
    code, said = typed("report", "deadline")
    assert code == 0 and "initial major" in said and "10" in said
    out = tmp_path / "首报.pdf"
    code, said = typed("print", "event-report", "--event", "1", "--report", "0", "-o", str(out))
    assert code == 0 and out.stat().st_size > 1000


def test_the_local_operator_does_not_sign_reports(tmp_path: Path) -> None:
    env = {"ECC_CONFIG_DIR": str(tmp_path / "c"), "ECC_DATA_DIR": str(tmp_path / "d")}
    url = f"sqlite:///{tmp_path / 'console.sqlite'}"
    done = run_main(
        "--lang", "zh_CN", "--db", url, "report", "sign", "1", "--signer", "王", env=env
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "无权" in done.stderr and "Traceback" not in done.stderr
