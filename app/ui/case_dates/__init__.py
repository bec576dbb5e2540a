"""The parts of the case dates dialog (app/ui/dates_dialog.py), one module per tab.

``dates_view`` shows the dates; ``remissions_tab``, ``override_tab``, ``official_tab``
and ``interruptions_tab`` each lay out one editing tab and check what is typed there,
handing typed values to the dialog, which runs the operation.  None of them reads or
writes the database: the dialog reads a ``common.CaseDates`` and gives it to each.
"""
