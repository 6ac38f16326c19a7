"""The lookalike index (BrandIndex) kept beside the compiled list, so a host start reads it instead
of building it.

Building it takes ~20-25 ms of a host's start to its first `check_url` reply (skeletons, deletion
neighbourhoods, folded words of ~700 official domains). It is kept in `marshal` form, one part
per field, as the sets, tuples and dictionaries the index holds (its targets as numbers), and each
part is read when a rule first asks for it (KeptBrandIndex): a first check of a site reads a few
(~0.3 ms to open the file, where its JSON form took ~6 ms to parse and ~6 more to turn into sets
and tuples); `finish()` reads the rest between requests. Never pickle: nothing read back runs code
(marshal makes only plain values: strings, numbers, containers; a file not of the expected shape,
or whose parts fail their CRC, is not used). The file is derived only from data that is itself
trusted:

- the brands of the compiled list (`<index>/<digest>/brands.json`, written from the verified
  bundle, in the folder named by that bundle's digest); the file sits in that folder;
- the code that builds the index: its name carries a hash of the file states (size, modification
  and change times) of every module that can change what is built (detect/url, the list model, the
  confusables table), so any other code builds and writes its own (the Python version is in the
  name too: marshal's format is its own);
- the public suffix rules in use (they decide each domain's label): their CRC is in the name too.

A host writes the file between requests (Engine.warm_urls), never on a check's path. An index with
an attribute this module does not know is not written (a new field added to BrandIndex or
LabelScreen without teaching it here costs the start-up time, never a wrong verdict);
tests/detect/test_brand_index_file.py checks that what is read back equals what was built.
"""

from __future__ import annotations

import marshal
import mmap
import os
import sys
import zlib
from functools import cache, cached_property

from kefuguard.detect.url import public_suffix
from kefuguard.detect.url.brand_index import BrandIndex, Target, Vocabulary, distinctive_words_of
from kefuguard.detect.url.label_screen import LabelScreen, WordSet
from kefuguard.kept_values import ByKey, KeptBrands, domain_owners
from kefuguard.lists.model import Brand, ImAccount

TYPE_CHECKING = False  # typing is not imported: a host's first URL check loads this module
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

# 4: a header (its length, then marshal) and the parts' bytes after it, read in place from a
# mapping of the file (3: the parts as bytes in one marshalled dict, copied twice on reading; the
# screen's `near` in parts by first character since 3; 2: one dict; 1 was JSON)
FORMAT = 4
# 4: laid out as FORMAT 4 (the rows end to end, read in place); 3: each brand's row marshalled on
# its own, made when first used, and the domains' owners (2: one list of rows, all made at start:
# ~1.3 ms; 1: JSON, ~0.5 ms more)
BRANDS_FORMAT = 4
PREFIX = "brand-index-"
BRANDS_PREFIX = "brands-parsed-"
_BRAND_FIELDS = (
    *("id", "name_en", "name_zh", "domains", "phones", "im", "keywords"),
    *("category", "region", "never", "country_sites"),
)
_IM_FIELDS = ("platform", "account", "note")
_HOST = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))  # host/kefuguard
# what BrandIndex and LabelScreen keep, as this module writes and reads it back
_TARGET_LISTS = ("by_skeleton", "by_loose", "by_letters", "by_form")
_TARGETS = ("tokens", "short_keywords", "word_labels", "official")
_INDEX_FIELDS = frozenset(
    (*_TARGET_LISTS, *_TARGETS, "by_affix", "zh_names", "screen", "units", "words", "zh_lengths")
)
_WORD_SETS = ("tokens", "short_tokens", "scam_words", "strong_words")
_SCREEN_FIELDS = frozenset(
    (*_WORD_SETS, "exact", "four_letter", "near", "long_forms", "long_lengths", "units", "unit_prefixes")
    + ("longest_unit", "_distinctive")
)
_WORD_SET_FIELDS = frozenset(("words", "head", "heads", "_slices"))
_VOCABULARY_FIELDS = frozenset(("units", "tokens", "prefixes"))


@cache
def code_hash() -> str:
    """A hash naming everything that decides what BrandIndex builds from a list (the sources of
    detect/url, the list model and kept_values.py, the confusables table): CRC-32 and Adler-32 of each file's name,
    size, modification and change times, as Python's own bytecode cache tells a changed source
    (no hashlib: importing it costs a host start ~3 ms; stat, not the ~240 KB of their text: ~0.1
    against ~0.8 ms of a start). Writing a file sets its change time to the clock's (on Windows
    its modification time), which no tool sets back, so another version of a file, even of the same
    size and modification time, names another index; a reinstall of the same code builds it again,
    once. It tells code versions apart;
    it guards against no one (whoever can write this folder can write the compiled list too)."""
    crc, adler = zlib.crc32(b"%d" % FORMAT), zlib.adler32(b"%d" % FORMAT)
    url = os.path.join(_HOST, "detect", "url")
    names = sorted(n for n in os.listdir(url) if n.endswith(".py") and not n.startswith("."))  # glob's *.py
    paths = [os.path.join(url, n) for n in names]
    for path in paths + [os.path.join(_HOST, n) for n in ("lists/model.py", "kept_values.py", "data/confusables.json")]:
        st = os.stat(path)
        data = b"%s\0%d\0%d\0%d\0" % (os.path.basename(path).encode(), st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)
    return f"{crc:08x}{adler:08x}"


def file_for(directory: str | Path) -> str | None:
    """Where the index of the list compiled in `directory` is kept for this code and these rules."""
    rules = public_suffix.rules_crc()
    if rules is None:
        return None
    try:
        name = f"{PREFIX}{code_hash()}-{rules:08x}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"
        return os.path.join(directory, name)
    except OSError:  # the sources cannot be read (a frozen install): no file
        return None


def _fits(obj: object, known: frozenset[str]) -> bool:
    """Are the instance's fields exactly those this module writes? (What cached_property computed
    since, and a WordSet's slices, are left out: they are rebuilt on use.)"""
    kind = type(obj)
    names = {n for n in vars(obj) if not isinstance(getattr(kind, n, None), cached_property)}
    return names == known


def encode(index: BrandIndex, brands: tuple[Brand, ...]) -> dict[str, Any] | None:
    """The index as `marshal` data, one part per field (its targets and brands as numbers), read
    back part by part on first use; None when it holds something this module cannot write."""
    if not _fits(index, _INDEX_FIELDS) or not _fits(index.screen, _SCREEN_FIELDS):
        return None
    words = index.words
    if not _fits(words, _VOCABULARY_FIELDS) or words.units is not index.units or words.tokens is not index.tokens:
        return None
    brand_ids = {id(b): i for i, b in enumerate(brands)}
    target_ids: dict[int, int] = {}
    targets: list[tuple[int, str, str]] = []

    def tid(t: Target) -> int:
        found = target_ids.get(id(t))
        if found is None:
            found = target_ids[id(t)] = len(targets)
            targets.append((brand_ids[id(t.brand)], t.domain, t.label))
        return found

    out: dict[str, Any] = {}
    for name in _TARGET_LISTS:
        out[name] = {k: tuple(tid(t) for t in ts) for k, ts in getattr(index, name).items()}
    for name in _TARGETS:
        out[name] = {k: tid(t) for k, t in getattr(index, name).items()}
    out["by_affix"] = dict(index.by_affix)
    out["zh_names"] = {k: brand_ids[id(b)] for k, b in index.zh_names.items()}
    out["units"] = dict(index.units)
    out["words"] = set(words.prefixes)  # the Vocabulary: the index's units and tokens, and these
    out["zh_lengths"] = list(index.zh_lengths)
    s = index.screen
    screen: dict[str, Any] = {
        "exact": set(s.exact),
        "four_letter": set(s.four_letter),
        "near": _near_shards(s.near),  # a dict of parts, not one part: read a part at a time
        "long_forms": {k: list(v) for k, v in s.long_forms.items()},
        "long_lengths": dict(s.long_lengths),
        "units": set(s.units),
        "unit_prefixes": set(s.unit_prefixes),
        "longest_unit": s.longest_unit,
    }
    for name in _WORD_SETS:
        words = getattr(s, name)
        if words is not None and not _fits(words, _WORD_SET_FIELDS):
            return None
        screen[name] = None if words is None else (words.words, words.head, words.heads)
    return {
        "targets": marshal.dumps(targets),
        "index": {name: marshal.dumps(value) for name, value in out.items()},
        "screen": {name: value if name == "near" else marshal.dumps(value) for name, value in screen.items()},
    }


def _near_shards(near: dict[str, Any]) -> dict[str, bytes]:
    """The screen's deletion neighbourhood (~130 KB for the embedded list) in parts by the key's
    first character: a first check's probes (a label and its one-letter deletions) start with one
    of two characters, so it reads two parts, not all."""
    shards: dict[str, dict[str, Any]] = {}
    for key, forms in near.items():
        shards.setdefault(key[:1], {})[key] = forms
    return {first: marshal.dumps(shard) for first, shard in shards.items()}


class NearShards:
    """A kept screen's `near` until read_all: the dict's get, `in` and keys().isdisjoint, each
    part read when a key that starts with its character is first asked for."""

    def __init__(self, parts: dict[str, bytes | memoryview]) -> None:
        self.parts = parts
        self.shards: dict[str, dict[str, Any]] = {}

    def _shard(self, key: str) -> dict[str, Any]:
        first = key[:1]
        shard = self.shards.get(first)
        if shard is None:
            part = self.parts.get(first)
            shard = self.shards[first] = {} if part is None else marshal.loads(part)
        return shard

    def get(self, key: str, default: Any = None) -> Any:
        return self._shard(key).get(key, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._shard(key)

    def keys(self) -> NearShards:
        return self

    def isdisjoint(self, keys: Any) -> bool:
        return not any(key in self for key in keys)

    def plain(self) -> dict[str, Any]:
        whole: dict[str, Any] = {}
        for first in self.parts:
            whole.update(self._shard(first))
        return whole


def _word_set(parts: tuple[frozenset[str], int, dict[str, tuple[int, ...]]]) -> WordSet:
    """A WordSet as `encode` kept it (its words, head length and heads: nothing worked out again)."""
    words = WordSet.__new__(WordSet)
    words.words, words.head, words.heads = parts
    words._slices = {}
    return words


class _Kept:
    """The parts of a kept index not read yet, and how to turn each into the field it was."""

    def __init__(self, data: dict[str, Any], brands: tuple[Brand, ...]) -> None:
        # the chat index is built on a thread from the same lookalike index; _thread's lock is the one
        # threading.RLock() makes, without importing threading (~0.6 ms) before a host's first reply
        from _thread import RLock

        # each part bytes, or a view of the kept file's; the screen's `near` a dict of such parts
        self.index_parts: dict[str, Any] = dict(data["index"])
        self.screen_parts: dict[str, Any] = dict(data["screen"])
        self.targets_part: bytes | memoryview = data["targets"]
        self.brands = brands
        self.lock = RLock()
        self.made_targets: dict[int, Target] = {}
        if set(self.index_parts) != _KEPT_INDEX_FIELDS or set(self.screen_parts) != _SCREEN_FIELDS - {"_distinctive"}:
            raise ValueError("not the fields this module writes")

    @cached_property
    def target_rows(self) -> list[tuple[int, str, str]]:
        return marshal.loads(self.targets_part)

    def target(self, i: int) -> Target:
        """Target number `i`, made once (every field that names it gets this same object)."""
        made = self.made_targets.get(i)
        if made is None:
            with self.lock:
                made = self.made_targets.get(i)
                if made is None:
                    b, domain, label = self.target_rows[i]
                    made = self.made_targets[i] = Target(self.brands[b], domain, label)
        return made

    def target_list(self, ids: tuple[int, ...]) -> list[Target]:
        return [self.target(i) for i in ids]

    def index_field(self, index: BrandIndex, name: str) -> Any:
        value = marshal.loads(self.index_parts[name])
        if name in _TARGET_LISTS:
            return ByKey(value, self.target_list)
        if name in _TARGETS:
            return ByKey(value, self.target)
        if name == "zh_names":
            return ByKey(value, self.brands.__getitem__)
        if name == "words":  # its prefixes read, not worked out again
            words = Vocabulary.__new__(Vocabulary)
            words.units, words.tokens, words.prefixes = index.units, index.tokens, value
            return words
        return value

    def first_words(self, index: BrandIndex) -> KeptVocabulary:
        """The Vocabulary before its prefixes are read: ~80 KB of prefixes cost a first check more
        than the few walks it makes without them."""
        words = KeptVocabulary.__new__(KeptVocabulary)
        words.units, words.tokens = index.units, index.tokens
        words.longest = max(map(len, index.units), default=0)
        return words

    def screen_field(self, name: str) -> Any:
        if name == "near":
            return NearShards(self.screen_parts[name])
        value = marshal.loads(self.screen_parts[name])
        if name in _WORD_SETS and value is not None:
            return _word_set(value)
        return value


_KEPT_INDEX_FIELDS = _INDEX_FIELDS - {"screen"}


def _materialise(obj: Any, parts: dict[str, bytes], kept: _Kept, make: Any, name: str) -> Any:
    """The field `name` of a kept index or screen, read on first use (then a plain attribute)."""
    if name not in parts:
        raise AttributeError(name)
    with kept.lock:
        if name not in obj.__dict__:  # another thread may have read it meanwhile
            obj.__dict__[name] = make(name)
        return obj.__dict__[name]


class KeptBrandIndex(BrandIndex):
    """A BrandIndex read from the kept file: each field is unmarshalled on first use (a first
    check of a site reads a few: most labels pass the screen in a handful of probes), the rest by
    `finish`, between requests. Afterwards it is an ordinary BrandIndex's set of fields."""

    _kept: _Kept  # until read_all

    def __getattr__(self, name: str) -> Any:  # only for a field not read yet
        kept = self.__dict__.get("_kept")
        if kept is None:
            raise AttributeError(name)
        if name == "words":  # a KeptVocabulary: read_all puts the one with its prefixes in its place
            return _materialise(self, kept.index_parts, kept, lambda n: kept.first_words(self), name)
        return _materialise(self, kept.index_parts, kept, lambda n: kept.index_field(self, n), name)

    def read_all(self) -> None:
        kept = self.__dict__.get("_kept")
        if kept is not None:
            for name in kept.index_parts:
                value = getattr(self, name) if name != "words" else kept.index_field(self, name)
                if isinstance(value, ByKey):
                    self.__dict__[name] = value.plain()
                elif name == "words":
                    self.__dict__[name] = value
            if isinstance(self.screen, KeptLabelScreen):
                self.screen.read_all()
            del self.__dict__["_kept"]

    def finish(self) -> None:
        self.read_all()
        super().finish()


class KeptVocabulary(Vocabulary):
    """A kept index's Vocabulary before its prefixes are read: the same units found, by trying
    every length up to the longest unit instead of stopping where no unit goes on."""

    longest: int

    def units_at(self, text: str, start: int) -> list[tuple[str, bool, int]]:
        found = []
        for end in range(start + 1, min(len(text), start + self.longest) + 1):
            unit = self.units.get(text[start:end])
            if unit is not None:
                found.append((text[start:end], *unit))
        return found


class KeptLabelScreen(LabelScreen):
    """The LabelScreen of a KeptBrandIndex, read the same way."""

    def __init__(self, kept: _Kept, distinctive: Any) -> None:  # not LabelScreen's: nothing built
        self._kept = kept
        self._distinctive = distinctive

    def __getattr__(self, name: str) -> Any:
        kept = self.__dict__.get("_kept")
        if kept is None:
            raise AttributeError(name)
        return _materialise(self, kept.screen_parts, kept, kept.screen_field, name)

    def read_all(self) -> None:
        kept = self.__dict__.get("_kept")
        if kept is not None:
            for name in kept.screen_parts:
                value = getattr(self, name)
                if isinstance(value, NearShards):
                    self.__dict__[name] = value.plain()
            del self.__dict__["_kept"]


def decode(data: dict[str, Any], brands: tuple[Brand, ...]) -> BrandIndex:
    """The index `encode` wrote, around these (the same list's) brands; its fields read on use."""
    kept = _Kept(data, brands)
    index = KeptBrandIndex.__new__(KeptBrandIndex)
    index._kept = kept
    index.screen = KeptLabelScreen(kept, distinctive_words_of(index))
    return index


def _brands_file(directory: str | Path) -> str | None:
    try:
        name = f"{BRANDS_PREFIX}{code_hash()}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"
        return os.path.join(directory, name)
    except OSError:
        return None


def encode_brands(brands: tuple[Brand, ...]) -> list[tuple[Any, ...]] | None:
    """The parsed brands, one row each (their tuples as tuples: marshal keeps them); None when Brand
    or ImAccount has fields this module does not know."""
    if Brand._fields != _BRAND_FIELDS or ImAccount._fields != _IM_FIELDS:
        return None
    return [
        (b.id, b.name_en, b.name_zh, tuple(b.domains), tuple(b.phones))
        + (tuple((i.platform, i.account, i.note) for i in b.im), tuple(b.keywords), b.category, b.region)
        + (tuple((en, zh) for en, zh in b.never), b.country_sites)
        for b in brands
    ]


def read_brands(directory: str | Path, digest: str, count: int) -> tuple[Brand, ...] | None:
    """The list's brands as an earlier host of this code parsed them, each made when first used
    (KeptBrands); None when not kept or not fitting."""
    path = _brands_file(directory)
    if path is None:
        return None
    try:
        parts = _read_laid_out(path, {"format": BRANDS_FORMAT, "digest": digest, "count": count})
        if parts is None:
            return None
        ends, owners = marshal.loads(parts["ends"]), marshal.loads(parts["owners"])
        if type(ends) is not list or len(ends) != count or type(owners) is not dict:
            return None
        rows = _Rows(parts["rows"], ends)
        # a Sequence standing for the tuple (kept_values.py): indexed, sliced, iterated, added
        return KeptBrands(rows, owners)  # type: ignore[arg-type, return-value]
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def write_brands(directory: str | Path, digest: str, brands: tuple[Brand, ...]) -> bool:
    path = _brands_file(directory)
    if path is None or os.path.exists(path):
        return False
    rows = encode_brands(brands)
    if rows is None:
        return False
    each = [marshal.dumps(r) for r in rows]
    ends, at = [], 0
    for row in each:
        at += len(row)
        ends.append(at)
    parts = {"rows": b"".join(each), "ends": marshal.dumps(ends), "owners": marshal.dumps(domain_owners(brands))}
    header = {"format": BRANDS_FORMAT, "digest": digest, "count": len(rows)}
    return _keep(path, BRANDS_PREFIX, _laid_out(header, parts))


class _Rows:
    """The kept brands' marshalled rows, each a view of the file's bytes (KeptBrands reads one
    when its brand is first asked for)."""

    def __init__(self, rows: memoryview, ends: list[int]) -> None:
        self.rows, self.ends = rows, ends

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> memoryview:
        if i < 0:
            i += len(self.ends)
        if not 0 <= i < len(self.ends):
            raise IndexError(i)
        return self.rows[self.ends[i - 1] if i else 0 : self.ends[i]]


def read(directory: str | Path, digest: str, brands: tuple[Brand, ...]) -> BrandIndex | None:
    """The index kept for this list, code and rules; None when there is none or it does not fit."""
    path = file_for(directory)
    if path is None:
        return None
    try:
        parts = _read_laid_out(path, {"format": FORMAT, "digest": digest, "brands": len(brands)})
        return None if parts is None else decode(parts, brands)
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # missing or damaged: the caller builds it


def write(directory: str | Path, digest: str, brands: tuple[Brand, ...], index: BrandIndex) -> bool:
    """Keep `index` for the next host (and remove this list's files of other code or rules)."""
    path = file_for(directory)
    if path is None or os.path.exists(path):
        return False
    encoded = encode(index, brands)
    if encoded is None:
        return False
    return _keep(path, PREFIX, _laid_out({"format": FORMAT, "digest": digest, "brands": len(brands)}, encoded))


def _laid_out(header: dict[str, Any], tree: dict[str, Any]) -> bytes:
    """A kept file: the header's length, the header (marshal: `header`, the body's CRC and where
    each part of the nested dict `tree` lies in the body), then the parts end to end."""
    chunks: list[bytes] = []
    at = 0

    def place(node: Any) -> Any:
        nonlocal at
        if isinstance(node, dict):
            return {name: place(value) for name, value in node.items()}
        chunks.append(node)
        at += len(node)
        return (at - len(node), len(node))

    table = place(tree)
    body = b"".join(chunks)
    head = marshal.dumps({**header, "crc": zlib.crc32(body), "parts": table})
    return len(head).to_bytes(4, "little") + head + body


def _parts_in(table: Any, body: memoryview) -> Any:
    """The nested dict `_laid_out` described, each part a view of `body` (nothing copied)."""
    if isinstance(table, dict):
        return {name: _parts_in(value, body) for name, value in table.items()}
    start, length = table
    if type(start) is not int or type(length) is not int or start < 0 or start + length > len(body):
        raise ValueError("a part outside the file")
    return body[start : start + length]


def _read_laid_out(path: str, expected: dict[str, Any]) -> Any:
    """The parts of a file _laid_out wrote, each a view of the file mapped read-only (a first check
    reads a fraction of them, and the pages it does not touch are never copied: a read() copied all
    ~600 KB, then marshal twice more); None unless its header holds `expected` and its body the
    CRC there (checked here: the parts are read on use, after this has said yes). Files are
    replaced by renaming, never rewritten in place, so a mapping stays whole while it is in use."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size < 4:
            return None
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    length = int.from_bytes(view[:4], "little")
    if 4 + length > size:
        return None
    header = marshal.loads(view[4 : 4 + length])
    if type(header) is not dict or any(header.get(k) != v for k, v in expected.items()):
        return None
    body = view[4 + length :]
    if zlib.crc32(body) != header.get("crc"):
        return None
    return _parts_in(header["parts"], body)


def _keep(path: str, prefix: str, data: bytes) -> bool:
    """Write `data` to `path` and remove the same list's files of this kind for other code or rules."""
    from kefuguard.lists.atomic import write_atomic

    try:
        write_atomic(path, data)
        folder = os.path.dirname(path)
        for name in os.listdir(folder):
            old = os.path.join(folder, name)
            if name.startswith(prefix) and old != path:
                os.unlink(old)
    except OSError:
        return False  # only a start-up shortcut
    return True
