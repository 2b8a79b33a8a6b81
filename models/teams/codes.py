"""The teams' code lists with their translated labels (context "Label"), the defaults of
what is configurable (required sizes, travel speeds, the road factor, the days before an
expiry is announced), and the words rosters use for them."""

from __future__ import annotations

from models.messages import QT_TRANSLATE_NOOP

TEAM_CLASSES = {
    "county_brigade": QT_TRANSLATE_NOOP("Label", "County comprehensive brigade"),
    "town_team": QT_TRANSLATE_NOOP("Label", "Town comprehensive team"),
    "fire": QT_TRANSLATE_NOOP("Label", "Professional fire team"),
    "forest_fire": QT_TRANSLATE_NOOP("Label", "Forest fire team"),
    "village_squad": QT_TRANSLATE_NOOP("Label", "Village rescue squad"),
    "assault_team": QT_TRANSLATE_NOOP("Label", "Village assault team"),
    "professional": QT_TRANSLATE_NOOP("Label", "Professional rescue team"),
    "social": QT_TRANSLATE_NOOP("Label", "Social rescue team"),
    "enterprise": QT_TRANSLATE_NOOP("Label", "Enterprise team"),
    "volunteer": QT_TRANSLATE_NOOP("Label", "Volunteer team"),
}

SPECIALTIES = {
    "water": QT_TRANSLATE_NOOP("Label", "Water rescue"),
    "sea": QT_TRANSLATE_NOOP("Label", "Sea rescue"),
    "diving": QT_TRANSLATE_NOOP("Label", "Diving"),
    "mountain": QT_TRANSLATE_NOOP("Label", "Mountain rescue"),
    "collapse": QT_TRANSLATE_NOOP("Label", "Building collapse and urban search"),
    "forest_fire": QT_TRANSLATE_NOOP("Label", "Forest fire"),
    "hazmat": QT_TRANSLATE_NOOP("Label", "Hazardous chemicals"),
    "medical": QT_TRANSLATE_NOOP("Label", "Emergency medical"),
    "logistics": QT_TRANSLATE_NOOP("Label", "Logistics"),
    "comprehensive": QT_TRANSLATE_NOOP("Label", "Comprehensive rescue"),
}

TEAM_STATUSES = {
    "standby": QT_TRANSLATE_NOOP("Label", "Standby"),
    "prepositioned": QT_TRANSLATE_NOOP("Label", "Pre-positioned"),
    "assembling": QT_TRANSLATE_NOOP("Label", "Assembling"),
    "dispatched": QT_TRANSLATE_NOOP("Label", "Dispatched"),
    "on_scene": QT_TRANSLATE_NOOP("Label", "On scene"),
    "returning": QT_TRANSLATE_NOOP("Label", "Returning"),
    "resting": QT_TRANSLATE_NOOP("Label", "Resting"),
}
AVAILABLE_STATUSES = frozenset({"standby", "prepositioned"})
"""Statuses in which a team may be offered for a new need."""

EQUIPMENT_STATES = {
    "working": QT_TRANSLATE_NOOP("Label", "Working"),
    "out_of_service": QT_TRANSLATE_NOOP("Label", "Out of service"),
    "lost": QT_TRANSLATE_NOOP("Label", "Lost"),
}

POSTS = {
    "leader": QT_TRANSLATE_NOOP("Label", "Team leader"),
    "deputy": QT_TRANSLATE_NOOP("Label", "Deputy leader"),
    "safety": QT_TRANSLATE_NOOP("Label", "Safety officer"),
    "member": QT_TRANSLATE_NOOP("Label", "Team member"),
}

MEMBER_STATUSES = {
    "active": QT_TRANSLATE_NOOP("Label", "On duty"),
    "inactive": QT_TRANSLATE_NOOP("Label", "Off duty"),
    "left": QT_TRANSLATE_NOOP("Label", "Left the team"),
}

EXPERT_FIELDS = {
    "accident": QT_TRANSLATE_NOOP("Label", "Accidents and disasters"),
    "natural": QT_TRANSLATE_NOOP("Label", "Natural disasters"),
    "public_health": QT_TRANSLATE_NOOP("Label", "Public health"),
    "social_security": QT_TRANSLATE_NOOP("Label", "Social security"),
    "integrated": QT_TRANSLATE_NOOP("Label", "Integrated management"),
}
"""The expert pool's first-level fields, fixed; second levels are configurable."""

DEFAULT_SECOND_FIELDS: dict[str, tuple[str, ...]] = {
    "accident": ("危险化学品", "安全生产", "消防", "交通运输"),
    "natural": ("防汛抗旱", "地质灾害", "气象", "森林防火", "地震"),
    "public_health": ("传染病防控", "医疗救治", "食品安全"),
    "social_security": ("社会治安", "群体性事件", "网络安全"),
    "integrated": ("应急管理", "通信保障", "心理援助"),
}
"""Second-level fields offered while the configured table holds none for a first level."""

# Readiness and travel, each configurable (``models.teams.settings``).
DEFAULT_REQUIRED_SIZE = {"town_team": 50, "village_squad": 20, "assault_team": 30}
DEFAULT_SPEED_KMH = {
    "county_brigade": 50.0,
    "town_team": 40.0,
    "fire": 50.0,
    "forest_fire": 40.0,
    "village_squad": 30.0,
    "assault_team": 30.0,
    "professional": 45.0,
    "social": 40.0,
    "enterprise": 40.0,
    "volunteer": 30.0,
}
DEFAULT_ROAD_FACTOR = 1.4
DEFAULT_EXPIRING_DAYS = 30

# Words rosters write for the codes (besides the codes and their labels).
CLASS_WORDS = {
    "综合性救援大队": "county_brigade",
    "县综合救援大队": "county_brigade",
    "综合应急救援大队": "county_brigade",
    "乡镇综合救援队": "town_team",
    "镇街综合救援队": "town_team",
    "乡镇应急救援队": "town_team",
    "专业消防队": "fire",
    "消防救援队": "fire",
    "森林消防队": "forest_fire",
    "森林防火队": "forest_fire",
    "村级救援小分队": "village_squad",
    "村级应急救援小分队": "village_squad",
    "村救援小分队": "village_squad",
    "村级突击队": "assault_team",
    "防汛抢险突击队": "assault_team",
    "突击队": "assault_team",
    "专业救援队": "professional",
    "专业应急救援队": "professional",
    "社会救援力量": "social",
    "社会应急力量": "social",
    "社会救援队": "social",
    "企业救援队": "enterprise",
    "企业专职救援队": "enterprise",
    "志愿者队伍": "volunteer",
    "志愿救援队": "volunteer",
}
SPECIALTY_WORDS = {
    "水域救援": "water",
    "水上救援": "water",
    "水域": "water",
    "海上救援": "sea",
    "海域": "sea",
    "潜水": "diving",
    "潜水救援": "diving",
    "山地救援": "mountain",
    "山地": "mountain",
    "建筑物倒塌搜救": "collapse",
    "城市搜救": "collapse",
    "建筑物坍塌": "collapse",
    "森林灭火": "forest_fire",
    "森林防火": "forest_fire",
    "危化品": "hazmat",
    "危险化学品": "hazmat",
    "应急医疗": "medical",
    "医疗救护": "medical",
    "后勤保障": "logistics",
    "后勤": "logistics",
    "综合救援": "comprehensive",
    "综合": "comprehensive",
}
STATUS_WORDS = {
    "待命": "standby",
    "预置": "prepositioned",
    "集结": "assembling",
    "出动": "dispatched",
    "到场": "on_scene",
    "返回": "returning",
    "休整": "resting",
}
EQUIPMENT_STATE_WORDS = {"完好": "working", "正常": "working", "在用": "working"}
EQUIPMENT_STATE_WORDS |= {
    "故障": "out_of_service",
    "损坏": "out_of_service",
    "维修": "out_of_service",
}
EQUIPMENT_STATE_WORDS |= {"丢失": "lost", "遗失": "lost"}
POST_WORDS = {"队长": "leader", "副队长": "deputy", "安全官": "safety", "队员": "member"}
POST_WORDS |= {"大队长": "leader", "中队长": "leader", "分队长": "leader", "指导员": "deputy"}
MEMBER_STATUS_WORDS = {"在岗": "active", "不在岗": "inactive", "退出": "left", "离队": "left"}
EXPERT_FIELD_WORDS = {
    "事故灾难": "accident",
    "自然灾害": "natural",
    "公共卫生": "public_health",
    "社会安全": "social_security",
    "综合管理": "integrated",
}
