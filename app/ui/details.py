"""The selected person's details beside the table: identity, cases with their dates, programs.

Rendered as rich text with action links (edit, change status, remissions, delete),
which the main window turns into operations.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.models.dates import age_on, from_iso
from app.models.durations import Duration
from app.models.queries import Queries
from app.ui.labels import (
    age_label,
    amount_text,
    authority_label,
    date_label,
    remission_kind_label,
    sentence_kind_label,
    sentence_total_text,
    status_label,
)
from app.ui.widgets import date_text

SHOWN_DATES = ("expiry_initial", "expiry", "one_third", "half", "two_thirds", "parole_date",
               "parole_supervision_end", "conditional_leave_start", "conditional_leave_end",
               "leave_before_release_start", "assimilation_date")


def _e(value: object) -> str:
    return html.escape(str(value)) if value not in (None, "") else "–"


class DetailsPanel(QTextBrowser):
    """Emits ``action(name, id)`` when an action link is clicked."""

    action = Signal(str, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("details")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.person_id: int | None = None
        self._queries: Queries | None = None
        self.readonly = False
        # Sections other parts add under the identity (wajib lapor): fn(panel, queries, person_id, today) -> html.
        self.extra_sections: list = []
        self.show_empty()

    def _on_link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("rk:"):
            name, _, ident = text[3:].partition("/")
            self.action.emit(name, int(ident or 0))

    def show_empty(self, text: str | None = None) -> None:
        self.person_id = None
        hint = text or self.tr("Choose a person in the table to see the details.")
        self.setHtml(f"<p style='color:#666'>{_e(hint)}</p>")

    def _link(self, name: str, ident: int, text: str) -> str:
        if self.readonly and name not in ("history", "dates"):
            return ""
        return f"<a href='rk:{name}/{ident}'>{html.escape(text)}</a>"

    def show_person(self, queries: Queries, person_id: int, today: date) -> None:
        person = queries.person(person_id)
        if person is None:
            self.show_empty()
            return
        # The same person again (after a save): the pane keeps its place (issue 9).
        keep = self.verticalScrollBar().value() if person_id == self.person_id else 0
        self.person_id = person_id
        self._queries = queries
        cases = queries.cases_of(person_id)
        programs = queries.programs_of(person_id)
        birth = from_iso(person["birth_date"])
        out: list[str] = []
        name = _e(person["name"]) + (f" <i>als. {_e(person['alias'])}</i>" if person["alias"] else "")
        out.append(f"<h2 style='margin-bottom:2px'>{name}</h2>")
        if person["deleted_at"]:
            in_bin = self.tr("In the bin")
            out.append(f"<p style='color:#b00020'><b>{_e(in_bin)}</b></p>")
        passport = self.tr("Passport")
        ident = person["nik"] or (f"{passport} {person['passport']}" if person["passport"] else "")
        sex = self.tr("male") if person["sex"] == "L" else self.tr("female")
        nik_label = self.tr("NIK")
        age = self.tr("%1 years").replace("%1", str(age_on(birth, today)))
        out.append(f"<p>{_e(nik_label)}: <b>{_e(ident)}</b> · {_e(sex)} · {_e(person['birth_place'])}, "
                   f"{_e(date_text(birth))} ({_e(age)})</p>")
        if person["nik_note"]:
            confirmed = self.tr("NIK confirmed by the officer")
            out.append(f"<p style='color:#8a5300'>{_e(confirmed)}: "
                       f"{_e(person['nik_note'])}</p>")
        # -- issue 12: what a record from an old register (or saved with a warning) still lacks --
        missing = queries.missing_of(person_id)
        if missing:
            incomplete = self.tr("Incomplete records — missing: %1").replace("%1", ", ".join(missing))
            out.append(f"<p style='color:#8a5300'><b>{_e(incomplete)}</b></p>")
        rows = [(self.tr("Nationality"), person["nationality"]), (self.tr("Religion"), person["religion"]),
                (self.tr("Education"), person["education"]), (self.tr("Occupation"), person["occupation"]),
                (self.tr("Address"), person["address"]), (self.tr("Phone"), person["phone"]),
                (self.tr("Family contact"), person["family_contact"]), (self.tr("Guarantor"), person["guarantor"])]
        out.append(self._table(rows))
        out.append("<p>" + " · ".join(x for x in (
            self._link("edit_person", person_id, self.tr("Edit identity")),
            self._link("add_case", person_id, self.tr("Add a case")),
            self._link("history", person_id, self.tr("History")),
            self._link("delete_person", person_id, self.tr("Move to bin"))) if x) + "</p>")
        for section in self.extra_sections:
            out.append(section(self, queries, person_id, today))

        by_case: dict[int, list[dict]] = {}
        for p in programs:
            by_case.setdefault(p["case_id"], []).append(p)
        for case in cases:
            out.append(self._case_html(queries, case, by_case.get(case["id"], [])))
        if not cases:
            no_case = self.tr("No case recorded yet.")
            out.append(f"<p style='color:#666'>{_e(no_case)}</p>")
        self.setHtml("".join(out))
        self.verticalScrollBar().setValue(keep)

    def _table(self, rows: list[tuple[str, object]]) -> str:
        # A value of several lines (an address) keeps its lines.
        shown = [(k, v) for k, v in rows if v not in (None, "")]
        share = self._label_share(shown)
        cells = "".join(f"<tr><td width='{share}%' style='color:#555;padding-right:8px'>{_e(k)}</td>"
                        f"<td>{_e(v).replace(chr(10), '<br>')}</td></tr>" for k, v in shown)
        # The full width, the labels in at most 38 % of it: a value (a date) keeps room to stay whole.
        return f"<table width='100%' cellspacing='0' cellpadding='1'>{cells}</table>"

    def _label_share(self, rows: list[tuple[str, object]]) -> int:
        """The labels' share of the width: 38 %, or more when one word of a label would not fit in it
        ("Kewarganegaraan" broke in two in a narrow panel); labels wrap between words, never inside one."""
        words = [w for label, _ in rows for w in str(label).split()]
        if not words:
            return 38
        widest = max(self.fontMetrics().horizontalAdvance(w) for w in words) + 14  # padding and cell spacing
        text_width = max(1, self.width() - 40)  # less the margins and a vertical scroll bar
        return max(38, min(55, -(-widest * 100 // text_width)))

    def _case_html(self, queries: Queries, case: dict, programs: list[dict]) -> str:
        case_label = self.tr("Case")
        offence = case["offence_name"] or case.get("offence_text") or ""  # (issue 12: as the old register wrote it)
        out = [f"<hr><h3 style='margin-bottom:2px'>{_e(case_label)}: {_e(offence)}</h3>"]
        kind = case["sentence_kind"]
        sentence = sentence_total_text(case) if kind == "term" else sentence_kind_label(kind)
        rows = [
            (self.tr("Offence date"), date_text(from_iso(case["offence_date"]))),
            (self.tr("Adult / child"), age_label(case["client_class"])),
            (self.tr("Articles"), " ".join(x for x in (case["articles"], case["statute"]) if x)),
            (self.tr("Verdict"), " · ".join(x for x in (case["verdict_number"],
                                                       date_text(from_iso(case["verdict_date"]), ""),
                                                       case["court"]) if x)),
            (self.tr("Sentence"), sentence),
            (self.tr("Fine"), self._fine_text(case)),
            (self.tr("Detained since"), date_text(from_iso(case["detention_start"]), "")),
            (self.tr("Detained by"),
             authority_label(case["detention_authority"]) if case["detention_authority"] else ""),
            (self.tr("Register class"), case["register_class"]),
        ]
        out.append(self._table(rows))
        out.append(self._dates_html(queries, case))
        remissions = queries.remissions_of(case["id"])
        if remissions:
            items = "".join(
                f"<li>{_e(date_text(from_iso(r['granted'])))}: {_e(remission_kind_label(r['kind']))} "
                f"{_e(amount_text(r['months'], r['days']))}"
                f"{' · SK ' + _e(r['sk_number']) if r['sk_number'] else ''}</li>" for r in remissions)
            remissions_label = self.tr("Remissions")
            out.append(f"<p style='margin-bottom:0'><b>{_e(remissions_label)}</b></p>"
                       f"<ul style='margin-top:0'>{items}</ul>")
        out.append("<p>" + " · ".join(x for x in (
            self._link("edit_case", case["id"], self.tr("Edit case")),
            self._link("dates", case["id"], self.tr("Remissions and dates")),
            self._link("add_program", case["id"], self.tr("Add a program")),
            self._link("delete_case", case["id"], self.tr("Move case to bin"))) if x) + "</p>")
        for p in programs:
            out.append(self._program_html(p))
        return "".join(out)

    def _fine_text(self, case: dict) -> str:
        if not case["fine"]:
            return ""
        subsidiary, unpaid = self.tr("subsidiary"), self.tr("unpaid")
        text = f"Rp {case['fine']:,}".replace(",", ".")
        if case["subsider"]:
            text += f" · {subsidiary} {Duration.parse(case['subsider']).label_id()}"
        if not case["fine_paid"]:
            text += f" ({unpaid})"
        return text

    def _dates_html(self, queries: Queries, case: dict) -> str:
        if case["calc_note"]:
            return f"<p style='color:#666'>{_e(case['calc_note'])}</p>"
        if not case["expiry"]:
            return ""
        official = queries.official_dates(case["id"])
        overridden = queries.overrides(case["id"])
        rows = []
        computed_label, official_label = self.tr("computed"), self.tr("official")
        for key in SHOWN_DATES:
            value, computed = from_iso(case[key]), from_iso(case[f"calc_{key}"])
            if not value and not computed and key not in official:
                continue
            note = ""
            if value != computed:
                note = f" <span style='color:#8a5300'>({_e(computed_label)}: {_e(date_text(computed))})</span>"
            if key in overridden:
                note += f" <span style='color:#8a5300'>✎ {_e(overridden[key][1])}</span>"
            if key in official:
                differs = official[key] != computed
                colour = "#b00020" if differs else "#2e7d32"
                note += (f" <span style='color:{colour}'>{_e(official_label)}: "
                         f"{_e(date_text(official[key]))}{' ≠' if differs else ' ✓'}</span>")
            rows.append(f"<tr><td width='38%' style='color:#555;padding-right:8px'>{_e(date_label(key))}</td>"
                        f"<td><b>{_e(date_text(value))}</b>{note}</td></tr>")
        legend = ""
        if any(official[k] != from_iso(case[f"calc_{k}"]) for k in official if k in SHOWN_DATES):
            legend = ("<p style='color:#b00020'>" + _e(self.tr(
                "≠ The official date (from the SK or the releasing Lapas's papers) differs from the computed one. "
                "Check the remissions and days out of detention under “Remissions and dates”; the case stays "
                "under Due › Official dates differ from computed until they agree.")) + "</p>")
        eligibility = []
        eligibility.append(self.tr("Parole (PB): eligible by date") if case["parole_eligible"]
                           else self.tr("Parole (PB): not eligible by date"))
        eligibility.append(self.tr("Conditional leave (CB): eligible") if case["conditional_leave_eligible"]
                           else self.tr("Conditional leave (CB): not eligible"))
        return (f"<table width='100%' cellspacing='0' cellpadding='1'>{''.join(rows)}</table>{legend}"
                f"<p style='color:#555'>{_e(' · '.join(eligibility))}</p>")

    def _program_html(self, p: dict) -> str:
        period = f"{date_text(from_iso(p['start_date']))} – {date_text(from_iso(p['end_date']))}"
        status = status_label(p["status"])
        if p["status"] != "aktif":
            status += f" ({date_text(from_iso(p['status_date']))}"
            status += f", {p['status_letter']}" if p["status_letter"] else ""
            status += f": {p['status_reason']})" if p["status_reason"] else ")"
        rows = [(self.tr("Register number"), p["register_number"]),
                (self.tr("Decree (SK)"), " · ".join(x for x in (p["sk_number"], date_text(from_iso(p["sk_date"]), ""))
                                                    if x)),
                (self.tr("Guidance"), period), (self.tr("Officer (PK)"), p["officer_name"]),
                (self.tr("Status"), status), (self.tr("Remarks"), p.get("remarks") or "")]
        links = " · ".join(x for x in (
            self._link("edit_program", p["id"], self.tr("Edit program")),
            self._link("status", p["id"], self.tr("Change status")),
            self._link("delete_program", p["id"], self.tr("Move program to bin"))) if x)
        return (f"<h4 style='margin-bottom:2px'>{_e(p['kind_code'])} – {_e(p['kind_name'])}</h4>"
                f"{self._table(rows)}{self._status_history_html(p['id'])}<p>{links}</p>")

    def _status_history_html(self, program_id: int) -> str:
        """Every status change of a program, oldest first: date, status, letter, reason (issue 9)."""
        changes = self._queries.status_history(program_id) if self._queries is not None else []
        if not changes:
            return ""
        items = "".join(
            f"<li>{_e(date_text(from_iso(c['date']), '–'))}: <b>{_e(status_label(c['status']))}</b>"
            f"{' · ' + _e(c['letter']) if c['letter'] else ''}"
            f"{' · ' + _e(c['reason']) if c['reason'] else ''}</li>" for c in changes)
        title = self.tr("Status history")
        return f"<p style='margin-bottom:0'>{_e(title)}</p><ul style='margin-top:0'>{items}</ul>"

