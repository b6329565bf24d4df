"""The generated docs a user acts on: every Python example on every page is checked against
the generated package, and the prose rules that keep the pages free of glued-together and
repeated texts.

Each ```python block of ``generated/**/*.md`` must compile, import only names its module
has, construct clients and call methods with keywords their signatures take and values of
the annotated types (checked by pydantic, strictly), read only attributes the result, the
items or the caught error have. A broken example turns this test red.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.model import Field, Parameter, Permission, TypeRef
from generator.render import (
    field_values,
    names,
    param_doc,
    permission_labels,
    states_all,
    states_default,
)
from sdk_runtime.errors import ApiError
from sdk_runtime.raw import RawResponse, raw_method

PROJECT = Path(__file__).resolve().parents[2]
GENERATED = PROJECT / "generated"
PAGES = sorted(GENERATED.rglob("*.md"))
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
_ERROR_ATTRIBUTES = frozenset(vars(ApiError("x")))


def python_blocks(text: str) -> list[str]:
    return _BLOCK.findall(text)


def _page_blocks() -> Iterator[Any]:
    for page in PAGES:
        for i, block in enumerate(python_blocks(page.read_text(encoding="utf-8"))):
            yield pytest.param(block, id=f"{page.relative_to(GENERATED)}#{i}")


BLOCKS = list(_page_blocks())


@dataclass
class Checker:
    """Walks one example: what each name is bound to (a generated class, a client, a model),
    and every call, attribute and ``except`` checked against it."""

    problems: list[str] = field(default_factory=list)
    imported: dict[str, object] = field(default_factory=dict)
    bound: dict[str, object] = field(default_factory=dict)  # variable -> class of its value

    def check(self, source: str) -> list[str]:
        tree = ast.parse(source)
        compile(tree, "<example>", "exec")
        self._visit(tree.body)
        return self.problems

    def _visit(self, statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.ImportFrom) and node.module:
                self._import(node)
            elif isinstance(node, ast.With):
                for item in node.items:
                    kind = self._expression(item.context_expr)
                    if isinstance(item.optional_vars, ast.Name) and kind is not None:
                        self.bound[item.optional_vars.id] = kind
                self._visit(node.body)
            elif isinstance(node, ast.Assign):
                kind = self._expression(node.value)
                for target in node.targets:
                    if isinstance(target, ast.Name) and kind is not None:
                        self.bound[target.id] = kind
            elif isinstance(node, ast.For):
                kind = self._expression(node.iter)
                item = _item_type(kind)
                if isinstance(node.target, ast.Name) and item is not None:
                    self.bound[node.target.id] = item
                self._visit(node.body)
            elif isinstance(node, ast.Try):
                self._visit(node.body)
                for handler in node.handlers:
                    self._handler(handler)
            elif isinstance(node, ast.Expr):
                self._expression(node.value)
            elif isinstance(node, ast.Import | ast.FunctionDef | ast.AsyncFunctionDef):
                pass
            else:
                self._expression_statement(node)

    def _expression_statement(self, node: ast.stmt) -> None:
        for child in ast.walk(node):
            if isinstance(child, ast.Call):
                self._expression(child)

    def _import(self, node: ast.ImportFrom) -> None:
        assert node.module is not None
        if not node.module.startswith(("generated", "sdk_runtime")):
            return
        module = importlib.import_module(node.module)
        for alias in node.names:
            if not hasattr(module, alias.name):
                self.problems.append(f"{node.module} has no {alias.name}")
            else:
                self.imported[alias.asname or alias.name] = getattr(module, alias.name)

    def _handler(self, handler: ast.ExceptHandler) -> None:
        if isinstance(handler.type, ast.Name):
            error = self.imported.get(handler.type.id)
            if not (isinstance(error, type) and issubclass(error, ApiError)):
                self.problems.append(f"except {handler.type.id}: not an imported ApiError")
            elif handler.name:
                for child in ast.walk(ast.Module(body=handler.body, type_ignores=[])):
                    if (
                        isinstance(child, ast.Attribute)
                        and isinstance(child.value, ast.Name)
                        and child.value.id == handler.name
                        and child.attr not in _ERROR_ATTRIBUTES
                    ):
                        self.problems.append(f"{error.__name__} has no attribute {child.attr}")
        self._visit(handler.body)

    def _expression(self, node: ast.expr) -> Any:
        """The type of what ``node`` evaluates to, when the example's names tell it."""
        if isinstance(node, ast.Await):
            return self._expression(node.value)
        if isinstance(node, ast.Name):
            return self.bound.get(node.id, self.imported.get(node.id))
        if isinstance(node, ast.Attribute):
            return self._attribute(self._expression(node.value), node.attr)
        if not isinstance(node, ast.Call):
            return None
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            self._expression(argument)
        if isinstance(node.func, ast.Name):
            cls = self.imported.get(node.func.id)
            if isinstance(cls, type):
                self._call(cls, node, f"{cls.__name__}()", _hints(cls))
                return cls
            return None
        if isinstance(node.func, ast.Attribute):
            owner = self._expression(node.func.value)
            if not _ours(owner) or issubclass(owner, BaseModel):
                return None
            method = inspect.getattr_static(owner, node.func.attr, None)
            if method is None:
                self.problems.append(f"{owner.__name__} has no method {node.func.attr}")
                return None
            raw = isinstance(method, raw_method)
            if raw:  # client.with_raw_response.<operation>: the operation, as a RawResponse
                method = method._method
            hints = _hints(method, owner)
            self._call(method, node, f"{node.func.attr}()", hints, bound=True)
            returned = RawResponse if raw else hints.get("return")
            return owner if returned is typing.Self else returned
        return None

    def _attribute(self, owner: Any, name: str) -> Any:
        """The type of ``owner.name``: a model's field, a client's property; a name the
        owner does not have is a problem."""
        if not _ours(owner):
            return None
        if issubclass(owner, BaseModel) and name in owner.model_fields:
            return owner.model_fields[name].annotation
        found = getattr(owner, name, None)
        if found is None and not hasattr(owner, name):
            self.problems.append(f"{owner.__name__} has no attribute {name}")
        if isinstance(found, property) and found.fget is not None:
            return _hints(found.fget, owner).get("return")
        return None

    def _call(
        self, function: Any, node: ast.Call, what: str, hints: dict[str, Any], bound: bool = False
    ) -> None:
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):
            return
        arguments = {k.arg: _value(k.value) for k in node.keywords if k.arg is not None}
        positional = [_value(a) for a in node.args]
        try:
            signature.bind(*([None] if bound else []), *positional, **arguments)
        except TypeError as error:
            self.problems.append(f"{what}: {error}")
            return
        for keyword, value in arguments.items():
            if keyword not in hints or value is _UNKNOWN:
                continue
            try:
                TypeAdapter(hints[keyword]).validate_python(value, strict=True)
            except ValidationError as error:
                self.problems.append(f"{what}: {keyword}={value!r} is no {hints[keyword]}: {error}")


def _ours(owner: Any) -> bool:
    """Whether ``owner`` is a class of the generated package or the runtime."""
    return isinstance(owner, type) and owner.__module__.startswith(("generated.", "sdk_runtime."))


_UNKNOWN = object()


def _value(node: ast.expr) -> Any:
    """The value of a keyword: a literal, or ``datetime.fromisoformat(...)`` of one."""
    try:
        return ast.literal_eval(node)
    except ValueError:
        pass
    if (
        isinstance(node, ast.Call)
        and ast.unparse(node.func) == "datetime.fromisoformat"
        and len(node.args) == 1
    ):
        return datetime.fromisoformat(ast.literal_eval(node.args[0]))
    return _UNKNOWN


def _hints(function: Any, owner: type | None = None) -> dict[str, Any]:
    """The annotations of a function (a class: of its constructor or fields), names resolved
    in its module and, for the generated code, in the service's models (the client module
    imports them only when type checking)."""
    target = owner if owner is not None else function
    module_name = target.__module__
    namespace: dict[str, Any] = {"datetime": datetime, **vars(typing)}
    namespace.update(vars(importlib.import_module(module_name)))
    if module_name.startswith("generated."):
        package = module_name.rsplit(".", 1)[0]
        namespace.update(vars(importlib.import_module(f"{package}.models")))
    if isinstance(function, type):
        init = function.__init__
        functions = [init] if init is not object.__init__ else []
        functions.append(function)
    else:
        functions = [function]
    for candidate in functions:
        try:
            hints = typing.get_type_hints(candidate, localns=namespace)
        except (NameError, TypeError):
            continue
        if hints:
            return hints
    return {}


def _item_type(kind: Any) -> Any:
    """``Iterator[ByoipPool]`` -> ``ByoipPool``."""
    arguments = typing.get_args(kind)
    return arguments[0] if arguments else None


@pytest.mark.parametrize("block", BLOCKS)
def test_every_python_example_in_the_docs_works_with_the_generated_code(block: str) -> None:
    assert Checker().check(block) == []


def test_every_operation_page_has_an_example_that_calls_it_and_catches_its_errors() -> None:
    for page in GENERATED.glob("*/*/docs/*.md"):
        if page.name == "README.md":
            continue
        blocks = python_blocks(page.read_text(encoding="utf-8"))
        assert blocks, page
        example = blocks[0]
        assert "with " in example and "Client(" in example, page
        assert re.search(
            r"except \w+Error as e:\n\s+print\(e\.code, e\.message, e\.request_id\)", example
        )


GA_EXAMPLE = """\
from generated.huaweicloud.ga import GaClient, GaError

with GaClient(region="ap-southeast-1") as client:
    try:
        for pool in client.iter_list_byoip_pools(limit=5, max_items=100):
            print(pool.id, pool.cidr)
    except GaError as e:
        print(e.code, e.message, e.request_id)
"""


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        (("limit=5", "limit=5, page=2"), "unexpected keyword argument 'page'"),
        (("limit=5", 'limit="5"'), "limit='5' is no"),
        (("pool.cidr", "pool.cidr_block"), "ByoipPool has no attribute cidr_block"),
        (("e.request_id", "e.requestid"), "GaError has no attribute requestid"),
        (("GaClient, GaError", "GaClient, GaError, GaTimeout"), "has no GaTimeout"),
        (('region="ap-southeast-1"', 'regions="ap-southeast-1"'), "'regions'"),
        (("iter_list_byoip_pools", "iter_list_pools"), "GaClient has no method iter_list_pools"),
    ],
)
def test_the_checker_finds_a_broken_example(broken: tuple[str, str], problem: str) -> None:
    assert Checker().check(GA_EXAMPLE) == []
    problems = Checker().check(GA_EXAMPLE.replace(*broken))
    assert any(problem in p for p in problems), problems


def test_an_example_that_does_not_compile_fails() -> None:
    with pytest.raises(SyntaxError):
        Checker().check(GA_EXAMPLE.replace("limit=5,", "limit=5,,"))


# -- the prose rules ----------------------------------------------------------------------


def _parameter(description: str, **values: Any) -> Parameter:
    return Parameter(
        wire_name="PageSize",
        python_name="page_size",
        location="query",
        type=TypeRef("integer"),
        documented_type="Integer",
        required=False,
        description=description,
        **values,
    )


def _field(description: str, enum: tuple[Any, ...] = (), example: Any = None) -> Field:
    return Field(
        "ip_type", "ip_type", TypeRef("string"), "String", description, enum=enum, example=example
    )


def test_names_matches_whole_values_only() -> None:
    assert names("Value range: IPV4 and IPV6", "IPV4")
    assert not names("Value range: IPV46", "IPV4")
    assert names("public-read-write, public-read, private", "public-read")
    assert not names("public-read-write only", "public-read")
    assert names("Valid values: true: yes. false: no.", True)
    assert names("Maximum value: 100.", 100.0)
    assert not names("Maximum value: 1000.", 100)


def test_a_default_counts_as_stated_in_a_sentence_about_the_default() -> None:
    assert states_default("Maximum value: 100. Default value: 10.", 10)
    assert states_default("If it is not specified, the default value is 500.", 500)
    assert not states_default("Up to 10 items. The default depends on the region.", 10)
    assert not states_default("The number of entries.", 10)


def test_a_parameter_docstring_does_not_repeat_what_the_page_says() -> None:
    said = _parameter("Maximum value: 100. Default value: 10.", default=10, maximum=100)
    assert param_doc(said) == "Maximum value: 100. Default value: 10."
    silent = _parameter("The number of entries.", default=10, minimum=1, maximum=100)
    assert param_doc(silent) == "The number of entries. Default: 10. Allowed: ≥ 1; ≤ 100."
    half = _parameter("Valid values: 1 to 100.", default=10, minimum=1, maximum=100)
    assert param_doc(half) == "Valid values: 1 to 100. Default: 10."


def test_a_field_lists_its_values_only_when_the_page_does_not() -> None:
    assert field_values(_field("Value range: IPV4 and IPV6", ("IPV4", "IPV6"))) == ""
    assert (
        field_values(_field("The IP address type.", ("IPV4", "IPV6"), "IPV4"))
        == "Values: `IPV4`, `IPV6`. Example: `IPV4`."
    )
    assert states_all("CM: Chinese mainland; OUTOFCM: outside", ("OUTOFCM", "CM"))


def test_permission_columns_are_the_documented_labels_in_page_order() -> None:
    permissions = (
        Permission("a:One", (("Access level", "List"), ("Note", "n"))),
        Permission("a:Two", (("Resource type", "*"),)),
    )
    assert permission_labels(permissions) == ["Access level", "Note", "Resource type"]


_GLUED = [
    re.compile(r"Value range: [^|]*Values: `"),
    re.compile(r"Valid values: [^|]*Values: `"),
    re.compile(r"[Dd]efault value:? (\S+)\. Default: \1\."),
    re.compile(r"documents no operation-specific error codes\.\s+From the page"),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(GENERATED)))
def test_no_page_glues_or_repeats_texts(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for pattern in _GLUED:
        assert not pattern.search(text), (pattern.pattern, page)
    if "## Permissions" in text:  # one place: the section, not also a summary row
        assert "| Permissions |" not in text


CONFIGURATION_EXAMPLE = """\
from generated.alibabacloud.ens import EnsClient
from sdk_runtime.credentials import AlibabaCloudCredentials

with EnsClient(credentials=AlibabaCloudCredentials(access_key_id="a", access_key_secret="b")) as c:
    quick = c.with_options(timeout=5, max_retries=0)
    quick.list_buckets(page_size="5")
    raw = c.with_raw_response.list_buckets(page_size="5")
    print(raw.status_code, raw.request_id)
"""


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        (("timeout=5,", "timeot=5,"), "unexpected keyword argument 'timeot'"),
        (('quick.list_buckets(page_size="5")', "quick.list_buckets(page_size=5.0)"), "is no"),
        (('list_buckets(page_size="5")\n    print', 'list_buckets(size="5")\n    print'), "'size'"),
        (("raw.status_code", "raw.status"), "RawResponse has no attribute status"),
        (('access_key_id="a"', 'access_key="a"'), "missing a required argument"),
    ],
)
def test_the_checker_follows_with_options_raw_responses_and_credentials(
    broken: tuple[str, str], problem: str
) -> None:
    assert Checker().check(CONFIGURATION_EXAMPLE) == []
    problems = Checker().check(CONFIGURATION_EXAMPLE.replace(*broken))
    assert any(problem in p for p in problems), problems


# -- docs/configuration.md ----------------------------------------------------------------


def _configuration() -> str:
    from generator.model import ServiceSummary
    from generator.normalize import load_specs
    from generator.render import Renderer

    summaries = [ServiceSummary.of(s) for s in load_specs(PROJECT / "specs").services]
    return Renderer(PROJECT / "templates").configuration(summaries)


def test_the_configuration_page_is_linked_from_every_readme() -> None:
    assert "(docs/configuration.md)" in (GENERATED / "README.md").read_text(encoding="utf-8")
    for readme in GENERATED.glob("*/*/docs/README.md"):
        assert "(../../../docs/configuration.md)" in readme.read_text(encoding="utf-8"), readme


def test_the_configuration_page_renders_the_runtime_defaults(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each figure the page states is the runtime's: change the constants, the page follows."""
    from sdk_runtime import retry, transport
    from sdk_runtime.transport import Timeout

    page = _configuration()
    assert page == (GENERATED / "docs/configuration.md").read_text(encoding="utf-8")
    assert "`max_retries=` (default 3)" in page
    assert "(default 64 MiB)" in page
    assert "connect 5 s, read 30 s" in page and "total 120 s per attempt" in page
    assert "500 tokens, a retry takes 5 (10 after a timeout)" in page

    monkeypatch.setattr(retry, "DEFAULT_MAX_RETRIES", 7)
    monkeypatch.setattr(retry, "QUOTA_CAPACITY", 800)
    monkeypatch.setattr(transport, "DEFAULT_MAX_RESPONSE_BYTES", 16 * 1024 * 1024)
    monkeypatch.setattr(transport, "Timeout", lambda: Timeout(2.5, 11.0, 60.0))
    changed = _configuration()
    assert "`max_retries=` (default 7)" in changed
    assert "(default 16 MiB)" in changed
    assert "connect 2.5 s, read 11 s" in changed and "total 60 s per attempt" in changed
    assert "timeout=(2.5, 11, 60)" in changed
    assert "800 tokens" in changed


def test_the_configuration_page_lists_each_chain_in_the_runtime_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _configuration()
    huawei = page.index("### Huawei Cloud")
    alibaba = page[page.index("### Alibaba Cloud") : huawei]
    marks = ["OIDC", "`~/.aliyun/config.json`", "`~/.alibabacloud/credentials.ini`", "RAM role"]
    assert [alibaba.index(m) for m in marks] == sorted(alibaba.index(m) for m in marks)
    assert page.index("`~/.huaweicloud/credentials`", huawei) < page.index("ECS instance's temp")

    from jinja2 import UndefinedError

    from sdk_runtime.credential_providers import ChainProvider, alibabacloud

    unknown = ChainProvider("missing", [("a new source", lambda: None)])
    monkeypatch.setattr(alibabacloud, "default_chain", lambda: unknown)
    with pytest.raises(UndefinedError):  # a step the page does not describe stops the build
        _configuration()


def test_byte_sizes_read_in_binary_units() -> None:
    from generator.render import byte_size

    assert byte_size(64 * 1024 * 1024) == "64 MiB"
    assert byte_size(1536) == "1536 bytes"
    assert byte_size(2048) == "2 KiB"


def test_each_service_readme_says_how_its_times_are_typed() -> None:
    def row(service: str) -> str:
        text = (GENERATED / service / "docs/README.md").read_text(encoding="utf-8")
        return next(line for line in text.splitlines() if line.startswith("| Time fields |"))

    assert row("huaweicloud/ga") == (
        "| Time fields | `datetime`, timezone-aware, decoded from the ISO 8601 text "
        "(`2019-01-08T01:21:37Z`) |"
    )
    assert "`datetime`" in row("alibabacloud/vpc") and "`datetime`" in row("alibabacloud/oss")
    assert row("opentelekomcloud/evs") == (
        "| Time fields | `str`, the text as the service sends it: ISO 8601 without a zone "
        "(`2016-05-25T02:42:10.856332`), kept as text rather than a naive datetime |"
    )
    sls = (GENERATED / "alibabacloud/sls/docs/README.md").read_text(encoding="utf-8")
    assert "Time fields" not in sls  # Unix timestamps, no ISO 8601 time on the page


def test_the_constructor_docstring_states_the_runtime_defaults(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.normalize import load_specs
    from generator.render import Renderer
    from sdk_runtime import transport
    from sdk_runtime.transport import Timeout

    ga = next(s for s in load_specs(PROJECT / "specs").services if s.service == "ga")
    monkeypatch.setattr(transport, "DEFAULT_MAX_RESPONSE_BYTES", 16 * 1024 * 1024)
    monkeypatch.setattr(transport, "Timeout", lambda: Timeout(5.0, 30.0, 45.0))
    client = Renderer(PROJECT / "templates").service_files(ga)["client.py"]
    text = " ".join(client.split())
    assert "each attempt (default 45)" in text and "decompressed (default 16 MiB)" in text
    committed = " ".join((GENERATED / "huaweicloud/ga/client.py").read_text().split())
    assert "each attempt (default 120)" in committed and "(default 64 MiB)" in committed
