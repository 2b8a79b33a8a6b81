"""The supplies page (应急物资)."""
