"""What the runtime does with a service's settings: the facts some rules judge by.

A rule asks the runtime itself rather than a copy of its behaviour: which credentials a
signing scheme accepts (by trying to make a signer), whether a signer keeps the region (its
scope carries it), whether a protocol sends the API version.
"""

from __future__ import annotations

from functools import cache

from sdk_runtime.credentials import AlibabaCloudCredentials, HuaweiCloudCredentials
from sdk_runtime.errors import CredentialsError
from sdk_runtime.protocols import PROTOCOLS
from sdk_runtime.signing import Credentials, Signer, make_signer

_PROBE_REGION = "probe-region-7"

# What callers pass, by what a reason calls it; each is tried against a scheme.
PROBE_CREDENTIALS: dict[str, Credentials] = {
    "an AccessKey pair": AlibabaCloudCredentials("probe-id", "probe-secret"),
    "an AK/SK pair": HuaweiCloudCredentials(ak="probe-ak", sk="probe-sk"),
    "an IAM token": HuaweiCloudCredentials(auth_token="probe-token"),
}


def _signer(scheme: str, credentials: Credentials) -> Signer | None:
    try:
        return make_signer(scheme, credentials, _PROBE_REGION)
    except (CredentialsError, ValueError, KeyError):
        return None


@cache
def accepted_credentials(scheme: str) -> frozenset[str]:
    """The kinds of :data:`PROBE_CREDENTIALS` a client signing with ``scheme`` accepts."""
    return frozenset(
        kind for kind, credentials in PROBE_CREDENTIALS.items() if _signer(scheme, credentials)
    )


@cache
def signer_keeps_region(scheme: str) -> bool:
    """Whether a signer of ``scheme`` keeps the client's region (its scope carries it).

    True too for a scheme the runtime does not know: the cautious answer."""
    signers = [_signer(scheme, credentials) for credentials in PROBE_CREDENTIALS.values()]
    made = [signer for signer in signers if signer is not None]
    if not made:
        return True
    return any(_PROBE_REGION in value for signer in made for value in _attributes(signer))


def _attributes(signer: Signer) -> list[str]:
    names = [n for cls in type(signer).__mro__ for n in getattr(cls, "__slots__", ())]
    values = [getattr(signer, n, None) for n in names]
    values += list(getattr(signer, "__dict__", {}).values())
    return [value for value in values if isinstance(value, str)]


def protocol_sends_api_version(protocol: str) -> bool:
    """Whether requests of ``protocol`` carry the API version (True if it is unknown)."""
    try:
        return PROTOCOLS[protocol].sends_api_version
    except (KeyError, ValueError):
        return True
