"""Constants every test shares (the fixed day, the password, the login's test cost).

They live here, not in a conftest, because there are two conftests (tests/ and tests/ui/)
and ``from conftest import PASSWORD`` finds whichever pytest imported last: both
re-export these names.
"""

from __future__ import annotations

from datetime import date

TODAY = date(2026, 11, 22)
PASSWORD = "rahasia-uji-123"

# The login's scrypt cost in tests: 2**10 instead of 2**17 (0.35 s and 128 MiB per login).
# Lowered in the test process only; tests/models/test_security.py checks the real cost,
# read here before any test lowers it.
TEST_SCRYPT_N = 2**10


def _installed_scrypt_n() -> int:
    from app.models import security
    return security.LOGIN_SCRYPT_N


INSTALLED_SCRYPT_N = _installed_scrypt_n()
