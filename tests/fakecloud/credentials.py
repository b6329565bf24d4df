"""Test credentials the fake cloud knows. Nothing here is a real secret."""

from __future__ import annotations

from typing import NamedTuple

# Alibaba Cloud: a long-term AccessKey pair and an STS triple.
ALIBABA_ACCESS_KEY_ID = "LTAITESTKEYID0001"
ALIBABA_ACCESS_KEY_SECRET = "test-secret-alibaba"
ALIBABA_STS_ACCESS_KEY_ID = "STS.TESTKEY"
ALIBABA_STS_ACCESS_KEY_SECRET = "sts-secret"
ALIBABA_STS_SECURITY_TOKEN = "sts-token-value"

# Huawei Cloud: AK/SK, the project the AK belongs to, and an IAM token.
HUAWEI_AK = "HWTESTAK0001"
HUAWEI_SK = "hw-test-sk"
HUAWEI_PROJECT_ID = "0605767a3300d5762fb7c0186d9e1779"
HUAWEI_TOKEN = "hw-iam-token"


class AlibabaKey(NamedTuple):
    secret: str
    security_token: str | None  # required (and must match) for STS keys


ALIBABA_KEYS: dict[str, AlibabaKey] = {
    ALIBABA_ACCESS_KEY_ID: AlibabaKey(ALIBABA_ACCESS_KEY_SECRET, None),
    ALIBABA_STS_ACCESS_KEY_ID: AlibabaKey(
        ALIBABA_STS_ACCESS_KEY_SECRET, ALIBABA_STS_SECURITY_TOKEN
    ),
}

HUAWEI_KEYS: dict[str, str] = {HUAWEI_AK: HUAWEI_SK}
# temporary AK/SK (from ECS metadata): the security token each must come with
HUAWEI_TEMP_AK = "HWTEMPAK0001"
HUAWEI_TEMP_SK = "hw-temp-sk"
HUAWEI_SECURITY_TOKEN = "hw-temporary-security-token-0123456789"
HUAWEI_TEMP_KEYS: dict[str, tuple[str, str]] = {
    HUAWEI_TEMP_AK: (HUAWEI_TEMP_SK, HUAWEI_SECURITY_TOKEN)
}
