"""Keeping secrets out of exceptions and logs.

Two leaks this closes:

* Services echo the request back in some error messages (Alibaba Cloud's
  ``SignatureDoesNotMatch`` carries its string-to-sign, which includes the STS token), so
  error messages and bodies are scrubbed of the client's own secret values.
* HTTP libraries log request URLs (urllib3 at DEBUG, httpx at INFO), and the Alibaba Cloud
  RPC V1 signature puts ``SecurityToken`` and ``Signature`` in the query string, so those
  loggers get a filter that masks such query parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # logging loads with the HTTP library, not with the client module
    import logging

MASK = "****"

_SENSITIVE_QUERY = re.compile(
    r"(?i)([?&](?:SecurityToken|Signature|x-oss-security-token|x-oss-signature"
    r"|x-amz-security-token|x-amz-signature)=)[^&\s\"'#>]*"
)


def secret_forms(values: Iterable[str | None]) -> tuple[str, ...]:
    """Each secret as it may appear in echoed text: raw, percent-encoded once and twice
    (a string-to-sign encodes an already encoded query). Longest first."""
    forms: set[str] = set()
    for value in values:
        if value:
            once = quote(value, safe="")
            forms.update((value, once, quote(once, safe="")))
    return tuple(sorted(forms, key=len, reverse=True))


def redact_text(text: str, forms: Iterable[str]) -> str:
    for form in forms:
        text = text.replace(form, MASK)
    return text


def redact_bytes(data: bytes, forms: Iterable[str]) -> bytes:
    for form in forms:
        data = data.replace(form.encode(), MASK.encode())
    return data


def redact_query_secrets(text: str) -> str:
    """``...&SecurityToken=abc&...`` -> ``...&SecurityToken=****&...`` (and the like)."""
    return _SENSITIVE_QUERY.sub(r"\1" + MASK, text)


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
