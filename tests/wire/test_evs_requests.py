"""Open Telekom Cloud EVS ListVolumes ("Querying Details About All Disks"): the request the
official huaweicloudsdkevs client sends equals ours, and the loopback server, checking the
signature as huaweicloudsdkcore computes it, accepts both; a realistic answer decodes into
the generated model."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer as OfficialSigner
from huaweicloudsdkevs.v2 import EvsClient as OfficialEvs
from huaweicloudsdkevs.v2 import ListVolumesRequest

from generated.opentelekomcloud.evs import EvsClient, ListVolumesResponse
from tests.wire.capture import Captured, Reply, assert_same_request, capture_server

AK, SK = "OTC-wire-test-ak", "OTC-wire-test-secret-key"
PROJECT = "0b1e5c6d7e8f90a1b2c3d4e5f6a7b8c9"
VOLUME_ID = "b104b8db-170d-441b-897a-3c8ba9c5a214"

# A realistic answer: the page's example with a second, attached and encrypted disk, tags,
# metadata and image metadata, and a next link.
VOLUMES = {
    "count": 2,
    "volumes": [
        {
            "attachments": [
                {
                    "server_id": "f9a1c3e2-91b6-4c36-a7c0-35a7a9f1b2d4",
                    "attachment_id": "3dafcf43-6a8e-4a7c-9d5b-7f0b0e1e0f11",
                    "attached_at": "2016-05-25T02:45:11.412345",
                    "host_name": "pod01.eu-de-01",
                    "volume_id": VOLUME_ID,
                    "device": "/dev/vda",
                    "id": VOLUME_ID,
                }
            ],
            "availability_zone": "eu-de-01",
            "bootable": "true",
            "created_at": "2016-05-25T02:42:10.856332",
            "description": "system disk",
            "id": VOLUME_ID,
            "links": [
                {
                    "href": f"https://evs.eu-de.otc.t-systems.com/v2/{PROJECT}/volumes/x",
                    "rel": "self",
                }
            ],
            "metadata": {
                "__system__encrypted": "1",
                "__system__cmkid": "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
                "hw:passthrough": "true",
                "full_clone": "0",
            },
            "name": "ecs-system-disk",
            "os-vol-host-attr:host": "pod01.eu-de-01#SAS",
            "volume_image_metadata": {"image_name": "Standard_Ubuntu_22.04", "min_disk": "8"},
            "os-vol-mig-status-attr:migstat": None,
            "os-vol-mig-status-attr:name_id": None,
            "os-vol-tenant-attr:tenant_id": PROJECT,
            "os-volume-replication:extended_status": None,
            "replication_status": "disabled",
            "multiattach": False,
            "shareable": "false",
            "size": 40,
            "snapshot_id": None,
            "source_volid": None,
            "status": "in-use",
            "updated_at": "2016-05-25T02:45:12.000001",
            "user_id": "b0524e8342084ef5b74f158f78fc3049",
            "volume_type": "SAS",
            "service_type": "EVS",
            "encrypted": True,
            "consistencygroup_id": None,
            "tags": {"env": "prod", "owner": "team-a"},
            "wwn": "688860300000d136fa16f48f05992360",
            "enterprise_project_id": "0",
            "serial_number": "d136fa16f48f05992360",
            "dedicated_storage_id": None,
        },
        {
            "attachments": [],
            "availability_zone": "eu-de-02",
            "bootable": "false",
            "id": "c2a9",
            "links": [],
            "metadata": {},
            "name": "data",
            "size": 100,
            "status": "available",
            "volume_type": "SSD",
            "multiattach": True,
        },
    ],
    "volumes_links": [
        {
            "href": f"https://evs.eu-de.otc.t-systems.com/v2/{PROJECT}/volumes/detail"
            "?limit=2&marker=c2a9",
            "rel": "next",
        }
    ],
}

CALLS: dict[str, dict[str, Any]] = {
    "page-example": {"status": "available"},
    "every-filter": {
        "availability_zone": "eu-de-01",
        "dedicated_storage_id": "ds-1",
        "dedicated_storage_name": "pool a",
        "enterprise_project_id": "0",
        "id": VOLUME_ID,
        "ids": "['id1','id2']",
        "limit": 50,
        "marker": VOLUME_ID,
        "metadata": '{"__system__encrypted":"1"}',
        "multiattach": True,
        "name": "ecs disk/é+1",
        "offset": 3,
        "server_id": "f9a1c3e2",
        "service_type": "EVS",
        "sort_dir": "asc",
        "sort_key": "created_at",
        "status": "in-use",
        "volume_type_id": "vt-1",
    },
    "none": {},
}


def _signed_headers(request: Captured) -> set[str]:
    authorization = request.headers["authorization"]
    return set(authorization.split("SignedHeaders=")[1].split(",")[0].split(";"))


def _signature_checked(request: Captured) -> bool:
    """Whether ``request``'s Authorization is what huaweicloudsdkcore computes over the
    headers it names as signed (what the service checks)."""
    authorization = request.headers.get("authorization", "")
    signed = sorted(_signed_headers(request))
    sdk_request = SdkRequest(
        method=request.method,
        schema="http",
        host=request.host,
        resource_path=request.raw_path,
        query_params=parse_qsl(request.raw_query, keep_blank_values=True),
        header_params={name: request.headers[name] for name in signed},
        body=request.body,
    )
    OfficialSigner(BasicCredentials(AK, SK)).sign(sdk_request)
    return bool(sdk_request.header_params["Authorization"] == authorization)


def _reply(request: Captured) -> Reply:
    if not _signature_checked(request):
        body = {"error": {"code": "APIGW.0301", "message": "Incorrect IAM authentication"}}
        return 401, {"Content-Type": "application/json"}, json.dumps(body).encode()
    headers = {"Content-Type": "application/json", "X-Request-Id": "req-evs-1"}
    return 200, headers, json.dumps(VOLUMES).encode()


@pytest.mark.parametrize("case", sorted(CALLS))
def test_evs_list_volumes_matches_the_official_client(case: str) -> None:
    params = CALLS[case]
    with capture_server(_reply) as server:
        official = (
            OfficialEvs.new_builder()
            .with_credentials(BasicCredentials(AK, SK, PROJECT))
            .with_endpoints([server.url])
            .build()
        )
        official_response = official.list_volumes(ListVolumesRequest(**params))
        with EvsClient(endpoint=server.url, ak=AK, sk=SK, project_id=PROJECT) as ours:
            response = ours.list_volumes(**params)
    theirs, mine = server.requests
    assert_same_request(mine, theirs, ("x-project-id", "content-type"))
    assert mine.path == f"/v2/{PROJECT}/cloudvolumes/detail"
    assert _signature_checked(mine) and _signature_checked(theirs)  # both were accepted
    # both sign their own User-Agent (set before signing), as huaweicloudsdkcore does
    assert _signed_headers(theirs) == _signed_headers(mine)
    assert _signed_headers(mine) == {
        "content-type",
        "host",
        "user-agent",
        "x-project-id",
        "x-sdk-date",
    }
    assert mine.headers["user-agent"].startswith("cloud-sdk-generator/")
    assert official_response.count == response.count == 2


def test_a_realistic_answer_decodes_into_the_generated_model() -> None:
    with (
        capture_server(_reply) as server,
        EvsClient(endpoint=server.url, ak=AK, sk=SK, project_id=PROJECT) as client,
    ):
        response = client.list_volumes(status="in-use", limit=2)
    assert isinstance(response, ListVolumesResponse)
    assert response.count == 2 and response.volumes is not None
    disk, data = response.volumes
    assert disk.os_vol_host_attr_host == "pod01.eu-de-01#SAS"
    assert disk.os_vol_tenant_attr_tenant_id == PROJECT
    assert disk.os_vol_mig_status_attr_migstat is None
    assert disk.metadata is not None and disk.metadata["hw:passthrough"] == "true"
    assert disk.volume_image_metadata == {"image_name": "Standard_Ubuntu_22.04", "min_disk": "8"}
    assert disk.tags == {"env": "prod", "owner": "team-a"}
    assert disk.attachments is not None and disk.attachments[0].device == "/dev/vda"
    assert disk.links is not None and disk.links[0].rel == "self"
    assert (disk.size, disk.encrypted, disk.multiattach, disk.bootable) == (40, True, False, "true")
    assert disk.model_extra == {"dedicated_storage_id": None}  # undocumented: kept
    assert (data.attachments, data.metadata, data.multiattach) == ([], {}, True)
    assert response.volumes_links is not None and response.volumes_links[0].rel == "next"
    assert response.model_dump(by_alias=True, exclude_unset=True) == VOLUMES


def test_a_wrong_signature_is_refused_by_the_checking_server() -> None:
    """The check above is a real one: a client with another secret is refused."""
    from generated.opentelekomcloud.evs import EvsError

    with (
        capture_server(_reply) as server,
        EvsClient(endpoint=server.url, ak=AK, sk="another-secret-key", project_id=PROJECT) as bad,
        pytest.raises(EvsError) as caught,
    ):
        bad.list_volumes()
    assert caught.value.code == "APIGW.0301" and caught.value.status_code == 401
