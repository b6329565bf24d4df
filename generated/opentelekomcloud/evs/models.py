# Generated from specs/opentelekomcloud/evs/ by `python -m generator generate`.
# Do not edit: change the spec and regenerate.

from __future__ import annotations

from pydantic import Field

from sdk_runtime.model import ResponseModel


class Attachment(ResponseModel):
    server_id: str | None = None
    """
    The ID of the server to which the disk is attached.
    """
    attachment_id: str | None = None
    """
    The ID of the attachment information.
    """
    attached_at: str | None = None
    """
    The time when the disk was attached. Time format: UTC YYYY-MM-DDTHH:MM:SS.XXXXXX
    """
    host_name: str | None = None
    """
    The name of the physical host housing the cloud server to which the disk is attached.
    """
    volume_id: str | None = None
    """
    The disk ID.
    """
    device: str | None = None
    """
    The device name.
    """
    id: str | None = None
    """
    The ID of the attached disk.
    """


class ErrorDetail(ResponseModel):
    message: str | None = None
    """
    The error message returned if an error occurs.
    """
    code: str | None = None
    """
    The error code returned if an error occurs. For details about the error code, see Error Codes.
    """


class Link(ResponseModel):
    href: str | None = None
    """
    The corresponding shortcut link.
    """
    rel: str | None = None
    """
    The shortcut link marker name.
    """


class Volume(ResponseModel):
    id: str | None = None
    """
    The disk ID.
    """
    links: list[Link] | None = None
    """
    The disk URI.
    """
    name: str | None = None
    """
    The disk name.
    """
    status: str | None = None
    """
    The disk status. For details, see EVS Disk Status.
    """
    attachments: list[Attachment] | None = None
    """
    The disk attachment information.
    """
    availability_zone: str | None = None
    """
    The AZ to which the disk belongs.
    """
    os_vol_host_attr_host: str | None = Field(None, alias="os-vol-host-attr:host")
    """
    The reserved field.
    """
    source_volid: str | None = None
    """
    The source disk ID. This parameter has a value if the disk is created from a source disk. This field is currently not supported.
    """
    snapshot_id: str | None = None
    """
    The snapshot ID. This parameter has a value if the disk is created from a snapshot.
    """
    description: str | None = None
    """
    The disk description.
    """
    os_vol_tenant_attr_tenant_id: str | None = Field(None, alias="os-vol-tenant-attr:tenant_id")
    """
    The ID of the tenant to which the disk belongs. The tenant ID is the same as the project ID.
    """
    volume_image_metadata: dict[str, str] | None = None
    """
    The metadata of the disk image. For details about volume_image_metadata, see Querying Image Details (Native OpenStack API) in the Image Management Service API Reference.
    """
    created_at: str | None = Field(None, examples=["2016-05-25T02:42:10.856332"])
    """
    The time when the disk was created. Time format: UTC YYYY-MM-DDTHH:MM:SS.XXXXXX
    """
    volume_type: str | None = None
    """
    The disk type. The value can be ESSD, GPSSD, SSD, SAS, or SATA. SSD: the ultra-high I/O type; SAS: the high I/O type; SATA: the common I/O type; GPSSD: the general purpose SSD type; ESSD: the extreme SSD type.
    """
    size: int | None = None
    """
    The disk size, in GB.
    """
    consistencygroup_id: str | None = None
    """
    The reserved field.
    """
    bootable: str | None = None
    """
    Whether the disk is bootable. true: indicates a bootable disk. false: indicates a non-bootable disk.
    """
    metadata: dict[str, str] | None = None
    """
    The disk metadata. The encryption CMK ID in metadata. This parameter is used together with __system__encrypted for encryption. The length of cmkid is fixed at 36 bytes. __system__encrypted: the encryption field in metadata. The value can be 0 (not encrypted) or 1 (encrypted). If this parameter does not appear, the encryption attribute of the disk is the same as that of the data source. If the disk is not created from a data source, the disk is not encrypted by default. full_clone: The method of creation when the disk is created from a snapshot (0: linked clone, 1: full clone). hw:passthrough: If this parameter is true, the disk device type is SCSI, which allows ECS OSs to directly access underlying storage media. SCSI reservation commands are supported. If this parameter is false, the disk device type is VBD, which supports only simple SCSI read/write commands. If this parameter does not appear, the disk device type is VBD.
    """
    updated_at: str | None = Field(None, examples=["2016-05-25T02:42:22.341984"])
    """
    The time when the disk was updated. Time format: UTC YYYY-MM-DDTHH:MM:SS.XXXXXX
    """
    encrypted: bool | None = None
    """
    This field is currently not supported.
    """
    replication_status: str | None = None
    """
    The reserved field.
    """
    os_vol_mig_status_attr_migstat: str | None = Field(None, alias="os-vol-mig-status-attr:migstat")
    """
    The reserved field.
    """
    os_vol_mig_status_attr_name_id: str | None = Field(None, alias="os-vol-mig-status-attr:name_id")
    """
    The reserved field.
    """
    os_volume_replication_extended_status: str | None = Field(
        None, alias="os-volume-replication:extended_status"
    )
    """
    The reserved field.
    """
    shareable: str | None = None
    """
    Whether the disk is shareable. The value can be true (shared disk) or false (common disk). This field is no longer used. Use multiattach.
    """
    user_id: str | None = None
    """
    The reserved field.
    """
    service_type: str | None = None
    """
    The service type. The value is EVS.
    """
    tags: dict[str, str] | None = None
    """
    The disk tags. This field has values if the disk has tags. Or, it is left empty.
    """
    wwn: str | None = None
    """
    The unique identifier used when attaching the disk.
    """
    multiattach: bool | None = None
    """
    Whether the disk is shareable. true: indicates a shared disk. false: indicates a non-shared disk.
    """
    enterprise_project_id: str | None = None
    """
    The ID of the enterprise project that the disk has been added to.
    """
    serial_number: str | None = None
    """
    The disk SN. This field is returned only for non-HyperMetro SCSI volumes and is used for disk mapping in the VM.
    """


class ErrorBody(ResponseModel):
    error_code: str | None = None
    error_msg: str | None = None
    request_id: str | None = None


class ListVolumesResponse(ResponseModel):
    volumes: list[Volume] | None = None
    """
    The list of returned disks.
    """
    count: int | None = None
    """
    The number of queried disks. This value is not affected by the pagination.
    """
    volumes_links: list[Link] | None = None
    """
    The query position marker in the disk list. If only some disks are returned in this query, the URL of the last disk queried will be returned. You can use this URL to continue to query the remaining disks in the next query.
    """
    error: ErrorDetail | None = None
    """
    The error message returned if an error occurs.
    """
