"""The demo's supplies: five county warehouses, agreement storage at two suppliers, a
warehouse per town with a forward point on the coast, a store per village; a catalogue of
60 typical flood items; a year of movements (opening receipts, replenishment, drills and
small events, transfers to the towns before the flood season, village kits issued), some
batches near or past expiry and some villages missing kit items. On the typhoon scenario:
issues during the event, two on a leader's word with the paperwork pending, returnable
boats out on loan and one transfer to the forward point in transit.

The year is computed in Python and written in a few bulk flushes, balances with it, so
the ledger check holds; the scenario's few movements go through the ledger's functions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models.areas import Division
from models.demo.common import DemoBuild, DemoStep, _rng
from models.supplies.ledger import SLIP_KINDS, local_today
from models.supplies.tables import (
    Balance,
    Batch,
    KitItem,
    MinimumStock,
    Movement,
    MovementLine,
    SupplyItem,
    Transfer,
    TransferLine,
    Warehouse,
)

# code, name, category, specification, unit, rating, rating unit, shelf life (days),
# returnable, quantity at the main county warehouse
ITEMS: tuple[tuple[str, str, str, str, str, int | None, str | None, int | None, bool, int], ...] = (
    ("WZ001", "冲锋舟", "lifesaving", "玻璃钢 7.0m", "艘", None, None, None, True, 12),
    ("WZ002", "橡皮艇", "lifesaving", "6人", "艘", None, None, None, True, 20),
    ("WZ003", "船外机", "lifesaving", "40马力", "台", 40, "马力", None, True, 12),
    ("WZ004", "救生衣", "lifesaving", "成人 船用", "件", None, None, 1825, False, 1500),
    ("WZ005", "救生圈", "lifesaving", "2.5kg", "只", None, None, 1825, False, 600),
    ("WZ006", "抛投器", "lifesaving", "气动 救生", "套", None, None, None, True, 10),
    ("WZ007", "救生绳", "lifesaving", "φ12mm 50m", "根", None, None, 1825, False, 200),
    ("WZ008", "水域救援头盔", "lifesaving", "", "顶", None, None, None, False, 80),
    ("WZ009", "防水服", "lifesaving", "连体", "套", None, None, None, False, 120),
    ("WZ010", "潜水装具", "lifesaving", "全套", "套", None, None, None, True, 6),
    ("WZ011", "编织袋", "flood_materials", "50×80cm", "条", None, None, None, False, 60000),
    ("WZ012", "麻袋", "flood_materials", "60×100cm", "条", None, None, None, False, 10000),
    ("WZ013", "吨袋", "flood_materials", "1t", "条", None, None, None, False, 500),
    ("WZ014", "土工布", "flood_materials", "200g/m²", "m²", None, None, None, False, 20000),
    ("WZ015", "防渗膜", "flood_materials", "0.5mm", "m²", None, None, None, False, 8000),
    ("WZ016", "钢丝网兜", "flood_materials", "1m×1m", "只", None, None, None, False, 800),
    ("WZ017", "铅丝", "flood_materials", "8#", "kg", None, None, None, False, 3000),
    ("WZ018", "木桩", "flood_materials", "φ10cm 2m", "m³", None, None, None, False, 40),
    ("WZ019", "块石", "flood_materials", "", "m³", None, None, None, False, 600),
    ("WZ020", "砂石料", "flood_materials", "", "m³", None, None, None, False, 400),
    ("WZ021", "铁锹", "flood_materials", "", "把", None, None, None, False, 600),
    ("WZ022", "挡水板", "flood_materials", "铝合金 1.2m", "块", None, None, None, False, 300),
    ("WZ023", "子堤挡板", "flood_materials", "组合式", "套", None, None, None, True, 40),
    ("WZ024", "打桩机", "flood_materials", "手持式", "台", None, None, None, True, 8),
    ("WZ025", "移动泵车", "drainage", "3000m³/h", "台", 3000, "m³/h", None, True, 2),
    ("WZ026", "排涝泵", "drainage", "500m³/h", "台", 500, "m³/h", None, True, 16),
    ("WZ027", "潜水泵", "drainage", "50m³/h", "台", 50, "m³/h", None, True, 80),
    ("WZ028", "龙吸水", "drainage", "1000m³/h", "台", 1000, "m³/h", None, True, 4),
    ("WZ029", "水带", "drainage", "DN100 20m", "根", None, None, None, False, 300),
    ("WZ030", "发电机组", "power_lighting", "柴油 100kW", "台", 100, "kW", None, True, 6),
    ("WZ031", "汽油发电机", "power_lighting", "5kW", "台", 5, "kW", None, True, 40),
    ("WZ032", "移动照明灯塔", "power_lighting", "4×500W", "台", None, None, None, True, 10),
    ("WZ033", "应急照明灯", "power_lighting", "充电式", "盏", None, None, None, False, 300),
    ("WZ034", "强光手电", "power_lighting", "LED", "把", None, None, None, False, 800),
    ("WZ035", "头灯", "power_lighting", "防水", "个", None, None, None, False, 400),
    ("WZ036", "电缆盘", "power_lighting", "50m", "个", None, None, None, False, 60),
    ("WZ037", "柴油", "power_lighting", "0#", "L", None, None, 365, False, 2000),
    ("WZ038", "帐篷", "shelter_living", "12m² 单帐", "顶", None, None, None, False, 200),
    ("WZ039", "折叠床", "shelter_living", "单人", "张", None, None, None, False, 1000),
    ("WZ040", "棉被", "shelter_living", "2kg", "床", None, None, None, False, 1500),
    ("WZ041", "毛毯", "shelter_living", "", "床", None, None, None, False, 1200),
    ("WZ042", "睡袋", "shelter_living", "", "个", None, None, None, False, 400),
    ("WZ043", "雨衣", "shelter_living", "分体", "套", None, None, None, False, 1200),
    ("WZ044", "雨靴", "shelter_living", "高筒", "双", None, None, None, False, 1000),
    ("WZ045", "方便面", "shelter_living", "整箱24包", "箱", None, None, 180, False, 600),
    ("WZ046", "饮用水", "shelter_living", "550ml×24", "箱", None, None, 365, False, 1200),
    ("WZ047", "压缩饼干", "shelter_living", "整箱", "箱", None, None, 730, False, 300),
    ("WZ048", "应急食品", "shelter_living", "自热米饭 整箱", "箱", None, None, 270, False, 200),
    ("WZ049", "毛巾", "shelter_living", "", "条", None, None, None, False, 2000),
    ("WZ050", "洗漱包", "shelter_living", "", "套", None, None, None, False, 1000),
    ("WZ051", "医药箱", "shelter_living", "家庭急救", "个", None, None, 730, False, 150),
    ("WZ052", "消毒液", "shelter_living", "84 5L", "桶", None, None, 365, False, 200),
    ("WZ053", "对讲机", "communications", "350MHz", "部", None, None, None, True, 60),
    ("WZ054", "卫星电话", "communications", "天通", "部", None, None, None, True, 8),
    ("WZ055", "手摇报警器", "communications", "", "台", None, None, None, False, 200),
    ("WZ056", "扩音喇叭", "communications", "手持", "个", None, None, None, False, 300),
    ("WZ057", "铜锣", "communications", "", "面", None, None, None, False, 400),
    ("WZ058", "移动通信基站", "communications", "便携", "套", None, None, None, True, 2),
    ("WZ059", "无人机", "communications", "四旋翼", "架", None, None, None, True, 4),
    ("WZ060", "警戒带", "other", "100m", "卷", None, None, None, False, 500),
)
# The village kit (三大件四小件 as this county lists it): item code, quantity per village.
VILLAGE_KIT: tuple[tuple[str, int], ...] = (
    ("WZ004", 10),
    ("WZ005", 5),
    ("WZ055", 1),
    ("WZ034", 5),
    ("WZ043", 10),
    ("WZ044", 10),
    ("WZ011", 500),
)
# code, name, kind (county or agreement storage), supplier, share of the main stock
COUNTY_WAREHOUSES: tuple[tuple[str, str, str, str | None, float], ...] = (
    ("CK01", "县防汛物资仓库", "county", None, 1.0),
    ("CK02", "县应急物资储备库", "county", None, 0.6),
    ("CK03", "县救灾物资储备库", "county", None, 0.5),
    ("CK04", "县城东防汛仓库", "county", None, 0.3),
    ("CK05", "县沿海防汛仓库", "county", None, 0.3),
    ("XY01", "县五金交电公司（协议代储）", "agreement", "县五金交电公司", 0.4),
    ("XY02", "县粮油公司（协议代储）", "agreement", "县粮油公司", 0.4),
)
_MANAGERS = ("王建平", "陈立群", "林志明", "郑晓峰", "吴海燕", "李国华", "张卫东", "徐丽娟")
_ISSUE_TO = ("消防救援大队", "县水利局", "应急救援队", "城关镇", "县交通运输局", "县供电公司")
LEADER = "李明华（副县长）"


Line = tuple[int, Decimal, Decimal]  # batch, quantity on the slip, change of the balance


@dataclass(eq=False)
class _Move:
    """A movement of the year before it is written."""

    kind: str
    warehouse: int
    at: datetime
    lines: list[Line]
    reason: str | None = None
    recipient: str | None = None
    transfer: Transfer | None = None
    issue: _Move | None = None  # the issue a return settles
    row: Movement | None = None


@dataclass
class _Ledger:
    """The year's movements in Python, and the balances they leave."""

    moves: list[_Move] = field(default_factory=list)
    balances: dict[tuple[int, int], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    expiry: dict[int, date | None] = field(default_factory=dict)
    batch_item: dict[int, int] = field(default_factory=dict)
    arrived: dict[tuple[int, int], datetime] = field(default_factory=dict)
    held: dict[tuple[int, int], set[int]] = field(default_factory=lambda: defaultdict(set))

    def move(
        self, kind: str, warehouse: int, at: datetime, lines: list[Line], **values: Any
    ) -> _Move:
        for batch, _quantity, change in lines:
            self.balances[(warehouse, batch)] += change
            assert self.balances[(warehouse, batch)] >= 0
            if change > 0:
                self.arrived.setdefault((warehouse, batch), at)
                self.held[(warehouse, self.batch_item[batch])].add(batch)
        move = _Move(kind, warehouse, at, lines, **values)
        self.moves.append(move)
        return move

    def take(self, warehouse: int, item: int, quantity: Decimal, when: datetime) -> list[Line]:
        """First-expiring batches of an item for an issue at ``when``, of those there by
        then and not expired, as much as there is."""
        day = local_today(when)
        held = sorted(
            (self.expiry[b] or date.max, b)
            for b in self.held[(warehouse, item)]
            if self.balances[(warehouse, b)] > 0
            and self.arrived[(warehouse, b)] < when
            and not (self.expiry[b] or date.max) < day
        )
        lines: list[Line] = []
        for _expiry, batch in held:
            if quantity <= 0:
                break
            taken = min(quantity, self.balances[(warehouse, batch)])
            lines.append((batch, taken, -taken))
            quantity -= taken
        return lines


def _point(division: Division) -> tuple[float | None, float | None]:
    shape = division.geometry
    if shape is None:
        return None, None
    point = shape.representative_point()
    return round(point.x, 6), round(point.y, 6)


def _phone(n: int) -> str:
    return f"1390576{3000 + n:04d}"


_STREETS = ("江滨路", "工业路", "民政路", "东环路", "海塘路", "解放路", "粮库路")


def _warehouses(session: Session) -> list[Warehouse]:
    """The county's warehouses and agreement storage, a warehouse per town, the forward
    point on the coast and a store per village."""
    divisions = session.scalars(select(Division).order_by(Division.code)).all()
    county = next(d for d in divisions if d.level == "county")
    towns = [d for d in divisions if d.level == "town"]
    town_names = {t.id: t.name for t in towns}
    lon, lat = _point(county)
    warehouses: list[Warehouse] = []
    for n, (code, name, level, supplier, _share) in enumerate(COUNTY_WAREHOUSES):
        warehouses.append(
            Warehouse(
                code=code,
                name=name,
                level=level,
                division_id=county.id,
                supplier=supplier,
                address=f"城关镇{_STREETS[n]}{n * 7 + 3}号",
                lon=round(lon + 0.01 * (n - 3), 6) if lon is not None else None,
                lat=round(lat + 0.006 * (n % 3 - 1), 6) if lat is not None else None,
                manager=_MANAGERS[n % len(_MANAGERS)],
                manager_phone=_phone(n),
                open=True,
            )
        )
    for n, town in enumerate(towns):
        x, y = _point(town)
        warehouses.append(
            Warehouse(
                code=f"TN{town.code[-3:]}",
                name=f"{town.name}防汛物资仓库",
                level="town",
                division_id=town.id,
                lon=x,
                lat=y,
                manager=_MANAGERS[(n + 3) % len(_MANAGERS)],
                manager_phone=_phone(100 + n),
                open=True,
            )
        )
    coast = towns[-1]
    x, y = _point(coast)
    forward = Warehouse(
        code=f"QZ{coast.code[-3:]}",
        name=f"{coast.name}沿海前置点",
        level="town",
        division_id=coast.id,
        forward_point=True,
        lon=round(x + 0.01, 6) if x is not None else None,
        lat=y,
        manager=_MANAGERS[1],
        manager_phone=_phone(99),
        open=True,
    )
    warehouses.append(forward)
    for n, village in enumerate(d for d in divisions if d.level == "village"):
        x, y = _point(village)
        warehouses.append(
            Warehouse(
                code=f"VS{village.code[-6:]}",
                name=f"{town_names.get(village.parent_id or 0, '')}{village.name}物资储备点",
                level="village",
                division_id=village.id,
                lon=x,
                lat=y,
                manager_phone=_phone(1000 + n) if n % 3 == 0 else None,
                open=True,
            )
        )
    session.add_all(warehouses)
    return warehouses


def _expiry(item: SupplyItem, produced: date | None) -> date | None:
    if produced is None or not item.shelf_life_days:
        return None
    return produced + timedelta(days=item.shelf_life_days)


class _Year:
    """The year of movements before the build's time, computed in Python."""

    def __init__(self, build: DemoBuild, items: dict[str, SupplyItem], warehouses: list[Warehouse]):
        self.build = build
        self.rng = _rng(build.scale, "supplies")
        self.today = local_today(build.now)
        self.items = items
        self.county = [w.id for w in warehouses[: len(COUNTY_WAREHOUSES)]]
        self.main = self.county[0]
        self.towns = [w.id for w in warehouses if w.level == "town" and not w.forward_point]
        self.villages = [w.id for w in warehouses if w.level == "village"]
        self.ledger = _Ledger()
        self.batches: list[Batch] = []
        self.batch_of: dict[tuple[int, str, date | None], Batch] = {}
        self.transfers: list[tuple[Transfer, list[Line]]] = []

    def at(self, days_ago: float) -> datetime:
        """A working hour ``days_ago`` days before the build."""
        minutes = self.rng.randint(0, 240)
        return self.build.now - timedelta(days=days_ago, minutes=minutes)

    def batch(self, code: str, lot: str, produced: date | None) -> Batch:
        item = self.items[code]
        key = (item.id, lot, produced)
        if key not in self.batch_of:
            self.batch_of[key] = Batch(
                item_id=item.id,
                lot=lot,
                production_date=produced,
                expiry_date=_expiry(item, produced),
            )
            self.batches.append(self.batch_of[key])
        return self.batch_of[key]

    def design_batches(self) -> list[tuple[int, Batch, Decimal, float]]:
        """(warehouse, batch, quantity, days ago) received: a year's opening stock, and
        for goods with a shelf life an older batch (some near or past expiry) and a newer."""
        rng, today = self.rng, self.today
        receipts = []
        for w_index, (_c, _n, level, _s, share) in enumerate(COUNTY_WAREHOUSES):
            for spec in ITEMS:
                item = self.items[spec[0]]
                if level == "agreement" and item.category not in (
                    "flood_materials",
                    "shelter_living",
                ):
                    continue  # the suppliers keep materials and living supplies
                quantity = Decimal(max(2, round(spec[9] * share)))
                warehouse = self.county[w_index]
                if not item.shelf_life_days:
                    receipts.append(
                        (
                            warehouse,
                            self.batch(item.code, f"{today.year - 1}", None),
                            quantity,
                            360.0,
                        )
                    )
                    continue
                age = item.shelf_life_days - rng.choice((20, 45, 75, 200, 400, -10))
                older = today - timedelta(days=max(age, 1))
                half = Decimal(int(quantity) // 2)
                received = float(min(360, max(age - 5, 1)))
                older_batch = self.batch(item.code, f"{older:%Y%m}A", older)
                receipts.append((warehouse, older_batch, half, received))
                newer = today - timedelta(days=rng.randint(121, 180))
                receipts.append(
                    (
                        warehouse,
                        self.batch(item.code, f"{newer:%Y%m}B", newer),
                        quantity - half,
                        float(rng.randint(20, 120)),
                    )
                )
        self.kit = {
            code: self.batch(
                code,
                f"{today.year - 1}村配",
                today - timedelta(days=200) if self.items[code].shelf_life_days else None,
            )
            for code, _q in VILLAGE_KIT
        }
        return receipts

    def known(self) -> None:
        """The batches' ids known (after their flush)."""
        for batch in self.batches:
            self.ledger.expiry[batch.id] = batch.expiry_date
            self.ledger.batch_item[batch.id] = batch.item_id

    def run(self, receipts: list[tuple[int, Batch, Decimal, float]]) -> None:
        ledger, rng = self.ledger, self.rng
        grouped: dict[tuple[int, float], list[Line]] = defaultdict(list)
        for warehouse, batch, quantity, days in receipts:
            grouped[(warehouse, days)].append((batch.id, quantity, quantity))
        for (warehouse, days), lines in sorted(grouped.items(), key=lambda kv: -kv[0][1]):
            reason = "年初库存" if days >= 360 else "采购入库"
            ledger.move(
                "receipt",
                warehouse,
                self.at(days),
                lines,
                reason=reason,
                recipient="县物资采购中心",
            )
        self.village_kits()
        self.transfers_to_towns()
        for month in range(11):
            for warehouse in self.county[:5]:
                if rng.random() < 0.5:
                    continue
                self.drill_issue(warehouse, 330 - month * 30)

    def village_kits(self) -> None:
        """Each store got its kit ten months ago; some villages lack an item."""
        ledger, rng = self.ledger, self.rng
        count = len(self.villages)
        bought = [(self.kit[c].id, Decimal(q * count), Decimal(q * count)) for c, q in VILLAGE_KIT]
        ledger.move("receipt", self.main, self.at(330), bought, reason="村级防汛物资统一采购")
        sent: dict[int, Decimal] = defaultdict(Decimal)
        for n, village in enumerate(self.villages):
            lines: list[Line] = []
            for code, per_village in VILLAGE_KIT:
                if rng.random() < 0.06:
                    continue  # never got it, or lost it: missing from the village's kit
                batch = self.kit[code].id
                lines.append((batch, Decimal(per_village), Decimal(per_village)))
                sent[batch] += per_village
            if lines:
                ledger.move("receipt", village, self.at(300 - n % 20), lines, reason="县级统一配发")
        out = [(b, q, -q) for b, q in sent.items()]
        ledger.move(
            "issue",
            self.main,
            self.at(321),
            out,
            recipient="各村物资储备点",
            reason="村级防汛物资配发",
        )

    def transfers_to_towns(self) -> None:
        """Before the flood season, the main warehouse sent each town its share."""
        ledger = self.ledger
        for n, warehouse in enumerate(self.towns):
            sent_at = self.at(120 - n)
            lines: list[Line] = []
            for code, quantity in (
                ("WZ004", 40),
                ("WZ011", 2000),
                ("WZ027", 2),
                ("WZ034", 20),
                ("WZ038", 5),
            ):
                lines.extend(
                    ledger.take(self.main, self.items[code].id, Decimal(quantity), sent_at)
                )
            transfer = Transfer(
                from_warehouse_id=self.main,
                to_warehouse_id=warehouse,
                status="received",
                transport="货车",
                vehicle_plate=f"浙J{self.rng.randint(10000, 99999)}",
                driver=_MANAGERS[(n + 5) % len(_MANAGERS)],
                driver_phone=_phone(200 + n),
                sent_at=sent_at,
                received_at=sent_at + timedelta(hours=3),
                received_by="镇仓库管理员",
                reason="汛前物资前置",
                recorded_by="demo",
            )
            self.transfers.append((transfer, lines))
            ledger.move(
                "transfer_out", self.main, sent_at, lines, reason="汛前物资前置", transfer=transfer
            )
            arrived = [(b, q, q) for b, q, _c in lines]
            ledger.move(
                "transfer_in",
                warehouse,
                sent_at + timedelta(hours=3),
                arrived,
                reason="汛前物资前置",
                transfer=transfer,
            )

    def drill_issue(self, warehouse: int, days_ago: float) -> None:
        """A drill or a small event's issue; boats and pumps come back five days later."""
        rng = self.rng
        code = rng.choice(("WZ011", "WZ004", "WZ027", "WZ033", "WZ046", "WZ040", "WZ001"))
        item = self.items[code]
        quantity = Decimal(500 if item.unit == "条" else rng.choice((2, 5, 10, 20, 50)))
        when = self.at(days_ago)
        lines = self.ledger.take(warehouse, item.id, quantity, when)
        if not lines:
            return
        reason = rng.choice(("防汛演练", "强降雨抢险", "内涝排水", "安置点保障"))
        issued = self.ledger.move(
            "issue", warehouse, when, lines, recipient=rng.choice(_ISSUE_TO), reason=reason
        )
        if item.returnable:
            back = [(b, q, q) for b, q, _c in lines]
            self.ledger.move(
                "return",
                warehouse,
                when + timedelta(days=5),
                back,
                reason="演练结束归还",
                issue=issued,
            )


def _write_year(session: Session, year: _Year) -> int:
    """The year's movements, lines, transfers and balances written; the rows written.
    Slips are numbered per warehouse, kind and year in time order."""
    moves = sorted(year.ledger.moves, key=lambda m: m.at)
    running: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for move in moves:
        for batch, _q, change in move.lines:
            running[(move.warehouse, batch)] += change
            assert running[(move.warehouse, batch)] >= 0, "a stock card would dip below zero"
    session.add_all(t for t, _l in year.transfers)
    session.flush()
    numbers: dict[tuple[int, str, int], int] = defaultdict(int)
    for move in moves:
        slip = (move.warehouse, SLIP_KINDS[move.kind], local_today(move.at).year)
        numbers[slip] += 1
        move.row = Movement(
            kind=move.kind,
            warehouse_id=move.warehouse,
            at=move.at,
            recorded_by="demo",
            reason=move.reason,
            recipient=move.recipient,
            transfer_id=move.transfer.id if move.transfer is not None else None,
            paperwork_pending=False,
            slip_kind=slip[1],
            slip_year=slip[2],
            slip_number=numbers[slip],
        )
    session.add_all(m.row for m in moves if m.row is not None)
    session.flush()
    rows = len(year.transfers) + len(moves)
    lines: list[dict[str, object]] = []
    for move in moves:
        assert move.row is not None
        if move.issue is not None and move.issue.row is not None:
            move.row.issue_id = move.issue.row.id
        row_id = move.row.id
        lines.extend(
            {
                "movement_id": row_id,
                "warehouse_id": move.warehouse,
                "batch_id": b,
                "quantity": q,
                "change": c,
            }
            for b, q, c in move.lines
        )
    session.flush()
    session.execute(insert(MovementLine), lines)
    sent = [
        {
            "transfer_id": transfer.id,
            "batch_id": b,
            "requested": q,
            "sent": q,
            "received": q,
            "returned": 0,
            "lost": 0,
        }
        for transfer, transfer_lines in year.transfers
        for b, q, _c in transfer_lines
    ]
    session.execute(insert(TransferLine), sent)
    balances = [
        {"warehouse_id": w, "batch_id": b, "item_id": year.ledger.batch_item[b], "quantity": q}
        for (w, b), q in year.ledger.balances.items()
    ]
    session.execute(insert(Balance), balances)
    return rows + len(lines) + len(sent) + len(balances)


def _minimums(session: Session, year: _Year) -> int:
    """Minimum stock at the main warehouse and the towns: some key items fall below."""
    rows = 0
    for code, least in (
        ("WZ004", 1200),
        ("WZ011", 50000),
        ("WZ027", 70),
        ("WZ038", 200),
        ("WZ046", 900),
        ("WZ040", 1400),
    ):
        session.add(
            MinimumStock(
                warehouse_id=year.main, item_id=year.items[code].id, minimum=Decimal(least)
            )
        )
        rows += 1
    for warehouse in year.towns:
        for code, least in (("WZ004", 40), ("WZ011", 3000)):
            session.add(
                MinimumStock(
                    warehouse_id=warehouse, item_id=year.items[code].id, minimum=Decimal(least)
                )
            )
            rows += 1
    return rows


def _write(build: DemoBuild) -> None:
    session = build.session
    items = [
        SupplyItem(
            code=code,
            name=name,
            category=category,
            specification=spec or None,
            unit=unit,
            rating=Decimal(rating) if rating else None,
            rating_unit=rating_unit,
            shelf_life_days=shelf,
            returnable=returnable,
        )
        for code, name, category, spec, unit, rating, rating_unit, shelf, returnable, _q in ITEMS
    ]
    session.add_all(items)
    warehouses = _warehouses(session)
    session.flush()
    year = _Year(build, {i.code: i for i in items}, warehouses)
    receipts = year.design_batches()
    session.add_all(year.batches)
    session.flush()
    year.known()
    year.run(receipts)
    rows = len(items) + len(warehouses) + len(year.batches) + _write_year(session, year)
    rows += _minimums(session, year)
    for code, quantity in VILLAGE_KIT:
        session.add(KitItem(item_id=year.items[code].id, quantity=Decimal(quantity)))
    rows += len(VILLAGE_KIT)
    session.flush()
    movements = len(year.ledger.moves)
    if build.scenario == "typhoon":
        movements += build_supplies_scenario(session=session, now=build.now)
    build.add(
        warehouses=len(warehouses),
        supply_items=len(items),
        supply_movements=movements,
        supply_rows=rows,
    )


def build_supplies_scenario(*, session: Session, now: datetime) -> int:
    """On the demo county during its typhoon event: the event's issues from the main county
    warehouse, two on a leader's word with the paperwork pending, boats and motors out on
    loan, and one transfer to the forward point in transit; the movements written."""
    from models.events import active_event
    from models.supplies import IssueLine, TransferLineIn, issue, send_transfer

    event = active_event(session=session)
    if event is None:
        return 0
    main = session.scalars(
        select(Warehouse.id).where(Warehouse.code == COUNTY_WAREHOUSES[0][0])
    ).one()
    forward = session.scalars(select(Warehouse.id).where(Warehouse.forward_point.is_(True))).first()
    if forward is None:
        return 0
    item = {i.code: i for i in session.scalars(select(SupplyItem))}
    started = event.started_at
    plain_issues = (
        (1, "WZ011", 3000, "东部沿海各镇"),
        (2.5, "WZ004", 200, "城关镇转移安置点"),
        (4, "WZ038", 30, "县体育馆安置点"),
        (5, "WZ040", 300, "县体育馆安置点"),
    )
    for hours, code, quantity, recipient in plain_issues:
        issue(
            session=session,
            warehouse_id=main,
            lines=[IssueLine(item[code].id, Decimal(quantity))],
            recipient=recipient,
            reason="台风防御",
            at=started + timedelta(hours=hours),
            event_id=event.id,
        )
    issue(
        session=session,
        warehouse_id=main,
        lines=[IssueLine(item["WZ001"].id, Decimal(4)), IssueLine(item["WZ003"].id, Decimal(4))],
        recipient="消防救援大队",
        reason="低洼地被困群众转移",
        at=started + timedelta(hours=6),
        event_id=event.id,
    )
    for hours, code, quantity in ((7, "WZ026", 4), (7.5, "WZ030", 2)):
        issue(
            session=session,
            warehouse_id=main,
            lines=[IssueLine(item[code].id, Decimal(quantity))],
            recipient=None,
            reason="领导电话指令，先调后补",
            at=started + timedelta(hours=hours),
            event_id=event.id,
            ordered_by=LEADER,
            paperwork_pending=True,
        )
    send_transfer(
        session=session,
        from_warehouse_id=main,
        to_warehouse_id=forward,
        lines=[
            TransferLineIn(item["WZ011"].id, Decimal(5000), requested=Decimal(8000)),
            TransferLineIn(item["WZ004"].id, Decimal(100)),
            TransferLineIn(item["WZ027"].id, Decimal(6)),
        ],
        transport="货车",
        vehicle_plate="浙J5A321",
        driver="郑师傅",
        driver_phone="13905769876",
        reason="台风登陆前物资前置",
        at=now - timedelta(hours=1, minutes=30),
        event_id=event.id,
    )
    return len(plain_issues) + 1 + 2 + 1


STEP = DemoStep("supplies", _write)
