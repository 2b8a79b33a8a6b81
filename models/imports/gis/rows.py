"""Each feature's attributes read and checked into the row its kind writes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.fields import SHELTER_CAPACITY, implausible, normalize_phone
from models.imports.divisions import normalise_code
from models.imports.gis.base import _ImportBase, _Item, division_code
from models.imports.gis.columns import _DANGER_OF_WORD, _LEVEL_OF_WORD, _NO, _YES
from models.imports.gis.features import _Feature
from models.imports.spreadsheet import clean_text, header_key, number_text, parse_count
from models.labels import DANGER_KINDS, SHELTER_LEVELS, code_for
from models.messages import fill


class _Rows(_ImportBase):
    """Attributes per kind: codes, names, villages, phones, levels, capacities."""

    def text(self, item: _Item, key: str, limit: int, *, required: str | None = None) -> str | None:
        feature = item.feature
        value = clean_text(feature.values.get(key))
        if not value:
            if required is not None:
                self.refuse(feature, key, "", required)
                item.ok = False
            return None
        if len(value) > limit:
            self.refuse(
                feature,
                key,
                value,
                fill(
                    QCoreApplication.translate("Import", "Too long: at most %1 characters."), limit
                ),
            )
            item.ok = False
        return value

    def phone(self, item: _Item, key: str) -> str | None:
        value = clean_text(item.feature.values.get(key))
        if not value:
            return None
        phone = normalize_phone(number_text(value))
        if phone is None:
            self.refuse(
                item.feature,
                key,
                value,
                QCoreApplication.translate(
                    "Import",
                    "Not a mobile number (11 digits starting with 13 to 19) or a landline number (such as 0576-86123456).",
                ),
            )
            item.ok = False
        return phone

    def village(self, item: _Item) -> int | None:
        feature = item.feature
        raw = number_text(feature.values.get("village_code"))
        if not raw:
            self.refuse(
                feature,
                "village_code",
                "",
                QCoreApplication.translate("Import", "The village code is empty."),
            )
            item.ok = False
            return None
        code, reason = normalise_code(raw)
        known = self.divisions.get(code or "")
        if known is not None and known[2] == "village":
            return known[0]
        if known is not None:
            reason = fill(
                QCoreApplication.translate(
                    "Import", "%1 is the code of %2, not of a village or community."
                ),
                code,
                known[1],
            )
        elif reason is None:
            reason = fill(
                QCoreApplication.translate(
                    "Import",
                    "Unknown village code %1: no village or community in the database has it.",
                ),
                code,
            )
        self.refuse(feature, "village_code", raw, reason)
        item.ok = False
        return None

    def _parse(self, feature: _Feature) -> _Item | None:
        item = _Item(feature=feature, key=None, values={})
        if feature.number in self.refused:
            item.ok = False
        item.geometry = self.converted.get(feature.number)
        getattr(self, "_parse_" + self.kind.replace("-", "_"))(item)
        if item.key is None:
            return None
        if item.geometry is None:
            item.ok = False
        return item

    def _code(self, item: _Item, limit: int) -> None:
        feature = item.feature
        code = number_text(feature.values.get("code"))
        if not code:
            self.refuse(
                feature, "code", "", QCoreApplication.translate("Import", "The code is empty.")
            )
            item.ok = False
        elif len(code) > limit:
            self.refuse(
                feature,
                "code",
                code,
                fill(
                    QCoreApplication.translate("Import", "Too long: at most %1 characters."), limit
                ),
            )
            item.ok = False
        else:
            item.key = code

    def _parse_boundaries(self, item: _Item) -> None:
        feature = item.feature
        raw = number_text(feature.values.get("code"))
        code, reason = division_code(raw)
        if code is not None and code not in self.divisions:
            reason = fill(
                QCoreApplication.translate(
                    "Import",
                    "No division has the code %1: import the division list first (import divisions).",
                ),
                code,
            )
        if reason is not None:
            self.refuse(feature, "code", raw, reason)
            item.ok = False
        item.key = code or raw or None

    def _parse_grids(self, item: _Item) -> None:
        self._code(item, 24)
        item.values = {
            "name": self.text(
                item,
                "name",
                60,
                required=QCoreApplication.translate("Import", "The name is empty."),
            ),
            "village_id": self.village(item),
            "person_name": self.text(item, "person", 30),
            "person_post": self.text(item, "post", 30),
            "person_phone": self.phone(item, "phone"),
        }

    def _parse_danger_zones(self, item: _Item) -> None:
        self._code(item, 24)
        feature = item.feature
        kind_text = clean_text(feature.values.get("kind"))
        kind = _DANGER_OF_WORD.get(header_key(kind_text)) or (
            code_for(DANGER_KINDS, kind_text) if kind_text else None
        )
        if kind is None:
            self.refuse(
                feature,
                "kind",
                kind_text,
                QCoreApplication.translate(
                    "Import",
                    "Unknown type of danger zone: write one of 山洪, 地质灾害, 低洼易涝, 危旧房, 海塘, 工棚, 渔排, 景区.",
                )
                if kind_text
                else QCoreApplication.translate("Import", "The type is empty."),
            )
            item.ok = False
        village_id = self.village(item)
        item.values = {
            "name": self.text(
                item,
                "name",
                80,
                required=QCoreApplication.translate("Import", "The name is empty."),
            ),
            "kind": kind,
            "village_id": village_id,
            "location": self.text(item, "location", 120),
            "note": self.text(item, "note", 200),
            "grid_code": number_text(feature.values.get("grid_code")) or None,
        }

    def _parse_shelters(self, item: _Item) -> None:
        feature = item.feature
        name = self.text(
            item, "name", 80, required=QCoreApplication.translate("Import", "The name is empty.")
        )
        village_id = self.village(item)
        level_text = clean_text(feature.values.get("level"))
        level = None
        if level_text:
            level = _LEVEL_OF_WORD.get(header_key(level_text)) or code_for(
                SHELTER_LEVELS, level_text
            )
            if level is None:
                self.refuse(
                    feature,
                    "level",
                    level_text,
                    QCoreApplication.translate(
                        "Import", "Unknown shelter level: write 县级, 镇级 or 村级."
                    ),
                )
                item.ok = False
        capacity: int | None = None
        try:
            capacity = parse_count(feature.values.get("capacity"))
        except ValueError:
            self.refuse(
                feature,
                "capacity",
                clean_text(feature.values.get("capacity")),
                QCoreApplication.translate(
                    "Import", "The capacity must be a whole number of persons."
                ),
            )
            item.ok = False
        if capacity is not None and capacity not in SHELTER_CAPACITY:
            self.refuse(
                feature,
                "capacity",
                clean_text(feature.values.get("capacity")),
                implausible(SHELTER_CAPACITY),
            )
            capacity = None
            item.ok = False
        certified_text = clean_text(feature.values.get("certified")).lower()
        certified: bool | None = None
        if certified_text in _YES:
            certified = True
        elif certified_text in _NO:
            certified = False
        elif certified_text:
            self.refuse(
                feature,
                "certified",
                certified_text,
                QCoreApplication.translate("Import", "Write 是 or 否."),
            )
            item.ok = False
        item.values = {
            "name": name,
            "village_id": village_id,
            "level": level,
            "capacity": capacity,
            "safety_certified": certified,
            "manager_name": self.text(item, "manager", 30),
            "manager_phone": self.phone(item, "manager_phone"),
            "address": self.text(item, "address", 120),
        }
        if name and village_id is not None:
            item.key = (village_id, name)
