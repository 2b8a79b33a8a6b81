"""Synthetic names and mobiles for everyone the demo lists (grid heads, shelter
managers, working groups, householders); the geography and transfer steps share them."""

from __future__ import annotations

import itertools
import random

_SURNAMES = (
    ("陈", 12),
    ("林", 9),
    ("王", 7),
    ("李", 5),
    ("张", 5),
    ("金", 4),
    ("郭", 3),
    ("徐", 3),
    ("黄", 3),
    ("周", 3),
    ("吴", 3),
    ("郑", 3),
    ("叶", 3),
    ("潘", 2),
    ("江", 2),
    ("蒋", 2),
    ("赵", 2),
    ("杨", 2),
    ("刘", 2),
    ("许", 2),
    ("应", 2),
    ("朱", 2),
    ("毛", 1),
    ("何", 1),
    ("梁", 1),
    ("孙", 1),
    ("罗", 1),
    ("阮", 1),
    ("颜", 1),
    ("戴", 1),
    ("范", 1),
    ("卢", 1),
    ("彭", 1),
    ("谢", 1),
    ("施", 1),
    ("胡", 1),
    ("钟", 1),
    ("莫", 1),
    ("蔡", 1),
    ("程", 1),
)
_GIVEN = (
    "建国海军伟敏丽华明芳强勇杰娟红平辉斌涛燕霞静磊洋超波峰云飞玲萍英梅琴兰文志春秋晓东亮鹏宇"
    "晨浩思佳欣婷雪慧瑞凯俊彬坚荣良德福根忠宏刚健兵永新锋丹莉艳君友利明仁松富贵道"
)
_MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "147",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "173",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "191",
    "198",
    "199",
)


class _People:
    """Synthetic names and mobiles."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._surnames = [s for s, _ in _SURNAMES]
        self._cum = list(itertools.accumulate(w for _, w in _SURNAMES))

    def name(self) -> str:
        rng = self._rng
        surname = rng.choices(self._surnames, cum_weights=self._cum)[0]
        given = rng.choice(_GIVEN)
        if rng.random() < 0.7:
            given += rng.choice(_GIVEN)
        return surname + given

    def mobile(self) -> str:
        return f"{self._rng.choice(_MOBILE_PREFIXES)}{self._rng.randrange(10**8):08d}"
