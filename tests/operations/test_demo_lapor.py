"""The demo's wajib lapor history is realistic: most report, some miss, a few reach each step."""

from __future__ import annotations

import pytest
from conftest import PASSWORD, TODAY

from app.models.errors import UserInputError
from app.models.lapor_queries import AttentionCache, months_back
from app.models.queries import Filter, Queries
from app.models.storage import Database
from app.operations.auth import login
from app.operations import wajib_lapor as wl
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


@pytest.fixture()
def visited(tmp_path):
    path = tmp_path / "cache.sqlite3"
    generate_demo(path, clients=1200, seed=11, today=TODAY, password=PASSWORD)
    db = Database.open(path)
    login(db, PASSWORD)
    yield db
    db.close()


def _filters(q: Queries) -> list[Filter]:
    """No group, each program kind, PK, offence and status with clients, and two of them together."""
    found = [Filter()]
    for dimension in ("kind", "officer", "offence", "status"):
        values = [v for v, n in q.group_counts(dimension, today=TODAY).items() if n]
        found += [Filter().with_group(dimension, v) for v in values[:3]]
    kind = next(v for v, n in q.group_counts("kind", today=TODAY).items() if n)
    officer = next(v for v, n in q.group_counts("officer", today=TODAY).items() if n)
    found += [Filter().with_group("kind", kind).with_group("officer", officer),
              Filter().with_group("kind", kind).with_include_ended(True)]
    return found


def test_cached_attention_counts_equal_a_full_count_under_every_group_and_after_visits(visited):
    """The count worker's cache (issue 10: a group switch must not count every program again) gives
    what one SQL pass gives, for every chosen group, and still after visits and a removed visit."""
    q = Queries(visited)
    cache = AttentionCache()
    filters = _filters(q)
    assert len(filters) > 8
    for flt in filters:
        assert q.attention_counts(flt, TODAY, cache=cache, epoch=1) == q.attention_counts(flt, TODAY), flt
    initial = q.attention_counts(Filter(), TODAY)
    flagged = q.attention_programs("unreported", TODAY)[:6] + q.attention_programs("missed_last", TODAY)[:4]
    assert len(flagged) >= 6
    changed: set[int] = set()
    for row in flagged[:-1]:
        try:
            wl.check_in(visited, program_id=row["program_id"], day=TODAY, today=TODAY)
        except UserInputError:
            continue  # (already reported today through another program of the same person)
        changed.add(row["person_id"])
    last = flagged[-1]
    visit = wl.check_in(visited, program_id=last["program_id"], day=TODAY, today=TODAY)
    wl.remove_visit(visited, visit.id, reason="salah orang")
    changed.add(last["person_id"])
    after = q.attention_counts(Filter(), TODAY)
    assert after["unreported"] < initial["unreported"]  # the visits did change what is counted
    for i, flt in enumerate(filters):
        cached = q.attention_counts(flt, TODAY, cache=cache, changed=changed if i == 0 else None, epoch=1)
        assert cached == q.attention_counts(flt, TODAY), flt
    # Another epoch (any change but a visit) counts everything again: a cache emptied by hand is refilled.
    cache.clear(cache.key, cache.epoch, len(cache.totals))
    assert q.attention_counts(Filter(), TODAY, cache=cache, epoch=1)["unreported"] == 0
    assert q.attention_counts(Filter(), TODAY, cache=cache, epoch=2) == after
