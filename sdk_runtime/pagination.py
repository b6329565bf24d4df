"""Walking pages: one cursor, driven by a spec's ``pagination`` data, for every style.

The vocabulary is botocore's ``paginate.py``: an *input token* (the request parameter that
says where a page starts), an *output token* (the response path of the next one), a
*more-results* flag, the *result keys* (``items``, plus named ``extra_items`` lists such as
OSS ``CommonPrefixes``) and a *limit key* (``page_size``). What differs between services is
how the next request is derived from a page; that is a :class:`Style`, registered by name in
:data:`STYLES` (the generator validates specs against the same registry):

- ``token``: the next token comes from ``output_token`` (OSS ``NextContinuationToken``, Config
  ``NextToken``).
- ``marker``: like token (GA ``page_info.next_marker``); with ``last_item_token`` the marker is
  that field of the page's last item when the page names none (OSS ListObjects ``Key``).
- ``page-number``: the page number goes up by one; ``total_count`` items seen end it.
- ``offset``: the offset goes up by the items received (EVS ``offset``, SLS ``offset``/``line``);
  ``total_count`` items seen end it.
- ``next-link``: ``output_token`` is a link (or a list of ``{rel, href}`` links, the one with
  ``rel: next``) whose query carries the next ``input_token`` (EVS ``volumes_links``).
- ``repeat``: one result, asked again while ``repeat_while`` equals ``repeat_value``.

End signals, the same for every style: a documented ``more_results`` flag that is false ends
the walk, and one that is true continues it even past a page without items; without a flag
an empty page ends it. A missing next token ends it, and so does a token (page number,
offset) the walk has already sent (among its last ``REMEMBERED_TOKENS``, so that memory stays
flat however long the walk): a service that repeats itself cannot make the client loop.
Any style may also name ``repeat_while``/``repeat_value`` (SLS ``x-log-progress`` is
``Incomplete``): such a page is superseded by the same request sent again, never yielded.

Tokens are sent back exactly as the model holds them: a field the response URL-encodes
(``encoding-type=url``) is decoded once by the runtime, so the marker goes back as the key
it names, percent-encoded once by the query like any value.

An operation may document several schemes (ECS DescribeInstances: ``PageNumber``/``PageSize``
or ``NextToken``/``MaxResults``): ``Pagination.schemes`` lists the others, and the keywords
the caller passes pick one (:func:`select_scheme`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

from sdk_runtime.registry import Registry
from sdk_runtime.service import Pagination

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "STYLES",
    "AsyncPageIterator",
    "PageCursor",
    "PageIterator",
    "Style",
    "attribute_path",
    "select_scheme",
]

PageT = TypeVar("PageT", bound="BaseModel")

MAX_REPEATS = 50  # repeat_while: a page still incomplete after this many asks is taken as is
REMEMBERED_TOKENS = 1024  # the last tokens a walk sent, to find a loop: memory stays flat


def attribute_path(model: object, path: tuple[str, ...]) -> Any:
    value: Any = model
    for name in path:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


class Style:
    """How one style derives the next request from a page; one instance serves every walk.

    ``needs`` and ``honours`` are the spec keys (besides ``style``, ``items``,
    ``extra_items``, ``page_size``, ``repeat_while``/``repeat_value``) that the style requires
    and accepts; the generator reads them to validate a spec.
    """

    name: ClassVar[str]
    needs: ClassVar[tuple[str, ...]] = ("input_token",)
    honours: ClassVar[tuple[str, ...]] = ()
    needs_one_of: ClassVar[tuple[str, ...]] = ()  # at least one of these keys

    def advance(self, cursor: PageCursor, page: BaseModel, count: int) -> object | None:
        """The next value of ``input_token``, or None when ``page`` was the last one."""
        raise NotImplementedError


class TokenStyle(Style):
    name = "token"
    needs = ("input_token", "output_token")
    honours = ("more_results",)

    def advance(self, cursor: PageCursor, page: BaseModel, count: int) -> object | None:
        token = attribute_path(page, cursor.pagination.output_token or ())
        return None if token == "" else token


class MarkerStyle(Style):
    name = "marker"
    needs = ("input_token",)
    needs_one_of = ("output_token", "last_item_token")
    honours = ("output_token", "more_results", "last_item_token")

    def advance(self, cursor: PageCursor, page: BaseModel, count: int) -> object | None:
        paging = cursor.pagination
        marker = attribute_path(page, paging.output_token) if paging.output_token else None
        if (marker is None or marker == "") and paging.last_item_token:
            items = cursor.items(page)
            marker = getattr(items[-1], paging.last_item_token, None) if items else None
        return None if marker == "" else marker


class _Counting(Style):
    """Styles whose input counts: ``total_count`` items seen end the walk."""

    honours = ("more_results", "total_count")

    def seen_after(self, cursor: PageCursor, page: BaseModel, count: int) -> int | None:
        """Items up to and including ``page``; None once ``total_count`` is reached."""
        paging = cursor.pagination
        if cursor.seen is None:  # the pages before the first one asked count as seen
            cursor.seen = self.seen_before(cursor, count)
        cursor.seen += count
        total = attribute_path(page, paging.total_count) if paging.total_count else None
        if total is not None and cursor.seen >= int(total):
            return None
        return cursor.seen

    def seen_before(self, cursor: PageCursor, count: int) -> int:
        raise NotImplementedError


class PageNumberStyle(_Counting):
    name = "page-number"

    def seen_before(self, cursor: PageCursor, count: int) -> int:
        size = cursor.params.get(cursor.pagination.page_size or "")
        return (cursor.number() - 1) * int(str(size or count))

    def advance(self, cursor: PageCursor, page: BaseModel, count: int) -> object | None:
        if self.seen_after(cursor, page, count) is None:
            return None
        return cursor.number() + 1


class OffsetStyle(_Counting):
    name = "offset"

    def seen_before(self, cursor: PageCursor, count: int) -> int:
        return int(str(cursor.params.get(cursor.pagination.input_token or "", 0)))

    def advance(self, cursor: PageCursor, page: BaseModel, count: int) -> object | None:
        return self.seen_after(cursor, page, count)  # the next offset: the items seen so far


class NextLinkStyle(Style):
    name = "next-link"
    needs = ("input_token", "output_token")
    honours = ("more_results", "link_rel")

    def advance(self, cursor: PageCursor, page: BaseModel, count: int) -> object | None:
        paging = cursor.pagination
        links = attribute_path(page, paging.output_token or ())
        href: object = links
        if isinstance(links, list):
            href = next(
                (
                    getattr(link, "href", None)
                    for link in links
                    if getattr(link, "rel", None) == paging.link_rel
                ),
                None,
            )
        if not isinstance(href, str) or not href:
            return None
        values = parse_qs(urlsplit(href).query, keep_blank_values=True).get(
            paging.input_token or ""
        )
        return values[0] if values and values[0] else None


class RepeatStyle(Style):
    name = "repeat"
    needs = ("repeat_while", "repeat_value")

    def advance(self, cursor: PageCursor, page: BaseModel, count: int) -> object | None:
        return None  # the one complete result is the only page


STYLES: Registry[Style] = Registry(
    "pagination style",
    {
        "token": "sdk_runtime.pagination:TOKEN",
        "marker": "sdk_runtime.pagination:MARKER",
        "page-number": "sdk_runtime.pagination:PAGE_NUMBER",
        "offset": "sdk_runtime.pagination:OFFSET",
        "next-link": "sdk_runtime.pagination:NEXT_LINK",
        "repeat": "sdk_runtime.pagination:REPEAT",
    },
)
TOKEN, MARKER, PAGE_NUMBER = TokenStyle(), MarkerStyle(), PageNumberStyle()
OFFSET, NEXT_LINK, REPEAT = OffsetStyle(), NextLinkStyle(), RepeatStyle()


def _keywords(scheme: Pagination) -> set[str]:
    return {name for name in (scheme.input_token, scheme.page_size) if name}


def select_scheme(pagination: Pagination, params: Mapping[str, object]) -> Pagination:
    """The scheme whose own keywords (those no other scheme shares) the caller passed.

    The first documented scheme when the caller passed none; ValueError for keywords of two.
    """
    if not pagination.schemes:
        return pagination
    schemes = (pagination._replace(schemes=()), *pagination.schemes)
    given = {name for name, value in params.items() if value is not None}
    chosen: list[tuple[Pagination, set[str]]] = []
    for scheme in schemes:
        others = set().union(*(_keywords(s) for s in schemes if s is not scheme))
        own = (_keywords(scheme) - others) & given
        if own:
            chosen.append((scheme, own))
    if len(chosen) > 1:
        names = " and ".join(", ".join(sorted(own)) for _, own in chosen)
        raise ValueError(f"{names} belong to different paging schemes; pass one scheme's only")
    return chosen[0][0] if chosen else schemes[0]


class PageCursor:
    """The parameters of the next page request, advanced by each response."""

    def __init__(self, pagination: Pagination, params: Mapping[str, object]) -> None:
        self.pagination = paging = select_scheme(pagination, params)
        self.style: Style = STYLES[paging.style]
        self.params: dict[str, object] = {k: v for k, v in params.items() if v is not None}
        self._sent: dict[str, None] = {}  # insertion-ordered: the oldest is forgotten first
        if paging.input_token and paging.input_token in self.params:
            self._remember(str(self.params[paging.input_token]))
        self.seen: int | None = None  # counting styles: items up to the current page
        self.repeats = 0
        self.superseded = False  # the last page is to be asked again, not yielded
        self.done = False

    @property
    def resume_token(self) -> object | None:
        """The ``input_token`` value of the next page; None once the walk has ended."""
        if self.done or not self.pagination.input_token:
            return None
        return self.params.get(self.pagination.input_token)

    def number(self) -> int:
        return int(str(self.params.get(self.pagination.input_token or "", 1)))

    def items(self, page: BaseModel, path: tuple[str, ...] | None = None) -> list[Any]:
        return list(attribute_path(page, self.pagination.items if path is None else path) or [])

    def item_path(self, name: str | None) -> tuple[str, ...]:
        """The attribute path of the primary items (None) or of the extra list ``name``."""
        if name is None:
            return self.pagination.items
        return dict(self.pagination.extra_items)[name]

    def advance(self, page: BaseModel) -> bool:
        """Prepare the next request from ``page``; False when ``page`` was the last one."""
        paging = self.pagination
        self.superseded = False
        if (
            paging.repeat_while
            and self.repeats < MAX_REPEATS
            and str(attribute_path(page, paging.repeat_while)) == paging.repeat_value
        ):
            self.repeats += 1
            self.superseded = True
            return True  # the same request again
        self.repeats = 0
        if not self._continues(page):
            self.done = True
            return False
        return True

    def _continues(self, page: BaseModel) -> bool:
        paging = self.pagination
        count = len(self.items(page))
        more = attribute_path(page, paging.more_results) if paging.more_results else None
        if more is False:
            return False
        if (
            more is None
            and count == 0
            and not any(self.items(page, path) for _, path in paging.extra_items)
        ):
            return False  # no flag (or none on this page): an empty page is the end
        token = self.style.advance(self, page, count)
        if token is None or not paging.input_token or str(token) in self._sent:
            return False
        self._remember(str(token))
        self.params[paging.input_token] = token
        return True

    def _remember(self, token: str) -> None:
        self._sent[token] = None
        if len(self._sent) > REMEMBERED_TOKENS:
            del self._sent[next(iter(self._sent))]


class PageIterator(Generic[PageT]):
    """The pages of one walk, fetched as they are asked for.

    ``resume_token`` is the value of the operation's input token (``continuation_token``,
    ``marker``, ``page_number``, ...) that continues after the last page yielded, or None once
    the last page has been yielded: pass it back to resume in a later walk.
    """

    def __init__(self, pages: Iterator[PageT], cursor: PageCursor) -> None:
        self._pages = pages
        self._cursor = cursor

    @property
    def resume_token(self) -> object | None:
        return self._cursor.resume_token

    def __iter__(self) -> PageIterator[PageT]:
        return self

    def __next__(self) -> PageT:
        return next(self._pages)

    def close(self) -> None:
        close = getattr(self._pages, "close", None)
        if close is not None:
            close()


class AsyncPageIterator(Generic[PageT]):
    """The async twin of :class:`PageIterator`."""

    def __init__(self, pages: AsyncIterator[PageT], cursor: PageCursor) -> None:
        self._pages = pages
        self._cursor = cursor

    @property
    def resume_token(self) -> object | None:
        return self._cursor.resume_token

    def __aiter__(self) -> AsyncPageIterator[PageT]:
        return self

    async def __anext__(self) -> PageT:
        return await anext(self._pages)

    async def aclose(self) -> None:
        aclose = getattr(self._pages, "aclose", None)
        if aclose is not None:
            await aclose()
