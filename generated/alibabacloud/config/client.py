"""Alibaba Cloud Cloud Config, API version 2019-01-08: sync and async clients.

Generated from specs/alibabacloud/config/service.yaml by `python -m generator generate`; do not edit.
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

from generated.alibabacloud.config.errors import ERRORS

if TYPE_CHECKING:  # the runtime imports the models (and pydantic) on the first response
    from generated.alibabacloud.config.models import (
        ConfigurationList,
        GetResourceConfigurationTimelineResponse,
    )
    from sdk_runtime.pagination import AsyncPageIterator, PageIterator

SERVICE = ServiceSpec(
    provider="alibabacloud",
    service="config",
    api_version="2019-01-08",
    protocol="rpc",
    error_format="alibaba-rpc",
    endpoint="https://config.aliyuncs.com",
    default_region="cn-shanghai",
    signing="acs3-hmac-sha256",
    signing_schemes=("acs3-hmac-sha256", "rpc-v1-hmac-sha1"),
    errors=ERRORS,
    models="generated.alibabacloud.config.models",
    regional_endpoints={
        "ap-southeast-1": "https://config.ap-southeast-1.aliyuncs.com",
        "cn-shanghai": "https://config.cn-shanghai.aliyuncs.com",
    },
    throttling_codes=("Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable"),
)

GET_RESOURCE_CONFIGURATION_TIMELINE: OperationSpec[GetResourceConfigurationTimelineResponse] = (
    OperationSpec(
        name="GetResourceConfigurationTimeline",
        method="POST",
        path="/",
        response="GetResourceConfigurationTimelineResponse",
        locations={
            "ResourceId": "query",
            "StartTime": "query",
            "EndTime": "query",
            "Limit": "query",
            "ResourceType": "query",
            "Region": "query",
            "MultiAccount": "query",
            "MemberId": "query",
            "NextToken": "query",
        },
        checks={
            "ResourceId": Check("resource_id", "str", required=True),
            "ResourceType": Check("resource_type", "str", required=True),
            "Region": Check("region", "str", required=True),
            "StartTime": Check("start_time", "int"),
            "EndTime": Check("end_time", "int"),
            "Limit": Check("limit", "int", minimum=1, maximum=100),
            "MultiAccount": Check("multi_account", "bool"),
            "MemberId": Check("member_id", "int"),
            "NextToken": Check("next_token", "str"),
        },
        action="GetResourceConfigurationTimeline",
        idempotent=True,
        pagination=Pagination(
            style="token",
            input_token="NextToken",
            items=("resource_configuration_timeline", "configuration_list"),
            output_token=("resource_configuration_timeline", "next_token"),
            page_size="Limit",
        ),
    )
)


class ConfigClient(BaseClient):
    """Synchronous client for Alibaba Cloud Cloud Config.

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
    def with_raw_response(self) -> ConfigClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return ConfigClientWithRawResponse(self._raw_twin())

    def get_resource_configuration_timeline(
        self,
        *,
        resource_id: str,
        resource_type: str,
        region: str,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
        multi_account: bool | None = None,
        member_id: int | None = None,
        next_token: str | None = None,
    ) -> GetResourceConfigurationTimelineResponse:
        """Queries the configuration timeline of a resource.

        Args:
            resource_id: The ID of the resource.
            resource_type: The type of the resource.
            region: The ID of the region.
            start_time: The timestamp that specifies the beginning of the time range
                to query. By default, Cloud Config retrieves the configuration
                changes in the last 30 days for the specified resource.
            end_time: The timestamp that specifies the end of the time range to
                query. By default, the value is the time when the
                GetResourceConfigurationTimeline operation is called.
            limit: The number of entries to return on each page. Valid values: 1 to
                100. Default value: 10.
            multi_account: This parameter is scheduled to be removed before
                00:00:00, June 30, 2021. Account group-related APIs will be provided
                as an alternative before 00:00:00, May 30, 2021. If you are using
                this parameter, we recommend that you switch to account
                group-related APIs after 00:00:00, May 30, 2021. For more
                information, see Account groups. Deprecated.
            member_id: This parameter is scheduled to be removed before 00:00:00,
                June 30, 2021. Account group-related APIs will be provided as an
                alternative before 00:00:00, May 30, 2021. If you are using this
                parameter, we recommend that you switch to account group-related
                APIs after 00:00:00, May 30, 2021. For more information, see Account
                groups. Deprecated.
            next_token: The token that is used to start the next query.

        Returns:
            The decoded response.

        See GetResourceConfigurationTimeline in docs/GetResourceConfigurationTimeline.md (page: GetResourceConfigurationTimeline).
        """
        return self._call(
            GET_RESOURCE_CONFIGURATION_TIMELINE,
            {
                "ResourceId": resource_id,
                "ResourceType": resource_type,
                "Region": region,
                "StartTime": start_time,
                "EndTime": end_time,
                "Limit": limit,
                "MultiAccount": multi_account,
                "MemberId": member_id,
                "NextToken": next_token,
            },
        )

    def get_resource_configuration_timeline_pages(
        self,
        *,
        resource_id: str,
        resource_type: str,
        region: str,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
        multi_account: bool | None = None,
        member_id: int | None = None,
        next_token: str | None = None,
    ) -> PageIterator[GetResourceConfigurationTimelineResponse]:
        """Each page of ``get_resource_configuration_timeline()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``next_token`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            GET_RESOURCE_CONFIGURATION_TIMELINE,
            {
                "ResourceId": resource_id,
                "ResourceType": resource_type,
                "Region": region,
                "StartTime": start_time,
                "EndTime": end_time,
                "Limit": limit,
                "MultiAccount": multi_account,
                "MemberId": member_id,
                "NextToken": next_token,
            },
        )

    def iter_get_resource_configuration_timeline(
        self,
        *,
        resource_id: str,
        resource_type: str,
        region: str,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
        multi_account: bool | None = None,
        member_id: int | None = None,
        next_token: str | None = None,
        max_items: int | None = None,
    ) -> Iterator[ConfigurationList]:
        """Every item of every page of ``get_resource_configuration_timeline()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            GET_RESOURCE_CONFIGURATION_TIMELINE,
            {
                "ResourceId": resource_id,
                "ResourceType": resource_type,
                "Region": region,
                "StartTime": start_time,
                "EndTime": end_time,
                "Limit": limit,
                "MultiAccount": multi_account,
                "MemberId": member_id,
                "NextToken": next_token,
            },
            max_items,
        )


class ConfigClientWithRawResponse(RawResponses[ConfigClient]):
    """``ConfigClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    get_resource_configuration_timeline = raw_method(
        ConfigClient.get_resource_configuration_timeline
    )


class AsyncConfigClient(AsyncBaseClient):
    """Asynchronous client for Alibaba Cloud Cloud Config.

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
    def with_raw_response(self) -> AsyncConfigClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncConfigClientWithRawResponse(self._raw_twin())

    async def get_resource_configuration_timeline(
        self,
        *,
        resource_id: str,
        resource_type: str,
        region: str,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
        multi_account: bool | None = None,
        member_id: int | None = None,
        next_token: str | None = None,
    ) -> GetResourceConfigurationTimelineResponse:
        """Queries the configuration timeline of a resource.

        Args:
            resource_id: The ID of the resource.
            resource_type: The type of the resource.
            region: The ID of the region.
            start_time: The timestamp that specifies the beginning of the time range
                to query. By default, Cloud Config retrieves the configuration
                changes in the last 30 days for the specified resource.
            end_time: The timestamp that specifies the end of the time range to
                query. By default, the value is the time when the
                GetResourceConfigurationTimeline operation is called.
            limit: The number of entries to return on each page. Valid values: 1 to
                100. Default value: 10.
            multi_account: This parameter is scheduled to be removed before
                00:00:00, June 30, 2021. Account group-related APIs will be provided
                as an alternative before 00:00:00, May 30, 2021. If you are using
                this parameter, we recommend that you switch to account
                group-related APIs after 00:00:00, May 30, 2021. For more
                information, see Account groups. Deprecated.
            member_id: This parameter is scheduled to be removed before 00:00:00,
                June 30, 2021. Account group-related APIs will be provided as an
                alternative before 00:00:00, May 30, 2021. If you are using this
                parameter, we recommend that you switch to account group-related
                APIs after 00:00:00, May 30, 2021. For more information, see Account
                groups. Deprecated.
            next_token: The token that is used to start the next query.

        Returns:
            The decoded response.

        See GetResourceConfigurationTimeline in docs/GetResourceConfigurationTimeline.md (page: GetResourceConfigurationTimeline).
        """
        return await self._call(
            GET_RESOURCE_CONFIGURATION_TIMELINE,
            {
                "ResourceId": resource_id,
                "ResourceType": resource_type,
                "Region": region,
                "StartTime": start_time,
                "EndTime": end_time,
                "Limit": limit,
                "MultiAccount": multi_account,
                "MemberId": member_id,
                "NextToken": next_token,
            },
        )

    def get_resource_configuration_timeline_pages(
        self,
        *,
        resource_id: str,
        resource_type: str,
        region: str,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
        multi_account: bool | None = None,
        member_id: int | None = None,
        next_token: str | None = None,
    ) -> AsyncPageIterator[GetResourceConfigurationTimelineResponse]:
        """Each page of ``get_resource_configuration_timeline()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``next_token`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            GET_RESOURCE_CONFIGURATION_TIMELINE,
            {
                "ResourceId": resource_id,
                "ResourceType": resource_type,
                "Region": region,
                "StartTime": start_time,
                "EndTime": end_time,
                "Limit": limit,
                "MultiAccount": multi_account,
                "MemberId": member_id,
                "NextToken": next_token,
            },
        )

    def iter_get_resource_configuration_timeline(
        self,
        *,
        resource_id: str,
        resource_type: str,
        region: str,
        start_time: int | None = None,
        end_time: int | None = None,
        limit: int | None = None,
        multi_account: bool | None = None,
        member_id: int | None = None,
        next_token: str | None = None,
        max_items: int | None = None,
    ) -> AsyncIterator[ConfigurationList]:
        """Every item of every page of ``get_resource_configuration_timeline()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            GET_RESOURCE_CONFIGURATION_TIMELINE,
            {
                "ResourceId": resource_id,
                "ResourceType": resource_type,
                "Region": region,
                "StartTime": start_time,
                "EndTime": end_time,
                "Limit": limit,
                "MultiAccount": multi_account,
                "MemberId": member_id,
                "NextToken": next_token,
            },
            max_items,
        )


class AsyncConfigClientWithRawResponse(AsyncRawResponses[AsyncConfigClient]):
    """``AsyncConfigClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    get_resource_configuration_timeline = async_raw_method(
        AsyncConfigClient.get_resource_configuration_timeline
    )
