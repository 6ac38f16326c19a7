"""Windows registry access behind a small interface: the real `winreg` one, and one in memory for tests.

Browsers read the key's default value: the absolute path of the host manifest. Keys are written in
the 64-bit view; Chrome, Edge and Firefox look in both views of HKLM (32-bit first), and HKCU's
SOFTWARE is shared by both views.
"""

from __future__ import annotations

from typing import Any, Protocol

HIVES = ("HKCU", "HKLM")


class RegistryWriter(Protocol):
    def key_exists(self, hive: str, key: str) -> bool: ...

    def get_default(self, hive: str, key: str) -> str | None:
        """The key's default (unnamed) string value; None if the key or the value is absent."""
        ...

    def set_default(self, hive: str, key: str, value: str) -> None:
        """Create the key (and its missing parents) and set its default value."""
        ...

    def is_empty(self, hive: str, key: str) -> bool:
        """No subkeys and no values."""
        ...

    def delete_key(self, hive: str, key: str) -> None:
        """Delete one key that has no subkeys."""
        ...


def parents_of(key: str) -> list[str]:
    r"""`A\B\C` -> [`A`, `A\B`, `A\B\C`]."""
    parts = key.split("\\")
    return ["\\".join(parts[: i + 1]) for i in range(len(parts))]


class MemoryRegistry:
    """Case-insensitive like the real one; keys remember the spelling they were created with."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], dict[str, str]] = {}
        self.names: dict[tuple[str, str], str] = {}
        for hive in HIVES:  # as on every Windows machine
            self.keys[(hive, "software")] = {}
            self.names[(hive, "software")] = "SOFTWARE"

    @staticmethod
    def _id(hive: str, key: str) -> tuple[str, str]:
        return hive.upper(), key.strip("\\").lower()

    def key_exists(self, hive: str, key: str) -> bool:
        return self._id(hive, key) in self.keys

    def get_default(self, hive: str, key: str) -> str | None:
        return self.keys.get(self._id(hive, key), {}).get("")

    def set_default(self, hive: str, key: str, value: str) -> None:
        for k in parents_of(key.strip("\\")):
            self.keys.setdefault(self._id(hive, k), {})
            self.names.setdefault(self._id(hive, k), k)
        self.keys[self._id(hive, key)][""] = value

    def is_empty(self, hive: str, key: str) -> bool:
        h, k = self._id(hive, key)
        if self.keys.get((h, k)):
            return False
        return not any(kh == h and kk.startswith(k + "\\") for kh, kk in self.keys)

    def delete_key(self, hive: str, key: str) -> None:
        h, k = self._id(hive, key)
        if any(kh == h and kk.startswith(k + "\\") for kh, kk in self.keys):
            raise OSError(f"{hive}\\{key} has subkeys")
        self.keys.pop((h, k), None)
        self.names.pop((h, k), None)

    def dump(self) -> dict[str, str | None]:
        """Every key that holds a default value: {`HIVE\\Key`: value}."""
        return {f"{h}\\{self.names[(h, k)]}": v.get("") for (h, k), v in sorted(self.keys.items()) if "" in v}


class WinRegistry:  # pragma: no cover - exercised on Windows only
    def __init__(self) -> None:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        self.winreg: Any = winreg  # typed as Any: the module's names exist on Windows only
        self.roots = {"HKCU": self.winreg.HKEY_CURRENT_USER, "HKLM": self.winreg.HKEY_LOCAL_MACHINE}
        self.view = self.winreg.KEY_WOW64_64KEY

    def _open(self, hive: str, key: str, access: int) -> Any:
        return self.winreg.OpenKeyEx(self.roots[hive], key, 0, access | self.view)

    def key_exists(self, hive: str, key: str) -> bool:
        try:
            self._open(hive, key, self.winreg.KEY_READ).Close()
            return True
        except FileNotFoundError:
            return False

    def get_default(self, hive: str, key: str) -> str | None:
        try:
            with self._open(hive, key, self.winreg.KEY_READ) as k:
                value, kind = self.winreg.QueryValueEx(k, "")
        except FileNotFoundError:
            return None
        return value if kind in (self.winreg.REG_SZ, self.winreg.REG_EXPAND_SZ) else None

    def set_default(self, hive: str, key: str, value: str) -> None:
        with self.winreg.CreateKeyEx(self.roots[hive], key, 0, self.winreg.KEY_WRITE | self.view) as k:
            self.winreg.SetValueEx(k, "", 0, self.winreg.REG_SZ, value)

    def is_empty(self, hive: str, key: str) -> bool:
        try:
            with self._open(hive, key, self.winreg.KEY_READ) as k:
                subkeys, values, _ = self.winreg.QueryInfoKey(k)
        except FileNotFoundError:
            return True
        return subkeys == 0 and values == 0

    def delete_key(self, hive: str, key: str) -> None:
        try:
            self.winreg.DeleteKeyEx(self.roots[hive], key, self.view, 0)
        except FileNotFoundError:
            pass
