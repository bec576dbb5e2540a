"""Synthetic demo data: ``generate_demo`` fills a new Rekam UPT file with made-up records.

``rekam-upt demo`` and the window's "Buka demo" call it.  Everything in the file is
invented: Indonesian names by region and religion (Javanese, Sundanese, Madurese,
Batak, Minang, Bugis, Balinese, Arabic-Islamic, Christian, Chinese-Indonesian ...,
some with "bin/binti", some with an alias), NIKs whose region, birth date and sex
digits agree with the person, a few foreigners with a passport instead, officers
with valid NIPs (and a few NI PPPK), offences with matching articles, statutes and
verdict numbers, sentences with a remission ledger (17 August and the religious
holidays), every program kind and status with its letter and reason, adults and
children, and monthly reporting (wajib lapor) with some months missed.  A Lapas,
Rutan or LPKA gets inmates instead: convicts of every register class (B.I-B.III)
and detainees held by each authority (A.I-A.V).  The file says so: setting
``demo`` is True, so the title bar, print-outs and exports can say DATA DEMO.

The same seed and ``today`` give the same records: clients are made in chunks of
2,000, each decided by its own ``random.Random("<seed>:<chunk>")`` and nothing else,
so a chunk is the same whether a worker process or this process makes it and however
many workers there are, and every record's timestamps derive from ``today``.  What
differs between two files of one seed is only what protects them: the password gets
a random salt (``auth.install_password``, as for real data, so no two demo files
share a precomputable hash), and the audit trail's entries are stamped and chained
by ``Database.audit`` at the moment the file is made.

The parts:
    ``vocabulary`` and ``data/*.json``: names, places, offences, holidays, papers.
    ``people``: the random stream, persons and officers.
    ``generator``: cases, sentences and their dates, programs, reporting; one chunk.
    ``writer``: the worker processes, the rows into the file, settings, password, audit.
    ``build``: ``generate_demo``: what may be replaced, backup, build beside, rename.

Speed (100,000 clients in about 20 s on two cores, see bench/bench_demo.py): see
``writer``; sentence dates come from ``calculator.compute(explain=False)`` and are
stored exactly as ``sentence.recompute_case`` would store them.
"""

from __future__ import annotations

from app.operations.demo.build import (
    BACKUP_REASON,
    MAX_CLIENTS,
    TEMP_SUFFIX,
    generate_demo,
    inspect_target,
)
from app.operations.demo.generator import CHUNK_CLIENTS, REPORT_DAYS
from app.operations.demo.vocabulary import EARLIEST_TODAY, LATEST_TODAY
from app.operations.demo.writer import OPERATION, ProgressFn, default_workers

__all__ = [
    "BACKUP_REASON",
    "CHUNK_CLIENTS",
    "EARLIEST_TODAY",
    "LATEST_TODAY",
    "MAX_CLIENTS",
    "OPERATION",
    "REPORT_DAYS",
    "TEMP_SUFFIX",
    "ProgressFn",
    "default_workers",
    "generate_demo",
    "inspect_target",
]
