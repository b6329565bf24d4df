"""Raw responses: ``client.with_raw_response.<operation>(...)``.

Each generated client declares one ``<Client>WithRawResponse`` class listing its operations
with :class:`raw_method` (sync) or :class:`async_raw_method` (async), so that mypy sees
``with_raw_response.describe_x(...)`` return ``RawResponse[DescribeXResponse]`` with the
operation's own keywords. At run time the call goes through the very same method of a twin
of the client that keeps the HTTP response next to the decoded model (see
``BaseClient._call``): no per-operation code, and nothing extra for a call made without it.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    from typing import Concatenate

    from sdk_runtime.http import HttpResponse

__all__ = [
    "AsyncRawResponses",
    "Headers",
    "RawResponse",
    "RawResponses",
    "async_raw_method",
    "raw_method",
]

P = ParamSpec("P")
R = TypeVar("R")
ClientT = TypeVar("ClientT")


class Headers(Mapping[str, str]):
    """A response's headers, looked up by name in any case (``headers["X-Request-Id"]``)."""

    __slots__ = ("_lower",)

    def __init__(self, lower: Mapping[str, str]) -> None:
        self._lower = lower  # names already lower-cased by the transport

    def __getitem__(self, name: str) -> str:
        return self._lower[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._lower

    def __iter__(self) -> Iterator[str]:
        return iter(self._lower)

    def __len__(self) -> int:
        return len(self._lower)

    def __repr__(self) -> str:
        return f"Headers({sorted(self._lower)})"  # names only: values may carry tokens


class RawResponse(Generic[R]):
    """The HTTP answer to a successful call: ``status_code``, ``headers``, ``request_id``
    and ``parse()``, the decoded model (the body is already read and decoded, so ``parse()``
    is a plain call, sync or async). A failed call raises as without ``with_raw_response``.
    """

    __slots__ = ("status_code", "headers", "_parsed")

    def __init__(self, response: HttpResponse, parsed: R) -> None:
        self.status_code: int = response.status
        self.headers: Headers = Headers(response.headers)
        self._parsed = parsed

    @property
    def request_id(self) -> str | None:
        """The id the service gave this request (the same as the model's ``_request_id``)."""
        return cast("str | None", getattr(self._parsed, "_request_id", None))

    def parse(self) -> R:
        """The decoded response model."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<RawResponse {self.status_code} request_id={self.request_id}>"


class RawResponses(Generic[ClientT]):
    """Base of a sync client's ``with_raw_response`` view."""

    __slots__ = ("_client",)

    def __init__(self, client: ClientT) -> None:
        self._client = client


class AsyncRawResponses(RawResponses[ClientT]):
    """Base of an async client's ``with_raw_response`` view."""

    __slots__ = ()


class raw_method(Generic[P, R]):  # noqa: N801 - used like a function in class bodies
    """``name = raw_method(Client.name)`` in a ``RawResponses`` subclass: the operation,
    returning ``RawResponse[model]``."""

    __slots__ = ("_method",)

    def __init__(self, method: Callable[Concatenate[Any, P], R]) -> None:
        self._method = method

    def __get__(self, view: RawResponses[Any], owner: object = None) -> Callable[P, RawResponse[R]]:
        return cast("Callable[P, RawResponse[R]]", partial(self._method, view._client))


class async_raw_method(Generic[P, R]):  # noqa: N801
    """The async twin of :class:`raw_method`, for ``AsyncRawResponses`` subclasses."""

    __slots__ = ("_method",)

    def __init__(self, method: Callable[Concatenate[Any, P], Coroutine[Any, Any, R]]) -> None:
        self._method = method

    def __get__(
        self, view: RawResponses[Any], owner: object = None
    ) -> Callable[P, Coroutine[Any, Any, RawResponse[R]]]:
        return cast(
            "Callable[P, Coroutine[Any, Any, RawResponse[R]]]",
            partial(self._method, view._client),
        )
