#!/usr/bin/env python3
"""Registry benchmark: seeds a large synthetic community and times the registry's read paths.

    python3 bench/registry_bench.py --residents 1000000        # ~1M residents, ~390k households
    python3 bench/registry_bench.py --residents 7355 --runs 50  # the real community's size

It starts `target/debug/xingguang` (build it first: `make build`, or `cargo build --release` and
pass --binary target/release/xingguang) on a fresh embedded database in a temporary folder,
seeds it with `seed-demo --residents N`, logs in as the demo staff user and sends each request
`--runs` times, one at a time, reporting the median and 95th percentile latency. Everything runs on
this machine over loopback; the server is stopped and its folder removed afterwards.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from benchlib import free_port, request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--residents", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/debug/xingguang"))
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="xingguang-bench-")
    os.chmod(data_dir, 0o755)  # the embedded PostgreSQL may run as the postgres user
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "JWT_SECRET")}
    env.update(XINGGUANG_DATA_DIR=data_dir, RUST_LOG="warn")
    server = None
    try:
        started = time.monotonic()
        subprocess.run([args.binary, "seed-demo", "--residents", str(args.residents)], env=env, check=True)
        print(f"seed-demo --residents {args.residents}: {time.monotonic() - started:.1f} s wall (includes cluster start-up)")

        port = free_port()
        env["XINGGUANG_BIND"] = f"127.0.0.1:{port}"
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([args.binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(600):
            try:
                if request(base, "/ready")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)  # start-up polling
        token = json.loads(request(base, "/api/v1/auth/login", body={"username": "staff", "password": "xingguang"})[1])["access_token"]
        groups = json.loads(request(base, "/api/v1/groups", token)[1])
        first = json.loads(request(base, "/api/v1/residents?limit=1", token)[1])["items"][0]
        full_id = json.loads(request(base, f"/api/v1/residents/{first['id']}/reveal", token, {"reason": "benchmark lookup"})[1])["id_number"]
        q = lambda s: urllib.parse.quote(s)
        cases = [
            ("residents, first page (50)", "/api/v1/residents"),
            ("residents, page 20 via cursor", None),
            ("search by pinyin initials 'zxy'", "/api/v1/residents?q=zxy"),
            ("search by name part '秀英'", "/api/v1/residents?q=" + q("秀英")),
            ("search by last 6 ID digits", "/api/v1/residents?q=" + full_id[-6:]),
            ("search by ID digits, no match", "/api/v1/residents?q=000000"),
            ("search by address '朝阳路1幢'", "/api/v1/residents?q=" + q("朝阳路1幢")),
            ("residents aged 80+", "/api/v1/residents?min_age=80"),
            ("living alone, aged 70+", "/api/v1/residents?min_age=70&tags=living_alone"),
            ("households of one group", f"/api/v1/households?group_id={groups[0]['id']}"),
            ("household detail", f"/api/v1/households/{first['household_id']}"),
            ("registry stats", "/api/v1/registry/stats"),
        ]
        # The cursor of page 20, to time a deep page.
        cursor = None
        for _ in range(19):
            page = json.loads(request(base, "/api/v1/residents" + (f"?cursor={cursor}" if cursor else ""), token)[1])
            cursor = page["next_cursor"]
        cases[1] = (cases[1][0], f"/api/v1/residents?cursor={cursor}")

        print(f"\n{'request':<36} {'p50 ms':>8} {'p95 ms':>8} {'items':>6}")
        for name, path in cases:
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                status, body = request(base, path, token)
                times.append((time.perf_counter() - t) * 1000)
                assert status == 200, (path, status)
            parsed = json.loads(body)
            items = len(parsed["items"]) if isinstance(parsed, dict) and "items" in parsed else "-"
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(f"{name:<36} {statistics.median(times):>8.1f} {p95:>8.1f} {items:>6}")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
