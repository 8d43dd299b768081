"""`workbench users ...` end to end on a SQLite file."""

from __future__ import annotations

import io

import pytest

from workbench.cli import main
from workbench.errors import ExitCode
from workbench.store import Role, Store
from workbench.team import SignInFailed, Team


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'users.db'}"


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_passwd_disable_role(db, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, ["users", "add", "ada", "--role", "admin", "--password-stdin",
                                             "--db", db], "first-password\n")
    assert (code, out) == (0, "added ada (admin, password set)\n")
    code, out, _ = run(monkeypatch, capsys, ["users", "add", "sam@example.org", "--no-password",
                                             "--display-name", "Sam", "--db", db])
    assert (code, out) == (0, "added sam@example.org (reviewer, no local password)\n")

    code, out, _ = run(monkeypatch, capsys, ["users", "list", "--db", db])
    assert code == 0
    assert out.splitlines() == [
        "NAME             ROLE      STATUS  SIGN-IN   DISPLAY NAME",
        "ada              admin     active  password  ada",
        "sam@example.org  reviewer  active  -         Sam",
    ]

    code, out, _ = run(monkeypatch, capsys, ["users", "passwd", "ada", "--password-stdin", "--db", db],
                       "second-password\r\n")
    assert (code, out) == (0, "password of ada changed\n")
    with Store.open(db) as store:
        team = Team(store)
        assert team.authenticate("ada", "second-password").name == "ada"
        with pytest.raises(SignInFailed):
            team.authenticate("ada", "first-password")

    assert run(monkeypatch, capsys, ["users", "role", "sam@example.org", "lead", "--db", db])[:2] == (
        0, "sam@example.org is now lead\n")
    assert run(monkeypatch, capsys, ["users", "disable", "sam@example.org", "--db", db])[:2] == (
        0, "sam@example.org is disabled\n")
    assert run(monkeypatch, capsys, ["users", "enable", "sam@example.org", "--db", db])[:2] == (
        0, "sam@example.org is enabled\n")

    with Store.open(db) as store:
        sam = store.user_by_name("sam@example.org")
        assert sam.role is Role.LEAD and not sam.disabled
        changes = [(e.action, e.actor_id, e.after) for e in store.audit_log(entity="user", entity_id=str(sam.id))]
    assert changes == [
        ("create_user", None, {"name": "sam@example.org", "role": "reviewer", "external_id": None,
                               "password_set": False}),
        ("update_user", None, {"role": "lead"}),
        ("update_user", None, {"disabled": True}),
        ("update_user", None, {"disabled": False}),
    ]


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["users", "add", "bob", "--password-stdin"], "short\n", "password: too short: use at least 8 characters"),
        (["users", "add", "bob", "--password-stdin"], "\n", "standard input: no password on the first line"),
        (["users", "add", "bob"], "", "pass the password with --password-stdin"),
        (["users", "passwd", "nobody", "--password-stdin"], "long-enough-pw\n", "no user called 'nobody'"),
        (["users", "disable", "ada"], "", "ada is the last active admin"),
        (["users", "add", "ada", "--no-password"], "", "'ada' already exists"),
    ],
)
def test_refusals_say_what_is_wrong(db, monkeypatch, capsys, argv, stdin, message):
    run(monkeypatch, capsys, ["users", "add", "ada", "--role", "admin", "--no-password", "--db", db])
    code, out, err = run(monkeypatch, capsys, argv + ["--db", db], stdin)
    assert code == ExitCode.BAD_INPUT
    assert out == ""
    assert err.startswith("workbench: ") and message in err
    with Store.open(db) as store:
        assert [u.name for u in store.users()] == ["ada"]
