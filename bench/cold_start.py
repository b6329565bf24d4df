"""Cold start: from a fresh interpreter to the first decoded response, ours vs the official SDK.

    python bench/cold_start.py [--runs N] [--profile DIR]

Per service, one fresh ``python -c`` imports the client, builds it, makes one call against
the lean loopback server (bench/server.py, started here, serving the operation's example
body) and reads one field of the decoded answer; the child times that span itself
(interpreter start-up excluded, the same for both). Ours and the official SDK run in turn
(A B A B ...), the ratio is taken pair by pair and its median printed. A third child in each
round only imports urllib3 and pydantic (with the models' base class): the part of our cold
start that belongs to the two libraries the generated clients are built on. Every module is
byte-compiled first, as an installed package is: a run that compiles source each time
(``PYTHONDONTWRITEBYTECODE``) measures the compiler, not the client.

``--profile DIR`` also writes, per service, ``-X importtime`` and cProfile output of ours.
bench/run.py shows the same rows as its "cold start" section.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.calls import AK_ID, AK_SECRET, HW_AK, HW_PROJECT, HW_SK  # noqa: E402

PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
for _var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
    ENV.pop(_var, None)
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
COLD_RATIO = 1 / 2

_ALI = f"access_key_id={AK_ID!r}, access_key_secret={AK_SECRET!r}, endpoint=URL"
_TEA = (
    "from alibabacloud_tea_openapi.utils_models import Config\n"
    f"config = Config(endpoint=NETLOC, protocol='http', access_key_id={AK_ID!r}, "
    f"access_key_secret={AK_SECRET!r})\n"
)


class ColdCase(NamedTuple):
    service: str
    operation: str
    ours: str  # child code: URL / NETLOC are given; leaves the decoded answer in ``result``
    official: str


CASES = (
    ColdCase(
        "OSS",
        "ListResourcePools (XML)",
        "from generated.alibabacloud.oss import OssClient\n"
        f"result = OssClient(region='cn-hangzhou', {_ALI}).list_resource_pools()"
        ".resource_pool[0].name\n",
        # The SDK has no ListResourcePools model: invoke_operation + ElementTree (bench/calls.py).
        "import alibabacloud_oss_v2 as oss\n"
        "import xml.etree.ElementTree as ET\n"
        "cfg = oss.config.load_default()\n"
        "cfg.credentials_provider = oss.credentials.StaticCredentialsProvider("
        f"{AK_ID!r}, {AK_SECRET!r})\n"
        "cfg.region = 'cn-hangzhou'\n"
        "cfg.endpoint = URL\n"
        "out = oss.Client(cfg).invoke_operation(oss.OperationInput("
        "op_name='ListResourcePools', method='GET', parameters={'resourcePool': ''}))\n"
        "result = ET.fromstring(out.http_response.content).findtext('ResourcePool/Name')\n",
    ),
    ColdCase(
        "ENS",
        "ListBuckets (JSON RPC)",
        "from generated.alibabacloud.ens import EnsClient\n"
        f"result = EnsClient({_ALI}).list_buckets().bucket_infos[0].bucket_name\n",
        "from alibabacloud_ens20171110.client import Client\n"
        "from alibabacloud_ens20171110 import models\n"
        "from darabonba.runtime import RuntimeOptions\n"
        + _TEA
        + "result = Client(config).list_buckets_with_options(models.ListBucketsRequest(), "
        "RuntimeOptions()).body.bucket_infos[0].bucket_name\n",
    ),
    ColdCase(
        "CloudSSO",
        "ListDirectories (JSON RPC)",
        "from generated.alibabacloud.cloudsso import CloudSsoClient\n"
        f"result = CloudSsoClient({_ALI}).list_directories().directories[0].directory_id\n",
        "from alibabacloud_cloudsso20210515.client import Client\n"
        + _TEA
        + "result = Client(config).list_directories().body.directories[0].directory_id\n",
    ),
    ColdCase(
        "Config",
        "GetResourceConfigurationTimeline (JSON RPC)",
        "from generated.alibabacloud.config import ConfigClient\n"
        f"result = ConfigClient({_ALI}).get_resource_configuration_timeline("
        "resource_id='i-1', resource_type='ACS::ECS::Instance', region='cn-hangzhou')"
        ".resource_configuration_timeline.configuration_list[0]\n",
        "from alibabacloud_config20190108.client import Client\n"
        "from alibabacloud_config20190108 import models\n"
        "from darabonba.runtime import RuntimeOptions\n"
        + _TEA
        + "result = Client(config).get_resource_configuration_timeline_with_options(models."
        "GetResourceConfigurationTimelineRequest(resource_id='i-1', "
        "resource_type='ACS::ECS::Instance', region='cn-hangzhou'), RuntimeOptions())"
        ".body.resource_configuration_timeline.configuration_list[0]\n",
    ),
    ColdCase(
        "GA",
        "ListByoipPools (REST JSON)",
        "from generated.huaweicloud.ga import GaClient\n"
        f"result = GaClient(ak={HW_AK!r}, sk={HW_SK!r}, project_id={HW_PROJECT!r}, "
        "endpoint=URL).list_byoip_pools().byoip_pools[0].id\n",
        "from huaweicloudsdkcore.auth.credentials import BasicCredentials\n"
        "from huaweicloudsdkga.v1 import GaClient, ListByoipPoolsRequest\n"
        "client = GaClient.new_builder().with_credentials(BasicCredentials("
        f"{HW_AK!r}, {HW_SK!r}, {HW_PROJECT!r})).with_endpoint(URL).build()\n"
        "result = client.list_byoip_pools(ListByoipPoolsRequest()).byoip_pools[0].id\n",
    ),
)

# What any urllib3 + pydantic client pays before its own code runs.
LIBRARY_FLOOR = "import urllib3\nimport sdk_runtime.model\nresult = 1\n"

_CHILD = (
    "import sys, time\n"
    "URL, NETLOC = {url!r}, {netloc!r}\n"
    "t0 = time.perf_counter()\n"
    "{body}"
    "t1 = time.perf_counter()\n"
    "assert result, result\n"
    "print(t1 - t0, len(sys.modules))\n"
)


def child_code(body: str, port: int) -> str:
    return _CHILD.format(url=f"http://127.0.0.1:{port}", netloc=f"127.0.0.1:{port}", body=body)


def run_child(body: str, port: int, flags: tuple[str, ...] = ()) -> tuple[float, int, str]:
    """Seconds from the first import to the decoded answer, modules loaded, stderr."""
    out = subprocess.run(
        [PY, *flags, "-c", child_code(body, port)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"cold-start child failed:\n{out.stderr[-3000:]}")
    seconds, modules = out.stdout.split()[-2:]
    return float(seconds), int(modules), out.stderr


class ColdRow(NamedTuple):
    case: ColdCase
    ours: list[float]
    official: list[float]
    ratios: list[float]
    modules: tuple[int, int]
    floor: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)


def measure(port: int, runs: int) -> list[ColdRow]:
    """Paired runs per service: ours, official, ours, official, ..."""
    compileall.compile_dir(str(ROOT / "generated"), quiet=1)
    compileall.compile_dir(str(ROOT / "sdk_runtime"), quiet=1)
    rows = []
    for case in CASES:
        run_child(case.ours, port)  # warm-up: file caches, any byte-code left to write
        run_child(case.official, port)
        ours: list[float] = []
        official: list[float] = []
        floor: list[float] = []
        modules = (0, 0)
        for _ in range(runs):
            a, n_a, _err = run_child(case.ours, port)
            b, n_b, _err = run_child(case.official, port)
            floor.append(run_child(LIBRARY_FLOOR, port)[0])
            ours.append(a)
            official.append(b)
            modules = (n_a, n_b)
        ratios = [a / b for a, b in zip(ours, official, strict=True)]
        rows.append(ColdRow(case, ours, official, ratios, modules, floor))
    return rows


def table(rows: list[ColdRow]) -> list[str]:
    lines = [
        "| service | operation | ours ms min / median | official ms min / median | "
        "ratio (median of pairs) | target <= 0.5 | urllib3 + pydantic import alone, ms "
        "(/ official) | sys.modules ours vs official |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.case.service} | {row.case.operation} "
            f"| {min(row.ours) * 1e3:.1f} / {statistics.median(row.ours) * 1e3:.1f} "
            f"| {min(row.official) * 1e3:.1f} / {statistics.median(row.official) * 1e3:.1f} "
            f"| {row.ratio:.2f} | {'PASS' if row.ratio <= COLD_RATIO else '**FAIL**'} "
            f"| {statistics.median(row.floor) * 1e3:.1f} "
            f"({statistics.median(row.floor) / statistics.median(row.official):.2f}) "
            f"| {row.modules[0]} vs {row.modules[1]} |"
        )
    return lines


def profile(port: int, out_dir: Path) -> None:
    """``-X importtime`` (sorted by cumulative µs) and cProfile (by cumulative time) of ours."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        name = case.service.lower()
        _s, _n, err = run_child(case.ours, port, ("-X", "importtime"))
        rows = [line for line in err.splitlines() if line.startswith("import time:")][1:]
        rows.sort(key=lambda line: -int(line.split("|")[1]))
        (out_dir / f"cold-{name}-importtime.txt").write_text("\n".join(rows[:60]) + "\n")
        code = child_code(case.ours, port)
        prof = (
            "import cProfile, pstats, io\n"
            f"pr = cProfile.Profile(); pr.enable(); exec({code!r}, {{}}); pr.disable()\n"
            "s = io.StringIO(); pstats.Stats(pr, stream=s).sort_stats('cumulative')"
            ".print_stats(45); print(s.getvalue(), file=sys.stderr); print(0, 0)\n"
        )
        _s, _n, err = run_child("import sys\n" + prof + "result = 1\n", port)
        (out_dir / f"cold-{name}-cprofile.txt").write_text(err)


def main() -> int:
    from bench.run import LeanServer

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="pairs per service (default 10)")
    parser.add_argument("--profile", type=Path, default=None, help="write profiles of ours here")
    args = parser.parse_args()
    with LeanServer() as server:
        rows = measure(server.port, args.runs)
        if args.profile is not None:
            profile(server.port, args.profile)
    print("\n".join(table(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
