"""The province a unit lies in, by name and pre-2025 register code, for roll-ups: a figure
row carries it so "by province and year" is one GROUP BY. A province's own province is itself."""
from __future__ import annotations

from . import gazetteer


def _is_province(unit: dict) -> bool:
    """A province-level unit: "tỉnh X", or a centrally-run city, whose code is a province code."""
    if unit.get("type") == "tỉnh":
        return True
    code = unit.get("code")
    return (unit.get("type") == "thành phố" and unit.get("district") is None and unit.get("province") is None
            and code is not None and gazetteer.get("province", code) is not None)


def province_of(unit: dict) -> tuple[str | None, str | None]:
    """(province name, pre-2025 province code) of `unit` (a record's unit dict); the code is
    None when the province's name is not (or not uniquely) in the register."""
    if _is_province(unit):
        name, code = unit.get("name"), unit.get("code")
        if code is None:
            found = gazetteer.lookup("province", name) if name else []
            code = found[0].code if len(found) == 1 else None
        return name, code
    name = unit.get("province")
    if not name:
        return None, None
    found = gazetteer.lookup("province", name)
    return name, (found[0].code if len(found) == 1 else None)
