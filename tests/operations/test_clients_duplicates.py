"""A second person beside a likely duplicate needs a reason (app/operations/clients.py, issue 9)."""

from __future__ import annotations

from datetime import date

import pytest
from factories import case, person, program

from app.models.domain import Confirmations
from app.models.errors import ConfirmationNeeded, UserInputError
from app.operations import clients
from testenv import TODAY


def _first(db):
    return clients.create_client(db, person("Muhammad Rizki bin Ahmad", "3522011505900001"), case(db),
                                 program(db, "PB"), today=TODAY)


def test_a_look_alike_asks_before_anything_is_saved(db):
    _first(db)
    with pytest.raises(ConfirmationNeeded) as caught:
        clients.create_client(db, person("Muhamad Rizki", "3522011505900009"), case(db), today=TODAY)
    assert [d["name"] for d in caught.value.duplicates] == ["Muhammad Rizki bin Ahmad"]
    assert db.scalar("SELECT COUNT(*) FROM persons") == 1


def test_a_second_person_without_a_reason_is_refused(db):
    _first(db)
    for reason in ("", "   "):
        with pytest.raises(UserInputError) as caught:
            clients.create_client(db, person("Muhamad Rizki", "3522011505900009"), case(db),
                                  confirm=Confirmations(duplicate_ok=True, duplicate_reason=reason), today=TODAY)
        assert caught.value.field == "person.duplicate_reason"
        assert "alasan" in caught.value.message and "Muhammad Rizki bin Ahmad" in caught.value.message
    assert db.scalar("SELECT COUNT(*) FROM persons") == 1


def test_a_second_person_with_a_reason_keeps_it_in_the_record_and_the_trail(db):
    _first(db)
    why = "Orang lain: orang tua dan alamat berbeda"
    result = clients.create_client(db, person("Muhamad Rizki", "3522011505900009"), case(db),
                                   confirm=Confirmations(duplicate_ok=True, duplicate_reason=why), today=TODAY)
    assert db.scalar("SELECT duplicate_note FROM persons WHERE id = ?", (result.id,)) == why
    assert why in db.scalar("SELECT after FROM audit_log WHERE operation = 'tambah klien' ORDER BY id DESC LIMIT 1")


def test_the_same_nik_is_refused_even_with_a_reason(db):
    _first(db)
    with pytest.raises(UserInputError) as caught:
        clients.create_client(db, person("Rizki Lain", "3522011505900001", birth=date(1990, 5, 15)), case(db),
                              confirm=Confirmations(duplicate_ok=True, duplicate_reason="beda orang"), today=TODAY)
    assert caught.value.code == "nik_taken"


def test_editing_a_person_whose_identity_is_unchanged_does_not_ask_again(db):
    _first(db)
    second = clients.create_client(db, person("Muhamad Rizki", "3522011505900009"), case(db),
                                   confirm=Confirmations(duplicate_ok=True, duplicate_reason="orang lain"),
                                   today=TODAY)
    clients.update_person(db, second.id, person("Muhamad Rizki", "3522011505900009", phone="081234567890"), today=TODAY)
    assert db.scalar("SELECT phone FROM persons WHERE id = ?", (second.id,)) == "081234567890"


def test_renaming_into_a_look_alike_needs_the_reason_too(db):
    _first(db)
    other = clients.create_client(db, person("Andi Saputra", "3522011505900009"), case(db), today=TODAY)
    with pytest.raises(ConfirmationNeeded):
        clients.update_person(db, other.id, person("Muhamad Rizki", "3522011505900009"), today=TODAY)
    with pytest.raises(UserInputError):
        clients.update_person(db, other.id, person("Muhamad Rizki", "3522011505900009"),
                              Confirmations(duplicate_ok=True), today=TODAY)
    clients.update_person(db, other.id, person("Muhamad Rizki", "3522011505900009"),
                          Confirmations(duplicate_ok=True, duplicate_reason="orang lain"), today=TODAY)
    assert db.scalar("SELECT duplicate_note FROM persons WHERE id = ?", (other.id,)) == "orang lain"
