"""Structures and maps in a JSON request body, judged on the wire by the official EVS
client (huaweicloudsdkevs, huaweicloudsdkcore's serializer): EVS CreateVolume, whose body
members and their fields have camelCase and ``:`` wire names (``bssParam.chargingMode``,
``volume.imageRef``, ``OS-SCH-HNT:scheduler_hints``) and maps (``metadata``, ``tags``)."""

from __future__ import annotations

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkevs.v2 import (
    BssParamForCreateVolume,
    CreateVolumeOption,
    CreateVolumeRequest,
    CreateVolumeRequestBody,
    CreateVolumeSchedulerHints,
    EvsClient,
)

from sdk_runtime.client import BaseClient
from sdk_runtime.credentials import HuaweiCloudCredentials
from tests.wire import evs as ours
from tests.wire.capture import assert_same_request, capture_server, json_reply

AK, SK, PROJECT = "HW-wire-test-ak", "hw-wire-test-sk", "0123456789abcdef0123456789abcdef"


def test_create_volume_body_matches_the_official_client() -> None:
    with capture_server(json_reply({"job_id": "j-1"})) as server:
        config = HttpConfig.get_default_config()
        config.retry_times = 0
        official = (
            EvsClient.new_builder()
            .with_credentials(BasicCredentials(AK, SK, PROJECT))
            .with_endpoint(server.url)
            .with_http_config(config)
            .build()
        )
        official.create_volume(
            CreateVolumeRequest(
                body=CreateVolumeRequestBody(
                    bss_param=BssParamForCreateVolume(
                        charging_mode="prePaid", is_auto_pay="true", period_num=1
                    ),
                    volume=CreateVolumeOption(
                        availability_zone="az-1",
                        image_ref="img-1",
                        metadata={"__system__encrypted": "0", "hw:passthrough": "true"},
                        name="disk-1",
                        size=40,
                        volume_type="SSD",
                        tags={"env": "prod"},
                        multiattach=False,
                    ),
                    server_id="s-1",
                    os_sch_hn_tscheduler_hints=CreateVolumeSchedulerHints(
                        dedicated_storage_id="ds-1"
                    ),
                )
            )
        )
        credentials = HuaweiCloudCredentials(AK, SK, project_id=PROJECT)
        with BaseClient(ours.EVS, credentials, endpoint=server.url) as client:
            client._call(
                ours.CREATE_VOLUME,
                {
                    "bssParam": {
                        "charging_mode": "prePaid",
                        "is_auto_pay": "true",
                        "period_num": 1,
                    },
                    "volume": {
                        "availability_zone": "az-1",
                        "image_ref": "img-1",
                        "metadata": {"__system__encrypted": "0", "hw:passthrough": "true"},
                        "name": "disk-1",
                        "size": 40,
                        "volume_type": "SSD",
                        "tags": {"env": "prod"},
                        "multiattach": False,
                    },
                    "server_id": "s-1",
                    "OS-SCH-HNT:scheduler_hints": {"dedicated_storage_id": "ds-1"},
                },
            )
    theirs, mine = server.requests
    assert mine.body_value()["volume"]["imageRef"] == "img-1"
    # the official client's Content-Type adds ";charset=utf-8"; both bodies are JSON
    assert mine.headers["content-type"].startswith("application/json")
    assert_same_request(mine, theirs, ("x-project-id",))
