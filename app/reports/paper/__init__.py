"""Paper print-outs (issue 11): PDF documents drawn with reportlab, no Qt.

``base`` holds what every print-out shares (paper sizes, the embedded font, the
letterhead, page furniture, signature blocks, a table that wraps inside its cells);
the documents live beside it, one module per kind (registers, sheet, cards, lists,
letters).  Every text printed here is official Indonesian, never translated.
"""
