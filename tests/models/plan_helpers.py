"""Shared set-up of the plan tests: member units, a plan system and a typhoon plan."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from sqlalchemy.orm import Session

from models.command import UnitFields, save_unit
from models.plans import ActionFields, PlanFields, StageFields, add_version, save_plan
from models.users import Actor

PLANNER = Actor(name="planner", role="planner")
DUTY = Actor(name="duty", role="duty")
VIEWER = Actor(name="viewer", role="viewer")

UNITS = ("县应急管理局", "县水利局", "县气象局", "县农业农村局", "县交通运输局", "县卫生健康局")


def add_units(session: Session) -> None:
    for name in UNITS:
        save_unit(session=session, fields=UnitFields(name=name))


def typhoon_stages(extra: bool = False) -> list[StageFields]:
    """The typhoon plan's content: the sea-typhoon stage, then Ⅳ to Ⅰ, two actions each."""
    stages = [
        StageFields(
            "sea",
            "台风进入东海海域，可能影响本县海域",
            [
                ActionFields("command", "渔船回港避风", "县农业农村局", 360),
                ActionFields("transfer", "海上养殖人员上岸", "县农业农村局", 720),
            ],
        ),
        StageFields(
            "IV",
            "预计48小时内影响本县",
            [
                ActionFields("warning", "发布台风蓝色预警", "县气象局", 60),
                ActionFields("command", "启动防台风Ⅳ级应急响应", "县应急管理局", 30),
            ],
        ),
        StageFields(
            "III",
            "预计24小时内影响本县",
            [
                ActionFields("transfer", "危险区人员转移准备", "县应急管理局", 240),
                ActionFields("support", "水库预泄腾库", "县水利局", 480),
            ],
        ),
        StageFields(
            "II",
            "预计12小时内影响本县",
            [
                ActionFields("transfer", "危险区人员全部转移", "县应急管理局", 360),
                ActionFields("support", "交通管制，停运客渡船", "县交通运输局", 120),
            ],
        ),
        StageFields(
            "I",
            "台风正面登陆本县",
            [
                ActionFields("command", "宣布进入紧急防汛期", "县应急管理局", 60),
                ActionFields("medical", "医疗救护队伍待命", "县卫生健康局", 60),
            ],
        ),
    ]
    if extra:
        stages[1] = StageFields(
            "IV",
            "预计48小时内影响本县或海上风力达到8级",
            [
                ActionFields("warning", "发布台风蓝色预警", "县气象局", 30),
                ActionFields("information", "通过广播电视发布防台提示", "县应急管理局", 120),
            ],
        )
    return stages


def add_typhoon_plan(session: Session, issued_on: date = date(2024, 6, 3)) -> int:
    """The county's special typhoon plan, published, with one version; its version id."""
    save_plan(
        session=session,
        fields=PlanFields(
            code="ZX-01",
            title="温岭市防台风应急预案",
            plan_class="special",
            category="natural",
            event_type="typhoon",
            owner="县应急管理局",
            doc_number="温政办发〔2024〕12号",
            issued_on=issued_on,
            status="published",
        ),
    )
    version = add_version(
        session=session, code="ZX-01", name="2024年版", issued_on=issued_on, stages=typhoon_stages()
    )
    return version.id


def docx_bytes(*paragraphs: str) -> bytes:
    """A minimal DOCX file holding the paragraphs."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def pdf_bytes(*lines: str) -> bytes:
    """A text PDF holding the lines (reportlab's built-in Chinese font)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 12)
    for n, line in enumerate(lines):
        page.drawString(72, 760 - 18 * n, line)
    page.save()
    return buffer.getvalue()
