"""A per-user cache of what the generator computed before: formatted source and checks passed.

A fresh output tree (a new checkout, a new ``--out``, a CI runner with a restored cache dir)
costs black's time for every file, and black is most of a generation's CPU. What black
returns depends only on its version, its mode and the text it is given, so that output is
kept here under a hash of the three and found again by any later run on this machine, for any
tree. The same holds for an OpenAPI document that openapi-spec-validator accepted (keyed by
:func:`generator.openapi.validity_key`, which covers the tool versions) and for the
``models.py`` that datamodel-code-generator and black made of a models input (keyed by
``ModelsInput.key``, which covers the generator's own code and the tool versions).

Where: ``$CLOUD_SDK_GENERATOR_CACHE`` if set, else ``$XDG_CACHE_HOME/cloud-sdk-generator``,
else ``~/.cache/cloud-sdk-generator``. ``CLOUD_SDK_GENERATOR_NO_CACHE=1`` (or
``generate --no-cache``) switches it off.

It is a cache, never an authority: every entry carries the SHA-256 of its content and one
that does not match it (truncated, edited, another format) is ignored and rewritten; a
cache dir that cannot be read or written only means the slow path. Nothing here can change
the bytes a generation writes, only how soon.

It also keeps a random key, made on first use (``manifest.key``, mode 0600), that seals the
build manifest of each generated tree (generator.fingerprint): ``generate --check`` takes a
tree's word that it is up to date only when this machine's generator wrote the record.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
from pathlib import Path

DISABLE = "CLOUD_SDK_GENERATOR_NO_CACHE"
LOCATION = "CLOUD_SDK_GENERATOR_CACHE"
_FORMAT = b"cloud-sdk-generator cache 1\n"


def cache_dir() -> Path | None:
    """The cache's directory, or None when the cache is switched off."""
    if os.environ.get(DISABLE, "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get(LOCATION)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "cloud-sdk-generator"


def _path(root: Path, kind: str, key: str) -> Path:
    return root / kind / key[:2] / key


def entry_key(*parts: str) -> str:
    """A cache key of several texts (no part can run into the next)."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(f"{len(encoded)}:".encode())
        digest.update(encoded)
    return digest.hexdigest()


def get(kind: str, key: str) -> bytes | None:
    """The content stored for ``key``, or None: no cache, no entry, or one that is damaged."""
    root = cache_dir()
    if root is None:
        return None
    try:
        data = _path(root, kind, key).read_bytes()
    except (OSError, ValueError):
        return None
    head, digest = data[: len(_FORMAT)], data[len(_FORMAT) : len(_FORMAT) + 65]
    if head != _FORMAT or len(digest) != 65 or digest[64:] != b"\n":
        return None
    content = data[len(_FORMAT) + 65 :]
    if hashlib.sha256(content).hexdigest().encode() != digest[:64]:
        return None
    return content


def put(kind: str, key: str, content: bytes) -> None:
    """Store ``content`` for ``key``, atomically; any failure is silent (the cache stays
    as it was, the next run is as slow as this one)."""
    root = cache_dir()
    if root is None:
        return
    path = _path(root, kind, key)
    data = _FORMAT + hashlib.sha256(content).hexdigest().encode() + b"\n" + content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        return


_KEY_FILE = "manifest.key"


def _machine_key() -> bytes | None:
    """This cache's own random key (made on first use, readable by its user only), or None
    when there is no cache or it cannot be read or written."""
    root = cache_dir()
    if root is None:
        return None
    path = root / _KEY_FILE
    for _ in range(2):
        try:
            key = path.read_bytes()
            return key if len(key) == 32 else None
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            root.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another run made it just now: read that one
        except OSError:
            return None
        with os.fdopen(fd, "wb") as stream:
            stream.write(os.urandom(32))
    return None


def seal(content: bytes) -> str:
    """A MAC of ``content`` under this machine's key ("" without a cache): a record that
    carries it was written by the generator on this machine for this user, not edited."""
    key = _machine_key()
    return hmac.new(key, content, hashlib.sha256).hexdigest() if key else ""


def sealed(content: bytes, mac: str) -> bool:
    """Whether ``mac`` is this machine's seal of ``content``."""
    expected = seal(content)
    return bool(expected) and hmac.compare_digest(expected, mac)
