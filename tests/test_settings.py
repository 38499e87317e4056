import pytest

from pipeline.errors import ConfigError
from pipeline.settings import Settings, load_settings


def test_layers_defaults_then_file_then_flags(tmp_path):
    config = tmp_path / "bulletins.toml"
    config.write_text('[extract]\nformats = ["csv"]\nbatch_size = 4\n', encoding="utf-8")
    settings = load_settings(config, batch_size=8, model=None)
    assert settings.formats == ("csv",)  # from the file
    assert settings.batch_size == 8  # the flag wins
    assert settings.model == Settings().model  # default kept


def test_formats_from_comma_string():
    assert load_settings(None, formats="csv, parquet,xlsx").formats == ("csv", "parquet", "xlsx")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[extract]\nformats = ["pdf"]\n', "unknown output format"),
        ("[extract]\nspeed = 3\n", "unknown setting"),
        ("[extract\n", "cannot read settings file"),
    ],
    ids=["bad-format", "unknown-key", "bad-toml"],
)
def test_bad_settings_say_what_is_wrong(tmp_path, content, message):
    config = tmp_path / "bad.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings(config)
