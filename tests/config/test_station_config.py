from __future__ import annotations

from pathlib import Path

import pytest

from app.config import ConfigError, load_config


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "station.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_configuration_loads(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, """
version = 1
[station]
name = "PACK-02"
kind = "packing"
language = "en"
[central]
url = "postgresql://quai@central/quai"
[kiosk]
fullscreen = true
"""))
    assert (config.name, config.kind, config.language) == ("PACK-02", "packing", "en")
    assert config.central_url == "postgresql://quai@central/quai" and not config.central_is_embedded
    assert config.replica_url.endswith("station-PACK-02.db")
    assert config.extra == {"kiosk": {"fullscreen": True}}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('[station]\nname = "A"\nkind = "kitchen"\n', "kind"),
        ('[station]\nlanguage = "fr"\n', "name is missing"),
        ('station = "x"\n', "must be a section [station]"),
        ('version = "two"\n[station]\nname = "A"\n', "version"),
        ('version = 9\n[station]\nname = "A"\n', "newer"),
        ('[station]\nname = "A"\n[central]\nurl = 5\n', "database URL"),
        ('[station\nname = "A"\n', "not valid TOML"),
    ],
)
def test_a_bad_configuration_names_the_file_and_the_key(tmp_path: Path, text: str, fragment: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value) and fragment in str(caught.value)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")


def _central(tmp_path: Path, extra: str) -> Path:
    return _write(tmp_path, f'[station]\nname = "PICK-01"\n[central]\nurl = "postgresql://pick01@central.lan/quai?sslmode=require"\n{extra}')


def test_password_from_a_0600_file_reaches_the_url_but_never_its_repr(tmp_path: Path) -> None:
    secret = tmp_path / "pick01.pass"
    secret.write_text("s3cr@t/é\n", encoding="utf-8")
    secret.chmod(0o600)
    config = load_config(_central(tmp_path, f'password_file = "{secret}"\n'))
    assert config.central_url == "postgresql://pick01:s3cr%40t%2F%C3%A9@central.lan/quai?sslmode=require"
    assert "s3cr" not in repr(config) and "s3cr" not in config.central_url_shown
    assert config.central_url_shown == "postgresql://pick01:***@central.lan/quai?sslmode=require"


def test_a_password_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "pick01.pass"
    secret.write_text("s3cret", encoding="utf-8")
    secret.chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600") as caught:
        load_config(_central(tmp_path, f'password_file = "{secret}"\n'))
    assert "s3cret" not in str(caught.value)


def test_password_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUAI_CENTRAL_PASSWORD", "envpass")
    config = load_config(_central(tmp_path, 'password_env = "QUAI_CENTRAL_PASSWORD"\n'))
    assert config.central_url.startswith("postgresql://pick01:envpass@central.lan/")
    monkeypatch.delenv("QUAI_CENTRAL_PASSWORD")
    with pytest.raises(ConfigError, match="QUAI_CENTRAL_PASSWORD"):
        load_config(_central(tmp_path, 'password_env = "QUAI_CENTRAL_PASSWORD"\n'))


def test_a_password_written_in_the_url_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, '[station]\nname = "A"\n[central]\nurl = "postgresql://pick01:hunter2@central/quai"\n')
    with pytest.raises(ConfigError, match="password_file") as caught:
        load_config(path)
    assert "hunter2" not in str(caught.value)
