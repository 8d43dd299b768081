"""`workbench users add|list|disable|enable|passwd|role`: local accounts for team mode.

Whoever runs these commands holds the database itself, so they act as the operator (recorded in the
history without a user id). Passwords are never taken as arguments (they would land in the shell history):
they are asked for twice on a terminal, or read from the first line of standard input with
``--password-stdin``.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from workbench.errors import InputError

DB_HELP = "database URL or SQLite file (default: $WORKBENCH_DB, else ./workbench.db)"
ROLES = ("reviewer", "lead", "admin")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("users", help="manage team accounts (add, list, disable, passwd, role)",
                       description="Local accounts for team mode. Accounts that sign in through an OpenID "
                                   "Connect provider are added by their e-mail address with --no-password.")
    users_sub = p.add_subparsers(dest="users_command", metavar="ACTION")
    users_sub.required = True

    q = users_sub.add_parser("add", help="add an account")
    q.add_argument("name", help="sign-in name (for OpenID Connect sign-in: the e-mail address)")
    q.add_argument("--role", choices=ROLES, default="reviewer", help="default: reviewer")
    q.add_argument("--display-name", help="name shown in the app (default: the sign-in name)")
    pw = q.add_mutually_exclusive_group()
    pw.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    pw.add_argument("--no-password", action="store_true", help="no local password (OpenID Connect sign-in only)")
    q.add_argument("--db", metavar="URL", help=DB_HELP)
    q.set_defaults(func=cmd_add)

    q = users_sub.add_parser("list", help="list accounts")
    q.add_argument("--db", metavar="URL", help=DB_HELP)
    q.set_defaults(func=cmd_list)

    q = users_sub.add_parser("disable", help="stop an account from signing in and writing")
    q.add_argument("name")
    q.add_argument("--db", metavar="URL", help=DB_HELP)
    q.set_defaults(func=cmd_disable, disabled=True)

    q = users_sub.add_parser("enable", help="allow a disabled account again")
    q.add_argument("name")
    q.add_argument("--db", metavar="URL", help=DB_HELP)
    q.set_defaults(func=cmd_disable, disabled=False)

    q = users_sub.add_parser("passwd", help="set an account's password")
    q.add_argument("name")
    q.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    q.add_argument("--db", metavar="URL", help=DB_HELP)
    q.set_defaults(func=cmd_passwd)

    q = users_sub.add_parser("role", help="change an account's role")
    q.add_argument("name")
    q.add_argument("role", choices=ROLES)
    q.add_argument("--db", metavar="URL", help=DB_HELP)
    q.set_defaults(func=cmd_role)


def _team(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The store and the desk under team rules, acting as the operator at the command line (actor None)."""
    from workbench.auth import TeamConfig
    from workbench.desk import Desk, Team
    from workbench.store import Store

    store = Store.open(args.db)
    return store, Desk(store, Team(TeamConfig(cookie_secret="")))


def _read_password(args: argparse.Namespace) -> str:
    from workbench.auth import check_password_policy

    if args.password_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        password = password[:-1] if password.endswith("\r") else password
        if not password:
            raise InputError("standard input", "no password on the first line")
        check_password_policy(password)
        return password
    if not sys.stdin.isatty():
        raise InputError("password", "standard input is not a terminal; pass the password with --password-stdin")
    password = getpass.getpass("Password: ")
    check_password_policy(password)
    if getpass.getpass("Repeat password: ") != password:
        raise InputError("password", "the two entries differ; nothing was changed")
    return password


def cmd_add(args: argparse.Namespace) -> int:
    password = None if args.no_password else _read_password(args)
    store, team = _team(args)
    with store:
        user = team.add_user(None, args.name, role=args.role, password=password, display_name=args.display_name)
    how = "no local password" if password is None else "password set"
    print(f"added {user.name} ({user.role.value}, {how})")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store, team = _team(args)
    with store:
        users = team.users()
    if not users:
        print("no accounts yet: add one with `workbench users add NAME --role admin`")
        return 0
    rows = [("NAME", "ROLE", "STATUS", "SIGN-IN", "DISPLAY NAME")]
    for u in users:
        sign_in = ", ".join(x for x in ("password" if u.has_password else "", "oidc" if u.external_id else "") if x)
        rows.append((u.name, u.role.value, "disabled" if u.disabled else "active", sign_in or "-", u.display_name))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip())
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    store, team = _team(args)
    with store:
        user = team.set_disabled(None, args.name, args.disabled)
    print(f"{user.name} is {'disabled' if user.disabled else 'enabled'}")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    store, team = _team(args)
    with store:
        team.user(args.name)  # say "no such user" before asking for a password
        password = _read_password(args)
        user = team.set_password(None, args.name, password)
    print(f"password of {user.name} changed")
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    store, team = _team(args)
    with store:
        user = team.set_role(None, args.name, args.role)
    print(f"{user.name} is now {user.role.value}")
    return 0
