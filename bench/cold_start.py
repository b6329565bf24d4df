"""Cold start: from a fresh interpreter to the first decoded response, ours vs the official SDK.

    python bench/cold_start.py [--runs N] [--profile DIR]

Per service, one fresh ``python -c`` imports the client, builds it, makes one call against
the lean loopback server (bench/server.py, started here, serving the operation's example
body) and reads one field of the decoded answer; the child times that span itself
(interpreter start-up excluded, the same for both). Ours and the official SDK run in turn
(A B A B ...), the ratio is taken pair by pair and its median printed. A third child in each
round makes our call phase by phase (``PHASES``): urllib3's import, pydantic's import, its
first model class (the models' base), then ours: the client import, the models module, the
construction with the call. The first three are the part of our cold start that belongs to
the two libraries the generated clients are built on (the "urllib3 + pydantic" column).
For a service above the target, one ``-X importtime`` run of that child names the largest
imports of each phase. Every module is byte-compiled first, as an installed package is: a
run that compiles source each time (``PYTHONDONTWRITEBYTECODE``) measures the compiler, not
the client.

``--profile DIR`` also writes, per service, ``-X importtime`` and cProfile output of ours.
bench/run.py prints the same report (``report``) as its "cold start" section.
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

# The same first call as ``ColdCase.ours``, in the order of what it costs: the two libraries
# first (urllib3; pydantic's import; its first model class, the models' base, which sets up
# pydantic's schema machinery and scans the installed distributions for pydantic plugins),
# then ours: the client module with the runtime, the service's models module, and the
# client's construction with the call (sign, connect, send, decode). The first three are the
# library floor. Each span is timed in the child, as ``_CHILD`` does.
PHASES = (
    "urllib3",
    "pydantic import",
    "first model class",
    "client import",
    "models module",
    "build + call",
)
FLOOR_PHASES = 3  # the first three: urllib3 + pydantic, before any code of ours
PHASE_LINE = "-- cold start: next phase"
# Under ``-X importtime`` a line on stderr before each phase tells their imports apart.
_PHASES_CHILD = (
    "import sys, time\n"
    "URL, NETLOC = {url!r}, {netloc!r}\n"
    "QUIET = 'importtime' not in sys._xoptions\n"
    "def mark():\n"
    "    marks.append(time.perf_counter())\n"
    "    QUIET or print(PHASE_LINE, file=sys.stderr, flush=True)\n"
    "PHASE_LINE = {phase_line!r}\n"
    "marks = []\n"
    "mark()\n"
    "import urllib3\n"
    "mark()\n"
    "from pydantic import BaseModel\n"
    "mark()\n"
    "import sdk_runtime.model\n"
    "mark()\n"
    "{client_import}\n"
    "mark()\n"
    "client_module = next(module for name, module in list(sys.modules.items())\n"
    "                     if name.startswith('generated.') and name.endswith('.client'))\n"
    "__import__(client_module.SERVICE.models)  # as import does: -X importtime sees it\n"
    "mark()\n"
    "{call}"
    "mark()\n"
    "assert result, result\n"
    "print(*[later - earlier for earlier, later in zip(marks, marks[1:], strict=False)])\n"
)

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


def phases_code(case: ColdCase, port: int) -> str:
    """The child that times ``case.ours`` phase by phase (see ``PHASES``)."""
    client_import, call = case.ours.split("\n", 1)
    return _PHASES_CHILD.format(
        url=f"http://127.0.0.1:{port}",
        netloc=f"127.0.0.1:{port}",
        client_import=client_import,
        call=call,
        phase_line=PHASE_LINE,
    )


def run_phases(case: ColdCase, port: int, flags: tuple[str, ...] = ()) -> tuple[list[float], str]:
    """Seconds of each of ``PHASES`` in one fresh interpreter, and its stderr."""
    out = subprocess.run(
        [PY, *flags, "-c", phases_code(case, port)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"cold-start phases child failed:\n{out.stderr[-3000:]}")
    spans = [float(value) for value in out.stdout.split()[-len(PHASES) :]]
    return spans, out.stderr


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
    phases: list[list[float]]  # per run, seconds of each of PHASES

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def floor(self) -> list[float]:
        """urllib3 + pydantic (with the models' base), per run: before any code of ours."""
        return [sum(spans[:FLOOR_PHASES]) for spans in self.phases]

    def phase(self, index: int) -> float:
        """Median seconds of ``PHASES[index]``."""
        return statistics.median(spans[index] for spans in self.phases)


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
        phases: list[list[float]] = []
        modules = (0, 0)
        for _ in range(runs):
            a, n_a, _err = run_child(case.ours, port)
            b, n_b, _err = run_child(case.official, port)
            phases.append(run_phases(case, port)[0])  # its first phases: the library floor
            ours.append(a)
            official.append(b)
            modules = (n_a, n_b)
        ratios = [a / b for a, b in zip(ours, official, strict=True)]
        rows.append(ColdRow(case, ours, official, ratios, modules, phases))
    return rows


def table(rows: list[ColdRow]) -> list[str]:
    lines = [
        "| service | operation | ours ms min / median | official ms min / median | "
        "ratio (median of pairs) | target <= 0.5 | urllib3 + pydantic (first 3 phases), ms "
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


def breakdown(rows: list[ColdRow]) -> list[str]:
    """Median ms of each phase (``PHASES``), and its share of the official SDK's median."""
    lines = [
        "| service | official ms | "
        + " | ".join(f"{name} ms (/ official)" for name in PHASES)
        + " | libraries / official | ours / official |",
        "|---|---|" + "---|" * len(PHASES) + "---|---|",
    ]
    for row in rows:
        official = statistics.median(row.official)
        spans = [row.phase(index) for index in range(len(PHASES))]
        cells = " | ".join(f"{span * 1e3:.1f} ({span / official:.2f})" for span in spans)
        libraries = sum(spans[:FLOOR_PHASES]) / official
        ours = sum(spans[FLOOR_PHASES:]) / official
        lines.append(
            f"| {row.case.service} | {official * 1e3:.1f} | {cells} | {libraries:.2f} "
            f"| {ours:.2f} |"
        )
    return lines


class ImportNode(NamedTuple):
    name: str
    self_us: int
    cumulative_us: int
    children: list[ImportNode]


def import_trees(stderr: str) -> list[list[ImportNode]]:
    """``-X importtime`` output of the phases child -> the import trees of each phase."""
    phases: list[list[ImportNode]] = []
    pending: dict[int, list[ImportNode]] = {}
    for line in stderr.splitlines():
        if line == PHASE_LINE:
            phases.append(pending.pop(0, []))
            pending = {}
            continue
        if not line.startswith("import time:") or "| imported package" in line:
            continue
        self_us, cumulative_us, label = line[len("import time:") :].split("|", 2)
        name = label[1:].lstrip(" ")
        depth = (len(label) - 1 - len(name)) // 2
        node = ImportNode(name, int(self_us), int(cumulative_us), pending.pop(depth + 1, []))
        pending.setdefault(depth, []).append(node)
    return phases[1:]  # before the first line: the interpreter's start-up


# Packages whose modules a drill-down opens (their cost is what they import), unlike the
# standard library's modules, named as they are (``http.client``, ``ssl``).
_OPENED = ("urllib3", "pydantic", "pydantic_core", "sdk_runtime", "generated")


def heavy_imports(roots: list[ImportNode], count: int = 6) -> list[ImportNode]:
    """The ``count`` largest imports that explain ``roots``, by drilling down: the largest
    module of a package in ``_OPENED``, or one whose largest child costs most of it, is
    replaced by its children and its own code (``name (own code)``), until the largest are
    where the time is spent (``http.client``, not ``urllib3.exceptions`` that imports it)."""
    items = list(roots)
    for _ in range(8 * count):
        items.sort(key=lambda node: -node.cumulative_us)
        opened = next((node for node in items[:count] if _opens(node)), None)
        if opened is None:
            break
        items.remove(opened)
        items.extend(opened.children)
        items.append(ImportNode(f"{opened.name} (own code)", opened.self_us, opened.self_us, []))
    items.sort(key=lambda node: -node.cumulative_us)
    return items[:count]


def _opens(node: ImportNode) -> bool:
    if not node.children:
        return False
    largest = max(child.cumulative_us for child in node.children)
    return node.name.split(".")[0] in _OPENED or largest >= 0.6 * node.cumulative_us


def _tops(roots: list[ImportNode]) -> str:
    total = sum(root.cumulative_us for root in roots) / 1e3
    heavy = ", ".join(
        f"{node.name} {node.cumulative_us / 1e3:.1f}" for node in heavy_imports(roots)
    )
    return f"{total:.1f} ms ({heavy})"


def explain(rows: list[ColdRow], port: int) -> list[str]:
    """Why a service is above the target: its phases against the official SDK, and the
    largest imports of each phase (one ``-X importtime`` run of the phases child, cumulative
    ms, which ``-X importtime`` inflates somewhat)."""
    lines: list[str] = []
    libraries_shown = False
    for row in rows:
        if row.ratio <= COLD_RATIO:
            continue
        official = statistics.median(row.official)
        spans = [row.phase(index) for index in range(len(PHASES))]
        floor = sum(spans[:FLOOR_PHASES])
        pydantic = sum(spans[1:FLOOR_PHASES])
        left = COLD_RATIO * official - spans[0]
        lines.append(
            f"- **{row.case.service}** at {row.ratio:.2f}x: urllib3 and pydantic alone take "
            f"{floor * 1e3:.0f} ms = {floor / official:.2f}x of the official SDK's "
            f"{official * 1e3:.0f} ms before any code of ours runs; ours adds "
            f"{sum(spans[FLOOR_PHASES:]) * 1e3:.0f} ms = "
            f"{sum(spans[FLOOR_PHASES:]) / official:.2f}x ("
            + ", ".join(
                f"{PHASES[index]} {spans[index] * 1e3:.1f}"
                for index in range(FLOOR_PHASES, len(PHASES))
            )
            + f"). The official SDK imports urllib3 too (through requests): "
            f"{COLD_RATIO:.1f}x of it leaves {left * 1e3:.0f} ms after urllib3's "
            f"{spans[0] * 1e3:.0f}, and pydantic's import with its first class takes "
            f"{pydantic * 1e3:.0f} ms by itself."
        )
        trees = import_trees(run_phases(row.case, port, ("-X", "importtime"))[1])
        if not libraries_shown:
            libraries_shown = True
            for index in range(FLOOR_PHASES):
                lines.append(f"  - imports of {PHASES[index]}: {_tops(trees[index])}")
        for index in range(FLOOR_PHASES, len(PHASES)):
            if trees[index]:
                lines.append(f"  - imports of {PHASES[index]}: {_tops(trees[index])}")
    return lines


_PLUGIN_SCAN = (
    "import time\n"
    "from importlib import metadata\n"
    "t0 = time.perf_counter()\n"
    "metadata.entry_points(group='pydantic')\n"
    "t1 = time.perf_counter()\n"
    "print(t1 - t0, len(list(metadata.distributions())))\n"
)


def plugin_scan(runs: int = 5) -> tuple[float, int]:
    """Median seconds of pydantic's plugin look-up in a fresh interpreter (the entry points
    of every installed distribution), and how many distributions it read."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [PY, "-c", _PLUGIN_SCAN], cwd=ROOT, env=ENV, capture_output=True, text=True, check=True
        )
        seconds, count = out.stdout.split()
        results.append((float(seconds), int(count)))
    return statistics.median(seconds for seconds, _ in results), results[0][1]


def notes() -> list[str]:
    """What the phases hold that the table cannot say, and what was cut or left."""
    scan, distributions = plugin_scan()
    return [
        "Inside the libraries' phases (none of it ours to cut without replacing urllib3 or "
        "pydantic or patching their modules):",
        "",
        "- urllib3's import brings http.client (with email's parser), ssl, logging and "
        "importlib.metadata: `urllib3.connection` imports `urllib3.http2`, which imports "
        "`importlib.metadata` at its top for every client, HTTP/2 or not. Our runtime reads no "
        "package metadata (the User-Agent version is a constant, "
        "`tests/clients/test_imports.py` holds it).",
        "- pydantic's import is mostly pydantic_core (`core_schema`) and its schema machinery. "
        "Its first model class (our models' base, `sdk_runtime.model`) loads `pydantic.fields`, "
        "`pydantic.types` and `annotated_types`, and looks for pydantic plugins in the entry "
        f"points of every installed distribution: {scan * 1e3:.1f} ms for the {distributions} "
        "distributions of this venv (the dev extras and the official SDKs; a plain install "
        "has far fewer), the `sdk_runtime.model (own code)` line above. "
        "`PYDANTIC_DISABLE_PLUGINS=__all__` skips it; that is the user's switch (it disables "
        "their plugins too), so neither the runtime nor this benchmark sets it.",
        "- The connection: urllib3 checks the host with `host.encode('idna')`, which loads "
        "`encodings.idna` (with `stringprep` and `unicodedata`).",
        "- Ours: the client import is the runtime's modules (about 20, their classes and named "
        "tuples); pagination now loads with the first page walk, not with a single call, and "
        "the service descriptions' named tuples no longer compile string annotations. Build "
        "+ call is the signer, one loopback request and the decode.",
        "- Measured and not applied: pydantic `defer_build` (it saves only the build of "
        "classes a response never validates; of the seed services' 3-4 model classes that "
        "is `ErrorBody`, about 0.3 ms) and loading model classes one by one (the response "
        "needs all the others).",
    ]


def report(rows: list[ColdRow], port: int) -> list[str]:
    """The table, where the time goes, and why a service misses the target (bench/run.py's
    section 1b prints the same)."""
    return [
        *table(rows),
        "",
        "Where the time goes (median ms of each phase in a fresh interpreter, in the order "
        "the first call pays it; the first three are the libraries, before any code of ours):",
        "",
        *breakdown(rows),
        "",
        *(
            ["Above the target:", "", *explain(rows, port), ""]
            if any(row.ratio > COLD_RATIO for row in rows)
            else []
        ),
        *notes(),
    ]


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
        lines = report(rows, server.port)
        if args.profile is not None:
            profile(server.port, args.profile)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
