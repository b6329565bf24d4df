"""Huawei Cloud Global Accelerator (GA), API version v1: sync and async clients.

Generated from specs/huaweicloud/ga/service.yaml by `python -m generator generate`; do not edit.
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
from sdk_runtime.credentials import CredentialsSource, HuaweiCloudCredentials
from sdk_runtime.hooks import EventHooks
from sdk_runtime.raw import AsyncRawResponses, RawResponses, async_raw_method, raw_method
from sdk_runtime.service import OperationSpec, Pagination, ServiceSpec
from sdk_runtime.validation import Check

from generated.huaweicloud.ga.errors import ERRORS

if TYPE_CHECKING:  # the runtime imports the models (and pydantic) on the first response
    from generated.huaweicloud.ga.models import ByoipPool, ListByoipPoolsResponse
    from sdk_runtime.pagination import AsyncPageIterator, PageIterator

SERVICE = ServiceSpec(
    provider="huaweicloud",
    service="ga",
    api_version="v1",
    protocol="rest-json",
    error_format="huawei-json",
    endpoint="https://ga.myhuaweicloud.com",
    default_region="ap-southeast-1",
    signing="huawei-sdk-hmac-sha256",
    signing_schemes=("huawei-sdk-hmac-sha256", "huawei-token"),
    errors=ERRORS,
    models="generated.huaweicloud.ga.models",
    throttling_codes=("APIGW.0308",),
)

LIST_BYOIP_POOLS: OperationSpec[ListByoipPoolsResponse] = OperationSpec(
    name="ListByoipPools",
    method="GET",
    path="/v1/byoip-pools",
    response="ListByoipPoolsResponse",
    locations={"limit": "query", "marker": "query"},
    checks={
        "limit": Check("limit", "int"),
        "marker": Check("marker", "str"),
    },
    pagination=Pagination(
        style="marker",
        input_token="marker",
        items=("byoip_pools",),
        output_token=("page_info", "next_marker"),
        page_size="limit",
    ),
)


class GaClient(BaseClient):
    """Synchronous client for Huawei Cloud Global Accelerator (GA).

    Use it as a context manager, or call ``close()`` when done.
    """

    def __init__(
        self,
        *,
        endpoint: str | None = None,
        region: str | None = None,
        ak: str | None = None,
        sk: str | None = None,
        project_id: str | None = None,
        security_token: str | None = None,
        auth_token: str | None = None,
        credentials: CredentialsSource[HuaweiCloudCredentials] | None = None,
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
        HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID and HUAWEICLOUD_SDK_SECURITY_TOKEN.

        Without them, the vendor's default chain follows (profile files, instance metadata; see
        ``sdk_runtime.credential_providers``). ``credentials`` takes a
        ``HuaweiCloudCredentials``, a callable returning one, or an object whose ``get()``
        returns one; it is asked again before the credentials' ``expiration``.

        ``endpoint`` (a full URL) overrides the endpoint derived from ``region`` (default
        ap-southeast-1); ``signing`` picks one of huawei-sdk-hmac-sha256, huawei-token (default
        huawei-sdk-hmac-sha256); ``timeout`` is seconds or (connect, read) or (connect, read,
        total), total bounding each attempt (default 120); ``http_client`` may be your own httpx
        client; ``max_response_bytes`` caps a body, decompressed (default 64 MiB);
        ``user_agent_extra`` is appended to the User-Agent; ``proxy`` (a URL) is used for every
        request, else $HTTPS_PROXY / $HTTP_PROXY / $NO_PROXY unless ``trust_env=False``;
        ``verify`` is False (no TLS check) or a CA bundle path; ``validate=False`` skips the
        checks of documented parameter types, ranges and closed value lists before sending
        (``TypeError``/``ValueError`` naming the keyword), for an API newer than the spec.
        ``region`` defaults to $HUAWEICLOUD_SDK_REGION when set.

        ``event_hooks`` (``{"request": [...], "response": [...]}``) are called with a read-only,
        redacted view of each attempt's request and answer (see ``sdk_runtime.hooks``).
        """
        super().__init__(
            SERVICE,
            HuaweiCloudCredentials.resolve_chain(
                ak, sk, project_id, security_token, auth_token, credentials=credentials
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
    def with_raw_response(self) -> GaClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return GaClientWithRawResponse(self._raw_twin())

    def list_byoip_pools(
        self, *, limit: int | None = None, marker: str | None = None
    ) -> ListByoipPoolsResponse:
        """This API is used to query the BYOIP pools.

        Args:
            limit: Specifies the number of resources on each page. If this parameter
                is not specified, the default value is 500.
            marker: Specifies the ID of the resource from which pagination query
                starts, that is, the ID of the last resource on the previous page.
                If the parameter is not specified, only resources on the first page
                are queried. This parameter must be used together with limit.

        Returns:
            The decoded response.

        See ListByoipPools in docs/ListByoipPools.md (page: Querying the BYOIP Pools, last updated 2025-11-25).
        """
        return self._call(LIST_BYOIP_POOLS, {"limit": limit, "marker": marker})

    def list_byoip_pools_pages(
        self, *, limit: int | None = None, marker: str | None = None
    ) -> PageIterator[ListByoipPoolsResponse]:
        """Each page of ``list_byoip_pools()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``marker`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(LIST_BYOIP_POOLS, {"limit": limit, "marker": marker})

    def iter_list_byoip_pools(
        self, *, limit: int | None = None, marker: str | None = None, max_items: int | None = None
    ) -> Iterator[ByoipPool]:
        """Every item of every page of ``list_byoip_pools()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(LIST_BYOIP_POOLS, {"limit": limit, "marker": marker}, max_items)


class GaClientWithRawResponse(RawResponses[GaClient]):
    """``GaClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_byoip_pools = raw_method(GaClient.list_byoip_pools)


class AsyncGaClient(AsyncBaseClient):
    """Asynchronous client for Huawei Cloud Global Accelerator (GA).

    Use it as an async context manager, or await ``close()`` when done.
    """

    def __init__(
        self,
        *,
        endpoint: str | None = None,
        region: str | None = None,
        ak: str | None = None,
        sk: str | None = None,
        project_id: str | None = None,
        security_token: str | None = None,
        auth_token: str | None = None,
        credentials: CredentialsSource[HuaweiCloudCredentials] | None = None,
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
        HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID and HUAWEICLOUD_SDK_SECURITY_TOKEN.

        Without them, the vendor's default chain follows (profile files, instance metadata; see
        ``sdk_runtime.credential_providers``). ``credentials`` takes a
        ``HuaweiCloudCredentials``, a callable returning one, or an object whose ``get()``
        returns one; it is asked again before the credentials' ``expiration``.

        ``endpoint`` (a full URL) overrides the endpoint derived from ``region`` (default
        ap-southeast-1); ``signing`` picks one of huawei-sdk-hmac-sha256, huawei-token (default
        huawei-sdk-hmac-sha256); ``timeout`` is seconds or (connect, read) or (connect, read,
        total), total bounding each attempt (default 120); ``http_client`` may be your own httpx
        client; ``max_response_bytes`` caps a body, decompressed (default 64 MiB);
        ``user_agent_extra`` is appended to the User-Agent; ``proxy`` (a URL) is used for every
        request, else $HTTPS_PROXY / $HTTP_PROXY / $NO_PROXY unless ``trust_env=False``;
        ``verify`` is False (no TLS check) or a CA bundle path; ``validate=False`` skips the
        checks of documented parameter types, ranges and closed value lists before sending
        (``TypeError``/``ValueError`` naming the keyword), for an API newer than the spec.
        ``region`` defaults to $HUAWEICLOUD_SDK_REGION when set.

        ``event_hooks`` (``{"request": [...], "response": [...]}``) are called with a read-only,
        redacted view of each attempt's request and answer (see ``sdk_runtime.hooks``).
        """
        super().__init__(
            SERVICE,
            HuaweiCloudCredentials.resolve_chain(
                ak, sk, project_id, security_token, auth_token, credentials=credentials
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
    def with_raw_response(self) -> AsyncGaClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncGaClientWithRawResponse(self._raw_twin())

    async def list_byoip_pools(
        self, *, limit: int | None = None, marker: str | None = None
    ) -> ListByoipPoolsResponse:
        """This API is used to query the BYOIP pools.

        Args:
            limit: Specifies the number of resources on each page. If this parameter
                is not specified, the default value is 500.
            marker: Specifies the ID of the resource from which pagination query
                starts, that is, the ID of the last resource on the previous page.
                If the parameter is not specified, only resources on the first page
                are queried. This parameter must be used together with limit.

        Returns:
            The decoded response.

        See ListByoipPools in docs/ListByoipPools.md (page: Querying the BYOIP Pools, last updated 2025-11-25).
        """
        return await self._call(LIST_BYOIP_POOLS, {"limit": limit, "marker": marker})

    def list_byoip_pools_pages(
        self, *, limit: int | None = None, marker: str | None = None
    ) -> AsyncPageIterator[ListByoipPoolsResponse]:
        """Each page of ``list_byoip_pools()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``marker`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(LIST_BYOIP_POOLS, {"limit": limit, "marker": marker})

    def iter_list_byoip_pools(
        self, *, limit: int | None = None, marker: str | None = None, max_items: int | None = None
    ) -> AsyncIterator[ByoipPool]:
        """Every item of every page of ``list_byoip_pools()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(LIST_BYOIP_POOLS, {"limit": limit, "marker": marker}, max_items)


class AsyncGaClientWithRawResponse(AsyncRawResponses[AsyncGaClient]):
    """``AsyncGaClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_byoip_pools = async_raw_method(AsyncGaClient.list_byoip_pools)
