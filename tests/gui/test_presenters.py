"""Presenters and helpers, without widgets."""

from __future__ import annotations

import pytest

from app.gui.data import UserInfo
from app.gui.i18n import resolve_language
from app.gui.state import LoginPresenter, LoginState, StatusModel, roles_at_station


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [("fr", "en_US", "fr"), ("en", "fr_FR", "en"), ("system", "fr_CA", "fr"), ("system", "en-GB", "en"),
     ("system", "de_DE", "fr"), ("system", "C", "fr"), ("system", "", "fr")],
)
def test_resolve_language(setting, locale, expected):
    assert resolve_language(setting, locale) == expected


def test_login_presenter_flow():
    p = LoginPresenter("any")
    assert p.submit("   ") is None
    assert p.submit(" BDG1 \n") == "BDG1"
    assert p.state is LoginState.CHECKING
    assert p.submit("BDG2") is None  # one lookup at a time
    assert p.resolve(None).kind == "error" and p.state is LoginState.UNKNOWN_BADGE and p.badge == "BDG1"
    assert p.submit("BDG2") == "BDG2"  # a new scan replaces the error
    outcome = p.resolve(UserInfo("A", "BDG2", ("picker", "packer")))
    assert outcome.kind == "choose" and outcome.roles == ("picker", "packer")
    p.failed("disk I/O error")
    assert p.is_error and p.detail == "disk I/O error"
    p.acknowledge()
    assert p.state is LoginState.READY and not p.is_error


def test_roles_at_station():
    assert roles_at_station(("picker", "packer"), "packing") == ("packer",)
    assert roles_at_station(("picker",), "supervisor") == ()
    assert roles_at_station(("supervisor",), "picking") == ("supervisor",)
    assert roles_at_station(("packer", "picker"), "any") == ("picker", "packer")


def test_status_model_central_state():
    m = StatusModel(station="S", central_embedded=False)
    assert m.central_state() == "checking"
    m.central = "online"
    assert m.central_state() == "online"


def test_login_presenter_is_busy_until_the_login_is_written():
    p = LoginPresenter("any")
    p.submit("BDG1")
    assert p.resolve(UserInfo("A", "BDG1", ("picker",))).kind == "home"
    assert p.state is LoginState.LOGGING_IN and p.busy
    assert p.submit("BDG2") is None  # no second login while the first is written
    p.acknowledge()
    assert p.submit("BDG2") == "BDG2"


def test_a_scan_during_a_lookup_is_looked_up_next():
    p = LoginPresenter("any")
    p.submit("BDG1")
    assert p.submit("BDG2") is None and p.submit("BDG3") is None  # kept, the latest wins
    assert p.take_pending() == "BDG3" and p.badge == "BDG3" and p.state is LoginState.CHECKING
    assert p.take_pending() is None
    p.submit("BDG3")  # the same badge read twice
    assert p.take_pending() is None


def test_status_reads_the_session():
    from app.gui.state import StationSession

    session = StationSession()
    status = StatusModel(station="S", central_embedded=True, session=session)
    assert status.user is None and status.role is None
    user = UserInfo("A", "BDG1", ("picker",))
    session.start(user, "picker")
    assert status.user is user and status.role == "picker"
    session.end()
    assert status.user is None and status.role is None
    with pytest.raises(AttributeError):
        status.user = user  # no copy to keep in step
