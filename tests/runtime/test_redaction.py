"""The redaction helpers the hooks, the DEBUG log and the errors share."""

from __future__ import annotations

import pytest

from sdk_runtime.redaction import (
    _secrets_pattern,
    redact_headers,
    redact_text,
    redact_url,
    secret_forms,
)

TOKEN = "hw/iam+token=value"
FORMS = secret_forms([TOKEN, "sk-Secret", None, ""])
TEXTS = [
    "",
    "nothing secret here",
    f"token {TOKEN} and sk-Secret",
    "token hw\\/iam\\u002btoken\\u003Dvalue",
    "token hw%2Fiam%2btoken%3Dvalue&x=1",
    "token hw%252Fiam%252Btoken%253Dvalue",
    "token hw&#47;iam&#x2B;token=value",
    "sk-Secre t, almost",
    "100% sure & \\ escaped, but no secret",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_fast_path_masks_what_the_pattern_masks(text: str) -> None:
    pattern = _secrets_pattern(FORMS)
    assert pattern is not None
    assert redact_text(text, FORMS) == pattern.sub("****", text)
    assert redact_text(text, iter(FORMS)) == redact_text(text, FORMS)  # any iterable


def test_redact_url_masks_signature_and_token_query_values_and_secrets() -> None:
    url = (
        "http://127.0.0.1:8080/?Action=ListBuckets&Signature=abc%3D&SignatureMethod=HMAC-SHA1"
        f"&SecurityToken=CAIS&Note={TOKEN.replace('/', '%2F')}"
    )
    assert redact_url(url, FORMS) == (
        "http://127.0.0.1:8080/?Action=ListBuckets&Signature=****&SignatureMethod=HMAC-SHA1"
        "&SecurityToken=****&Note=****"
    )


def test_redact_headers_masks_credential_headers_by_name_and_secrets_anywhere() -> None:
    headers = {
        "Authorization": "ACS3-HMAC-SHA256 Credential=LTAI,Signature=0123abcd",
        "X-Auth-Token": "opaque",
        "x-oss-security-token": "CAIS",
        "Set-Cookie": "session=1",
        "X-Echo": f"said {TOKEN}",
        "Content-Type": "application/json",
    }
    assert redact_headers(headers, FORMS) == {
        "authorization": "****",
        "x-auth-token": "****",
        "x-oss-security-token": "****",
        "set-cookie": "****",
        "x-echo": "said ****",
        "content-type": "application/json",
    }
