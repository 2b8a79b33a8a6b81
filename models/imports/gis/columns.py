"""What each kind of map data reads: its columns, their names in real files, and the words of its codes."""

from __future__ import annotations

from models.imports.spreadsheet import Column, header_key

KINDS = ("boundaries", "grids", "danger-zones", "shelters")
"""What ``import_gis`` imports, as the command line names it."""

COUNTY_MARGIN_DEGREES = 0.05
"""How far (about 5 km) a feature may reach beyond the county boundary: boundaries from
different sources disagree by hundreds of metres and fishing rafts lie off the coast,
while a wrong zone or a wrong county puts data tens of kilometres away or more."""

SAME_SHAPE_DEGREES = 1e-8
"""Vertices closer than this (about 1 mm) are the same: data that went through a projection
and back is unchanged."""

REPAIR_AREA_TOLERANCE = 0.005
"""An invalid polygon is repaired only when the repair changes its area by at most 0.5%:
web-map outlines quantised to 1/1024 degree cross themselves where a coast or a border
folds back, and their repair changes the area by thousandths of a percent; a ring drawn
crossing itself changes it by far more."""

NESTING_MAX_RINGS = 200
DBF_NAME_BYTES = 10
BATCH = 1000
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
GEOJSON_SUFFIXES = frozenset({".geojson", ".json"})
SHAPEFILE_PARTS = ("shp", "shx", "dbf", "prj", "cpg")

_VILLAGE_CODE = (
    "村代码",
    "村(社区)代码",
    "村社区代码",
    "村居代码",
    "村编码",
    "村级代码",
    "行政村代码",
    "所属村代码",
    "所属村(社区)代码",
    "村区划代码",
    "village_code",
    "village code",
    "village",
    "CJDM",
)
_LON = ("经度", "东经", "经度(°)", "经度(度)", "经度(e)", "lon", "lng", "long", "longitude")
_LAT = ("纬度", "北纬", "纬度(°)", "纬度(度)", "纬度(n)", "lat", "latitude")

_COLUMNS: dict[str, tuple[Column, ...]] = {
    "boundaries": (
        Column(
            "code",
            (
                "区划代码",
                "代码",
                "行政区划代码",
                "区划编码",
                "统计用区划代码",
                "编码",
                "code",
                "adcode",
                "gb",
                "division_code",
                "division code",
                "XZQDM",
                "XZQHDM",
                "QHDM",
                "行政区代码",
                "PAC",
            ),
            required=True,
        ),
        Column(
            "name",
            (
                "名称",
                "区划名称",
                "行政区划名称",
                "行政区名称",
                "name",
                "XZQMC",
                "QHMC",
                "XZQHMC",
                "division_name",
                "fullname",
            ),
        ),
    ),
    "grids": (
        Column(
            "code",
            (
                "网格编码",
                "网格代码",
                "网格编号",
                "编码",
                "编号",
                "code",
                "grid_code",
                "grid code",
                "WGBM",
            ),
            required=True,
        ),
        Column(
            "name", ("网格名称", "名称", "name", "grid_name", "grid name", "WGMC"), required=True
        ),
        Column("village_code", _VILLAGE_CODE, required=True),
        Column(
            "person",
            ("责任人", "网格责任人", "责任人姓名", "网格长", "person", "person_name", "ZRR"),
        ),
        Column("post", ("职务", "责任人职务", "post", "person_post")),
        Column(
            "phone",
            (
                "电话",
                "手机",
                "联系电话",
                "责任人电话",
                "责任人手机",
                "手机号码",
                "phone",
                "mobile",
                "person_phone",
            ),
        ),
    ),
    "danger-zones": (
        Column(
            "code",
            (
                "编码",
                "危险区编码",
                "危险区代码",
                "隐患点编码",
                "风险网格编码",
                "编号",
                "代码",
                "code",
                "zone_code",
            ),
            required=True,
        ),
        Column(
            "name",
            ("名称", "危险区名称", "危险区(点)名称", "隐患点名称", "风险网格名称", "name"),
            required=True,
        ),
        Column(
            "kind",
            ("类别", "类型", "灾害类型", "危险区类型", "危险区类别", "隐患类型", "kind", "type"),
            required=True,
        ),
        Column("village_code", _VILLAGE_CODE, required=True),
        Column(
            "grid_code",
            ("网格编码", "所属网格", "所属网格编码", "网格代码", "grid_code", "grid code", "grid"),
        ),
        Column("location", ("位置", "地点", "详细位置", "location")),
        Column("note", ("备注", "说明", "note", "remark")),
        Column("lon", _LON),
        Column("lat", _LAT),
    ),
    "shelters": (
        Column(
            "name",
            ("名称", "场所名称", "避灾场所名称", "安置场所名称", "避灾安置场所名称", "name"),
            required=True,
        ),
        Column("village_code", _VILLAGE_CODE, required=True),
        Column("level", ("级别", "等级", "场所级别", "level")),
        Column("capacity", ("容纳人数", "可容纳人数", "容量", "容纳量", "capacity")),
        Column(
            "certified",
            (
                "安全鉴定",
                "有无安全鉴定",
                "是否安全鉴定",
                "是否鉴定",
                "safety_certified",
                "certified",
            ),
        ),
        Column("manager", ("管理员", "管理员姓名", "避灾场所管理员", "manager", "manager_name")),
        Column(
            "manager_phone",
            (
                "管理员电话",
                "管理员手机",
                "避灾场所管理员手机",
                "联系电话",
                "电话",
                "手机",
                "manager_phone",
                "phone",
            ),
        ),
        Column("address", ("地址", "详细地址", "位置", "address")),
        Column("lon", _LON),
        Column("lat", _LAT),
    ),
}

GEOJSON_CODE_FALLBACK = "id"
"""ECharts map files keep the division code in an ``id`` property: a GeoJSON file's code
when no field has a code's name (a Shapefile's ``Id`` is ArcGIS's numbering, never a code)."""

COUNTRY_PREFIX = "156"
"""China's ISO 3166 number, written before the division code in some web-map files (``gb``:
156331081 for 331081)."""

_TABLE_NAMES = {
    "boundaries": "divisions",
    "grids": "grids",
    "danger-zones": "danger_zones",
    "shelters": "shelters",
}

# Chinese words for the codes of models.labels (the labels themselves match too).
_DANGER_WORDS = {
    "flash_flood": ("山洪", "山洪灾害", "山洪危险区", "溪沟", "山洪沟"),
    "geological": ("地质灾害", "地灾", "滑坡", "泥石流", "崩塌", "地面塌陷"),
    "waterlogging": ("低洼易涝", "低洼", "易涝", "内涝", "低洼地", "城市内涝"),
    "dilapidated_housing": ("危旧房", "危房", "旧房", "危旧房屋"),
    "seawall": ("海塘", "海岛", "海塘海岛", "海塘、海岛", "沿海", "海堤", "堤塘"),
    "work_shed": ("工棚", "在建工地", "工地", "工棚、在建工地", "工棚工地"),
    "fishing_raft": ("渔排", "渔船", "渔船、渔排", "渔船渔排", "养殖渔排"),
    "scenic_spot": ("景区", "景点", "旅游景区"),
}
_LEVEL_WORDS = {
    "county": ("县级", "县", "市级", "区级", "county"),
    "town": ("镇级", "乡镇级", "乡级", "街道级", "乡镇", "镇", "街道", "town"),
    "village": ("村级", "村", "社区", "村(社区)级", "社区级", "village"),
}
_YES = {"是", "有", "已鉴定", "合格", "通过", "y", "yes", "true", "1", "√"}
_NO = {"否", "无", "未鉴定", "不合格", "没有", "n", "no", "false", "0", "×"}

_DANGER_OF_WORD = {header_key(w): code for code, words in _DANGER_WORDS.items() for w in words}
_LEVEL_OF_WORD = {header_key(w): code for code, words in _LEVEL_WORDS.items() for w in words}

_POLYGONAL = ("Polygon", "MultiPolygon")
