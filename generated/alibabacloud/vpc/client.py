"""Alibaba Cloud Virtual Private Cloud (VPC), API version 2016-04-28: sync and async clients.

Generated from specs/alibabacloud/vpc/service.yaml by `python -m generator generate`; do not edit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from typing import TYPE_CHECKING, TypedDict

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
from sdk_runtime.structures import RequestShape, Structure
from sdk_runtime.validation import Check

from generated.alibabacloud.vpc.errors import ERRORS

if TYPE_CHECKING:  # the runtime imports the models (and pydantic) on the first response
    from generated.alibabacloud.vpc.models import DescribeEipAddressesResponse, EipAddress, Filter
    from sdk_runtime.pagination import AsyncPageIterator, PageIterator


class FilterDict(TypedDict, total=False):
    """A ``Filter`` as a dict keyed by its attribute names; the model works as well."""

    key: str
    value: str


SERVICE = ServiceSpec(
    provider="alibabacloud",
    service="vpc",
    api_version="2016-04-28",
    protocol="rpc",
    error_format="alibaba-rpc",
    endpoint="https://vpc.{region}.aliyuncs.com",
    default_region="cn-hangzhou",
    signing="acs3-hmac-sha256",
    signing_schemes=("acs3-hmac-sha256", "rpc-v1-hmac-sha1"),
    errors=ERRORS,
    models="generated.alibabacloud.vpc.models",
    regional_endpoints={
        "ap-northeast-2-pop": "https://vpc.aliyuncs.com",
        "cn-beijing-finance-pop": "https://vpc.aliyuncs.com",
        "cn-beijing-gov-1": "https://vpc.aliyuncs.com",
        "cn-beijing-nu16-b01": "https://vpc.aliyuncs.com",
        "cn-edge-1": "https://vpc-nebula.cn-qingdao-nebula.aliyuncs.com",
        "cn-fujian": "https://vpc.aliyuncs.com",
        "cn-haidian-cm12-c01": "https://vpc.aliyuncs.com",
        "cn-hangzhou": "https://vpc.aliyuncs.com",
        "cn-hangzhou-bj-b01": "https://vpc.aliyuncs.com",
        "cn-hangzhou-finance": "https://vpc.aliyuncs.com",
        "cn-hangzhou-internal-prod-1": "https://vpc.aliyuncs.com",
        "cn-hangzhou-internal-test-1": "https://vpc-pre.cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-internal-test-2": "https://vpc-inner-pre.cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-internal-test-3": "https://vpc-pre.cn-hangzhou.aliyuncs.com",
        "cn-hangzhou-test-306": "https://vpc-pre.cn-hangzhou.aliyuncs.com",
        "cn-hongkong-finance-pop": "https://vpc.aliyuncs.com",
        "cn-huhehaote-nebula-1": "https://vpc-nebula.cn-qingdao-nebula.aliyuncs.com",
        "cn-north-2-gov-1": "https://vpc.aliyuncs.com",
        "cn-qingdao-nebula": "https://vpc-nebula.cn-qingdao-nebula.aliyuncs.com",
        "cn-shanghai-et15-b01": "https://vpc-pre.cn-hangzhou.aliyuncs.com",
        "cn-shanghai-et2-b01": "https://vpc.aliyuncs.com",
        "cn-shanghai-finance-1": "https://vpc.aliyuncs.com",
        "cn-shanghai-inner": "https://vpc.aliyuncs.com",
        "cn-shanghai-internal-test-1": "https://vpc-pre.cn-hangzhou.aliyuncs.com",
        "cn-shenzhen-finance-1": "https://vpc.aliyuncs.com",
        "cn-shenzhen-inner": "https://vpc.aliyuncs.com",
        "cn-shenzhen-st4-d01": "https://vpc.aliyuncs.com",
        "cn-shenzhen-su18-b01": "https://vpc.aliyuncs.com",
        "cn-wuhan": "https://vpc.aliyuncs.com",
        "cn-yushanfang": "https://vpc.aliyuncs.com",
        "cn-zhangbei": "https://vpc.aliyuncs.com",
        "cn-zhangbei-na61-b01": "https://vpc.aliyuncs.com",
        "cn-zhangjiakou-na62-a01": "https://vpc.cn-zhangjiakou.aliyuncs.com",
        "cn-zhengzhou-nebula-1": "https://vpc-nebula.cn-qingdao-nebula.aliyuncs.com",
        "eu-west-1-oxs": "https://vpc-nebula.cn-shenzhen-cloudstone.aliyuncs.com",
        "rus-west-1-pop": "https://vpc.aliyuncs.com",
    },
    throttling_codes=("Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable"),
)

FILTER_SHAPE = RequestShape(
    "Filter",
    {"key": "Key", "value": "Value"},
    checks={"key": Check("key", "str"), "value": Check("value", "str")},
)

DESCRIBE_EIP_ADDRESSES: OperationSpec[DescribeEipAddressesResponse] = OperationSpec(
    name="DescribeEipAddresses",
    method="POST",
    path="/",
    response="DescribeEipAddressesResponse",
    locations={
        "RegionId": "query",
        "IncludeReservationData": "query",
        "Status": "query",
        "EipAddress": "query",
        "AllocationId": "query",
        "SegmentInstanceId": "query",
        "ResourceGroupId": "query",
        "PageNumber": "query",
        "PageSize": "query",
        "ISP": "query",
        "Filter": "query",
        "LockReason": "query",
        "AssociatedInstanceType": "query",
        "AssociatedInstanceId": "query",
        "ChargeType": "query",
        "DryRun": "query",
    },
    styles={"EipAddress": "comma", "AllocationId": "comma", "Filter": "repeat-list"},
    structures={"Filter": Structure("filter", FILTER_SHAPE, "array")},
    checks={
        "RegionId": Check("region_id", "str", required=True),
        "IncludeReservationData": Check("include_reservation_data", "bool"),
        "Status": Check("status", "str"),
        "EipAddress": Check("eip_address", "str", container="list"),
        "AllocationId": Check("allocation_id", "str", container="list"),
        "SegmentInstanceId": Check("segment_instance_id", "str"),
        "ResourceGroupId": Check("resource_group_id", "str"),
        "PageNumber": Check("page_number", "int"),
        "PageSize": Check("page_size", "int", maximum=100),
        "ISP": Check("isp", "str"),
        "LockReason": Check("lock_reason", "str"),
        "AssociatedInstanceType": Check("associated_instance_type", "str"),
        "AssociatedInstanceId": Check("associated_instance_id", "str"),
        "ChargeType": Check("charge_type", "str"),
        "DryRun": Check("dry_run", "bool"),
    },
    action="DescribeEipAddresses",
    idempotent=True,
    pagination=Pagination(
        style="page-number",
        input_token="PageNumber",
        items=("eip_addresses", "eip_address"),
        total_count=("total_count",),
        page_size="PageSize",
    ),
)


class VpcClient(BaseClient):
    """Synchronous client for Alibaba Cloud Virtual Private Cloud (VPC).

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
    def with_raw_response(self) -> VpcClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return VpcClientWithRawResponse(self._raw_twin())

    def describe_eip_addresses(
        self,
        *,
        region_id: str,
        include_reservation_data: bool | None = None,
        status: str | None = None,
        eip_address: list[str] | None = None,
        allocation_id: list[str] | None = None,
        segment_instance_id: str | None = None,
        resource_group_id: str | None = None,
        page_number: int | None = None,
        page_size: int | None = None,
        isp: str | None = None,
        filter: Sequence[Filter | FilterDict] | None = None,
        lock_reason: str | None = None,
        associated_instance_type: str | None = None,
        associated_instance_id: str | None = None,
        charge_type: str | None = None,
        dry_run: bool | None = None,
    ) -> DescribeEipAddressesResponse:
        """Queries elastic IP addresses (EIPs) created in a specific region.

        Args:
            region_id: The region ID of the EIPs. You can call the DescribeRegions
                operation to query the most recent region list.
            include_reservation_data: Specify whether to return data of orders that
                have not taken effect. Valid values: false: Data of orders that have
                not taken effect is not returned. This is the default value. true:
                Data of orders that have not taken effect is returned.
            status: The state of the EIP. Valid values: Associating: The EIP is
                being associated. Unassociating: The EIP is being disassociated.
                InUse: The EIP is allocated. Available: The EIP is available.
            eip_address: The IP address of the EIP that you want to query. You can
                enter the IP addresses of up to 50 EIPs. Separate multiple IP
                addresses with commas (,). Note: If both the EipAddress and
                AllocationId parameters are set, you can enter the IP addresses of
                50 EIPs in EipAddress, and enter the IDs of the 50 EIPs in
                AllocationId.
            allocation_id: The ID of the EIP that you want to query. You can enter
                IDs of up to 50 EIPs. Separate multiple IDs with commas (,). Note:
                If both the EipAddress and AllocationId parameters are set, you can
                enter the IDs of up to 50 EIP instances in AllocationId, and enter
                the IP addresses of the 50 EIPs in EipAddress.
            segment_instance_id: The IDs of contiguous EIPs.
            resource_group_id: The ID of the resource group to which the EIPs
                belongs.
            page_number: The number of the page to return. Default value: 1.
            page_size: The number of entries to return on each page. Maximum value:
                100. Default value: 10.
            isp: The line type. Valid values: BGP: BGP (Multi-ISP) lines. Up to 89
                high-quality BGP lines are available worldwide. Direct connections
                with multiple Internet service providers (ISPs), including Telecom,
                Unicom, Mobile, Railcom, Netcom, CERNET, China Broadcast Network,
                Dr. Peng, and Founder, can be established in all regions in mainland
                China. BGP_PRO: BGP (Multi-ISP) Pro lines. BGP (Multi-ISP) Pro lines
                optimize data transmission to mainland China and improve connection
                quality for international services. Compared with BGP (Multi-ISP),
                when BGP (Multi-ISP) Pro provides services to clients in mainland
                China (excluding data centers), cross-border connections are
                established without using international ISP services. This reduces
                network latency. BGP (Multi-ISP) lines are supported in all regions.
                BGP (Multi-ISP) Pro lines are supported only in the China (Hong
                Kong) region. Note: If your Alibaba Cloud account is included in the
                BGP (single line) whitelist, you can set the ISP field to
                ChinaTelecom, ChinaUnicom, or ChinaMobile. If your workloads are
                deployed in China East 1 Finance. Set the value to BGP_FinanceCloud.
            filter: The filters used to query resources: Filter.N.Key and
                Filter.N.Value. The page documents N = 1 (CreationStartTime) and N =
                2 (CreationEndTime).
            lock_reason: The reason why the EIP is locked. Valid values: financial:
                The EIP is locked due to overdue payments. security: The EIP is
                locked for security reasons.
            associated_instance_type: The type of the cloud resource with which you
                want to associate the EIP. Valid values: EcsInstance: an Elastic
                Compute Service (ECS) instance deployed in a virtual private cloud
                (VPC). This is the default value. SlbInstance: a Server Load
                Balancer (SLB) instance in a VPC. Nat: a NAT gateway. HaVip: a
                high-availability virtual IP address (HAVIP). NetworkInterface: a
                secondary elastic network interface (ENI). You can associate only
                one EIP with each ECS instance, SLB instance, or HAVIP. You can
                associate multiple EIPs with each NAT gateway. The number of EIPs
                that you can associate with a secondary ENI depends on the EIP mode.
                For more information, see EIP overview.
            associated_instance_id: The ID of the instance.
            charge_type: The billing method of the EIP. Valid values: PostPaid:
                pay-as-you-go
            dry_run: Specify whether to precheck only this request. Valid values:
                true: The request is prechecked but resources are not queried. The
                system checks whether your AccessKey pair is valid, whether the RAM
                user is authorized, and whether required parameters are set. If the
                request fails to pass the precheck, the corresponding error is
                returned. If the request passes the precheck, the DryRunOperation
                error code is returned. false: The request is checked. This is the
                default value. If the request passes the precheck, a 2XX HTTP status
                code is returned and the resource is queried.

        Returns:
            The decoded response.

        See DescribeEipAddresses in docs/DescribeEipAddresses.md (page: DescribeEipAddresses).
        """
        return self._call(
            DESCRIBE_EIP_ADDRESSES,
            {
                "RegionId": region_id,
                "IncludeReservationData": include_reservation_data,
                "Status": status,
                "EipAddress": eip_address,
                "AllocationId": allocation_id,
                "SegmentInstanceId": segment_instance_id,
                "ResourceGroupId": resource_group_id,
                "PageNumber": page_number,
                "PageSize": page_size,
                "ISP": isp,
                "Filter": filter,
                "LockReason": lock_reason,
                "AssociatedInstanceType": associated_instance_type,
                "AssociatedInstanceId": associated_instance_id,
                "ChargeType": charge_type,
                "DryRun": dry_run,
            },
        )

    def describe_eip_addresses_pages(
        self,
        *,
        region_id: str,
        include_reservation_data: bool | None = None,
        status: str | None = None,
        eip_address: list[str] | None = None,
        allocation_id: list[str] | None = None,
        segment_instance_id: str | None = None,
        resource_group_id: str | None = None,
        page_number: int | None = None,
        page_size: int | None = None,
        isp: str | None = None,
        filter: Sequence[Filter | FilterDict] | None = None,
        lock_reason: str | None = None,
        associated_instance_type: str | None = None,
        associated_instance_id: str | None = None,
        charge_type: str | None = None,
        dry_run: bool | None = None,
    ) -> PageIterator[DescribeEipAddressesResponse]:
        """Each page of ``describe_eip_addresses()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``page_number`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            DESCRIBE_EIP_ADDRESSES,
            {
                "RegionId": region_id,
                "IncludeReservationData": include_reservation_data,
                "Status": status,
                "EipAddress": eip_address,
                "AllocationId": allocation_id,
                "SegmentInstanceId": segment_instance_id,
                "ResourceGroupId": resource_group_id,
                "PageNumber": page_number,
                "PageSize": page_size,
                "ISP": isp,
                "Filter": filter,
                "LockReason": lock_reason,
                "AssociatedInstanceType": associated_instance_type,
                "AssociatedInstanceId": associated_instance_id,
                "ChargeType": charge_type,
                "DryRun": dry_run,
            },
        )

    def iter_describe_eip_addresses(
        self,
        *,
        region_id: str,
        include_reservation_data: bool | None = None,
        status: str | None = None,
        eip_address: list[str] | None = None,
        allocation_id: list[str] | None = None,
        segment_instance_id: str | None = None,
        resource_group_id: str | None = None,
        page_number: int | None = None,
        page_size: int | None = None,
        isp: str | None = None,
        filter: Sequence[Filter | FilterDict] | None = None,
        lock_reason: str | None = None,
        associated_instance_type: str | None = None,
        associated_instance_id: str | None = None,
        charge_type: str | None = None,
        dry_run: bool | None = None,
        max_items: int | None = None,
    ) -> Iterator[EipAddress]:
        """Every item of every page of ``describe_eip_addresses()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            DESCRIBE_EIP_ADDRESSES,
            {
                "RegionId": region_id,
                "IncludeReservationData": include_reservation_data,
                "Status": status,
                "EipAddress": eip_address,
                "AllocationId": allocation_id,
                "SegmentInstanceId": segment_instance_id,
                "ResourceGroupId": resource_group_id,
                "PageNumber": page_number,
                "PageSize": page_size,
                "ISP": isp,
                "Filter": filter,
                "LockReason": lock_reason,
                "AssociatedInstanceType": associated_instance_type,
                "AssociatedInstanceId": associated_instance_id,
                "ChargeType": charge_type,
                "DryRun": dry_run,
            },
            max_items,
        )


class VpcClientWithRawResponse(RawResponses[VpcClient]):
    """``VpcClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    describe_eip_addresses = raw_method(VpcClient.describe_eip_addresses)


class AsyncVpcClient(AsyncBaseClient):
    """Asynchronous client for Alibaba Cloud Virtual Private Cloud (VPC).

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
    def with_raw_response(self) -> AsyncVpcClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncVpcClientWithRawResponse(self._raw_twin())

    async def describe_eip_addresses(
        self,
        *,
        region_id: str,
        include_reservation_data: bool | None = None,
        status: str | None = None,
        eip_address: list[str] | None = None,
        allocation_id: list[str] | None = None,
        segment_instance_id: str | None = None,
        resource_group_id: str | None = None,
        page_number: int | None = None,
        page_size: int | None = None,
        isp: str | None = None,
        filter: Sequence[Filter | FilterDict] | None = None,
        lock_reason: str | None = None,
        associated_instance_type: str | None = None,
        associated_instance_id: str | None = None,
        charge_type: str | None = None,
        dry_run: bool | None = None,
    ) -> DescribeEipAddressesResponse:
        """Queries elastic IP addresses (EIPs) created in a specific region.

        Args:
            region_id: The region ID of the EIPs. You can call the DescribeRegions
                operation to query the most recent region list.
            include_reservation_data: Specify whether to return data of orders that
                have not taken effect. Valid values: false: Data of orders that have
                not taken effect is not returned. This is the default value. true:
                Data of orders that have not taken effect is returned.
            status: The state of the EIP. Valid values: Associating: The EIP is
                being associated. Unassociating: The EIP is being disassociated.
                InUse: The EIP is allocated. Available: The EIP is available.
            eip_address: The IP address of the EIP that you want to query. You can
                enter the IP addresses of up to 50 EIPs. Separate multiple IP
                addresses with commas (,). Note: If both the EipAddress and
                AllocationId parameters are set, you can enter the IP addresses of
                50 EIPs in EipAddress, and enter the IDs of the 50 EIPs in
                AllocationId.
            allocation_id: The ID of the EIP that you want to query. You can enter
                IDs of up to 50 EIPs. Separate multiple IDs with commas (,). Note:
                If both the EipAddress and AllocationId parameters are set, you can
                enter the IDs of up to 50 EIP instances in AllocationId, and enter
                the IP addresses of the 50 EIPs in EipAddress.
            segment_instance_id: The IDs of contiguous EIPs.
            resource_group_id: The ID of the resource group to which the EIPs
                belongs.
            page_number: The number of the page to return. Default value: 1.
            page_size: The number of entries to return on each page. Maximum value:
                100. Default value: 10.
            isp: The line type. Valid values: BGP: BGP (Multi-ISP) lines. Up to 89
                high-quality BGP lines are available worldwide. Direct connections
                with multiple Internet service providers (ISPs), including Telecom,
                Unicom, Mobile, Railcom, Netcom, CERNET, China Broadcast Network,
                Dr. Peng, and Founder, can be established in all regions in mainland
                China. BGP_PRO: BGP (Multi-ISP) Pro lines. BGP (Multi-ISP) Pro lines
                optimize data transmission to mainland China and improve connection
                quality for international services. Compared with BGP (Multi-ISP),
                when BGP (Multi-ISP) Pro provides services to clients in mainland
                China (excluding data centers), cross-border connections are
                established without using international ISP services. This reduces
                network latency. BGP (Multi-ISP) lines are supported in all regions.
                BGP (Multi-ISP) Pro lines are supported only in the China (Hong
                Kong) region. Note: If your Alibaba Cloud account is included in the
                BGP (single line) whitelist, you can set the ISP field to
                ChinaTelecom, ChinaUnicom, or ChinaMobile. If your workloads are
                deployed in China East 1 Finance. Set the value to BGP_FinanceCloud.
            filter: The filters used to query resources: Filter.N.Key and
                Filter.N.Value. The page documents N = 1 (CreationStartTime) and N =
                2 (CreationEndTime).
            lock_reason: The reason why the EIP is locked. Valid values: financial:
                The EIP is locked due to overdue payments. security: The EIP is
                locked for security reasons.
            associated_instance_type: The type of the cloud resource with which you
                want to associate the EIP. Valid values: EcsInstance: an Elastic
                Compute Service (ECS) instance deployed in a virtual private cloud
                (VPC). This is the default value. SlbInstance: a Server Load
                Balancer (SLB) instance in a VPC. Nat: a NAT gateway. HaVip: a
                high-availability virtual IP address (HAVIP). NetworkInterface: a
                secondary elastic network interface (ENI). You can associate only
                one EIP with each ECS instance, SLB instance, or HAVIP. You can
                associate multiple EIPs with each NAT gateway. The number of EIPs
                that you can associate with a secondary ENI depends on the EIP mode.
                For more information, see EIP overview.
            associated_instance_id: The ID of the instance.
            charge_type: The billing method of the EIP. Valid values: PostPaid:
                pay-as-you-go
            dry_run: Specify whether to precheck only this request. Valid values:
                true: The request is prechecked but resources are not queried. The
                system checks whether your AccessKey pair is valid, whether the RAM
                user is authorized, and whether required parameters are set. If the
                request fails to pass the precheck, the corresponding error is
                returned. If the request passes the precheck, the DryRunOperation
                error code is returned. false: The request is checked. This is the
                default value. If the request passes the precheck, a 2XX HTTP status
                code is returned and the resource is queried.

        Returns:
            The decoded response.

        See DescribeEipAddresses in docs/DescribeEipAddresses.md (page: DescribeEipAddresses).
        """
        return await self._call(
            DESCRIBE_EIP_ADDRESSES,
            {
                "RegionId": region_id,
                "IncludeReservationData": include_reservation_data,
                "Status": status,
                "EipAddress": eip_address,
                "AllocationId": allocation_id,
                "SegmentInstanceId": segment_instance_id,
                "ResourceGroupId": resource_group_id,
                "PageNumber": page_number,
                "PageSize": page_size,
                "ISP": isp,
                "Filter": filter,
                "LockReason": lock_reason,
                "AssociatedInstanceType": associated_instance_type,
                "AssociatedInstanceId": associated_instance_id,
                "ChargeType": charge_type,
                "DryRun": dry_run,
            },
        )

    def describe_eip_addresses_pages(
        self,
        *,
        region_id: str,
        include_reservation_data: bool | None = None,
        status: str | None = None,
        eip_address: list[str] | None = None,
        allocation_id: list[str] | None = None,
        segment_instance_id: str | None = None,
        resource_group_id: str | None = None,
        page_number: int | None = None,
        page_size: int | None = None,
        isp: str | None = None,
        filter: Sequence[Filter | FilterDict] | None = None,
        lock_reason: str | None = None,
        associated_instance_type: str | None = None,
        associated_instance_id: str | None = None,
        charge_type: str | None = None,
        dry_run: bool | None = None,
    ) -> AsyncPageIterator[DescribeEipAddressesResponse]:
        """Each page of ``describe_eip_addresses()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``page_number`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            DESCRIBE_EIP_ADDRESSES,
            {
                "RegionId": region_id,
                "IncludeReservationData": include_reservation_data,
                "Status": status,
                "EipAddress": eip_address,
                "AllocationId": allocation_id,
                "SegmentInstanceId": segment_instance_id,
                "ResourceGroupId": resource_group_id,
                "PageNumber": page_number,
                "PageSize": page_size,
                "ISP": isp,
                "Filter": filter,
                "LockReason": lock_reason,
                "AssociatedInstanceType": associated_instance_type,
                "AssociatedInstanceId": associated_instance_id,
                "ChargeType": charge_type,
                "DryRun": dry_run,
            },
        )

    def iter_describe_eip_addresses(
        self,
        *,
        region_id: str,
        include_reservation_data: bool | None = None,
        status: str | None = None,
        eip_address: list[str] | None = None,
        allocation_id: list[str] | None = None,
        segment_instance_id: str | None = None,
        resource_group_id: str | None = None,
        page_number: int | None = None,
        page_size: int | None = None,
        isp: str | None = None,
        filter: Sequence[Filter | FilterDict] | None = None,
        lock_reason: str | None = None,
        associated_instance_type: str | None = None,
        associated_instance_id: str | None = None,
        charge_type: str | None = None,
        dry_run: bool | None = None,
        max_items: int | None = None,
    ) -> AsyncIterator[EipAddress]:
        """Every item of every page of ``describe_eip_addresses()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            DESCRIBE_EIP_ADDRESSES,
            {
                "RegionId": region_id,
                "IncludeReservationData": include_reservation_data,
                "Status": status,
                "EipAddress": eip_address,
                "AllocationId": allocation_id,
                "SegmentInstanceId": segment_instance_id,
                "ResourceGroupId": resource_group_id,
                "PageNumber": page_number,
                "PageSize": page_size,
                "ISP": isp,
                "Filter": filter,
                "LockReason": lock_reason,
                "AssociatedInstanceType": associated_instance_type,
                "AssociatedInstanceId": associated_instance_id,
                "ChargeType": charge_type,
                "DryRun": dry_run,
            },
            max_items,
        )


class AsyncVpcClientWithRawResponse(AsyncRawResponses[AsyncVpcClient]):
    """``AsyncVpcClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    describe_eip_addresses = async_raw_method(AsyncVpcClient.describe_eip_addresses)
