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
  pydantic before 2.10 warns about.
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
