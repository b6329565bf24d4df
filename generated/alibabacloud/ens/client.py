"""Alibaba Cloud Edge Node Service (ENS), API version 2017-11-10: sync and async clients.

Generated from specs/alibabacloud/ens/service.yaml by `python -m generator generate`; do not edit.
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

from generated.alibabacloud.ens.errors import ERRORS

if TYPE_CHECKING:  # the runtime imports the models (and pydantic) on the first response
    from generated.alibabacloud.ens.models import BucketInfo, ListBucketsResponse
    from sdk_runtime.pagination import AsyncPageIterator, PageIterator

SERVICE = ServiceSpec(
    provider="alibabacloud",
    service="ens",
    api_version="2017-11-10",
    protocol="rpc",
    error_format="alibaba-rpc",
    endpoint="https://ens.{region}.aliyuncs.com",
    default_region="cn-hangzhou",
    signing="acs3-hmac-sha256",
    signing_schemes=("acs3-hmac-sha256", "rpc-v1-hmac-sha1"),
    errors=ERRORS,
    models="generated.alibabacloud.ens.models",
    regional_endpoints={
        "cn-beijing": "https://ens.aliyuncs.com",
        "cn-chengdu": "https://ens.aliyuncs.com",
        "cn-hangzhou": "https://ens.aliyuncs.com",
        "cn-heyuan": "https://ens.aliyuncs.com",
        "cn-shanghai": "https://ens.aliyuncs.com",
        "cn-wulanchabu": "https://ens.aliyuncs.com",
        "cn-zhangjiakou": "https://ens.aliyuncs.com",
    },
    throttling_codes=("Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable"),
)

LIST_BUCKETS: OperationSpec[ListBucketsResponse] = OperationSpec(
    name="ListBuckets",
    method="POST",
    path="/",
    response="ListBucketsResponse",
    locations={"Prefix": "query", "PageNumber": "query", "PageSize": "query"},
    checks={
        "Prefix": Check("prefix", "str"),
        "PageNumber": Check("page_number", "str", number_text=True),
        "PageSize": Check("page_size", "str", maximum=100, number_text=True),
    },
    action="ListBuckets",
    idempotent=True,
    pagination=Pagination(
        style="page-number",
        input_token="PageNumber",
        items=("bucket_infos",),
        total_count=("total_count",),
        page_size="PageSize",
    ),
)


class EnsClient(BaseClient):
    """Synchronous client for Alibaba Cloud Edge Node Service (ENS).

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
        cn-hangzhou); ``signing`` picks one of acs3-hmac-sha256, rpc-v1-hmac-sha1 (default
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
    def with_raw_response(self) -> EnsClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return EnsClientWithRawResponse(self._raw_twin())

    def list_buckets(
        self,
        *,
        prefix: str | None = None,
        page_number: str | int | None = None,
        page_size: str | int | None = None,
    ) -> ListBucketsResponse:
        """Queries all buckets of a user.

        Args:
            prefix: The prefix that returned bucket names must contain. If this
                parameter is not specified, prefix information will not be used as a
                filter.
            page_number: The page number. Pages start from page 1.
            page_size: The maximum number of returned buckets. You can leave this
                parameter empty. The default value is 10. The value cannot be
                greater than 100.

        Returns:
            The decoded response.

        See ListBuckets in docs/ListBuckets.md (page: ENS:ListBuckets, last updated 2026-03-27).
        """
        return self._call(
            LIST_BUCKETS, {"Prefix": prefix, "PageNumber": page_number, "PageSize": page_size}
        )

    def list_buckets_pages(
        self,
        *,
        prefix: str | None = None,
        page_number: str | int | None = None,
        page_size: str | int | None = None,
    ) -> PageIterator[ListBucketsResponse]:
        """Each page of ``list_buckets()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``page_number`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            LIST_BUCKETS, {"Prefix": prefix, "PageNumber": page_number, "PageSize": page_size}
        )

    def iter_list_buckets(
        self,
        *,
        prefix: str | None = None,
        page_number: str | int | None = None,
        page_size: str | int | None = None,
        max_items: int | None = None,
    ) -> Iterator[BucketInfo]:
        """Every item of every page of ``list_buckets()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            LIST_BUCKETS,
            {"Prefix": prefix, "PageNumber": page_number, "PageSize": page_size},
            max_items,
        )


class EnsClientWithRawResponse(RawResponses[EnsClient]):
    """``EnsClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_buckets = raw_method(EnsClient.list_buckets)


class AsyncEnsClient(AsyncBaseClient):
    """Asynchronous client for Alibaba Cloud Edge Node Service (ENS).

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
        cn-hangzhou); ``signing`` picks one of acs3-hmac-sha256, rpc-v1-hmac-sha1 (default
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
    def with_raw_response(self) -> AsyncEnsClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncEnsClientWithRawResponse(self._raw_twin())

    async def list_buckets(
        self,
        *,
        prefix: str | None = None,
        page_number: str | int | None = None,
        page_size: str | int | None = None,
    ) -> ListBucketsResponse:
        """Queries all buckets of a user.

        Args:
            prefix: The prefix that returned bucket names must contain. If this
                parameter is not specified, prefix information will not be used as a
                filter.
            page_number: The page number. Pages start from page 1.
            page_size: The maximum number of returned buckets. You can leave this
                parameter empty. The default value is 10. The value cannot be
                greater than 100.

        Returns:
            The decoded response.

        See ListBuckets in docs/ListBuckets.md (page: ENS:ListBuckets, last updated 2026-03-27).
        """
        return await self._call(
            LIST_BUCKETS, {"Prefix": prefix, "PageNumber": page_number, "PageSize": page_size}
        )

    def list_buckets_pages(
        self,
        *,
        prefix: str | None = None,
        page_number: str | int | None = None,
        page_size: str | int | None = None,
    ) -> AsyncPageIterator[ListBucketsResponse]:
        """Each page of ``list_buckets()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``page_number`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            LIST_BUCKETS, {"Prefix": prefix, "PageNumber": page_number, "PageSize": page_size}
        )

    def iter_list_buckets(
        self,
        *,
        prefix: str | None = None,
        page_number: str | int | None = None,
        page_size: str | int | None = None,
        max_items: int | None = None,
    ) -> AsyncIterator[BucketInfo]:
        """Every item of every page of ``list_buckets()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            LIST_BUCKETS,
            {"Prefix": prefix, "PageNumber": page_number, "PageSize": page_size},
            max_items,
        )


class AsyncEnsClientWithRawResponse(AsyncRawResponses[AsyncEnsClient]):
    """``AsyncEnsClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_buckets = async_raw_method(AsyncEnsClient.list_buckets)
