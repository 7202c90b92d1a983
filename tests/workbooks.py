"""State lists as Excel workbooks, built with openpyxl as a state or a counselor's
spreadsheet would have them, for the import tests."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def state_workbook(path: Path) -> Path:
    """One sheet with a field column, under a merged title and a two-row header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Credentials"
    ws["A1"] = "Industry-Recognized Credentials by Career Field, 2025-2026"
    ws.merge_cells("A1:F1")
    for col, heading in zip("ABC", ("Credential Name", "Issuing Organization", "Career Field")):
        ws[f"{col}3"] = heading
        ws.merge_cells(f"{col}3:{col}4")
    ws["D3"] = "Points and costs"
    ws.merge_cells("D3:F3")
    ws["D4"], ws["E4"], ws["F4"] = "Point Value", "Exam Cost ($)", "Prep Hours"
    rows = [
        ["CompTIA A+", "CompTIA", "Information Technology", 12, 506, 120],          # row 5
        [None] * 6,                                                                  # row 6: blank
        ["CompTIA Network+", "CompTIA", "Information Technology", "9", "$369", None],  # points as text
        ["State Tested Nurse Aide", "Ohio Department of Health", "Health", "six", None, None],
        ["Ohio driver license", "Ohio BMV", "Health", 1, None, None],
        ["Ohio driver license", "Ohio BMV", "Information Technology", 1.0, None, None],
        ["ServSafe Food Handler", "National Restaurant Association", "Hospitality and Tourism", None, 15, 4],
        ["", "", "Health", 3, None, None],                                           # no name
        ["Pharmacy Technician (CPhT)", "PTCB", "Health", 12, 129, None],
        ["Pharmacy Technician (CPhT)", "PTCB", "Health", 9, 129, None],              # conflict
        ["Total", None, None, 49, None, None],                                       # row 15
    ]
    for row in rows:
        ws.append(row)
    notes = wb.create_sheet("Read me")
    notes["A1"] = "Published by the state board. Points are set by committee."
    hidden = wb.create_sheet("Old list")
    hidden.append(["Credential", "Career Field", "Points"])
    hidden.append(["Gone", "Health", 3])
    hidden.sheet_state = "hidden"
    wb.save(path)
    return path


def field_per_sheet_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    it = wb.active
    it.title = "Information Technology"
    it.append(["Credential", "Issuer", "Points"])
    it.append(["CompTIA A+", "CompTIA", 12])
    it.append(["Ohio driver license", "Ohio BMV", "1"])
    health = wb.create_sheet("Health")
    health.append([])
    health.append(["Name", "Points", "Cost"])  # header on row 2, columns in another order
    health.append(["State Tested Nurse Aide", 6, 125])
    health.append(["Ohio driver license", 1, None])
    wb.save(path)
    return path
