"""A folder of students' plans on the two bundled catalogs, for the counselor's tools
(roster, HTML summaries, catalog diff): Ohio and Colorado plans side by side, each
saved with its own catalog, plus a broken file and a plan whose catalog is gone."""

from __future__ import annotations

from pathlib import Path

from credplan.core.model import EARNED, PLANNED, Catalog, Plan, Selection, freeze_scores
from credplan.core.students import plan_path_for
from plantools import save_plan

WK_GOOD = {"workkeys": {"Applied Math": 5, "Graphic Literacy": 4, "Workplace Documents": 4}}
WK_LOW = {"workkeys": {"Applied Math": 3, "Graphic Literacy": 3, "Workplace Documents": 3}}


def plan(student: str, class_of: int | None, picks: list[tuple[str, str]], scores=None, pinned=None) -> Plan:
    return Plan(
        student=student, class_of=class_of, pinned_field=pinned,
        selections=tuple(Selection(cid, status) for cid, status in picks),  # type: ignore[arg-type]
        scores=freeze_scores(scores or {}),
    )


def class_folder(folder: Path, ohio: Catalog, colorado: Catalog) -> dict[str, Path]:
    """Students:

    - Ana López (Ohio, 2027): CompTIA A+ earned (12 in IT), WorkKeys 5/4/4: met.
    - Ben Ortiz (Ohio, 2026): A+ planned, Network+ earned, ServSafe (other field), WorkKeys 4/4/4: on track.
    - Cy Park (Ohio, 2026): ITF+ planned (3 IT), no scores: not on track, far.
    - Dana Lee (Ohio, class not set): A+ earned: on track (WorkKeys not checked).
    - Eli Moss (Colorado, 2027): an English+math certificate earned: met.
    - Fay Ng (Colorado, 2028): ACT English 18 only: not on track.
    - broken.toml: not TOML. Gus (catalog `gone`, not found).
    """
    folder.mkdir(parents=True, exist_ok=True)
    both = next(c.id for c in colorado.credentials if {"english", "math"} <= c.meets)
    plans = {
        "ana": (plan("Ana López", 2027, [("comptia-a-plus", EARNED)], WK_GOOD), ohio),
        "ben": (plan("Ben Ortiz", 2026, [("comptia-a-plus", PLANNED), ("comptia-network-plus", EARNED),
                                        ("servsafe-food-handler", PLANNED)],
                     {"workkeys": {"Applied Math": 4, "Graphic Literacy": 4, "Workplace Documents": 4}}), ohio),
        "cy": (plan("Cy Park", 2026, [("comptia-itf-plus", PLANNED)]), ohio),
        "dana": (plan("Dana Lee", None, [("comptia-a-plus", EARNED)]), ohio),
        "eli": (plan("Eli Moss", 2027, [(both, EARNED)]), colorado),
        "fay": (plan("Fay Ng", 2028, [], {"act": {"English": 18}}), colorado),
    }
    out = {}
    for key, (p, catalog) in plans.items():
        path = plan_path_for(p.student, folder)
        save_plan(path, p, catalog)
        out[key] = path
    broken = folder / "broken.toml"
    broken.write_text("student = [\n", encoding="utf-8")
    out["broken"] = broken
    gone = folder / "gus.toml"
    gone.write_text('format = 1\nstudent = "Gus"\nclass_of = 2027\n[catalog]\nid = "gone"\npath = "/nowhere/gone.toml"\n',
                    encoding="utf-8")
    out["gus"] = gone
    return out


def next_ohio_list(path: Path) -> Path:
    """The bundled Ohio catalog as next year's list might change it: CompTIA A+ from 12
    to 9 points, Network+ renamed (same id), ServSafe Food Handler dropped, a new
    3-point IT credential, checked again."""
    from credplan.core.bundled import catalogs_dir

    text = (catalogs_dir() / "ohio.toml").read_text(encoding="utf-8")
    text = text.replace("checked = 2026-11-23", "checked = 2027-06-01", 1)
    a_plus = 'id = "comptia-a-plus"\nname = "CompTIA A+"\nissuer = "CompTIA"\nfields = ["it"]\npoints = 12\n'
    assert a_plus in text
    text = text.replace(a_plus, a_plus.replace("points = 12", "points = 9"))
    text = text.replace('name = "CompTIA Network+"', 'name = "CompTIA Network+ (N10-009)"', 1)
    start = text.index('[[credential]]\nid = "servsafe-food-handler"')
    end = text.index("[[credential]]", start + 1)
    text = text[:start] + text[end:]
    text += '\n[[credential]]\nid = "ai-fundamentals"\nname = "AI Fundamentals"\nfields = ["it"]\npoints = 3\n'
    path.write_text(text, encoding="utf-8")
    return path
