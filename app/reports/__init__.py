"""Print-outs (PDF) and workbooks (Excel). Nothing here imports Qt."""
