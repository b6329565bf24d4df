"""The base class of every generated response model.

Generated ``models.py`` modules import it, and with it pydantic; nothing else in the runtime
does, so that importing a client stays free of pydantic (see ``sdk_runtime.client``).

What every response model shares lives here, once, instead of in a ``model_config`` per
generated class:

* attributes are snake_case with the wire names as aliases: both validate
  (``populate_by_name``), and ``model_dump(by_alias=True)`` gives the wire form back;
* fields the doc page does not document are kept, not dropped: they are in ``model_extra``
  (and reachable as attributes under their wire names), and ``model_dump`` includes them;
* a number where the page documents a string decodes as that string (vendors answer
  ``"Code": 200`` for a documented string now and then), instead of failing the response;
* a validation error does not repeat the input values in its text: a response body can
  carry anything;
* no field name is refused for its ``model_`` prefix (``ModelId`` -> ``model_id``), which
  pydantic before 2.10 warns about;
* ``_request_id``: the request id the vendor sent in a response header (``x-oss-request-id``,
  ``x-acs-request-id``, ``X-Request-Id``, ``x-log-requestid``; see
  ``sdk_runtime.decoding.request_id_of``), set by the runtime on the response model, None
  for a model not made from a response (or a response without one). A private attribute,
  so that it never clashes with a documented field (RPC bodies have a ``RequestId``, i.e.
  ``request_id``) and stays out of ``model_dump()``; the raw response of a later
  ``with_raw_response`` reads the same headers.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

__all__ = ["ResponseModel"]


class ResponseModel(BaseModel):
    """Base of the generated response models and their nested shapes."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        populate_by_name=True,
        extra="allow",
        coerce_numbers_to_str=True,
        hide_input_in_errors=True,
        protected_namespaces=(),
    )

    @property
    def _request_id(self) -> str | None:
        """The request id of the response this model was decoded from (see the module
        docstring); None if it had none, or for a model made by hand. Kept with pydantic's
        private attributes, but set only by the runtime, so that no model pays for it at
        construction (nested shapes included)."""
        private = self.__pydantic_private__
        return private.get("_request_id") if private else None
