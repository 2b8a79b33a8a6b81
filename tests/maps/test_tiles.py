"""The MBTiles reader: tiles in XYZ order from rows stored in TMS order."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from pathlib import Path

import pytest

from maps.tiles import MBTiles, MBTilesError, sniff_format


def png(colour: tuple[int, int, int], size: int = 4) -> bytes:
    """A tiny solid PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(colour) * size
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * size))
        + chunk(b"IEND", b"")
    )


def make_mbtiles(
    path: Path, tiles: dict[tuple[int, int, int], bytes], metadata: dict[str, str] | None = None
) -> Path:
    """An MBTiles file holding ``tiles`` keyed by XYZ (z, x, y); rows are stored in TMS order."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
        " tile_data BLOB)"
    )
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", list((metadata or {}).items()))
    conn.executemany(
        "INSERT INTO tiles VALUES (?, ?, ?, ?)",
        [(z, x, (1 << z) - 1 - y, data) for (z, x, y), data in tiles.items()],
    )
    conn.commit()
    conn.close()
    return path


def test_reads_a_tile_by_xyz_with_the_tms_row_flip(tmp_path: Path) -> None:
    red, blue = png((255, 0, 0)), png((0, 0, 255))
    path = make_mbtiles(
        tmp_path / "t.mbtiles",
        {(3, 6, 2): red, (3, 6, 5): blue},
        {
            "name": "县域底图",
            "format": "png",
            "minzoom": "3",
            "maxzoom": "3",
            "bounds": "120.5,27.9,122.0,29.0",
        },
    )
    with MBTiles(path) as tiles:
        assert tiles.tile(3, 6, 2) == red  # stored at TMS row 5
        assert tiles.tile(3, 6, 5) == blue
        assert tiles.tile(3, 6, 3) is None
        assert tiles.tile(3, 8, 2) is None  # outside the zoom level's range
        assert tiles.tile(-1, 0, 0) is None
        assert tiles.content_type(red) == "image/png"
        info = tiles.info()
    assert (info.name, info.format, info.min_zoom, info.max_zoom) == ("县域底图", "png", 3, 3)
    assert info.bounds == (120.5, 27.9, 122.0, 29.0)
    assert info.tile_count == 2


def test_format_and_zooms_found_from_the_tiles_when_metadata_is_silent(tmp_path: Path) -> None:
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 20
    path = make_mbtiles(
        tmp_path / "t.mbtiles", {(5, 1, 1): jpeg, (7, 2, 2): jpeg}, {"bounds": "nonsense"}
    )
    with MBTiles(path) as tiles:
        info = tiles.info()
        assert tiles.content_type(jpeg) == "image/jpeg"
    assert (info.format, info.min_zoom, info.max_zoom, info.bounds) == ("jpg", 5, 7, None)


@pytest.mark.parametrize("content", [b"", b"this is not a database at all" * 10])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.mbtiles"
    path.write_bytes(content)
    with pytest.raises(MBTilesError):
        MBTiles(path).info()


def test_a_database_without_tiles_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE households (id INTEGER)").connection.commit()
    with pytest.raises(MBTilesError):
        MBTiles(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MBTilesError):
        MBTiles(tmp_path / "nowhere.mbtiles")


def test_the_file_is_opened_read_only(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "t.mbtiles", {(0, 0, 0): png((1, 2, 3))})
    with MBTiles(path) as tiles, pytest.raises(sqlite3.OperationalError):
        tiles._conn.execute("DELETE FROM tiles")


def test_sniff_format() -> None:
    assert sniff_format(png((0, 0, 0))) == "png"
    assert sniff_format(b"\xff\xd8\xff") == "jpg"
    assert sniff_format(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert sniff_format(b"\x1f\x8b\x08") == "pbf"
    assert sniff_format(b"GIF89a") == ""
