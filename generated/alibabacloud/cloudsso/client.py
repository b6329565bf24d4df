"""Alibaba Cloud CloudSSO, API version 2021-05-15: sync and async clients.

Generated from specs/alibabacloud/cloudsso/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sdk_runtime.client import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    AsyncBaseClient,
    BaseClient,
    TimeoutLike,
)
from sdk_runtime.credentials import AlibabaCloudCredentials, CredentialsSource
from sdk_runtime.hooks import EventHooks
from sdk_runtime.raw import AsyncRawResponses, RawResponses, async_raw_method, raw_method
from sdk_runtime.service import OperationSpec, ServiceSpec

from generated.alibabacloud.cloudsso.errors import ERRORS

if TYPE_CHECKING:  # the runtime imports the models (and pydantic) on the first response
    from generated.alibabacloud.cloudsso.models import ListDirectoriesResponse

SERVICE = ServiceSpec(
    provider="alibabacloud",
    service="cloudsso",
    api_version="2021-05-15",
    protocol="rpc",
    error_format="alibaba-rpc",
    endpoint="https://cloudsso.{region}.aliyuncs.com",
    default_region="cn-shanghai",
    signing="acs3-hmac-sha256",
    signing_schemes=("acs3-hmac-sha256", "rpc-v1-hmac-sha1"),
    errors=ERRORS,
    models="generated.alibabacloud.cloudsso.models",
    throttling_codes=("Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable"),
)

LIST_DIRECTORIES: OperationSpec[ListDirectoriesResponse] = OperationSpec(
    name="ListDirectories",
    method="POST",
    path="/",
    response="ListDirectoriesResponse",
    locations={},
    action="ListDirectories",
    idempotent=True,
)


class CloudSsoClient(BaseClient):
    """Synchronous client for Alibaba Cloud CloudSSO.

    Use it as a context manager, or call ``close()`` when done.
    """

    def __init__(
        self,
        *,
        endpoint: str | None = None,
        region: str | None = None,
        access_key_id: str | None = None,
        access_key_secret: str | None = None,
        security_token: str | None = None,
        credentials: CredentialsSource[AlibabaCloudCredentials] | None = None,
        signing: str | None = None,
        response_format: str | None = None,
        timeout: TimeoutLike = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: object | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        user_agent_extra: str | None = None,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        event_hooks: EventHooks | None = None,
        validate: bool = True,
    ) -> None:
        """Credentials not passed here are read from the environment:
        ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN.

        Without them, the vendor's default chain follows (profile files, instance metadata; see
        ``sdk_runtime.credential_providers``). ``credentials`` takes a
        ``AlibabaCloudCredentials``, a callable returning one, or an object whose ``get()``
        returns one; it is asked again before the credentials' ``expiration``.

        ``endpoint`` (a full URL) overrides the endpoint derived from ``region`` (default
        cn-shanghai); ``signing`` picks one of acs3-hmac-sha256, rpc-v1-hmac-sha1 (default
        acs3-hmac-sha256); ``response_format="XML"`` asks for XML bodies instead of JSON;
        ``timeout`` is seconds or (connect, read) or (connect, read, total), total bounding each
        attempt (default 120); ``http_client`` may be your own httpx client;
        ``max_response_bytes`` caps a body, decompressed (default 64 MiB); ``user_agent_extra``
        is appended to the User-Agent; ``proxy`` (a URL) is used for every request, else
        $HTTPS_PROXY / $HTTP_PROXY / $NO_PROXY unless ``trust_env=False``; ``verify`` is False
        (no TLS check) or a CA bundle path; ``validate=False`` skips the checks of documented
        parameter types, ranges and closed value lists before sending
        (``TypeError``/``ValueError`` naming the keyword), for an API newer than the spec.
        ``region`` defaults to $ALIBABA_CLOUD_REGION_ID when set.

        ``event_hooks`` (``{"request": [...], "response": [...]}``) are called with a read-only,
        redacted view of each attempt's request and answer (see ``sdk_runtime.hooks``).
        """
        super().__init__(
            SERVICE,
            AlibabaCloudCredentials.resolve_chain(
                access_key_id, access_key_secret, security_token, credentials=credentials
            ),
            endpoint=endpoint,
            region=region,
            signing=signing,
            protocol_options={"response_format": response_format},
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            max_response_bytes=max_response_bytes,
            user_agent_extra=user_agent_extra,
            proxy=proxy,
            trust_env=trust_env,
            verify=verify,
            event_hooks=event_hooks,
            validate=validate,
        )

    @property
    def with_raw_response(self) -> CloudSsoClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return CloudSsoClientWithRawResponse(self._raw_twin())

    def list_directories(self) -> ListDirectoriesResponse:
        """Queries directories.

        Returns:
            The decoded response.

        See ListDirectories in docs/ListDirectories.md (page: ListDirectories).
        """
        return self._call(LIST_DIRECTORIES, {})


class CloudSsoClientWithRawResponse(RawResponses[CloudSsoClient]):
    """``CloudSsoClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_directories = raw_method(CloudSsoClient.list_directories)


class AsyncCloudSsoClient(AsyncBaseClient):
    """Asynchronous client for Alibaba Cloud CloudSSO.

    Use it as an async context manager, or await ``close()`` when done.
    """

    def __init__(
        self,
        *,
        endpoint: str | None = None,
        region: str | None = None,
        access_key_id: str | None = None,
        access_key_secret: str | None = None,
        security_token: str | None = None,
        credentials: CredentialsSource[AlibabaCloudCredentials] | None = None,
        signing: str | None = None,
        response_format: str | None = None,
        timeout: TimeoutLike = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: object | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        user_agent_extra: str | None = None,
        proxy: str | None = None,
        trust_env: bool = True,
        verify: bool | str = True,
        event_hooks: EventHooks | None = None,
        validate: bool = True,
    ) -> None:
        """Credentials not passed here are read from the environment:
        ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN.

        Without them, the vendor's default chain follows (profile files, instance metadata; see
        ``sdk_runtime.credential_providers``). ``credentials`` takes a
        ``AlibabaCloudCredentials``, a callable returning one, or an object whose ``get()``
        returns one; it is asked again before the credentials' ``expiration``.

        ``endpoint`` (a full URL) overrides the endpoint derived from ``region`` (default
        cn-shanghai); ``signing`` picks one of acs3-hmac-sha256, rpc-v1-hmac-sha1 (default
        acs3-hmac-sha256); ``response_format="XML"`` asks for XML bodies instead of JSON;
        ``timeout`` is seconds or (connect, read) or (connect, read, total), total bounding each
        attempt (default 120); ``http_client`` may be your own httpx client;
        ``max_response_bytes`` caps a body, decompressed (default 64 MiB); ``user_agent_extra``
        is appended to the User-Agent; ``proxy`` (a URL) is used for every request, else
        $HTTPS_PROXY / $HTTP_PROXY / $NO_PROXY unless ``trust_env=False``; ``verify`` is False
        (no TLS check) or a CA bundle path; ``validate=False`` skips the checks of documented
        parameter types, ranges and closed value lists before sending
        (``TypeError``/``ValueError`` naming the keyword), for an API newer than the spec.
        ``region`` defaults to $ALIBABA_CLOUD_REGION_ID when set.

        ``event_hooks`` (``{"request": [...], "response": [...]}``) are called with a read-only,
        redacted view of each attempt's request and answer (see ``sdk_runtime.hooks``).
        """
        super().__init__(
            SERVICE,
            AlibabaCloudCredentials.resolve_chain(
                access_key_id, access_key_secret, security_token, credentials=credentials
            ),
            endpoint=endpoint,
            region=region,
            signing=signing,
            protocol_options={"response_format": response_format},
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            max_response_bytes=max_response_bytes,
            user_agent_extra=user_agent_extra,
            proxy=proxy,
            trust_env=trust_env,
            verify=verify,
            event_hooks=event_hooks,
            validate=validate,
        )

    @property
    def with_raw_response(self) -> AsyncCloudSsoClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncCloudSsoClientWithRawResponse(self._raw_twin())

    async def list_directories(self) -> ListDirectoriesResponse:
        """Queries directories.

        Returns:
            The decoded response.

        See ListDirectories in docs/ListDirectories.md (page: ListDirectories).
        """
        return await self._call(LIST_DIRECTORIES, {})


class AsyncCloudSsoClientWithRawResponse(AsyncRawResponses[AsyncCloudSsoClient]):
    """``AsyncCloudSsoClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_directories = async_raw_method(AsyncCloudSsoClient.list_directories)
