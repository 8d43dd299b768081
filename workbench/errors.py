"""Specific exceptions raised by the library; the CLI and the pages translate them at the edge."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    ERROR = 1  # an unexpected failure
    BAD_INPUT = 2  # input the user can fix: missing file, bad encoding, bad column
    CONFLICT = 3  # a stale save or another refused write
    FORBIDDEN = 4  # the signed-in user's role does not allow the action


class WorkbenchError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(WorkbenchError):
    """Input that cannot be read; the message names the file (and line or field) and what would work."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class StoreError(WorkbenchError):
    """A database problem the user can act on (newer schema, unreachable server)."""


class ConflictError(WorkbenchError):
    """A write refused because somebody else changed the same thing since it was loaded."""

    exit_code = ExitCode.CONFLICT


class PermissionDenied(WorkbenchError):
    """The user's role does not allow the action."""

    exit_code = ExitCode.FORBIDDEN
