"""`kefuguard doctor`: for each browser found, follow the path the browser takes to our host and
say what is broken and how to fix it.

Per browser: the manifest the browser would find first (user level, then system; on Windows the
registry), its fields, the launcher it names, the extension ids it lets in, and whether that
launcher starts a host that answers `status` through a real pipe. From that reply: does a list
verify, is it fresh, what problems the host has. Then the config files as this user sees them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kefuguard.config import load_settings
from kefuguard.install import FIREFOX_EXTENSION_ID, HOST_NAME
from kefuguard.install.browsers import BROWSERS, Browser
from kefuguard.install.context import SYSTEM, USER, WINDOWS, InstallContext
from kefuguard.install.discover import effective_manifest, find_browser, launcher_python
from kefuguard.install.extension_ids import ExtensionIds, origin_of
from kefuguard.install.locations import lookup_order, registry_targets
from kefuguard.install.manifest import check_manifest, missing_ids
from kefuguard.install.policies import host_policy
from kefuguard.install.probe import ProbeResult, probe_host
from kefuguard.install.sandbox import SandboxNote, sandbox_notes
from kefuguard.install.update_source import check_update_source
from kefuguard.paths import Places


@dataclass(frozen=True)
class Finding:
    where: str  # a browser key, "list", "config" or "browsers"
    code: str
    message: str
    fix: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"where": self.where, "code": self.code, "message": self.message, "fix": self.fix}

    def line(self) -> str:
        return f"{self.where}: {self.message}" + (f" -> fix: {self.fix}" if self.fix else "")


@dataclass
class BrowserCheck:
    browser: str
    label: str
    found: str | None  # how we know it is installed, None if only its manifest is
    manifest: str | None = None
    scope: str | None = None
    registry: str | None = None  # Windows: the key that named the manifest
    launcher: str | None = None
    host: dict[str, Any] | None = None  # {"answered", "seconds", "host_version"?}
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "browser": self.browser,
            "label": self.label,
            "found": self.found,
            "manifest": self.manifest,
            "scope": self.scope,
            "registry": self.registry,
            "launcher": self.launcher,
            "host": self.host,
            "ok": not self.findings,
            "problems": [f.to_dict() for f in self.findings],
        }


@dataclass
class DoctorReport:
    platform: str
    browsers: list[BrowserCheck] = field(default_factory=list)
    list_status: dict[str, Any] | None = None
    list_findings: list[Finding] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    config_findings: list[Finding] = field(default_factory=list)
    general_findings: list[Finding] = field(default_factory=list)
    notes: list[SandboxNote] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # things we could not check

    @property
    def findings(self) -> list[Finding]:
        per_browser = [f for b in self.browsers for f in b.findings]
        return self.general_findings + per_browser + self.list_findings + self.config_findings

    @property
    def ok(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "platform": self.platform,
            "browsers": [b.to_dict() for b in self.browsers],
            "list": self.list_status,
            "config": self.config,
            "problems": [f.to_dict() for f in self.findings],
            "notes": [n.to_dict() for n in self.notes],
            "remarks": self.remarks,
        }


# --- the checks ----------------------------------------------------------------------------


class _Probes:
    """One probe per (launcher, arguments): Chromium browsers sharing a launcher start it once."""

    def __init__(self, ctx: InstallContext, timeout: float) -> None:
        self.ctx, self.timeout = ctx, timeout
        self.done: dict[tuple[str, ...], ProbeResult] = {}

    def run(self, command: list[str]) -> ProbeResult:
        key = tuple(command)
        if key not in self.done:
            self.done[key] = probe_host(command, self.ctx.env, self.timeout)
        return self.done[key]


Problem = Callable[..., None]  # problem(code, message, fix=the browser's install command)


def _read_manifest(path: Path, problem: Problem) -> Any | None:
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        problem("manifest.missing", f"the registry names {path}, which does not exist")
    except OSError as e:
        problem("manifest.unreadable", f"cannot read {path}: {e.strerror}")
    except (UnicodeDecodeError, ValueError) as e:
        problem("manifest.invalid_json", f"{path} is not valid JSON ({e})")
    return None


def _launcher_usable(ctx: InstallContext, launcher: Path, install_cmd: str, problem: Problem) -> bool:
    if not launcher.is_file():
        problem("launcher.missing", f"the manifest's path {launcher} does not exist")
        return False
    if ctx.platform == WINDOWS:
        if launcher.suffix.lower() not in (".bat", ".cmd", ".exe"):
            problem("launcher.not_executable", f"{launcher} is not a .bat, .cmd or .exe: Windows cannot start it")
            return False
    elif not os.access(launcher, os.X_OK):
        problem("launcher.not_executable", f"{launcher} is not executable", f"chmod +x '{launcher}', or {install_cmd}")
        return False
    python = launcher_python(launcher)
    if python is not None and not os.path.isfile(python):
        problem(
            "launcher.python_missing",
            f"{launcher} runs {python}, which no longer exists (a deleted venv, or a reinstalled pipx package?)",
            f"rerun {install_cmd} with the kefuguard you use now",
        )
        return False
    return True


def _ask_host(
    b: Browser, doc: dict[str, Any], manifest: Path, launcher: Path, ids: ExtensionIds, probes: _Probes
) -> ProbeResult:
    """Start the host the way this browser would, and ask it for its status."""
    if b.is_chromium:
        allowed = doc.get("allowed_origins") or [origin_of("a" * 32)]
        wanted = [origin_of(i) for i in ids.chromium if origin_of(i) in allowed]
        return probes.run([str(launcher), (wanted or allowed)[0]])
    return probes.run([str(launcher), str(manifest), FIREFOX_EXTENSION_ID])


def check_browser(
    ctx: InstallContext,
    b: Browser,
    ids: ExtensionIds,
    probes: _Probes,
    found: str | None,
    user_data_dir: Path | None = None,
) -> BrowserCheck:
    """Follow the browser's path: its manifest, the launcher that names, the ids it lets in, the host."""
    check = BrowserCheck(browser=b.key, label=b.label, found=found)
    install_cmd = f"kefuguard install --browser {b.key}"
    if user_data_dir is not None:
        install_cmd += f' --user-data-dir "{user_data_dir}"'

    def problem(code: str, message: str, fix: str = install_cmd) -> None:
        check.findings.append(Finding(b.key, code, message, fix))

    policy = host_policy(ctx, b, ids.chromium)
    for unreadable in policy.unreadable:
        problem(
            "policy.unreadable",
            f"{unreadable} is not a JSON object: {b.label} ignores the whole file (all its policies)",
            f"fix the JSON in {unreadable} (python3 -m json.tool {unreadable} shows where)",
        )
    for file, setting, why, dropped in policy.ignored_settings:
        left_out = "leaves it out" if dropped == setting else f"leaves out all of '{dropped}'"
        problem(
            "policy.setting_ignored",
            f"{file}: the kefu-guard setting '{setting}' {why}: {b.label} {left_out}, so the "
            "extension uses the user's own choice instead",
            f"correct '{setting}' in {file} as extension/managed_schema.json describes it "
            "(docs/install.md, 'Managed settings of the extension')",
        )
    for file, ext_id, update_url in policy.install_sources:
        for source_problem in check_update_source(update_url, ext_id, b.label):
            problem(source_problem.code, f"{file}: {source_problem.message}", source_problem.fix)
    if policy.blocked:
        problem(
            "policy.host_blocked",
            f"the machine policy in {policy.folder} blocks native hosts (NativeMessagingBlocklist) and its "
            f"NativeMessagingAllowlist leaves out {HOST_NAME}: {b.label} will refuse to start it",
            f'add "{HOST_NAME}" to NativeMessagingAllowlist in a policy file in {policy.folder}',
        )
    hit = effective_manifest(ctx, b, user_data_dir)
    if hit is None:
        if ctx.platform == WINDOWS:
            keys = ", ".join(t.where for t in registry_targets(b, USER) + registry_targets(b, SYSTEM))
            problem("manifest.missing", f"no registry key names a manifest for {HOST_NAME} (looked at {keys})")
        else:
            places = ", ".join(str(p.parent) for p in lookup_order(ctx, b, user_data_dir))
            problem("manifest.missing", f"no manifest {HOST_NAME}.json in {places}")
        return check
    path, check.scope, check.registry = hit
    check.manifest = str(path)
    if check.scope == USER and not policy.user_level_allowed:
        problem(
            "policy.user_level_hosts_off",
            f"the machine policy in {policy.folder} sets NativeMessagingUserLevelHosts to false: {b.label} "
            f"reads only system-wide host manifests, and {path} is a user's",
            f"sudo kefuguard install --system --browser {b.key}",
        )
    doc = _read_manifest(path, problem)
    if doc is None:
        return check
    issues = check_manifest(doc, b.family, windows=ctx.platform == WINDOWS)
    for issue in issues:
        problem(issue.code, f"{path}: {issue.message}")
    if not isinstance(doc, dict) or not isinstance(doc.get("path"), str) or not doc["path"]:
        return check
    launcher = Path(doc["path"])
    if ctx.platform == WINDOWS and not launcher.is_absolute():
        launcher = path.parent / launcher  # Windows allows a path relative to the manifest
    check.launcher = str(launcher)
    for missing in missing_ids(doc, b.family, ids):
        extension_id = missing.removeprefix("chrome-extension://").rstrip("/")
        problem(
            "origin.missing_id",
            f"{path} does not let in {missing}: the browser will say "
            "'Access to the specified native messaging host is forbidden'",
            f"{install_cmd} --extension-id {extension_id}",
        )
    if not _launcher_usable(ctx, launcher, install_cmd, problem) or issues:
        return check  # a browser would refuse this manifest or fail to start it: a probe proves nothing
    result = _ask_host(b, doc, path, launcher, ids, probes)
    check.host = {"answered": result.answered, "seconds": result.seconds}
    if result.answered:
        assert result.reply is not None
        check.host["host_version"] = result.reply.get("host_version")
        check.host["data_dir"] = result.reply.get("data_dir")
    else:
        detail = f" (host said: {result.stderr})" if result.stderr else ""
        problem(
            result.code or "host.failed",
            f"{launcher} did not answer status: {result.message}{detail}",
            f"run '{launcher}' in a terminal to see its error, then {install_cmd}",
        )
    return check


def list_findings(status: dict[str, Any]) -> list[Finding]:
    out: list[Finding] = []
    if not status.get("ok"):
        out.append(
            Finding(
                "list",
                "list.none_usable",
                "no list verifies, so nothing can be checked",
                "kefuguard update (if it fails, check [update] urls and [trust] keys in the config)",
            )
        )
    elif status.get("stale"):
        out.append(
            Finding(
                "list",
                "list.stale",
                f"the list ({status.get('publisher')} version {status.get('version')}) expired on "
                f"{status.get('expires')}: warnings may miss new scams",
                "kefuguard update (if it fails, check the mirror in [update] urls and the network)",
            )
        )
    for entry in status.get("lists") or []:
        if isinstance(entry, dict) and entry.get("role") == "supplementary" and entry.get("stale"):
            out.append(
                Finding(
                    "list",
                    "list.stale",
                    f"the supplementary list {entry.get('url')} (version {entry.get('version')}) expired on "
                    f"{entry.get('expires')}",
                    "kefuguard update; if it stays expired, its publisher (your IT) must sign a new one",
                )
            )
    for p in status.get("problems") or []:
        supplementary = str(p.get("code", "")).startswith("supplementary.") or "supplementary" in str(p.get("origin"))
        out.append(
            Finding(
                "list",
                "list.problem",
                f"{p.get('origin')} list {p.get('path')}: {p.get('code')}: {p.get('message')}".replace(
                    " list : ", ": "
                ),
                "check its [[supplementary]] entry in the managed config"
                if supplementary
                else "kefuguard update --force installs a good list over it",
            )
        )
    return out


def _summarise(status: dict[str, Any], source: str) -> dict[str, Any]:
    keys = ("ok", "publisher", "version", "issued", "expires", "stale", "path", "host_version", "data_dir")
    return {"source": source, **{k: status.get(k) for k in keys}}


def _config(ctx: InstallContext, report: DoctorReport, host_problems: list[str]) -> None:
    places = Places.from_environment(dict(ctx.env))
    settings = load_settings(places)
    report.config = {
        "managed_config": str(places.managed_config),
        "managed_config_present": places.managed_config.is_file(),
        "user_config": str(places.config_file),
        "sources": list(settings.sources),
        "managed": sorted(settings.managed),
        "locked": sorted(settings.locked),
        "update_urls": list(settings.update_urls),
        "update_interval_hours": settings.update_interval_hours,
        "extra_trust_keys": len(settings.trust_keys),
        "trust_threshold": settings.trust_threshold,
        "supplementary": [s.url for s in settings.supplementary],
        "report_endpoint": settings.report_endpoint,
        "problems": list(settings.problems),
    }
    for p in dict.fromkeys([*settings.problems, *host_problems]):
        report.config_findings.append(
            Finding("config", "config.problem", p, "correct or remove the file named (kefuguard status shows it too)")
        )


def run_doctor(
    ctx: InstallContext,
    ids: ExtensionIds,
    browsers: list[Browser] | None = None,
    user_data_dir: Path | None = None,
    timeout: float = 20.0,
) -> DoctorReport:
    """Check the given browsers, or every browser found installed or holding one of our manifests."""
    report = DoctorReport(platform=ctx.platform)
    probes = _Probes(ctx, timeout)
    chosen = browsers if browsers is not None else list(BROWSERS.values())
    for b in chosen:
        found = find_browser(ctx, b)
        udd = user_data_dir if browsers is not None and len(browsers) == 1 else None
        if browsers is None and found is None and effective_manifest(ctx, b) is None:
            continue
        report.browsers.append(check_browser(ctx, b, ids, probes, found, udd))
        report.notes.extend(sandbox_notes(ctx, b))
    if not report.browsers:
        report.general_findings.append(
            Finding("browsers", "browsers.none", "found no supported browser", "pass --browser B to check one anyway")
        )
    if not ids.chromium and any(BROWSERS[c.browser].is_chromium for c in report.browsers):
        report.remarks.append("no Chromium extension id is known: pass --extension-id ID to check allowed_origins")
    # the list, as the hosts see it (one finding set per distinct answer), else as this process sees it
    seen: set[str] = set()
    host_config_problems: list[str] = []
    for result in probes.done.values():
        if not result.answered or result.reply is None:
            continue
        status = result.reply
        if report.list_status is None:
            report.list_status = _summarise(status, "host")
        host_config_problems.extend(status.get("config", {}).get("problems") or [])
        for f in list_findings(status):
            if f.message not in seen:
                seen.add(f.message)
                report.list_findings.append(f)
    if report.list_status is None:
        from kefuguard.service.engine import Engine  # only when no host answered: the engine's imports are heavy

        status = Engine(Places.from_environment(dict(ctx.env))).status()
        report.list_status = _summarise(status, "this process (no host answered)")
        report.list_findings.extend(list_findings(status))
    _config(ctx, report, host_config_problems)
    return report
