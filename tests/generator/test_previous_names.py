"""``previous_names:``: a parameter the page renamed keeps its old keyword as a deprecated
alias for one release (issue 16 item 2)."""

from __future__ import annotations

import importlib
import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
import yaml

from generator.cli import main
from sdk_runtime.aliases import renamed

PROJECT = Path(__file__).resolve().parents[2]
ALIBABA = {"access_key_id": "id", "access_key_secret": "secret"}


@pytest.fixture(scope="module")
def aliased(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """ENS generated with ``Prefix`` renamed ``BucketPrefix`` (``previous_names: [Prefix]``)."""
    root = tmp_path_factory.mktemp("aliases")
    specs = root / "specs" / "alibabacloud"
    shutil.copytree(PROJECT / "specs" / "alibabacloud" / "ens", specs / "ens")
    spec = specs / "ens" / "ListBuckets.yaml"
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    prefix = next(p for p in data["parameters"] if p["name"] == "Prefix")
    prefix.update(name="BucketPrefix", previous_names=["Prefix"])
    spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    out = root / "aliased_clients"
    assert main(["generate", "--specs", str(root / "specs"), "--out", str(out)]) == 0
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("aliased_clients.alibabacloud.ens")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.startswith("aliased_clients")]:
            del sys.modules[name]


def _sent(module: ModuleType, **keywords: object) -> httpx.QueryParams:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"RequestId": "r", "BucketInfos": [], "TotalCount": 0})

    with (
        httpx.Client(transport=httpx.MockTransport(answer)) as http,
        module.EnsClient(endpoint="http://ens.test", http_client=http, **ALIBABA) as client,
    ):
        client.list_buckets(**keywords)
    (request,) = sent
    return request.url.params


def test_the_old_keyword_still_works_with_a_deprecation_warning(aliased: ModuleType) -> None:
    with pytest.warns(DeprecationWarning, match=r"prefix= is deprecated.*bucket_prefix="):
        params = _sent(aliased, prefix="img")
    assert params["BucketPrefix"] == "img"
    assert "Prefix" not in params


def test_the_new_keyword_warns_nothing(aliased: ModuleType) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _sent(aliased, bucket_prefix="img")["BucketPrefix"] == "img"


def test_both_keywords_at_once_are_refused(aliased: ModuleType) -> None:
    with pytest.raises(TypeError, match="bucket_prefix=, prefix= name the same parameter"):
        _sent(aliased, bucket_prefix="a", prefix="b")


def test_the_docstring_names_the_alias(aliased: ModuleType) -> None:
    doc = " ".join((aliased.EnsClient.list_buckets.__doc__ or "").split())
    assert "prefix: Deprecated alias of bucket_prefix" in doc


def test_a_required_parameter_with_an_alias_is_still_required() -> None:
    with pytest.raises(TypeError, match="missing the required keyword name="):
        renamed("name", None, {"old_name": None}, required=True)
    with pytest.warns(DeprecationWarning):
        assert renamed("name", None, {"old_name": "x"}, required=True) == "x"


def test_a_previous_name_that_is_another_keyword_is_a_spec_error(tmp_path: Path) -> None:
    from generator.errors import SpecError
    from generator.normalize import load_specs

    specs = tmp_path / "specs" / "alibabacloud"
    shutil.copytree(PROJECT / "specs" / "alibabacloud" / "ens", specs / "ens")
    spec = specs / "ens" / "ListBuckets.yaml"
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    prefix = next(p for p in data["parameters"] if p["name"] == "Prefix")
    prefix["previous_names"] = ["PageSize"]
    spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(SpecError) as raised:
        load_specs(tmp_path / "specs", read_pages=False)
    assert "previous_names[0]: 'PageSize' is 'page_size' in Python, the keyword of 'PageSize'" in (
        str(raised.value)
    )
