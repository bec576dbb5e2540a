"""The attendance rate read once for many groups equals the rate asked group by group.

The monthly workbook asks for the rate of every program and age row and every PK; reading
the periods once (Queries.attendance_parts) and summing them per group must give exactly
the numbers ``Queries.attendance`` gives for each group (the one definition of the rate).
"""

from __future__ import annotations

from datetime import date

from app.models.queries import NONE, Filter, Queries
from app.models.storage import Database
from app.operations.auth import login
from conftest import PASSWORD, TODAY


def test_attendance_summed_per_group_equals_attendance_per_group(tmp_path):
    from app.operations.demo import generate_demo

    path = tmp_path / "demo.sqlite3"
    generate_demo(path, clients=300, seed=5, today=TODAY, password=PASSWORD, workers=0)
    db = Database.open(path)
    try:
        login(db, PASSWORD)
        q = Queries(db)
        kinds = q.kind_ids()
        officers = [o["id"] for o in q.officers(with_caseload=False)][:4]
        groups = {"all": Filter(), "none": Filter((("officer", NONE),))}
        groups |= {("kind", code, age): Filter((("kind", kinds[code]), ("age", age)))
                   for code in ("PB", "CB", "ASIM", "DIV") for age in ("dewasa", "anak")}
        groups |= {("officer", o): Filter((("officer", o),)) for o in officers}
        for start, end in ((date(2026, 10, 1), date(2026, 10, 31)), (date(2025, 12, 1), date(2026, 11, 22))):
            together = q.attendance_by_group(start, end, groups, today=TODAY)
            assert together["all"].due > 0 and any(a.reported for a in together.values())
            for key, flt in groups.items():
                alone = q.attendance(start, end, flt=flt if flt.groups else None, today=TODAY)
                assert (together[key].reported, together[key].due) == (alone.reported, alone.due), key
    finally:
        db.close()
