"""Keeping secrets out of exceptions and logs.

Two leaks this closes:

* Services echo the request back in some error messages (Alibaba Cloud's
  ``SignatureDoesNotMatch`` carries its string-to-sign, which includes the STS token), so
  error messages, codes, request ids and bodies are scrubbed of the client's own secret
  values, in every form an echo may take: raw, percent-encoded once or twice (either hex
  case), JSON-escaped (``\\/``, ``\\u002b``) or as HTML character references, mixed freely.
* HTTP libraries log request URLs (urllib3 at DEBUG, httpx at INFO), and the Alibaba Cloud
  RPC V1 signature puts ``SecurityToken`` and ``Signature`` in the query string, so those
  loggers get a filter that masks such query parameters.

The runtime's own DEBUG log and the views its event hooks see (``sdk_runtime.hooks``) show
URLs through :func:`redact_url` and headers through :func:`redact_headers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # logging loads with the HTTP library, not with the client module
    import logging

MASK = "****"

_SENSITIVE_QUERY = re.compile(
    r"(?i)([?&](?:SecurityToken|Signature|x-oss-security-token|x-oss-signature"
    r"|x-amz-security-token|x-amz-signature)=)[^&\s\"'#>]*"
)
# headers whose value is a credential or a signature: Authorization, X-Auth-Token,
# X-Security-Token, x-acs-security-token, x-oss-security-token, Cookie / Set-Cookie, ...
_SENSITIVE_HEADER_WORDS = ("authorization", "token", "signature", "secret", "credential", "cookie")


def secret_forms(values: Iterable[str | None]) -> tuple[str, ...]:
    """The client's secret values, longest first, for :func:`redact_text` and
    :func:`redact_bytes` (which match every encoded form of each)."""
    return tuple(sorted({value for value in values if value}, key=len, reverse=True))


def _hex(byte: int) -> str:
    """``0x2b`` -> ``2[bB]``: two hex digits, letters in either case."""
    return "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{byte:02x}")


def _char_pattern(char: str) -> str:
    """Every way an echo may write ``char``: itself, percent-encoded once or twice, a JSON
    escape (``\\/``, ``\\u002b``), an HTML character reference (``&#43;``, ``&#x2b;``)."""
    forms = [re.escape(char)]
    code = ord(char)
    if char == "/":
        forms.append(r"\\/")
    if code <= 0xFFFF:
        forms.append(r"\\u" + "".join(_hex(b) for b in code.to_bytes(2, "big")))
    encoded = char.encode()
    forms.append("".join("%" + _hex(b) for b in encoded))
    forms.append("".join("%25" + _hex(b) for b in encoded))
    forms.append(f"&#0*{code};")
    forms.append("&#[xX]0*" + "".join(_hex(b) for b in code.to_bytes(4, "big")).lstrip("0") + ";")
    return "(?:" + "|".join(forms) + ")"


_ESCAPES = ("%", "\\", "&")  # how every encoded form of a character (above) starts


@lru_cache(maxsize=32)
def _secrets_pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all of ``forms`` (compiled on the first error, not per client)."""
    alternatives = ["".join(_char_pattern(c) for c in form) for form in forms if form]
    return re.compile("|".join(alternatives)) if alternatives else None


def redact_text(text: str, forms: Iterable[str]) -> str:
    """``text`` with each secret of ``forms`` (see :func:`secret_forms`) masked."""
    secrets = tuple(forms)
    pattern = _secrets_pattern(secrets)
    if pattern is None or not text:
        return text
    if not any(escape in text for escape in _ESCAPES) and not any(s in text for s in secrets):
        return text  # only a secret written as itself could match here, and none is
    return pattern.sub(MASK, text)


def redact_bytes(data: bytes, forms: Iterable[str]) -> bytes:
    """``data`` with each secret masked; bytes that are not UTF-8 are kept as they were."""
    pattern = _secrets_pattern(tuple(forms))
    if pattern is None or not data:
        return data
    text = data.decode("utf-8", "surrogateescape")
    return pattern.sub(MASK, text).encode("utf-8", "surrogateescape")


def redact_query_secrets(text: str) -> str:
    """``...&SecurityToken=abc&...`` -> ``...&SecurityToken=****&...`` (and the like)."""
    return _SENSITIVE_QUERY.sub(r"\1" + MASK, text)


def redact_url(url: str, forms: Iterable[str]) -> str:
    """``url`` with its sensitive query parameters and each secret of ``forms`` masked."""
    return redact_text(redact_query_secrets(url), forms)


def redact_headers(headers: Mapping[str, str], forms: Iterable[str]) -> dict[str, str]:
    """``headers`` with names lower-cased, the values of credential and signature headers
    masked, and each secret of ``forms`` masked in the others."""
    secrets = tuple(forms)
    redacted: dict[str, str] = {}
    for name, value in headers.items():
        lower = name.lower()
        sensitive = any(word in lower for word in _SENSITIVE_HEADER_WORDS)
        redacted[lower] = MASK if sensitive else redact_text(value, secrets)
    return redacted


class QuerySecretFilter:
    """Masks sensitive query parameters in the URLs an HTTP library logs (a logging filter:
    anything with a ``filter(record)`` method qualifies)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is the handler's business
            return True
        redacted = redact_query_secrets(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def redact_urls_logged_by(logger_name: str) -> None:
    """Install :class:`QuerySecretFilter` on ``logger_name`` once."""
    import logging

    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, QuerySecretFilter) for f in logger.filters):
        logger.addFilter(QuerySecretFilter())
