"""The command groups, in the order ``--help`` lists them: a new group is one module and one line here."""

from __future__ import annotations

from ui.cli.cmd_db import register as register_db
from ui.cli.cmd_demo import register as register_demo
from ui.cli.cmd_dutylog import register as register_dutylog
from ui.cli.cmd_event import register as register_event
from ui.cli.cmd_export import register as register_export
from ui.cli.cmd_import import register as register_import
from ui.cli.cmd_map import register as register_map
from ui.cli.cmd_plan import register as register_plan
from ui.cli.cmd_print import register as register_print
from ui.cli.cmd_report import register as register_report
from ui.cli.cmd_roster import register as register_roster
from ui.cli.cmd_screenshot import register as register_screenshot
from ui.cli.cmd_supplies import register as register_supplies
from ui.cli.cmd_user import register as register_user
from ui.cli.core import Register

GROUPS: tuple[Register, ...] = (
    register_demo,
    register_db,
    register_user,
    register_event,
    register_import,
    register_export,
    register_print,
    register_map,
    register_screenshot,
    register_roster,
    register_report,
    register_dutylog,
    register_plan,
    register_supplies,
)
