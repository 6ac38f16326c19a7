"""The generated launcher runs the host from a venv whose path has spaces and quotes in it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from kefuguard import __version__
from kefuguard.install import InstallError
from kefuguard.install.browsers import parse_browsers
from kefuguard.install.context import LINUX, USER
from kefuguard.install.extension_ids import resolve_ids
from kefuguard.install.installer import install
from kefuguard.install.launcher import bat_quote, render_launcher, sh_quote
from kefuguard.install.probe import probe_host
from tests.install.conftest import CHROMIUM_ID, machine, with_python

posix_only = pytest.mark.skipif(os.name != "posix", reason="runs a POSIX sh launcher")
TRICKY = ["plain", "with space", "it's", "a'b'c", '"double"', "$HOME `x` \\ !", "tab\there", "中文 路径"]


@posix_only
@pytest.mark.parametrize("value", TRICKY)
def test_sh_quote_survives_the_shell_unchanged(value):
    out = subprocess.run(["sh", "-c", f"printf %s {sh_quote(value)}"], capture_output=True, check=True).stdout
    assert out.decode("utf-8") == value


def test_line_breaks_and_bat_double_quotes_are_refused():
    with pytest.raises(InstallError):
        render_launcher(LINUX, "/usr/bin/python3\n/bin/evil", {})
    with pytest.raises(InstallError):
        bat_quote('C:\\a"b')


def make_venv(where: Path) -> Path:
    """A venv at a hard path whose site-packages also load this test run's (so kefuguard imports)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    python = where / "bin" / "python3"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    Path(site, "kefuguard-test.pth").write_text(f"import site; site.addsitedir({ours!r})\n")
    return python


@posix_only
def test_launcher_starts_the_host_from_a_venv_with_spaces_and_quotes(tmp_path):
    if shutil.which("sh") is None:
        pytest.skip("no sh")
    python = make_venv(tmp_path / 'venv with space\'s and "quotes"')
    ctx = with_python(machine(tmp_path), str(python))
    report = install(ctx, USER, parse_browsers(["chromium"]), resolve_ids([CHROMIUM_ID], None))
    assert report.launcher is not None
    launcher = Path(report.launcher)
    assert launcher.read_text().splitlines()[0] == "#!/bin/sh"
    # the browser's environment: nearly empty, no PATH to a Python
    result = probe_host([str(launcher), f"chrome-extension://{CHROMIUM_ID}/"], env={}, timeout=30)
    assert result.answered, (result.message, result.stderr)
    assert result.reply is not None
    assert result.reply["host_version"] == __version__
    assert result.reply["data_dir"] == str(ctx.data_dir)  # KEFUGUARD_HOME reached the host through the launcher
    assert json.loads((ctx.data_dir / "native-host" / "install-record.json").read_text())["scope"] == USER
