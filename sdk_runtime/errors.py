"""Exception hierarchy shared by all generated clients.

``ClientError`` is the root of everything a generated client raises. Errors the service
returned are ``ApiError`` (each service derives its own base, and one class per documented
code); failures to reach the service are ``TransportError``; a successful answer whose body
does not decode into the operation's model is ``DecodeError``.
"""

from __future__ import annotations


class ClientError(Exception):
    """Base for every error raised by a generated client."""


class CredentialsError(ClientError):
    """No usable credentials were given or found in the environment."""


class TransportError(ClientError):
    """The request did not get an HTTP response (connection refused, reset, DNS, ...).

    ``sent`` is False only when the request cannot have reached the server (no connection
    was made); after a reset or a read timeout the server may have acted on it, so only an
    operation that is safe to repeat is retried (see :mod:`sdk_runtime.retry`).
    """

    def __init__(self, message: str = "", *, sent: bool = True) -> None:
        self.message = message
        self.sent = sent
        super().__init__(message)


class RequestTimeoutError(TransportError):
    """Connecting or reading took longer than the client's ``timeout``."""


class ResponseTooLargeError(ClientError):
    """The answer's body is larger than the client's ``max_response_bytes`` (decompressed);
    it was not read further, and the call is not retried."""

    def __init__(self, message: str = "", *, limit: int = 0) -> None:
        self.message = message
        self.limit = limit
        super().__init__(message)


class DecodeError(ClientError):
    """The response body cannot be decoded, or does not match the operation's model
    (malformed JSON or XML, unsafe XML, a value of the wrong type, ...).

    ``body`` is an excerpt: the first 200 characters of the body at most, UTF-8, with the
    client's secrets masked, as the message quotes it. The original error (pydantic's, the
    XML parser's) is not attached: its text may repeat the body.
    """

    def __init__(
        self,
        message: str,
        *,
        operation: str | None = None,
        model: str | None = None,
        status_code: int = 0,
        request_id: str | None = None,
        body: bytes = b"",
    ) -> None:
        self.message = message
        self.operation = operation
        self.model = model  # the name of the response model
        self.status_code = status_code
        self.request_id = request_id
        self.body = body
        super().__init__(message)


class ApiError(ClientError):
    """The service answered with an error. Generated services subclass this."""

    code: str = ""

    def __init__(
        self,
        message: str = "",
        *,
        code: str | None = None,
        request_id: str | None = None,
        status_code: int = 0,
        body: bytes = b"",
        retry_after: float | None = None,
    ) -> None:
        self.code = code if code is not None else type(self).code
        self.message = message
        self.request_id = request_id
        self.status_code = status_code
        self.body = body
        self.retry_after = retry_after  # seconds the service asked us to wait, if it did
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return (
            f"{self.code or 'error'} (HTTP {self.status_code}): {self.message}"
            f" [request id: {self.request_id}]"
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, "
            f"request_id={self.request_id!r}, status_code={self.status_code})"
        )
