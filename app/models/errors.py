"""Errors the program reports to a person, in their language.

``UserInputError`` means the input was wrong (command-line exit status 2);
``OperationError`` means the work could not be done for another reason (exit 1).
Both carry one clear line of text; ``field`` names the form field at fault, if any.
"""

from __future__ import annotations


class RekamError(Exception):
    """Base of the errors shown to the user: ``str(err)`` is one clear line."""

    exit_status = 1

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def __str__(self) -> str:
        return self.message


class UserInputError(RekamError):
    """The input makes no sense: a wrong date, a short NIK, a bad file argument."""

    exit_status = 2


class ValidationErrors(UserInputError):
    """Several field errors found at once, so a form can show each beside its field."""

    def __init__(self, errors: list[UserInputError]):
        self.errors = errors
        super().__init__(errors[0].message if len(errors) == 1 else
                         "; ".join(e.message for e in errors), field=errors[0].field)


class OperationError(RekamError):
    """The work could not be done: a locked, corrupt or full database, a failed write."""

    exit_status = 1


class ConfirmationNeeded(UserInputError):
    """The input is possible but suspicious: the officer must decide before it is saved.

    ``nik_problems``: how a NIK disagrees with the birth date or sex (needs a reason).
    ``duplicates``: existing persons that look like the same person (offer them).
    """

    def __init__(self, message: str, *, nik_problems: list[str] | None = None,
                 duplicates: list[dict] | None = None):
        super().__init__(message, field="person.nik" if nik_problems else "person.name",
                         code="confirm")
        self.nik_problems = nik_problems or []
        self.duplicates = duplicates or []
