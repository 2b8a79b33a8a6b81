"""Search keys: Chinese text found by pinyin, initials and phone digits, quickly."""

from __future__ import annotations

import random
import time

import pytest

from models.search import matches, pinyin_sort_key, query_terms, search_key


@pytest.mark.parametrize(
    "query", ["zs", "ZS", "zhangsan", "张", "张三", "5678", "wg", "东辉", "dh"]
)
def test_finds_zhang_san(query: str) -> None:
    key = search_key("东辉第一网格", "张三", "13912345678")
    assert matches(key, query)


@pytest.mark.parametrize("query", ["ls", "lisi", "9999", "李"])
def test_does_not_find_others(query: str) -> None:
    assert not matches(search_key("东辉第一网格", "张三", "13912345678"), query)


def test_every_word_must_match() -> None:
    key = search_key("三星网格", "李四", "0576-86123456")
    assert matches(key, "sx 李")
    assert matches(key, "  ")  # an empty query matches everything
    assert not matches(key, "sx 张")
    assert matches(key, query_terms("SX lisi"))


def test_landline_found_without_its_dash() -> None:
    key = search_key("0576-86123456")
    assert matches(key, "057686123")
    assert matches(key, "0576-8612")


def test_words_do_not_match_across_fields() -> None:
    key = search_key("张", "三")
    assert matches(key, "z") and matches(key, "s")
    assert not matches(key, "zs")
    assert not matches(key, "张三")


def test_masked_phone_gives_no_digits_to_probe() -> None:
    key = search_key("139****5678")
    assert matches(key, "5678")
    assert not matches(key, "1395678")


def test_none_and_empty_texts_are_ignored() -> None:
    assert search_key(None, "", "  ") == ""
    assert search_key("ABC", None) == "abc"


def test_pinyin_sort_key_orders_by_pinyin() -> None:
    names = ["张三", "李四", "王五", "阿明", None]
    assert sorted(names, key=pinyin_sort_key) == [None, "阿明", "李四", "王五", "张三"]


@pytest.mark.serial  # measures time: run alone
def test_keys_for_30000_rows_are_fast() -> None:
    rng = random.Random(7)
    surnames = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志海燕红梅文斌庆德胜玉春花金凤"
    places = "上下前后东西南北山水塘桥湾岙头坑岭园林田溪"
    villages = ["".join(rng.sample(places, 3)) + "村" for _ in range(641)]
    rows = []
    for i in range(30_000):
        village = rng.choice(villages)
        rows.append(
            (
                f"331081{i:06d}-{i % 50:02d}",
                f"{village}第{i % 9 + 1}网格",
                village,
                "石塘镇",
                rng.choice(surnames) + "".join(rng.sample(given, rng.randint(1, 2))),
                "网格员",
                "13" + "".join(rng.choice("0123456789") for _ in range(9)),
            )
        )
    search_key("预热")  # pypinyin's import is paid once per process, not per load
    started = time.perf_counter()
    keys = [search_key(*row) for row in rows]
    elapsed = time.perf_counter() - started
    assert len(keys) == 30_000
    assert elapsed < 1.5, f"{elapsed:.2f} s for 30,000 keys"


def test_shipped_pinyin_table_matches_the_installed_pypinyin() -> None:
    from models.search import READINGS_FILE, readings_text

    assert READINGS_FILE.read_text(encoding="ascii") == readings_text()
