"""The window face of Rekam UPT (PySide6).  It calls app.operations and app.models.queries; it writes no SQL."""
