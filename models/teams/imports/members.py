"""``import members FILE``: a team's member roster (队员花名册) as counties type it in WPS.

The roster belongs to the team its 所属队伍 column names on each row; else to the team
given with ``--team``; else to the team its title names (某某救援队队员花名册). A team
that is unknown, or that fits several, refuses the file (or the row) saying so.

Each row is one person, known by identity number: a person already registered (in this
team or another) is the same person, and a name that differs is refused. The identity
number is checked (``models.teams.identity``), its birth date and sex against those
given; a number Excel turned into scientific notation is refused because digits were
lost. A row may carry one certificate and one accident insurance policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from models.database import allocate_ids, insert_many
from models.fields import FieldChecker
from models.imports.framework import ImportSteps, Writer
from models.imports.problems import ImportFileError, ImportProblem
from models.imports.spreadsheet import (
    Column,
    DataRow,
    Table,
    clean_text,
    clean_texts,
    number_texts,
)
from models.labels import code_for
from models.messages import fill
from models.teams.codes import MEMBER_STATUS_WORDS, MEMBER_STATUSES, POST_WORDS, POSTS
from models.teams.identity import read_sex
from models.teams.imports.common import (
    Teams,
    TitledTable,
    date_of,
    read_titled,
    team_in_title,
)
from models.teams.insured import NO_COVER, insurance_cover, store_insurance_cover
from models.teams.members import (
    CertificateFields,
    CheckedMember,
    InsuranceFields,
    MemberFields,
    check_member,
)
from models.teams.tables import Certificate, Insurance, Membership, Rescuer

COLUMNS = (
    Column("name", ("姓名", "队员姓名", "name"), required=True),
    Column(
        "id_number",
        ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "id number"),
        required=True,
    ),
    Column("sex", ("性别", "sex")),
    Column("birth_date", ("出生日期", "出生年月", "出生年月日", "birth date")),
    Column("mobile", ("手机", "手机号码", "联系电话", "电话", "手机号", "mobile")),
    Column("team", ("所属队伍", "所在队伍", "队伍名称", "队伍", "team")),
    Column("post", ("职务", "岗位", "队内职务", "post")),
    Column("joined", ("入队时间", "加入时间", "入队日期", "joined")),
    Column("status", ("状态", "在岗状态", "人员状态", "status")),
    Column("skills", ("技能", "专业特长", "特长", "技能特长", "skills")),
    Column(
        "certificate",
        ("证书名称", "证书", "持证情况", "资格证书", "证书证书名称", "持证情况证书名称"),
    ),
    Column("certificate_number", ("证书编号", "证书号", "证书证书编号", "持证情况证书编号")),
    Column("certificate_issuer", ("发证机关", "发证单位", "证书发证机关", "持证情况发证机关")),
    Column(
        "certificate_expires",
        ("证书有效期", "有效期至", "证书有效期至", "证书到期", "证书到期时间", "持证情况有效期至"),
    ),
    Column("insurance_kind", ("保险种类", "险种", "意外伤害保险险种", "保险险种")),
    Column(
        "insurance_policy", ("保单号", "保险单号", "意外伤害保险保单号", "保险保单号", "保单号码")
    ),
    Column("insurer", ("保险公司", "承保公司", "意外伤害保险保险公司", "保险保险公司")),
    Column(
        "insurance_starts",
        ("保险起始", "保险开始日期", "保险起期", "意外伤害保险起始日期", "保险起始日期"),
    ),
    Column(
        "insurance_ends",
        (
            "保险截止",
            "保险到期",
            "保险有效期至",
            "保险止期",
            "保险截止日期",
            "保险到期日期",
            "意外伤害保险截止日期",
            "意外伤害保险到期日期",
        ),
    ),
    Column(
        "emergency_contact", ("紧急联系人", "紧急联系人姓名", "紧急联络人", "emergency contact")
    ),
    Column("emergency_mobile", ("紧急联系人电话", "紧急联系电话", "紧急联系人手机", "紧急电话")),
)
_DATE_COLUMNS = (
    "birth_date",
    "joined",
    "certificate_expires",
    "insurance_starts",
    "insurance_ends",
)


@dataclass
class MemberPlan:
    rows: list[tuple[int, CheckedMember]] = field(default_factory=list)  # (team id, member)
    known: dict[str, int] = field(default_factory=dict)  # id number -> rescuer id

    def __len__(self) -> int:
        return len(self.rows)


class MemberSteps(ImportSteps[TitledTable, MemberPlan]):
    audit_table = "team_memberships"

    @staticmethod
    def reader(path: Path, options: Mapping[str, Any]) -> TitledTable:
        return read_titled(path, COLUMNS)

    def rows(self, source: TitledTable) -> int:
        return len(source.table.rows)

    def validate(self, source: TitledTable) -> MemberPlan | None:
        job, table = self.job, source.table
        report = job.report
        report.read_from(table)
        teams = Teams(job.session)
        self.today = date.today()  # once: each call costs an import lookup
        default_team = self._default_team(source, teams)
        plan = MemberPlan()
        checked: list[tuple[DataRow, int, CheckedMember]] = []
        self._texts = _column_texts(table)
        named: dict[str, tuple[int | None, str | None]] = {}  # a team's text: found once
        self._posts: dict[str, str] = {}
        self._statuses: dict[str, str | None] = {}
        self._dates = {key: _column_dates(table, key) for key in _DATE_COLUMNS if table.has(key)}
        self._phones = {
            key: _column_phones(table, key)
            for key in ("mobile", "emergency_mobile")
            if table.has(key)
        }
        for position, row in enumerate(table.rows):
            if position % 500 == 0:
                job.check_cancel()
            self._position = position
            problems: list[ImportProblem] = []
            team_id = default_team
            team_text = self._text("team")
            if team_text:
                found = named.get(team_text)
                if found is None:
                    found = named[team_text] = teams.find(team_text)
                team_id, why = found
                if why is not None:
                    problems.append(table.problem(row, "team", team_text, why))
            elif team_id is None:
                problems.append(
                    table.problem(
                        row,
                        "team" if table.has("team") else None,
                        "",
                        QCoreApplication.translate(
                            "TeamsImport", "The row names no team, and the roster gives none."
                        ),
                    )
                )
            member = self._member(table, row, problems)
            if problems:
                for problem in problems:
                    report.add(problem)
                continue
            assert member is not None and team_id is not None
            checked.append((row, team_id, member))
        known = self._known(job.session, [m.identity.number for _r, _t, m in checked])
        refused = self._repeated(table, checked, known)
        memberships = self._memberships(job.session, list(known.values()))
        for position, (_row, team_id, member) in enumerate(checked):
            if position in refused:
                continue
            rescuer = known.get(member.identity.number)
            if rescuer is not None and (team_id, rescuer[0]) in memberships:
                report.updated += 1
            else:
                report.inserted += 1
            plan.rows.append((team_id, member))
        plan.known = {number: found[0] for number, found in known.items()}
        return plan

    def _default_team(self, source: TitledTable, teams: Teams) -> int | None:
        """The team of rows without a 所属队伍 value: ``--team``, else the title's."""
        table, given = source.table, self.job.options.get("team")
        text = given or team_in_title(source.title)
        if not text:
            if table.has("team"):
                return None
            raise ImportFileError(
                ImportProblem(
                    table.file,
                    table.sheet,
                    table.header_rows[0],
                    None,
                    "",
                    QCoreApplication.translate(
                        "TeamsImport",
                        "The roster names no team: give it in the title (某某救援队队员花名册), "
                        "in a 所属队伍 column or with --team.",
                    ),
                )
            )
        team_id, why = teams.find(text)
        if why is None:
            return team_id
        if not given and table.has("team") and all(table.text(r, "team") for r in table.rows):
            return None  # every row names its team: the title does not matter
        raise ImportFileError(
            ImportProblem(
                table.file,
                table.sheet,
                None if given else max(1, table.header_rows[0] - 1),
                None,
                text,
                why
                + (
                    QCoreApplication.translate("TeamsImport", " (--team)")
                    if given
                    else QCoreApplication.translate("TeamsImport", " (the title)")
                ),
            )
        )

    def _member(
        self, table: Table, row: DataRow, problems: list[ImportProblem]
    ) -> CheckedMember | None:
        # Each column's texts, dates and phones were read for all rows at once; a row
        # picks its own (an absent column reads as "").
        position = self._position
        texts = {key: column[position] for key, column in self._texts.items()}
        text = texts.get
        dates: dict[str, date | None] = dict.fromkeys(_DATE_COLUMNS)
        for key, column in self._dates.items():
            dates[key], why = column[position]
            if why is not None:
                problems.append(table.problem(row, key, text(key, ""), why))
        sex_text = text("sex", "")
        sex = _SEX.get(sex_text) or (read_sex(sex_text) if sex_text else None)
        if sex_text and sex is None:
            problems.append(
                table.problem(
                    row,
                    "sex",
                    sex_text,
                    QCoreApplication.translate("TeamsImport", "Write the sex as 男 or 女."),
                )
            )
        post_text, status_text = text("post", ""), text("status", "")
        if post_text not in self._posts:  # each distinct text looked up once
            self._posts[post_text] = _coded(post_text, POST_WORDS, POSTS) or "member"
        if status_text not in self._statuses:
            self._statuses[status_text] = _coded(status_text, MEMBER_STATUS_WORDS, MEMBER_STATUSES)
        post, status = self._posts[post_text], self._statuses[status_text]
        certificate = text("certificate", "")
        certificates = (
            (
                CertificateFields(
                    certificate,
                    text("certificate_number") or None,
                    text("certificate_issuer") or None,
                    dates["certificate_expires"],
                ),
            )
            if certificate
            else ()
        )
        insured = bool(
            text("insurance_policy")
            or text("insurer")
            or text("insurance_ends")
            or text("insurance_kind")
        )
        phones = self._phones
        fields = MemberFields(
            name=text("name", ""),
            id_number=table.cell(row, "id_number"),
            sex=sex,
            birth_date=dates["birth_date"],
            mobile=phones["mobile"][position] if "mobile" in phones else None,
            post=post,
            joined=dates["joined"],
            status=status or "active",
            skills=text("skills") or None,
            emergency_contact=text("emergency_contact") or None,
            emergency_mobile=(
                phones["emergency_mobile"][position] if "emergency_mobile" in phones else None
            ),
            certificates=certificates,
            insurance=InsuranceFields(
                ends=dates["insurance_ends"],
                kind=text("insurance_kind") or None,
                policy=text("insurance_policy") or None,
                insurer=text("insurer") or None,
                starts=dates["insurance_starts"],
            )
            if insured
            else None,
        )
        checker = FieldChecker()
        member = check_member(checker, fields, today=self.today)
        for key, message in checker.problems:
            if key in ("birth_date", "insurance_ends") and any(
                p.column == table.letter(key) for p in problems
            ):
                continue  # the date itself was refused already
            problems.append(table.problem(row, key, _shown(table, row, key), message))
        return member

    def _text(self, key: str) -> str:
        """The current row's cleaned text in column ``key`` ("" when absent)."""
        column = self._texts.get(key)
        return column[self._position] if column is not None else ""

    def _known(self, session: Session, numbers: list[str]) -> dict[str, tuple[int, str]]:
        """Registered people among ``numbers``: id number -> (rescuer id, name)."""
        found: dict[str, tuple[int, str]] = {}
        unique = sorted(set(numbers))
        for start in range(0, len(unique), 5000):
            chunk = unique[start : start + 5000]
            for rescuer_id, number, name in session.execute(
                select(Rescuer.id, Rescuer.id_number, Rescuer.name).where(
                    Rescuer.id_number.in_(chunk)
                )
            ):
                found[number] = (rescuer_id, name)
        return found

    def _memberships(self, session: Session, people: list[tuple[int, str]]) -> set[tuple[int, int]]:
        ids = sorted({rescuer_id for rescuer_id, _name in people})
        found: set[tuple[int, int]] = set()
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            found |= {
                (t, r)
                for t, r in session.execute(
                    select(Membership.team_id, Membership.rescuer_id).where(
                        Membership.rescuer_id.in_(chunk)
                    )
                )
            }
        return found

    def _repeated(
        self,
        table: Table,
        checked: list[tuple[DataRow, int, CheckedMember]],
        known: dict[str, tuple[int, str]],
    ) -> set[int]:
        """Positions refused: a person twice in one team, a person under two names (in the
        file, or against the register)."""
        report = self.job.report
        refused: set[int] = set()
        by_number: dict[str, list[int]] = {}
        for position, (_row, _team, member) in enumerate(checked):
            by_number.setdefault(member.identity.number, []).append(position)
        for number, positions in by_number.items():
            if len(positions) == 1:  # most people: once in the file
                registered = known.get(number)
                if registered is None or registered[1] == checked[positions[0]][2].person["name"]:
                    continue
            rows = [checked[p][0] for p in positions]
            names = {str(checked[p][2].person["name"]) for p in positions}
            registered = known.get(number)
            if registered is not None:
                names.add(registered[1])
            teams = [checked[p][1] for p in positions]
            if len(names) > 1:
                report.add(
                    table.problem(
                        rows[0],
                        "id_number",
                        clean_text(table.cell(rows[0], "id_number")),
                        fill(
                            QCoreApplication.translate(
                                "TeamsImport",
                                "One identity number under several names (%1), rows %2.",
                            ),
                            "、".join(sorted(names)),
                            "、".join(str(r.number) for r in rows),
                        ),
                    )
                )
                refused.update(positions)
            elif len(set(teams)) < len(teams):
                report.add(
                    table.problem(
                        rows[0],
                        "id_number",
                        clean_text(table.cell(rows[0], "id_number")),
                        fill(
                            QCoreApplication.translate(
                                "TeamsImport",
                                "The same person appears more than once in one team (rows %1).",
                            ),
                            "、".join(str(r.number) for r in rows),
                        ),
                    )
                )
                refused.update(positions)
        return refused

    def write(self, plan: MemberPlan, writer: Writer) -> int:
        session = self.job.session
        known = dict(plan.known)
        new: dict[str, CheckedMember] = {}
        new_policies: dict[str, dict[tuple[Any, ...], tuple[Any, Any]]] = {}
        for _team, member in plan.rows:
            number = member.identity.number
            if number not in known:
                new.setdefault(number, member)
                i = member.insurance
                if i is not None and i.ends is not None:  # first of a repeated policy kept
                    new_policies.setdefault(number, {}).setdefault(
                        (i.policy, i.ends), (i.starts, i.ends)
                    )
        ids = allocate_ids(session, Rescuer.__table__, len(new))  # type: ignore[arg-type]
        rows = []
        for new_id, (number, m) in zip(ids, new.items(), strict=True):
            row = _person(m)
            row["id"] = new_id
            given = new_policies.get(number)
            if given is None:
                row |= _NO_COVER
            elif len(given) == 1:  # most people: one policy, its own cover
                ((starts, ends),) = given.values()
                row["insurance_gap"] = False
                if starts is None or starts <= ends:
                    row["insured_from"], row["insured_until"] = starts, ends
                else:
                    row |= insurance_cover(given.values()).values()
            else:
                row |= insurance_cover(given.values()).values()
            rows.append(row)
        insert_many(session, Rescuer.__table__, rows)  # type: ignore[arg-type]
        known |= dict(zip(new, ids, strict=True))
        changed = [
            {"b_id": known[m.identity.number], **_person(m)}
            for _t, m in plan.rows
            if m.identity.number in plan.known
        ]
        if changed:
            keys = [k for k in changed[0] if k != "b_id"]
            statement = (
                update(Rescuer.__table__)  # type: ignore[arg-type]
                .where(Rescuer.__table__.c.id == bindparam("b_id"))
                .values({k: func.coalesce(bindparam(k), Rescuer.__table__.c[k]) for k in keys})
            )
            session.connection().execute(statement, changed)
        existing = self._memberships(session, [(r, "") for r in plan.known.values()])
        held = self._held(session, sorted(set(plan.known.values())))
        registered = set(plan.known.values())
        insured: set[int] = set()  # people registered before who got a policy
        written = 0
        for batch in writer.batches(plan.rows, 2000):
            members, updates, certificates, policies = [], [], [], []
            for team_id, member in batch:
                rescuer_id = known[member.identity.number]
                values = dict(member.membership)
                if (team_id, rescuer_id) in existing:
                    updates.append({"b_team": team_id, "b_rescuer": rescuer_id, **values})
                else:
                    members.append({"team_id": team_id, "rescuer_id": rescuer_id, **values})
                    existing.add((team_id, rescuer_id))
                for c in member.certificates:
                    key: tuple[Any, ...] = ("c", rescuer_id, c.kind, c.number)
                    if key not in held:
                        held.add(key)
                        certificates.append(
                            {
                                "rescuer_id": rescuer_id,
                                "kind": c.kind,
                                "number": c.number,
                                "issuer": c.issuer,
                                "expires": c.expires,
                            }
                        )
                i = member.insurance
                if i is not None and i.ends is not None:
                    key = ("i", rescuer_id, i.policy, i.ends)
                    if key not in held:
                        held.add(key)
                        if rescuer_id in registered:
                            insured.add(rescuer_id)
                        policies.append(
                            {
                                "rescuer_id": rescuer_id,
                                "kind": i.kind,
                                "policy": i.policy,
                                "insurer": i.insurer,
                                "starts": i.starts,
                                "ends": i.ends,
                            }
                        )
            insert_many(session, Membership.__table__, members)  # type: ignore[arg-type]
            if updates:
                table = Membership.__table__
                session.connection().execute(
                    update(table)  # type: ignore[arg-type]
                    .where(
                        table.c.team_id == bindparam("b_team"),
                        table.c.rescuer_id == bindparam("b_rescuer"),
                    )
                    .values({k: bindparam(k) for k in ("post", "joined", "status")}),
                    updates,
                )
            insert_many(session, Certificate.__table__, certificates)  # type: ignore[arg-type]
            insert_many(session, Insurance.__table__, policies)  # type: ignore[arg-type]
            written += len(batch)
        store_insurance_cover(session, insured)  # new people's came with them
        return written

    def _held(self, session: Session, people: list[int]) -> set[tuple[Any, ...]]:
        held: set[tuple[Any, ...]] = set()
        for start in range(0, len(people), 5000):
            chunk = people[start : start + 5000]
            held |= {
                ("c", r, kind, number)
                for r, kind, number in session.execute(
                    select(Certificate.rescuer_id, Certificate.kind, Certificate.number).where(
                        Certificate.rescuer_id.in_(chunk)
                    )
                )
            }
            held |= {
                ("i", r, policy, ends)
                for r, policy, ends in session.execute(
                    select(Insurance.rescuer_id, Insurance.policy, Insurance.ends).where(
                        Insurance.rescuer_id.in_(chunk)
                    )
                )
            }
        return held


_PERSON_KEYS = (
    "name",
    "id_number",
    "sex",
    "birth_date",
    "mobile",
    "skills",
    "emergency_contact",
    "emergency_mobile",
)
_NO_COVER = NO_COVER.values()


def _person(member: CheckedMember) -> dict[str, Any]:
    get = member.person.get
    return {key: get(key) for key in _PERSON_KEYS}


def _column_texts(table: Table) -> dict[str, list[str]]:
    """Every read column's cells cleaned at once (``clean_texts``: a clean column costs
    one search, repeated texts one lookup)."""
    texts: dict[str, list[str]] = {}
    for key, index in table.columns.items():
        cells = [row.cells[index] if index < len(row.cells) else None for row in table.rows]
        texts[key] = clean_texts(cells, {})
    return texts


def _cells(table: Table, key: str) -> list[Any]:
    index = table.columns[key]
    return [row.cells[index] if index < len(row.cells) else None for row in table.rows]


def _column_dates(table: Table, key: str) -> list[tuple[date | None, str | None]]:
    """Every row's (date, reason refused) in column ``key``, each distinct cell read once
    (a roster repeats its policies' dates down the column)."""
    seen: dict[tuple[type, Any], tuple[date | None, str | None]] = {}
    found = []
    for row, value in zip(table.rows, _cells(table, key), strict=True):
        try:
            marker = (type(value), value)
            result = seen.get(marker)
        except TypeError:  # unhashable: read as it is
            marker, result = None, None
        if result is None:
            result = date_of(table, row, key)
            if marker is not None:
                seen[marker] = result
        found.append(result)
    return found


def _column_phones(table: Table, key: str) -> list[str | None]:
    """``phone_of`` every row's cell at once (plain digits pass as they are)."""
    return [text or None for text in number_texts(_cells(table, key), {})]


_SEX = {"男": "M", "女": "F"}


def _coded(text: str, words: Mapping[str, str], codes: Mapping[str, str]) -> str | None:
    if not text:
        return None
    return words.get(text) or code_for(codes, text) or text


def _shown(table: Table, row: DataRow, key: str) -> str:
    return clean_text(table.cell(row, key)) if key in table.columns else ""
