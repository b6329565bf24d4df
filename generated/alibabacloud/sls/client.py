"""Alibaba Cloud Log Service (SLS), API version 0.6.0: sync and async clients.

Generated from specs/alibabacloud/sls/service.yaml by `python -m generator generate`; do not edit.
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

from generated.alibabacloud.sls.errors import ERRORS

if TYPE_CHECKING:  # the runtime imports the models (and pydantic) on the first response
    from generated.alibabacloud.sls.models import GetLogsResponse, Log
    from sdk_runtime.pagination import AsyncPageIterator, PageIterator

SERVICE = ServiceSpec(
    provider="alibabacloud",
    service="sls",
    api_version="0.6.0",
    protocol="rest-json",
    error_format="sls-json",
    endpoint="https://{region}.log.aliyuncs.com",
    default_region="cn-hangzhou",
    signing="sls-v1-hmac-sha1",
    signing_schemes=("sls-v1-hmac-sha1", "sls4-hmac-sha256"),
    errors=ERRORS,
    models="generated.alibabacloud.sls.models",
)

GET_LOGS: OperationSpec[GetLogsResponse] = OperationSpec(
    name="GetLogs",
    method="GET",
    path="/logstores/{logstoreName}",
    response="GetLogsResponse",
    locations={
        "projectName": "host",
        "logstoreName": "path",
        "from": "query",
        "to": "query",
        "topic": "query",
        "query": "query",
        "line": "query",
        "offset": "query",
        "reverse": "query",
        "powerSql": "query",
    },
    checks={
        "projectName": Check("project_name", "str", required=True),
        "logstoreName": Check("logstore_name", "str", required=True),
        "from": Check("from_", "int", required=True),
        "to": Check("to", "int", required=True),
        "topic": Check("topic", "str"),
        "query": Check("query", "str"),
        "line": Check("line", "int", minimum=0, maximum=100),
        "offset": Check("offset", "int"),
        "reverse": Check("reverse", "bool"),
        "powerSql": Check("power_sql", "bool"),
    },
    fixed=(("type", "query", "log"),),
    host_labels=(("projectName", "project_name"),),
    response_headers=("x-log-progress", "x-log-count"),
    pagination=Pagination(
        style="offset",
        input_token="offset",
        items=("logs",),
        page_size="line",
        repeat_while=("x_log_progress",),
        repeat_value="Incomplete",
    ),
)


class SlsClient(BaseClient):
    """Synchronous client for Alibaba Cloud Log Service (SLS).

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
        cn-hangzhou); ``signing`` picks one of sls-v1-hmac-sha1, sls4-hmac-sha256 (default
        sls-v1-hmac-sha1); ``timeout`` is seconds or (connect, read) or (connect, read, total),
        total bounding each attempt (default 120); ``http_client`` may be your own httpx client;
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
    def with_raw_response(self) -> SlsClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return SlsClientWithRawResponse(self._raw_twin())

    def get_logs(
        self,
        *,
        project_name: str,
        logstore_name: str,
        from_: int,
        to: int,
        topic: str | None = None,
        query: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        reverse: bool | None = None,
        power_sql: bool | None = None,
    ) -> GetLogsResponse:
        """Queries logs in a Logstore of a specified project.

        Args:
            project_name: The name of the project.
            logstore_name: The name of the Logstore.
            from_: The start time of the time range that is specified in the
                request. The start time is a timestamp. The timestamp follows the
                UNIX time format. It is the number of seconds that have elapsed
                since 00:00:00 UTC, Thursday, January 1, 1970.
            to: The end time of the time range that is specified in the request. The
                end time is a timestamp. The timestamp follows the UNIX time format.
                It is the number of seconds that have elapsed since 00:00:00 UTC,
                Thursday, January 1, 1970.
            topic: The topic of the logs.
            query: The query statement. If you add `set session parallel_sql=true;`
                to the analytic statement in the query parameter, a dedicated SQL
                instance is used. For example, you can set the query parameter to `*
                | set session parallel_sql=true; select count(*) as pv`. Note: If
                the query parameter contains an analytic statement (SQL statement),
                the line parameter and offset parameter must be set to 0, and the
                LIMIT clause is used to paginate the query results.
            line: The maximum number of logs to return for the request. Minimum
                value: 0. Maximum value: 100. Default value: 100.
            offset: The line from which the query starts. Default value: 0.
            reverse: Specifies whether to return logs in reverse order based on the
                log timestamp. true: Logs are returned in reverse order. false: Logs
                are returned in regular order. This is the default value. Default:
                False.
            power_sql: Specifies whether to use a dedicated SQL instance. true: A
                dedicated SQL instance is used. false: A standard SQL instance is
                used. This is the default value. You can use the powerSql or query
                parameter to configure a dedicated SQL instance. Default: False.

        Returns:
            The decoded response.

        See GetLogs in docs/GetLogs.md (page: GetLogs).
        """
        return self._call(
            GET_LOGS,
            {
                "projectName": project_name,
                "logstoreName": logstore_name,
                "from": from_,
                "to": to,
                "topic": topic,
                "query": query,
                "line": line,
                "offset": offset,
                "reverse": reverse,
                "powerSql": power_sql,
            },
        )

    def get_logs_pages(
        self,
        *,
        project_name: str,
        logstore_name: str,
        from_: int,
        to: int,
        topic: str | None = None,
        query: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        reverse: bool | None = None,
        power_sql: bool | None = None,
    ) -> PageIterator[GetLogsResponse]:
        """Each page of ``get_logs()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``offset`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            GET_LOGS,
            {
                "projectName": project_name,
                "logstoreName": logstore_name,
                "from": from_,
                "to": to,
                "topic": topic,
                "query": query,
                "line": line,
                "offset": offset,
                "reverse": reverse,
                "powerSql": power_sql,
            },
        )

    def iter_get_logs(
        self,
        *,
        project_name: str,
        logstore_name: str,
        from_: int,
        to: int,
        topic: str | None = None,
        query: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        reverse: bool | None = None,
        power_sql: bool | None = None,
        max_items: int | None = None,
    ) -> Iterator[Log]:
        """Every item of every page of ``get_logs()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            GET_LOGS,
            {
                "projectName": project_name,
                "logstoreName": logstore_name,
                "from": from_,
                "to": to,
                "topic": topic,
                "query": query,
                "line": line,
                "offset": offset,
                "reverse": reverse,
                "powerSql": power_sql,
            },
            max_items,
        )


class SlsClientWithRawResponse(RawResponses[SlsClient]):
    """``SlsClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    get_logs = raw_method(SlsClient.get_logs)


class AsyncSlsClient(AsyncBaseClient):
    """Asynchronous client for Alibaba Cloud Log Service (SLS).

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
        cn-hangzhou); ``signing`` picks one of sls-v1-hmac-sha1, sls4-hmac-sha256 (default
        sls-v1-hmac-sha1); ``timeout`` is seconds or (connect, read) or (connect, read, total),
        total bounding each attempt (default 120); ``http_client`` may be your own httpx client;
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
    def with_raw_response(self) -> AsyncSlsClientWithRawResponse:
        """Each operation, returning a ``RawResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncSlsClientWithRawResponse(self._raw_twin())

    async def get_logs(
        self,
        *,
        project_name: str,
        logstore_name: str,
        from_: int,
        to: int,
        topic: str | None = None,
        query: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        reverse: bool | None = None,
        power_sql: bool | None = None,
    ) -> GetLogsResponse:
        """Queries logs in a Logstore of a specified project.

        Args:
            project_name: The name of the project.
            logstore_name: The name of the Logstore.
            from_: The start time of the time range that is specified in the
                request. The start time is a timestamp. The timestamp follows the
                UNIX time format. It is the number of seconds that have elapsed
                since 00:00:00 UTC, Thursday, January 1, 1970.
            to: The end time of the time range that is specified in the request. The
                end time is a timestamp. The timestamp follows the UNIX time format.
                It is the number of seconds that have elapsed since 00:00:00 UTC,
                Thursday, January 1, 1970.
            topic: The topic of the logs.
            query: The query statement. If you add `set session parallel_sql=true;`
                to the analytic statement in the query parameter, a dedicated SQL
                instance is used. For example, you can set the query parameter to `*
                | set session parallel_sql=true; select count(*) as pv`. Note: If
                the query parameter contains an analytic statement (SQL statement),
                the line parameter and offset parameter must be set to 0, and the
                LIMIT clause is used to paginate the query results.
            line: The maximum number of logs to return for the request. Minimum
                value: 0. Maximum value: 100. Default value: 100.
            offset: The line from which the query starts. Default value: 0.
            reverse: Specifies whether to return logs in reverse order based on the
                log timestamp. true: Logs are returned in reverse order. false: Logs
                are returned in regular order. This is the default value. Default:
                False.
            power_sql: Specifies whether to use a dedicated SQL instance. true: A
                dedicated SQL instance is used. false: A standard SQL instance is
                used. This is the default value. You can use the powerSql or query
                parameter to configure a dedicated SQL instance. Default: False.

        Returns:
            The decoded response.

        See GetLogs in docs/GetLogs.md (page: GetLogs).
        """
        return await self._call(
            GET_LOGS,
            {
                "projectName": project_name,
                "logstoreName": logstore_name,
                "from": from_,
                "to": to,
                "topic": topic,
                "query": query,
                "line": line,
                "offset": offset,
                "reverse": reverse,
                "powerSql": power_sql,
            },
        )

    def get_logs_pages(
        self,
        *,
        project_name: str,
        logstore_name: str,
        from_: int,
        to: int,
        topic: str | None = None,
        query: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        reverse: bool | None = None,
        power_sql: bool | None = None,
    ) -> AsyncPageIterator[GetLogsResponse]:
        """Each page of ``get_logs()``, fetched lazily until the last page.

        ``resume_token`` of the returned iterator is the ``offset`` that continues
        after the last page yielded (None after the last page).
        """
        return self._pages(
            GET_LOGS,
            {
                "projectName": project_name,
                "logstoreName": logstore_name,
                "from": from_,
                "to": to,
                "topic": topic,
                "query": query,
                "line": line,
                "offset": offset,
                "reverse": reverse,
                "powerSql": power_sql,
            },
        )

    def iter_get_logs(
        self,
        *,
        project_name: str,
        logstore_name: str,
        from_: int,
        to: int,
        topic: str | None = None,
        query: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        reverse: bool | None = None,
        power_sql: bool | None = None,
        max_items: int | None = None,
    ) -> AsyncIterator[Log]:
        """Every item of every page of ``get_logs()``, fetched lazily.

        With ``max_items``, stops after that many, fetching no page it does not need.
        """
        return self._items(
            GET_LOGS,
            {
                "projectName": project_name,
                "logstoreName": logstore_name,
                "from": from_,
                "to": to,
                "topic": topic,
                "query": query,
                "line": line,
                "offset": offset,
                "reverse": reverse,
                "powerSql": power_sql,
            },
            max_items,
        )


class AsyncSlsClientWithRawResponse(AsyncRawResponses[AsyncSlsClient]):
    """``AsyncSlsClient.with_raw_response``: each operation returns a ``RawResponse``."""

    __slots__ = ()

    get_logs = async_raw_method(AsyncSlsClient.get_logs)
