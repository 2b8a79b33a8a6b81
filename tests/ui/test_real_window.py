"""The real window on an X server (Xvfb), as a desktop shows it: the xcb platform plugin
and every library it needs are installed by ``.ci/setup``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.database import Database
from models.users import create_user
from tests.cli_helpers import ROOT, run_main
from tests.conftest import ADMIN

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="X11 and Debian only"),
    pytest.mark.serial,  # an X server and a window waited for: run alone
]


def qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def setup_packages() -> set[str]:
    """The Debian packages ``.ci/setup`` installs."""
    text = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    listed = re.search(r"debs=\((.*?)\)", text, re.S)
    assert listed, "no debs=(...) list in .ci/setup"
    return set(listed.group(1).split())


@pytest.fixture
def x_display() -> Iterator[str]:
    """A fresh Xvfb server at 1366x768, stopped afterwards."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is missing: run bash .ci/setup as root"
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as chosen:
            number = chosen.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_setup_installs_every_library_the_xcb_platform_needs() -> None:
    """Each system library of Qt's xcb plugin comes from a package ``.ci/setup`` lists."""
    if not shutil.which("dpkg"):
        pytest.skip("not a Debian system")
    wheel = qt_dir()
    needed: dict[str, str] = {}
    for binary in (
        wheel / "plugins" / "platforms" / "libqxcb.so",
        wheel / "lib" / "libQt6XcbQpa.so.6",
    ):
        lines = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True)
        for line in lines.stdout.splitlines():
            name, _, where = line.strip().partition(" => ")
            if "not found" in where:
                needed[name] = ""
            elif (
                where.startswith("/")
                and not where.startswith(str(wheel))
                and re.match(r"lib(xcb|X11-xcb|xkbcommon)", name)
            ):
                needed[name] = where.split(" (")[0]
    missing = sorted(name for name, where in needed.items() if not where)
    assert not missing, f"not installed: {missing}"
    packages = setup_packages()
    for name, where in sorted(needed.items()):
        owner = subprocess.run(
            ["dpkg", "-S", os.path.realpath(where)], capture_output=True, text=True
        ).stdout.split(":")[0]
        assert owner in packages, f"{name} comes from {owner}, which .ci/setup does not install"
    assert {"libxcb-icccm4", "libxcb-keysyms1", "xvfb"} <= packages


@pytest.mark.timeout(180)
def test_the_real_window_opens_on_xvfb_logs_in_and_closes(
    x_display: str, sqlite_db: Database, tmp_path: Path
) -> None:
    """``main.py --user wang --smoke`` on an X server: the login dialog and the main window
    on the xcb platform (not offscreen), its first page shown, exit 0; a wrong password is
    refused (exit 1) with the login's message."""
    with sqlite_db.session(ADMIN) as session:
        create_user(session=session, name="admin", role="admin", password="admin-pass-1")
    with sqlite_db.session(ADMIN) as session:
        create_user(session=session, name="wang", role="duty", password="wang-pass-1")
    env = {
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "ECC_PASSWORD": "wang-pass-1",
        "ECC_CONFIG_DIR": str(tmp_path / "config"),
        "ECC_DATA_DIR": str(tmp_path / "data"),
    }
    result = run_main(
        "--db", sqlite_db.url, "--lang", "en", "--user", "wang", "--smoke", env=env, timeout=150
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The console window opened on the xcb platform; wang is logged in." in result.stdout
    assert "Traceback" not in result.stderr

    wrong = run_main(
        "--db",
        sqlite_db.url,
        "--lang",
        "en",
        "--user",
        "wang",
        "--smoke",
        env={**env, "ECC_PASSWORD": "not-his"},
        timeout=150,
    )
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert "Wrong user name or password" in wrong.stderr

    no_user = run_main("--db", sqlite_db.url, "--lang", "en", "--smoke", env=env)
    assert no_user.returncode == 2
    assert "--smoke needs --user NAME." in no_user.stderr


def test_a_missing_window_library_is_named_before_qt_aborts(
    monkeypatch: pytest.MonkeyPatch, sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """Qt aborts (exit 134) naming libxcb-cursor0 whatever library is missing; the console
    names the one missing and its Debian package, exit 2."""
    import ctypes

    from ui.app import debian_package
    from ui.cli import main

    def cannot_load(path: str) -> None:
        raise OSError(
            "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
        )

    monkeypatch.setattr(ctypes, "CDLL", cannot_load)
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    assert main(["--db", sqlite_db.url, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "the system library libxcb-icccm.so.4 is missing" in err
    assert "the package libxcb-icccm4" in err
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
