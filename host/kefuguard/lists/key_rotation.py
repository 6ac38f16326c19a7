"""Key rotation through the list itself (DESIGN.md: "Keys rotate by a new list signed by both the
old and the new key").

A list may announce its publisher's current keys in `signed.keys` (hex Ed25519 public keys). A
client learns an announced key only when (1) the list verified against the keys it already
trusts, threshold included, and (2) the announced key itself signed that same list: a stolen key
alone cannot introduce a key nobody holds, and a key cannot be learned without its holder. The
learned set is replaced by each newer main list that announces keys, so a publisher drops a key
by announcing without it. Learned keys live in state.json next to the versions seen.
"""

from __future__ import annotations

from kefuguard.errors import KefuguardError, SchemaError
from kefuguard.lists.model import is_hex_key, parse_announced_keys
from kefuguard.lists.seen import read_state, write_state
from kefuguard.lists.trust import TrustedKeys, keyid_of

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

STATE_KEY = "learned_keys"


def learned_keys(state_file: str | Path) -> tuple[str, ...]:
    entry = read_state(state_file).get(STATE_KEY, {})
    keys = entry.get("keys", []) if isinstance(entry, dict) else []
    return tuple(k for k in keys if isinstance(k, str) and is_hex_key(k))


def learn_from(state_file: str | Path, data: bytes, signed: dict[str, Any], trust: TrustedKeys, version: int) -> list[str]:
    """After a list verified against `trust` and was installed: learn the keys it announces that
    signed it. Returns the key ids newly learned."""
    try:
        announced = parse_announced_keys(signed)
    except SchemaError:
        return []
    if not announced:
        return []
    new = [k for k in announced if keyid_of(k) not in trust.keys]
    from kefuguard.lists.verify import verify_bundle  # here: a host start only reads the learned keys

    holders = []
    for key in new:  # each new key must have signed this very list
        try:
            verify_bundle(data, TrustedKeys.of([key], 1))
            holders.append(key)
        except KefuguardError:
            continue
    state = read_state(state_file)
    previous = state.get(STATE_KEY, {})
    if isinstance(previous, dict) and isinstance(previous.get("version"), int) and previous["version"] > version:
        return []
    # announced keys the client already trusts stay learned too, so a later list signed by them alone
    # still verifies once the embedded key is retired
    keep = [k for k in announced if keyid_of(k) in trust.keys or k in holders]
    state[STATE_KEY] = {"version": version, "keys": keep}
    write_state(state_file, state)
    return [keyid_of(k) for k in holders]
