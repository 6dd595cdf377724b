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
