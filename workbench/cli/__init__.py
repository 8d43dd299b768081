"""The `workbench` command: argument parsing and error -> exit code mapping only.

Each group of subcommands lives in its own module and exposes ``register(subparsers)``; a subcommand sets
``func`` on its parser, which takes the parsed arguments and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from workbench.errors import ExitCode, WorkbenchError

# Modules that add subcommands; a module that does not exist yet is skipped.
COMMAND_MODULES = ("workbench.cli.extract_cmds", "workbench.cli.store_cmds", "workbench.cli.team_cmds")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Extract, group, review and export the numeric claims in news articles.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except WorkbenchError as exc:
        print(f"workbench: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except BrokenPipeError:
        return int(ExitCode.OK)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
