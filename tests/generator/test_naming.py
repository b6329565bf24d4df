"""Python names derived from the documented names (generator/naming.py)."""

from __future__ import annotations

import keyword

import pytest

from generator.naming import class_name, error_class_name, snake_case


@pytest.mark.parametrize(
    ("documented", "python"),
    [
        # operations
        ("ListResourcePools", "list_resource_pools"),
        ("ListBuckets", "list_buckets"),
        ("ListDirectories", "list_directories"),
        ("ListByoipPools", "list_byoip_pools"),
        # parameters: kebab, Pascal, header and snake spellings
        ("max-keys", "max_keys"),
        ("continuation-token", "continuation_token"),
        ("PageNumber", "page_number"),
        ("PageSize", "page_size"),
        ("X-Auth-Token", "x_auth_token"),
        ("limit", "limit"),
        ("marker", "marker"),
        # response elements
        ("IsTruncated", "is_truncated"),
        ("NextContinuationToken", "next_continuation_token"),
        ("EnsRegionId", "ens_region_id"),
        ("TotalCounts", "total_counts"),
        ("page_info", "page_info"),
        ("next_marker", "next_marker"),
        # acronyms
        ("HDMonitorStatus", "hd_monitor_status"),
        ("ISP", "isp"),
        ("BucketACL", "bucket_acl"),
        # vendor-docs-next spellings
        ("os-vol-host-attr:host", "os_vol_host_attr_host"),
        ("Filter.1.Key", "filter_1_key"),
        ("x-log-progress", "x_log_progress"),
        # Python keywords and names a method cannot take
        ("from", "from_"),
        ("class", "class_"),
        ("Import", "import_"),
        ("self", "self_"),
        # a leading digit
        ("2fa", "n_2fa"),
    ],
)
def test_snake_case(documented: str, python: str) -> None:
    assert snake_case(documented) == python
    assert python.isidentifier() and not keyword.iskeyword(python)


@pytest.mark.parametrize(
    ("code", "python"),
    [
        ("InvalidParameter.%s", "InvalidParameterError"),
        ("InvalidParameter.%d.Format", "InvalidParameterFormatError"),
        ("AccessDenied", "AccessDeniedError"),
        ("MissingParameter", "MissingParameterError"),
        ("NoSuchBucket", "NoSuchBucketError"),
        ("Throttling.User", "ThrottlingUserError"),
        ("Forbidden.RAM", "ForbiddenRAMError"),
        ("APIGW.0308", "APIGW0308Error"),
        ("invalid_param", "InvalidParamError"),
        ("404", "N404Error"),
    ],
)
def test_error_class_name(code: str, python: str) -> None:
    assert error_class_name(code) == python
    assert python.isidentifier()


@pytest.mark.parametrize(
    ("name", "python"),
    [
        ("byoip_pool", "ByoipPool"),
        ("Throttling.User", "ThrottlingUser"),
        ("page-info", "PageInfo"),
        ("1st", "N1st"),
    ],
)
def test_class_name(name: str, python: str) -> None:
    assert class_name(name) == python


def test_snake_case_is_idempotent() -> None:
    for name in ("max-keys", "PageNumber", "X-Auth-Token", "os-vol-host-attr:host", "from"):
        once = snake_case(name)
        assert snake_case(once.rstrip("_")) == once
