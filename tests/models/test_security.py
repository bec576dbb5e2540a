"""The password record: scrypt at the real cost, the sealed audit key, and records it refuses."""

from __future__ import annotations

import time

import pytest

from conftest import INSTALLED_SCRYPT_N, PASSWORD, TEST_SCRYPT_N

import tampering
from app.models import security


def test_the_installed_cost_is_at_least_n_2_17_r_8_p_1_and_runs(monkeypatch):
    """The real cost, once: hashlib's memory limit must be raised to match (64 MiB fails)."""
    # The tests' cheap cost (tests/conftest.py) off for this one test.
    monkeypatch.setattr(security, "LOGIN_SCRYPT_N", INSTALLED_SCRYPT_N)
    assert security.LOGIN_SCRYPT_N >= 2**17 and (security.LOGIN_SCRYPT_R, security.LOGIN_SCRYPT_P) == (8, 1)
    key = security.new_audit_key()
    record = security.seal_password(PASSWORD, key)
    assert (record["n"], record["r"], record["p"]) == (security.LOGIN_SCRYPT_N, 8, 1)
    opened = security.open_password(PASSWORD, record)
    assert opened is not None and opened.key == key and opened.current_cost and not opened.legacy
    assert security.open_password(PASSWORD + "x", record) is None


def test_the_test_cost_is_only_the_fixture():
    assert security.LOGIN_SCRYPT_N == TEST_SCRYPT_N


def test_the_record_stores_no_password_and_no_key():
    key = security.new_audit_key()
    record = security.seal_password(PASSWORD, key)
    text = repr(record)
    assert PASSWORD not in text
    assert security.base64.b64encode(key).decode() not in text
    assert security.stored_key_id(record) == security.key_id(key)


def test_a_legacy_record_opens_without_a_key():
    opened = security.open_password(PASSWORD, tampering.legacy_record(PASSWORD))
    assert opened == security.Opened(None, legacy=True, current_cost=False)
    assert security.is_legacy(tampering.legacy_record(PASSWORD))


@pytest.mark.parametrize("change", [
    {"n": 2**40}, {"n": 2**20, "r": 64}, {"n": 1000}, {"n": "16384"}, {"r": 0}, {"p": 100},
    {"salt": "***"}, {"hash": "c2hvcnQ="}, {"scheme": "md5"}, {"key": "x"},
    {"key": {"nonce": "AAAA", "sealed": "AAAA", "id": "AAAA"}},
])
def test_damaged_or_absurd_records_are_refused_without_running_scrypt(change):
    record = {**security.seal_password(PASSWORD, security.new_audit_key()), **change}
    assert security.record_problem(record) == "damaged"
    started = time.monotonic()
    assert security.verify_password(PASSWORD, record) is False
    with pytest.raises(security.DamagedRecord):
        security.open_password(PASSWORD, record)
    assert time.monotonic() - started < 1  # no attempt to allocate what the record asks for


def test_a_keyless_record_at_another_cost_is_damage():
    record = security.seal_password(PASSWORD, security.new_audit_key())
    record.pop("key")
    assert security.record_problem(record) == "damaged" and not security.is_legacy(record)


def test_missing_is_not_damaged():
    assert security.record_problem(None) == "missing"
