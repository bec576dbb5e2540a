"""The demo's wajib lapor history is realistic: most report, some miss, a few reach each step."""

from __future__ import annotations

import pytest
from conftest import PASSWORD, TODAY

from app.models.lapor_queries import months_back
from app.models.queries import Queries
from app.models.storage import Database
from app.operations.auth import login
from app.operations.demo import generate_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "lapor.sqlite3"
    generate_demo(path, clients=2500, seed=5, today=TODAY, password=PASSWORD)
    db = Database.open(path)
    login(db, PASSWORD)
    yield db
    db.close()


def test_most_clients_report_and_some_miss(demo):
    q = Queries(demo)
    months = months_back(TODAY, 5)[:-1]  # the four whole months recorded before this one
    rates = [q.attendance(s, e, today=TODAY).rate for s, e in months]
    assert all(0.8 < r < 0.99 for r in rates), rates


def test_each_step_has_clients_and_letters_have_numbers(demo):
    q = Queries(demo)
    counts = q.attention_counts(today=TODAY)
    for group in ("unreported", "missed_last", "confirm", "step:teguran_1", "step:teguran_2", "step:laporan_jaksa",
                  "revocation", "ending", "past_end"):
        assert counts[group] > 0, group
    numbers = [r[0] for r in demo.conn.execute("SELECT letter_number FROM reporting_steps")]
    assert numbers and len(set(numbers)) == len(numbers)
    assert demo.scalar("SELECT count(*) FROM revocation_stages") > 0


def test_excuses_extra_contacts_kinds_notes_and_photos(demo):
    assert demo.scalar("SELECT count(*) FROM reporting_excuses") > 10
    assert demo.scalar("SELECT count(*) FROM wajib_lapor WHERE extra = 1") > 10
    assert demo.scalar("SELECT count(*) FROM wajib_lapor WHERE backdated = 1") > 10
    kinds = dict(demo.conn.execute("SELECT kind, count(*) FROM wajib_lapor GROUP BY kind"))
    assert set(kinds) == {"office", "home", "remote", "officer"} and kinds["office"] > sum(kinds.values()) / 2
    working = dict(demo.conn.execute("SELECT working, count(*) FROM wajib_lapor GROUP BY working"))
    assert working["yes"] > 0 and working["no"] > 0
    assert demo.scalar("SELECT count(*) FROM guidance_notes") > 50
    photos = demo.scalar("SELECT count(*) FROM person_photos")
    assert 0 < photos < demo.scalar("SELECT count(*) FROM persons") / 10
    # The drawn likenesses wearing a hijab go to women only.
    assert demo.scalar("SELECT count(*) FROM person_photos f JOIN persons p ON p.id = f.person_id"
                       " WHERE p.sex = 'L' AND f.sha256 IN (SELECT sha256 FROM person_photos f2 JOIN persons p2"
                       " ON p2.id = f2.person_id WHERE p2.sex = 'P')") == 0
