"""Pagination at scale: ``iter_list_byoip_pools`` over N pages of 100 GA items each.

Run by bench/run.py in a fresh process (``python bench/pages.py PORT REPEATS PAGES,...``);
prints JSON ``{"sync": {pages: {...}}, "async": {...}, "one_page_peak": bytes}``.

The lean server answers ``marker=bench-<pages>-<n>`` with page n of <pages> (100 items,
``page_info.next_marker`` until the last), so starting the walk at ``marker=bench-N-0`` walks
exactly N pages through the generated client's own paginator. Items are counted and dropped,
as a lazy consumer would. Time is measured without tracemalloc; the peak of Python
allocations is measured in a separate walk under tracemalloc (which slows it down).
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.calls import HW_AK, HW_PROJECT, HW_SK  # noqa: E402

PAGE_SIZE = 100


def _walk(client: object, pages: int) -> int:
    count = 0
    for _item in client.iter_list_byoip_pools(limit=PAGE_SIZE, marker=f"bench-{pages}-0"):  # type: ignore[attr-defined]
        count += 1
    return count


async def _awalk(client: object, pages: int) -> int:
    count = 0
    async for _item in client.iter_list_byoip_pools(limit=PAGE_SIZE, marker=f"bench-{pages}-0"):  # type: ignore[attr-defined]
        count += 1
    return count


def main() -> None:
    from generated.huaweicloud.ga import AsyncGaClient, GaClient

    port, repeats = int(sys.argv[1]), int(sys.argv[2])
    sizes = [int(n) for n in sys.argv[3].split(",")]
    kwargs = {
        "ak": HW_AK,
        "sk": HW_SK,
        "project_id": HW_PROJECT,
        "endpoint": f"http://127.0.0.1:{port}",
    }
    out: dict[str, object] = {"page_size": PAGE_SIZE, "sync": {}, "async": {}}
    with GaClient(**kwargs) as client:
        _walk(client, 3)  # warm-up: connection, model schemas
        gc.collect()
        tracemalloc.start()
        client.list_byoip_pools(limit=PAGE_SIZE, marker="bench-2-0")
        out["one_page_peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        for pages in sizes:
            times = []
            for _ in range(repeats):
                gc.collect()
                t0 = time.perf_counter()
                items = _walk(client, pages)
                times.append(time.perf_counter() - t0)
                assert items == pages * PAGE_SIZE, (items, pages)
            gc.collect()
            tracemalloc.start()
            _walk(client, pages)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            out["sync"][str(pages)] = {"items": items, "times": times, "peak": peak}  # type: ignore[index]

    async def run_async() -> None:
        async with AsyncGaClient(**kwargs) as aclient:
            await _awalk(aclient, 3)
            for pages in sizes:
                times = []
                for _ in range(repeats):
                    gc.collect()
                    t0 = time.perf_counter()
                    items = await _awalk(aclient, pages)
                    times.append(time.perf_counter() - t0)
                    assert items == pages * PAGE_SIZE
                gc.collect()
                tracemalloc.start()
                await _awalk(aclient, pages)
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                out["async"][str(pages)] = {"items": items, "times": times, "peak": peak}  # type: ignore[index]

    asyncio.run(run_async())
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
