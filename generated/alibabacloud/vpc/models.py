# Generated from specs/alibabacloud/vpc/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from sdk_runtime.model import ResponseModel


class AvailableRegions(ResponseModel):
    """
    The regions to which the EIP belongs.
    """

    available_region: list[str] | None = Field(
        None, alias="AvailableRegion", examples=["cn-hangzhou"]
    )
    """
    The ID of the region to which the EIP belongs.
    """


class Filter(ResponseModel):
    """
    One filter of the query.
    """

    key: str | None = Field(None, alias="Key", examples=["CreationStartTime"])
    """
    The filter key used to query resources. Set the value to CreationStartTime (the start time when resources are created) or CreationEndTime (the end time when resources are created).
    """
    value: str | None = Field(None, alias="Value", examples=["2018-01-22T09:12Z"])
    """
    The filter value used to query resources. Specify the time in the ISO 8601 standard in YYYY-MM-DDThh:mmZ format. The time must be in UTC.
    """


class LockReason(ResponseModel):
    """
    One lock of the EIP.
    """

    lock_reason: str | None = Field(None, alias="LockReason", examples=["financial"])
    """
    The reason why the EIP is locked. Valid values: financial: The EIP is locked due to overdue payments. security: The EIP is locked for security reasons.
    """


class OperationLocks(ResponseModel):
    """
    The details about the locked EIP.
    """

    lock_reason: list[LockReason] | None = Field(None, alias="LockReason")
    """
    The locks of the EIP.
    """


class ErrorBody(ResponseModel):
    request_id: str | None = Field(None, alias="RequestId")
    host_id: str | None = Field(None, alias="HostId")
    code: str | None = Field(None, alias="Code")
    message: str | None = Field(None, alias="Message")
    recommend: str | None = Field(None, alias="Recommend")


class EipAddress(ResponseModel):
    """
    The details about one EIP.
    """

    allocation_id: str | None = Field(
        None, alias="AllocationId", examples=["eip-2zeerraiwb7ujcdvf****"]
    )
    """
    The ID of the EIP.
    """
    allocation_time: datetime | None = Field(
        None, alias="AllocationTime", examples=["2019-04-23T01:37:38Z"]
    )
    """
    The time when the EIP was created.
    """
    available_regions: AvailableRegions | None = Field(
        None, alias="AvailableRegions", examples=["cn-hangzhou"]
    )
    """
    The ID of the region to which the EIP belongs.
    """
    bandwidth: str | None = Field(None, alias="Bandwidth", examples=["5"])
    """
    The maximum bandwidth of the EIP. Unit: Mbit/s.
    """
    bandwidth_package_bandwidth: str | None = Field(
        None, alias="BandwidthPackageBandwidth", examples=["50"]
    )
    """
    The bandwidth value of the EIP bandwidth plan with which the EIP is associated.
    """
    bandwidth_package_id: str | None = Field(
        None, alias="BandwidthPackageId", examples=["cbwp-bp1ego3i4j07ccdvf****"]
    )
    """
    The ID of the EIP bandwidth plan.
    """
    bandwidth_package_type: str | None = Field(
        None, alias="BandwidthPackageType", examples=["CommonBandwidthPackage"]
    )
    """
    The type of the bandwidth. Only CommonBandwidthPackage (an EIP bandwidth plan) is returned.
    """
    business_status: str | None = Field(None, alias="BusinessStatus", examples=["Normal"])
    """
    The state of the EIP. Valid values: Normal: The EIP is working as expected. FinancialLocked: The EIP is locked.
    """
    charge_type: str | None = Field(None, alias="ChargeType", examples=["PostPaid"])
    """
    The billing method of the EIP. Valid values: PrePaid: subscription. PostPaid: pay-as-you-go.
    """
    deletion_protection: bool | None = Field(None, alias="DeletionProtection", examples=[True])
    """
    Indicates whether deletion protection is enabled. Valid values: true: enabled. false: disabled.
    """
    descritpion: str | None = Field(None, alias="Descritpion", examples=["abc"])
    """
    The description of the EIP.
    """
    eip_bandwidth: str | None = Field(None, alias="EipBandwidth", examples=["101"])
    """
    The bandwidth value of the EIP when it is not associated with an EIP bandwidth plan.
    """
    expired_time: datetime | None = Field(None, alias="ExpiredTime", examples=["2019-04-29T02:00Z"])
    """
    The expiration date. The time follows the ISO 8601 standard and is displayed in UTC. Format: YYYY-MM-DDThh:mmZ.
    """
    hd_monitor_status: bool | None = Field(None, alias="HDMonitorStatus", examples=[False])
    """
    Indicates whether fine-grained monitoring is enabled for the EIP. Valid values: false: disabled. true: enabled.
    """
    has_reservation_data: bool | None = Field(None, alias="HasReservationData", examples=[False])
    """
    Indicates whether renewal data is included. This parameter returns true only when the parameter IncludeReservationData is set to true, and some orders have not taken effect.
    """
    isp: str | None = Field(None, alias="ISP", examples=["BGP"])
    """
    The Internet service provider (ISP).
    """
    instance_id: str | None = Field(None, alias="InstanceId", examples=["i-bp15zckdt37cdvf****"])
    """
    The ID of the instance with which the EIP is associated.
    """
    instance_region_id: str | None = Field(None, alias="InstanceRegionId", examples=["cn-hangzhou"])
    """
    The region ID of the associated resource.
    """
    instance_type: str | None = Field(None, alias="InstanceType", examples=["EcsInstance"])
    """
    The type of the instance with which the EIP is associated. Valid values: EcsInstance: an ECS instance in a VPC. SlbInstance: an SLB instance in a VPC. Nat: a NAT gateway. HaVip: an HAVIP. NetworkInterface: a secondary ENI.
    """
    internet_charge_type: str | None = Field(
        None, alias="InternetChargeType", examples=["PayByBandwidth"]
    )
    """
    The metering method of the EIP. Valid values: PayByBandwidth: pay-by-bandwidth. PayByTraffic: pay-by-data-transfer.
    """
    ip_address: str | None = Field(None, alias="IpAddress", examples=["116.XX.XX.28"])
    """
    The IP address of the EIP.
    """
    name: str | None = Field(None, alias="Name", examples=["test"])
    """
    The name of the EIP.
    """
    netmode: str | None = Field(None, alias="Netmode", examples=["public"])
    """
    The network type.
    """
    operation_locks: OperationLocks | None = Field(None, alias="OperationLocks")
    """
    The details about the locked EIP.
    """
    region_id: str | None = Field(None, alias="RegionId", examples=["cn-hangzhou"])
    """
    The ID of the region to which the EIP belongs.
    """
    reservation_active_time: datetime | None = Field(
        None, alias="ReservationActiveTime", examples=["2019-03-11T16:00:00Z"]
    )
    """
    The time when the renewal takes effect.
    """
    reservation_bandwidth: str | None = Field(None, alias="ReservationBandwidth", examples=["12"])
    """
    The bandwidth after the renewal takes effect.
    """
    reservation_internet_charge_type: str | None = Field(
        None, alias="ReservationInternetChargeType", examples=["PayByBandwidth"]
    )
    """
    The metering method of the renewal. Valid values: PayByBandwidth: pay-by-bandwidth. PayByTraffic: pay-by-data-transfer.
    """
    reservation_order_type: str | None = Field(
        None, alias="ReservationOrderType", examples=["RENEWCHANGE"]
    )
    """
    The type of the renewal order. Valid values: RENEWCHANGE: upgrade or downgrade. TEMP_UPGRADE: temporary upgrade. UPGRADE: upgrade.
    """
    resource_group_id: str | None = Field(
        None, alias="ResourceGroupId", examples=["rg-acfmxazcdxs****"]
    )
    """
    The ID of the resource group.
    """
    second_limited: bool | None = Field(None, alias="SecondLimited", examples=[False])
    """
    Indicates whether level-2 throttling is configured. true: yes. false: no.
    """
    segment_instance_id: str | None = Field(
        None, alias="SegmentInstanceId", examples=["eipsg-t4nr90yik5oy38xd****"]
    )
    """
    The IDs of the contiguous EIPs. This value is returned only when contiguous EIPs are specified.
    """
    service_managed: int | None = Field(None, alias="ServiceManaged", examples=[0])
    """
    Indicates whether the resource is created by the service account. Valid values: 0: no. 1: yes.
    """
    status: str | None = Field(None, alias="Status", examples=["Associating"])
    """
    The status of the EIP. Valid values: Associating: The EIP is being associated. Unassociating: The EIP is being disassociated. InUse: The EIP is allocated. Available: The EIP is available.
    """


class EipAddresses(ResponseModel):
    """
    The EIPs.
    """

    eip_address: list[EipAddress] | None = Field(None, alias="EipAddress")
    """
    The details about the EIP.
    """


class DescribeEipAddressesResponse(ResponseModel):
    model_config = ConfigDict(
        json_schema_extra={"xml": {"name": "DescribeEipAddressesResponse"}},
    )
    eip_addresses: EipAddresses | None = Field(None, alias="EipAddresses")
    """
    The details about the EIP.
    """
    total_count: int | None = Field(None, alias="TotalCount", examples=[10])
    """
    The number of entries returned.
    """
    page_number: int | None = Field(None, alias="PageNumber", examples=[10])
    """
    The page number of the returned page.
    """
    page_size: int | None = Field(None, alias="PageSize", examples=[10])
    """
    The number of entries returned per page.
    """
    request_id: str | None = Field(
        None, alias="RequestId", examples=["4EC47282-1B74-4534-BD0E-403F3EE64CAF"]
    )
    """
    The ID of the request.
    """
