"""Open Telekom Cloud Elastic Volume Service (EVS), API version v2: sync and async clients.

Generated from specs/opentelekomcloud/evs/service.yaml by `python -m generator generate`; do not edit.
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

from generated.opentelekomcloud.evs.errors import ERRORS

if TYPE_CHECKING:  # the runtime imports the models (and pydantic) on the first response
    from generated.opentelekomcloud.evs.models import ListVolumesResponse, Volume
    from sdk_runtime.pagination import AsyncPageIterator, PageIterator

SERVICE = ServiceSpec(
    provider="opentelekomcloud",
    service="evs",
    api_version="v2",
    protocol="rest-json",
    error_format="huawei-json",
    endpoint="https://evs.{region}.otc.t-systems.com",
    default_region="eu-de",
    signing="huawei-sdk-hmac-sha256",
    signing_schemes=("huawei-sdk-hmac-sha256", "huawei-token"),
    errors=ERRORS,
    models="generated.opentelekomcloud.evs.models",
)

LIST_VOLUMES: OperationSpec[ListVolumesResponse] = OperationSpec(
    name="ListVolumes",
    method="GET",
    path="/v2/{project_id}/cloudvolumes/detail",
    response="ListVolumesResponse",
    locations={
        "project_id": "path",
        "availability_zone": "query",
        "dedicated_storage_id": "query",
        "dedicated_storage_name": "query",
        "enterprise_project_id": "query",
        "id": "query",
        "ids": "query",
        "limit": "query",
        "marker": "query",
        "metadata": "query",
        "multiattach": "query",
        "name": "query",
        "offset": "query",
        "server_id": "query",
        "service_type": "query",
        "sort_dir": "query",
        "sort_key": "query",
        "status": "query",
        "volume_type_id": "query",
    },
    checks={
        "project_id": Check("project_id", "str"),
        "availability_zone": Check("availability_zone", "str"),
        "dedicated_storage_id": Check("dedicated_storage_id", "str"),
        "dedicated_storage_name": Check("dedicated_storage_name", "str"),
        "enterprise_project_id": Check("enterprise_project_id", "str"),
        "id": Check("id", "str"),
        "ids": Check("ids", "str"),
        "limit": Check("limit", "int", minimum=1, maximum=1000),
        "marker": Check("marker", "str"),
        "metadata": Check("metadata", "str"),
        "multiattach": Check("multiattach", "bool"),
        "name": Check("name", "str"),
        "offset": Check("offset", "int"),
        "server_id": Check("server_id", "str"),
        "service_type": Check("service_type", "str", enum=("EVS",)),
        "sort_dir": Check("sort_dir", "str", enum=("asc", "desc")),
        "sort_key": Check("sort_key", "str"),
        "status": Check("status", "str"),
        "volume_type_id": Check("volume_type_id", "str"),
    },
    fixed=(("Content-Type", "header", "application/json"),),
    pagination=Pagination(
        style="next-link",
        input_token="marker",
        items=("volumes",),
        output_token=("volumes_links",),
        page_size="limit",
        schemes=(
            Pagination(
                style="offset",
                input_token="offset",
                items=("volumes",),
                total_count=("count",),
                page_size="limit",
            ),
        ),
    ),
)


class EvsClient(BaseClient):
    """Synchronous client for Open Telekom Cloud Elastic Volume Service (EVS).

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
        eu-de); ``signing`` picks one of huawei-sdk-hmac-sha256, huawei-token (default
        huawei-sdk-hmac-sha256); ``timeout`` is seconds or (connect, read) or (connect, read,
        total), total bounding each attempt (default 120); ``http_client`` may be your own httpx
        client; ``max_response_bytes`` caps a body, decompressed (default 64 MiB);
        ``user_agent_extra`` is appended to the User-Agent; ``proxy`` (a URL) is used for every
        request, else $HTTPS_PROXY / $HTTP_PROXY / $NO_PROXY unless ``trust_env=False``;
        ``verify`` is False (no TLS check) or a CA bundle path; ``validate=False`` skips the
        checks of documented parameter types, ranges and closed value lists before sending
        (``TypeError``/``ValueError`` naming the keyword), for an API newer than the spec.

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
    def with_raw_response(self) -> EvsClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return EvsClientWithRawResponse(self._raw_twin())

    def list_volumes(
        self,
        *,
        project_id: str | None = None,
        availability_zone: str | None = None,
        dedicated_storage_id: str | None = None,
        dedicated_storage_name: str | None = None,
        enterprise_project_id: str | None = None,
        id: str | None = None,
        ids: str | None = None,
        limit: int | None = None,
        marker: str | None = None,
        metadata: str | None = None,
        multiattach: bool | None = None,
        name: str | None = None,
        offset: int | None = None,
        server_id: str | None = None,
        service_type: str | None = None,
        sort_dir: str | None = None,
        sort_key: str | None = None,
        status: str | None = None,
        volume_type_id: str | None = None,
    ) -> ListVolumesResponse:
        """This API is used to query details about all disks.

        Args:
            project_id: The project ID. Default: the client's project_id.
            availability_zone: The AZ information.
            dedicated_storage_id: The dedicated storage pool ID. All disks in the
                dedicated storage pool can be filtered out. Only exact match is
                supported.
            dedicated_storage_name: The dedicated storage pool name. All disks in
                the dedicated storage pool can be filtered out. Fuzzy match is
                supported.
            enterprise_project_id: The enterprise project ID for filtering. If
                parameter all_granted_eps is transferred, disks in all enterprise
                projects that are within the permission scope will be queried.
            id: The disk ID.
            ids: The disk IDs. The parameter value is in the
                ids=['id1','id2',...,'idx'] format. In the response, the ids value
                contains valid disk IDs only. Invalid disk IDs will be ignored. The
                details about a maximum of 60 disks can be queried. If parameters id
                and ids are both specified in the request, id will be ignored.
            limit: The maximum number of query results that can be returned. The
                default value is 1000. Allowed: ≥ 1; ≤ 1000.
            marker: The pagination query by disk ID. The query starts from the first
                page by default. By specifying a disk ID for marker, information of
                all disks following the specified disk will be queried. Note that
                information of the specified disk will not be included in the query
                results.
            metadata: The disk metadata.
            multiattach: Whether the disk is shareable. The value can be true (a
                shared disk) or false (a non-shared disk).
            name: The disk name.
            offset: The query offset. All disks after this offset will be queried.
                The value must be an integer greater than 0 but less than the number
                of disks.
            server_id: The server ID.
            service_type: The service type. Only EVS is supported. The client
                refuses any other value.
            sort_dir: The result sorting order. The value can be asc (the ascending
                order) or desc (the descending order). The default value is desc.
                The client refuses any other value.
            sort_key: The keyword based on which the returned results are sorted.
                The value can be id, status, size, or created_at, and the default
                value is created_at.
            status: The disk status. For details, see EVS Disk Status.
            volume_type_id: The disk type ID. For details, see Querying EVS Disk
                Types. The disk type ID is the id value in the table that describes
                parameters in the volume_types field.

        Returns:
            The decoded response.

        See ListVolumes in docs/ListVolumes.md (page: Querying Details About All Disks).
        """
        return self._call(
            LIST_VOLUMES,
            {
                "project_id": project_id,
                "availability_zone": availability_zone,
                "dedicated_storage_id": dedicated_storage_id,
                "dedicated_storage_name": dedicated_storage_name,
                "enterprise_project_id": enterprise_project_id,
                "id": id,
                "ids": ids,
                "limit": limit,
                "marker": marker,
                "metadata": metadata,
                "multiattach": multiattach,
                "name": name,
                "offset": offset,
                "server_id": server_id,
                "service_type": service_type,
                "sort_dir": sort_dir,
                "sort_key": sort_key,
                "status": status,
                "volume_type_id": volume_type_id,
            },
        )

    def list_volumes_pages(
        self,
        *,
        project_id: str | None = None,
        availability_zone: str | None = None,
        dedicated_storage_id: str | None = None,
        dedicated_storage_name: str | None = None,
        enterprise_project_id: str | None = None,
        id: str | None = None,
        ids: str | None = None,
        limit: int | None = None,
        marker: str | None = None,
        metadata: str | None = None,
        multiattach: bool | None = None,
        name: str | None = None,
        offset: int | None = None,
        server_id: str | None = None,
        service_type: str | None = None,
        sort_dir: str | None = None,
        sort_key: str | None = None,
        status: str | None = None,
        volume_type_id: str | None = None,
    ) -> PageIterator[ListVolumesResponse]:
        """Each page of ``list_volumes()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``marker`` or ``offset`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            LIST_VOLUMES,
            {
                "project_id": project_id,
                "availability_zone": availability_zone,
                "dedicated_storage_id": dedicated_storage_id,
                "dedicated_storage_name": dedicated_storage_name,
                "enterprise_project_id": enterprise_project_id,
                "id": id,
                "ids": ids,
                "limit": limit,
                "marker": marker,
                "metadata": metadata,
                "multiattach": multiattach,
                "name": name,
                "offset": offset,
                "server_id": server_id,
                "service_type": service_type,
                "sort_dir": sort_dir,
                "sort_key": sort_key,
                "status": status,
                "volume_type_id": volume_type_id,
            },
        )

    def iter_list_volumes(
        self,
        *,
        project_id: str | None = None,
        availability_zone: str | None = None,
        dedicated_storage_id: str | None = None,
        dedicated_storage_name: str | None = None,
        enterprise_project_id: str | None = None,
        id: str | None = None,
        ids: str | None = None,
        limit: int | None = None,
        marker: str | None = None,
        metadata: str | None = None,
        multiattach: bool | None = None,
        name: str | None = None,
        offset: int | None = None,
        server_id: str | None = None,
        service_type: str | None = None,
        sort_dir: str | None = None,
        sort_key: str | None = None,
        status: str | None = None,
        volume_type_id: str | None = None,
        max_items: int | None = None,
    ) -> Iterator[Volume]:
        """Every item of every page of ``list_volumes()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            LIST_VOLUMES,
            {
                "project_id": project_id,
                "availability_zone": availability_zone,
                "dedicated_storage_id": dedicated_storage_id,
                "dedicated_storage_name": dedicated_storage_name,
                "enterprise_project_id": enterprise_project_id,
                "id": id,
                "ids": ids,
                "limit": limit,
                "marker": marker,
                "metadata": metadata,
                "multiattach": multiattach,
                "name": name,
                "offset": offset,
                "server_id": server_id,
                "service_type": service_type,
                "sort_dir": sort_dir,
                "sort_key": sort_key,
                "status": status,
                "volume_type_id": volume_type_id,
            },
            max_items,
        )


class EvsClientWithRawResponse(RawResponses[EvsClient]):
    """``EvsClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_volumes = raw_method(EvsClient.list_volumes)


class AsyncEvsClient(AsyncBaseClient):
    """Asynchronous client for Open Telekom Cloud Elastic Volume Service (EVS).

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
        eu-de); ``signing`` picks one of huawei-sdk-hmac-sha256, huawei-token (default
        huawei-sdk-hmac-sha256); ``timeout`` is seconds or (connect, read) or (connect, read,
        total), total bounding each attempt (default 120); ``http_client`` may be your own httpx
        client; ``max_response_bytes`` caps a body, decompressed (default 64 MiB);
        ``user_agent_extra`` is appended to the User-Agent; ``proxy`` (a URL) is used for every
        request, else $HTTPS_PROXY / $HTTP_PROXY / $NO_PROXY unless ``trust_env=False``;
        ``verify`` is False (no TLS check) or a CA bundle path; ``validate=False`` skips the
        checks of documented parameter types, ranges and closed value lists before sending
        (``TypeError``/``ValueError`` naming the keyword), for an API newer than the spec.

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
    def with_raw_response(self) -> AsyncEvsClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncEvsClientWithRawResponse(self._raw_twin())

    async def list_volumes(
        self,
        *,
        project_id: str | None = None,
        availability_zone: str | None = None,
        dedicated_storage_id: str | None = None,
        dedicated_storage_name: str | None = None,
        enterprise_project_id: str | None = None,
        id: str | None = None,
        ids: str | None = None,
        limit: int | None = None,
        marker: str | None = None,
        metadata: str | None = None,
        multiattach: bool | None = None,
        name: str | None = None,
        offset: int | None = None,
        server_id: str | None = None,
        service_type: str | None = None,
        sort_dir: str | None = None,
        sort_key: str | None = None,
        status: str | None = None,
        volume_type_id: str | None = None,
    ) -> ListVolumesResponse:
        """This API is used to query details about all disks.

        Args:
            project_id: The project ID. Default: the client's project_id.
            availability_zone: The AZ information.
            dedicated_storage_id: The dedicated storage pool ID. All disks in the
                dedicated storage pool can be filtered out. Only exact match is
                supported.
            dedicated_storage_name: The dedicated storage pool name. All disks in
                the dedicated storage pool can be filtered out. Fuzzy match is
                supported.
            enterprise_project_id: The enterprise project ID for filtering. If
                parameter all_granted_eps is transferred, disks in all enterprise
                projects that are within the permission scope will be queried.
            id: The disk ID.
            ids: The disk IDs. The parameter value is in the
                ids=['id1','id2',...,'idx'] format. In the response, the ids value
                contains valid disk IDs only. Invalid disk IDs will be ignored. The
                details about a maximum of 60 disks can be queried. If parameters id
                and ids are both specified in the request, id will be ignored.
            limit: The maximum number of query results that can be returned. The
                default value is 1000. Allowed: ≥ 1; ≤ 1000.
            marker: The pagination query by disk ID. The query starts from the first
                page by default. By specifying a disk ID for marker, information of
                all disks following the specified disk will be queried. Note that
                information of the specified disk will not be included in the query
                results.
            metadata: The disk metadata.
            multiattach: Whether the disk is shareable. The value can be true (a
                shared disk) or false (a non-shared disk).
            name: The disk name.
            offset: The query offset. All disks after this offset will be queried.
                The value must be an integer greater than 0 but less than the number
                of disks.
            server_id: The server ID.
            service_type: The service type. Only EVS is supported. The client
                refuses any other value.
            sort_dir: The result sorting order. The value can be asc (the ascending
                order) or desc (the descending order). The default value is desc.
                The client refuses any other value.
            sort_key: The keyword based on which the returned results are sorted.
                The value can be id, status, size, or created_at, and the default
                value is created_at.
            status: The disk status. For details, see EVS Disk Status.
            volume_type_id: The disk type ID. For details, see Querying EVS Disk
                Types. The disk type ID is the id value in the table that describes
                parameters in the volume_types field.

        Returns:
            The decoded response.

        See ListVolumes in docs/ListVolumes.md (page: Querying Details About All Disks).
        """
        return await self._call(
            LIST_VOLUMES,
            {
                "project_id": project_id,
                "availability_zone": availability_zone,
                "dedicated_storage_id": dedicated_storage_id,
                "dedicated_storage_name": dedicated_storage_name,
                "enterprise_project_id": enterprise_project_id,
                "id": id,
                "ids": ids,
                "limit": limit,
                "marker": marker,
                "metadata": metadata,
                "multiattach": multiattach,
                "name": name,
                "offset": offset,
                "server_id": server_id,
                "service_type": service_type,
                "sort_dir": sort_dir,
                "sort_key": sort_key,
                "status": status,
                "volume_type_id": volume_type_id,
            },
        )

    def list_volumes_pages(
        self,
        *,
        project_id: str | None = None,
        availability_zone: str | None = None,
        dedicated_storage_id: str | None = None,
        dedicated_storage_name: str | None = None,
        enterprise_project_id: str | None = None,
        id: str | None = None,
        ids: str | None = None,
        limit: int | None = None,
        marker: str | None = None,
        metadata: str | None = None,
        multiattach: bool | None = None,
        name: str | None = None,
        offset: int | None = None,
        server_id: str | None = None,
        service_type: str | None = None,
        sort_dir: str | None = None,
        sort_key: str | None = None,
        status: str | None = None,
        volume_type_id: str | None = None,
    ) -> AsyncPageIterator[ListVolumesResponse]:
        """Each page of ``list_volumes()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``marker`` or ``offset`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            LIST_VOLUMES,
            {
                "project_id": project_id,
                "availability_zone": availability_zone,
                "dedicated_storage_id": dedicated_storage_id,
                "dedicated_storage_name": dedicated_storage_name,
                "enterprise_project_id": enterprise_project_id,
                "id": id,
                "ids": ids,
                "limit": limit,
                "marker": marker,
                "metadata": metadata,
                "multiattach": multiattach,
                "name": name,
                "offset": offset,
                "server_id": server_id,
                "service_type": service_type,
                "sort_dir": sort_dir,
                "sort_key": sort_key,
                "status": status,
                "volume_type_id": volume_type_id,
            },
        )

    def iter_list_volumes(
        self,
        *,
        project_id: str | None = None,
        availability_zone: str | None = None,
        dedicated_storage_id: str | None = None,
        dedicated_storage_name: str | None = None,
        enterprise_project_id: str | None = None,
        id: str | None = None,
        ids: str | None = None,
        limit: int | None = None,
        marker: str | None = None,
        metadata: str | None = None,
        multiattach: bool | None = None,
        name: str | None = None,
        offset: int | None = None,
        server_id: str | None = None,
        service_type: str | None = None,
        sort_dir: str | None = None,
        sort_key: str | None = None,
        status: str | None = None,
        volume_type_id: str | None = None,
        max_items: int | None = None,
    ) -> AsyncIterator[Volume]:
        """Every item of every page of ``list_volumes()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            LIST_VOLUMES,
            {
                "project_id": project_id,
                "availability_zone": availability_zone,
                "dedicated_storage_id": dedicated_storage_id,
                "dedicated_storage_name": dedicated_storage_name,
                "enterprise_project_id": enterprise_project_id,
                "id": id,
                "ids": ids,
                "limit": limit,
                "marker": marker,
                "metadata": metadata,
                "multiattach": multiattach,
                "name": name,
                "offset": offset,
                "server_id": server_id,
                "service_type": service_type,
                "sort_dir": sort_dir,
                "sort_key": sort_key,
                "status": status,
                "volume_type_id": volume_type_id,
            },
            max_items,
        )


class AsyncEvsClientWithRawResponse(AsyncRawResponses[AsyncEvsClient]):
    """``AsyncEvsClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    list_volumes = async_raw_method(AsyncEvsClient.list_volumes)
