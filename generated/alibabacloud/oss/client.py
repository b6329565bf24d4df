"""Alibaba Cloud Object Storage Service (OSS): sync and async clients.

Generated from specs/alibabacloud/oss/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
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
from sdk_runtime.service import OperationSpec, Pagination, ServiceSpec
from sdk_runtime.validation import Check

from generated.alibabacloud.oss.errors import ERRORS

if TYPE_CHECKING:  # the runtime imports the models (and pydantic) on the first response
    from generated.alibabacloud.oss.models import ListResourcePoolsResponse, ResourcePool
    from sdk_runtime.pagination import AsyncPageIterator, PageIterator

SERVICE = ServiceSpec(
    provider="alibabacloud",
    service="oss",
    api_version=None,
    protocol="rest-xml",
    error_format="oss-xml",
    endpoint="https://oss-{region}.aliyuncs.com",
    default_region="cn-hangzhou",
    signing="oss4-hmac-sha256",
    signing_schemes=("oss4-hmac-sha256",),
    errors=ERRORS,
    models="generated.alibabacloud.oss.models",
    throttling_codes=("SlowDown",),
    ip_address_style="path",
)

LIST_RESOURCE_POOLS: OperationSpec[ListResourcePoolsResponse] = OperationSpec(
    name="ListResourcePools",
    method="GET",
    path="/",
    response="ListResourcePoolsResponse",
    locations={"max-keys": "query", "continuation-token": "query"},
    checks={
        "max-keys": Check("max_keys", "int"),
        "continuation-token": Check("continuation_token", "str"),
    },
    fixed=(("resourcePool", "query", ""),),
    pagination=Pagination(
        style="token",
        input_token="continuation-token",
        items=("resource_pool",),
        output_token=("next_continuation_token",),
        more_results=("is_truncated",),
        page_size="max-keys",
    ),
)


class OssClient(BaseClient):
    """Synchronous client for Alibaba Cloud Object Storage Service (OSS).

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
        cn-hangzhou); ``signing`` picks one of oss4-hmac-sha256 (default oss4-hmac-sha256);
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
    def with_raw_response(self) -> OssClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return OssClientWithRawResponse(self._raw_twin())

    def list_resource_pools(
        self, *, max_keys: int | None = None, continuation_token: str | None = None
    ) -> ListResourcePoolsResponse:
        """Retrieves all resource pools under the current Alibaba Cloud account, including pool
        names and creation times.

        Args:
            max_keys: Maximum number of resource pools to return.
            continuation_token: Pagination token. Use the NextContinuationToken from
                a previous response to list additional resource pools.

        Returns:
            The decoded response.

        See ListResourcePools in docs/ListResourcePools.md (page: Object Storage Service:ListResourcePools, last updated 2026-06-04).
        """
        return self._call(
            LIST_RESOURCE_POOLS, {"max-keys": max_keys, "continuation-token": continuation_token}
        )

    def list_resource_pools_pages(
        self, *, max_keys: int | None = None, continuation_token: str | None = None
    ) -> PageIterator[ListResourcePoolsResponse]:
        """Each page of ``list_resource_pools()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``continuation_token`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            LIST_RESOURCE_POOLS, {"max-keys": max_keys, "continuation-token": continuation_token}
        )

    def iter_list_resource_pools(
        self,
        *,
        max_keys: int | None = None,
        continuation_token: str | None = None,
        max_items: int | None = None,
    ) -> Iterator[ResourcePool]:
        """Every item of every page of ``list_resource_pools()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            LIST_RESOURCE_POOLS,
            {"max-keys": max_keys, "continuation-token": continuation_token},
            max_items,
        )


class OssClientWithRawResponse(RawResponses[OssClient]):
    """``OssClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_resource_pools = raw_method(OssClient.list_resource_pools)


class AsyncOssClient(AsyncBaseClient):
    """Asynchronous client for Alibaba Cloud Object Storage Service (OSS).

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
        cn-hangzhou); ``signing`` picks one of oss4-hmac-sha256 (default oss4-hmac-sha256);
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
    def with_raw_response(self) -> AsyncOssClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncOssClientWithRawResponse(self._raw_twin())

    async def list_resource_pools(
        self, *, max_keys: int | None = None, continuation_token: str | None = None
    ) -> ListResourcePoolsResponse:
        """Retrieves all resource pools under the current Alibaba Cloud account, including pool
        names and creation times.

        Args:
            max_keys: Maximum number of resource pools to return.
            continuation_token: Pagination token. Use the NextContinuationToken from
                a previous response to list additional resource pools.

        Returns:
            The decoded response.

        See ListResourcePools in docs/ListResourcePools.md (page: Object Storage Service:ListResourcePools, last updated 2026-06-04).
        """
        return await self._call(
            LIST_RESOURCE_POOLS, {"max-keys": max_keys, "continuation-token": continuation_token}
        )

    def list_resource_pools_pages(
        self, *, max_keys: int | None = None, continuation_token: str | None = None
    ) -> AsyncPageIterator[ListResourcePoolsResponse]:
        """Each page of ``list_resource_pools()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``continuation_token`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            LIST_RESOURCE_POOLS, {"max-keys": max_keys, "continuation-token": continuation_token}
        )

    def iter_list_resource_pools(
        self,
        *,
        max_keys: int | None = None,
        continuation_token: str | None = None,
        max_items: int | None = None,
    ) -> AsyncIterator[ResourcePool]:
        """Every item of every page of ``list_resource_pools()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            LIST_RESOURCE_POOLS,
            {"max-keys": max_keys, "continuation-token": continuation_token},
            max_items,
        )


class AsyncOssClientWithRawResponse(AsyncRawResponses[AsyncOssClient]):
    """``AsyncOssClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_resource_pools = async_raw_method(AsyncOssClient.list_resource_pools)
