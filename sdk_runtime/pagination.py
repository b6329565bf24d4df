"""Walking pages, for the three documented styles, shared by the sync and async clients.

- ``token``: the next token comes from the response (OSS ``NextContinuationToken``); a
  ``more_results`` flag (``IsTruncated``) false ends it.
- ``marker``: like token (GA ``page_info.next_marker``); an empty marker ends it.
- ``page-number``: the page number goes up by one; ends once ``total_count`` items are seen.

Every style also ends on a page without items, and on a token it has already sent
(a service that repeats itself must not make the client loop forever).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sdk_runtime.service import Pagination

if TYPE_CHECKING:
    from pydantic import BaseModel


def attribute_path(model: BaseModel, path: tuple[str, ...]) -> Any:
    value: Any = model
    for name in path:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


class PageCursor:
    """The parameters of the next page request, advanced by each response."""

    def __init__(self, pagination: Pagination, params: dict[str, object]) -> None:
        self.pagination = pagination
        self.params = {k: v for k, v in params.items() if v is not None}
        self._sent_tokens: set[str] = set()
        self._seen_items: int | None = None  # page-number style: items up to this page

    def items(self, page: BaseModel) -> list[Any]:
        return list(attribute_path(page, self.pagination.items) or [])

    def advance(self, page: BaseModel) -> bool:
        """Prepare the next request from ``page``; False when ``page`` was the last one."""
        paging = self.pagination
        count = len(self.items(page))
        if count == 0:
            return False
        if paging.style == "page-number":
            return self._advance_page_number(page, count)
        if paging.more_results is not None and attribute_path(page, paging.more_results) is False:
            return False
        token = attribute_path(page, paging.output_token or ())
        if token is None or token == "" or str(token) in self._sent_tokens:
            return False
        self._sent_tokens.add(str(token))
        self.params[paging.input_token] = token
        return True

    def _advance_page_number(self, page: BaseModel, count: int) -> bool:
        paging = self.pagination
        number = int(str(self.params.get(paging.input_token, 1)))
        if self._seen_items is None:  # the pages before the first one asked count as seen
            size = self.params.get(paging.page_size) if paging.page_size else None
            self._seen_items = (number - 1) * int(str(size or count))
        self._seen_items += count
        total = attribute_path(page, paging.total_count) if paging.total_count else None
        if total is not None and self._seen_items >= int(total):
            return False
        self.params[paging.input_token] = number + 1
        return True
