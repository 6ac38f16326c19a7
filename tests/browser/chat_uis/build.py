"""Build the chat-UI corpus: real chat UI libraries rendered in static pages, for the browser tests.

`build_corpus()` installs the pinned npm packages (package-lock.json) with `npm ci` and bundles each
page with esbuild, all in a cache folder OUTSIDE the repository:

    ${KEFUGUARD_TOOLS_DIR:-${XDG_CACHE_HOME:-~/.cache}/kefuguard-tools}/chat-uis/
        npm-<hash of package.json + package-lock.json>/node_modules   (shared by builds with the same lock)
        <hash of the lock + src/ + pages/ + conversation.json + build.py>/   (the built site, returned)

The returned folder holds `<ui>.html` (+ `<ui>.js`, `<ui>.css`) for every UI in `UIS`, `frame.html`,
`conversation.json` and `manifest.json` (versions). A finished folder is reused as it is; other
builds and installs in chat-uis/ untouched for an hour are removed after a build.

    python -m tests.browser.chat_uis.build      # or: python tests/browser/chat_uis/build.py
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
PAGES = HERE / "pages"
CONVERSATION = HERE / "conversation.json"

# page name -> (entry in src/, npm package whose version the page reports, title)
UIS: dict[str, tuple[str, str | None, str]] = {
    "deep-chat": ("deep-chat.js", "deep-chat", "deep-chat (web component, open shadow root)"),
    "chatscope": ("chatscope.jsx", "@chatscope/chat-ui-kit-react", "@chatscope/chat-ui-kit-react"),
    "react-chat-elements": ("react-chat-elements.jsx", "react-chat-elements", "react-chat-elements"),
    "botui": ("botui.jsx", "botui", "botui + @botui/react"),
    "chatui": ("chatui.jsx", "@chatui/core", "@chatui/core (Alibaba ChatUI)"),
    "antd-x": ("antd-x.jsx", "@ant-design/x", "@ant-design/x Bubble.List"),
    "vue-advanced-chat": ("vue-advanced-chat.js", "vue-advanced-chat", "vue-advanced-chat (web component)"),
    "telegram-like": ("telegram-like.js", None, "Telegram Web K-like markup (hand-written)"),
}
NPM_UIS = [name for name, (_, package, _) in UIS.items() if package]
PLAIN_UIS = [name for name, (_, package, _) in UIS.items() if not package]
FRAME_KINDS = ["same-origin", "srcdoc", "about-blank", "cross-origin"]
MODES = ["history", "all", "one"]

# the botui theme ships as SCSS only
SCSS = {"botui": "@botui/react/dist/styles/default.theme.scss"}
# files copied from node_modules into the site: vue-advanced-chat loads its emoji data from this URL
ASSETS = {"emoji-data.json": "emoji-picker-element-data/en/emojibase/data.json"}
COMPLETE = ".complete"


class CorpusBuildError(RuntimeError):
    """npm or esbuild is missing or failed; the message says which and ends with the tool's last lines."""


def tools_dir() -> Path:
    chosen = os.environ.get("KEFUGUARD_TOOLS_DIR")
    if chosen:
        return Path(chosen).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser() / "kefuguard-tools"


def _digest(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def lock_hash() -> str:
    return _digest([HERE / "package.json", HERE / "package-lock.json"], HERE)


def corpus_hash() -> str:
    inputs = [HERE / "package.json", HERE / "package-lock.json", CONVERSATION, Path(__file__).resolve()]
    return _digest(inputs + _files(SRC) + _files(PAGES), HERE)


def corpus_dir() -> Path:
    """Where `build_corpus()` puts (or has put) the site for the current sources."""
    return tools_dir() / "chat-uis" / corpus_hash()


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            import fcntl
        except ImportError:  # not on POSIX: no lock, builds go to temp folders and are renamed anyway
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(cmd: list[str], cwd: Path, what: str, env: dict[str, str] | None = None) -> str:
    try:
        done = subprocess.run(
            cmd,
            cwd=cwd,
            env={**os.environ, "NO_UPDATE_NOTIFIER": "1", **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=900,
        )
    except FileNotFoundError as e:
        raise CorpusBuildError(f"{what}: {cmd[0]} not found ({e})") from None
    except subprocess.TimeoutExpired:
        raise CorpusBuildError(f"{what}: `{' '.join(cmd[:3])} …` took more than 15 minutes") from None
    if done.returncode != 0:
        raise CorpusBuildError(
            f"{what} failed (exit {done.returncode}): `{' '.join(cmd[:4])} …` in {cwd}\n{_excerpt(done.stdout)}"
        )
    return done.stdout


def _excerpt(output: str, head: int = 6, tail: int = 20) -> str:
    """The tool's last lines; npm puts the reason first and a usage text after it, so its first error lines too."""
    lines = [line for line in output.strip().splitlines() if line.strip() not in ("", "npm error")]
    if len(lines) <= head + tail:
        return "--- output ---\n" + "\n".join(lines)
    first = [line for line in lines[:-tail] if "error" in line.lower() or "ERR!" in line][:head]
    return "--- first errors ---\n" + "\n".join(first) + "\n--- last lines ---\n" + "\n".join(lines[-tail:])


def _npm() -> str:
    npm = shutil.which("npm")
    if not npm:
        raise CorpusBuildError(
            "npm not found: the chat-UI corpus needs Node.js with npm (e.g. `apt-get install nodejs npm`)"
        )
    return npm


def install_packages() -> Path:
    """`npm ci` the pinned packages into the lock-keyed cache folder; returns that folder."""
    npm = _npm()
    folder = tools_dir() / "chat-uis" / f"npm-{lock_hash()}"
    marker = folder / ".installed"
    with _locked(folder.parent / f"{folder.name}.lock"):
        if marker.exists() and (folder / "node_modules" / ".bin" / "esbuild").exists():
            return folder
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(HERE / name, folder / name)
        _run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, "npm ci (chat-UI corpus)")
        if not (folder / "node_modules" / ".bin" / "esbuild").exists():
            raise CorpusBuildError(f"npm ci finished but {folder}/node_modules/.bin/esbuild is missing")
        marker.write_text("ok\n")
    return folder


def _versions(npm_folder: Path) -> dict[str, str]:
    deps = json.loads((HERE / "package.json").read_text(encoding="utf-8"))["dependencies"]
    versions = {}
    for name in deps:
        manifest = npm_folder / "node_modules" / name / "package.json"
        versions[name] = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return versions


def _page(name: str, title: str, stylesheets: list[str]) -> str:
    template = (PAGES / "page.html").read_text(encoding="utf-8")
    links = "\n".join(f'<link rel="stylesheet" href="{css}">' for css in stylesheets)
    return template.replace("{title}", title).replace("{stylesheets}", links).replace("{name}", name)


def _build_site(npm_folder: Path, site: Path) -> None:
    work = npm_folder / f"work-{os.getpid()}"  # sources next to node_modules, so imports resolve
    shutil.rmtree(work, ignore_errors=True)
    try:
        shutil.copytree(SRC, work / "src")
        shutil.copyfile(CONVERSATION, work / "conversation.json")
        versions = _versions(npm_folder)
        entries = [f"src/{entry}" for entry, _, _ in UIS.values()] + ["src/frame.js"]
        esbuild = str(npm_folder / "node_modules" / ".bin" / "esbuild")
        _run(
            [
                esbuild,
                *entries,
                "--bundle",
                f"--outdir={site}",
                "--format=iife",
                "--target=chrome110",
                "--jsx=automatic",
                "--charset=utf8",
                "--log-level=error",
                "--legal-comments=none",
                "--loader:.json=json",
                *(f"--loader:.{ext}=file" for ext in ("woff", "woff2", "ttf", "eot", "svg", "png", "gif")),
                "--asset-names=assets/[name]-[hash]",
                '--define:process.env.NODE_ENV="production"',
                f"--define:KEFU_LIB_VERSIONS={json.dumps(versions, separators=(',', ':'))}",
            ],
            work,
            "esbuild (chat-UI corpus)",
        )
        for name, scss in SCSS.items():
            sass = str(npm_folder / "node_modules" / ".bin" / "sass")
            out = site / f"{name}-theme.css"
            _run([sass, "--no-source-map", str(npm_folder / "node_modules" / scss), str(out)], work, "sass")
        for target, source in ASSETS.items():
            shutil.copyfile(npm_folder / "node_modules" / source, site / target)
        for name, (_, package, title) in UIS.items():
            css = [p.name for p in (site / f"{name}-theme.css", site / f"{name}.css") if p.exists()]
            label = f"{title} {versions[package]}" if package else title
            (site / f"{name}.html").write_text(_page(name, label, css), encoding="utf-8")
        (site / "frame.html").write_text(_page("frame", "chat in a frame", []), encoding="utf-8")
        shutil.copyfile(CONVERSATION, site / "conversation.json")
        manifest = {
            "uis": list(UIS),
            "npm_uis": NPM_UIS,
            "plain_uis": PLAIN_UIS,
            "frame_kinds": FRAME_KINDS,
            "modes": MODES,
            "ui_versions": {name: versions[p] if p else None for name, (_, p, _) in UIS.items()},
            "package_versions": versions,
        }
        (site / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build_corpus(force: bool = False) -> Path:
    """Build (or reuse) the corpus; returns the folder holding `<ui>.html` for every UI and `frame.html`."""
    out = corpus_dir()
    if not force and (out / COMPLETE).exists():
        return out
    npm_folder = install_packages()
    with _locked(out.parent / f"{out.name}.lock"):
        if not force and (out / COMPLETE).exists():
            return out
        staging = out.parent / f"{out.name}.tmp-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            _build_site(npm_folder, staging)
            (staging / COMPLETE).write_text("ok\n")
            shutil.rmtree(out, ignore_errors=True)
            staging.rename(out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _prune(keep={out.name, f"npm-{lock_hash()}"})
    return out


def _prune(keep: set[str], min_age_s: float = 3600) -> None:
    """Remove older builds and installs (node_modules is ~0.5 GB); anything touched in the last hour stays."""
    base = tools_dir() / "chat-uis"
    now = time.time()
    for path in base.iterdir():
        name = path.name.removesuffix(".lock")
        if name in keep or name.startswith(tuple(k + ".tmp-" for k in keep)):
            continue
        try:
            if now - path.stat().st_mtime < min_age_s:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            pass


def main() -> int:
    try:
        folder = build_corpus(force="--force" in sys.argv[1:])
    except CorpusBuildError as e:
        print(f"chat-UI corpus: {e}", file=sys.stderr)
        return 1
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
