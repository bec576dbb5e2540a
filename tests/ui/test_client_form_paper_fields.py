"""The entry form's fields for the paper: the guarantor's details and each program's legal basis."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from app.operations import clients
from app.ui.client_form import EDIT_PROGRAM, ClientForm
from conftest import TODAY
from factories import case, category_id, kind_id, officer, person, program
from uikit import choose, fill_client_form


def test_a_new_client_keeps_the_guarantors_details_and_the_programs_legal_basis(qtbot, db):
    pk = officer(db)
    form = ClientForm(db, "new", today=TODAY)
    qtbot.addWidget(form)
    fill_client_form(form, name="Budi Santoso", nik="3522011505900001", sex="L", birth="15-05-1990",
                     offence_date="01-12-2023", category_id=category_id(db, "Pencurian"), detention_start="01-03-2024",
                     years=3, kind_id=kind_id(db, "PB"), officer_id=pk, start="21-12-2025")
    assert form.basis_kind_combo.currentData() == "sk_dirjenpas"  # PB's usual basis, proposed
    form.guarantor_edit.setText("Siti Aminah")
    form.guarantor_relation_edit.setText("ibu")
    form.guarantor_address_edit.setText("Dusun Krajan RT 003 RW 007, Sumberrejo")
    form.guarantor_phone_edit.setText("081234567891")
    choose(form, "basis_kind_combo", "sk_menteri")
    form.findChild(QPushButton, "save_button").click()
    [p] = db.query("SELECT guarantor, guarantor_relation, guarantor_address, guarantor_phone FROM persons")
    assert p == {"guarantor": "Siti Aminah", "guarantor_relation": "ibu",
                 "guarantor_address": "Dusun Krajan RT 003 RW 007, Sumberrejo", "guarantor_phone": "081234567891"}
    assert db.scalar("SELECT basis_kind FROM programs") == "sk_menteri"


def test_editing_a_program_shows_its_stored_basis_even_one_no_longer_in_the_list(qtbot, db):
    created = clients.create_client(db, person(), case(db), program(db, "CB", basis_kind="sk_lama"), today=TODAY)
    program_id = db.scalar("SELECT id FROM programs WHERE person_id = ?", (created.id,))
    form = ClientForm(db, EDIT_PROGRAM, program_id=program_id, person_id=created.id, today=TODAY)
    qtbot.addWidget(form)
    assert form.basis_kind_combo.currentData() == "sk_lama"
    assert form.program_input().basis_kind == "sk_lama"
