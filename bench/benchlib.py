"""Helpers shared by the benchmarks: a free port, one HTTP request, a percentile, a server on a
fresh database of a PostgreSQL server, pgbench."""
import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JWT = "bench-secret-bench-secret-bench-secret-0123"
# Keys that seal personal data at rest (required with DATABASE_URL); base64 of 32 bytes each.
DATA_KEYS = "bench1:YmVuY2gtZGF0YS1rZXktYmVuY2gtZGF0YS1rZXktMDE="
INDEX_KEY = "YmVuY2gtaW5kZXgta2V5LWJlbmNoLWluZGV4LWstMDE="


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(base, path, token=None, body=None):
    """One request; returns (status, body bytes)."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method="POST" if data else "GET")
    if data:
        req.add_header("content-type", "application/json")
    if token:
        req.add_header("authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=120) as res:
        return res.status, res.read()


def percentile(values, p):
    """The value below which a fraction `p` of `values` fall (nearest rank)."""
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")


def default_binary():
    release = os.path.join(ROOT, "target/release/xingguang")
    return release if os.path.exists(release) else os.path.join(ROOT, "target/debug/xingguang")


def http(base, path, token=None, body=None):
    return json.loads(request(base, path, token, body)[1] or b"null")


def psql(url, sql):
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def server(binary, admin_url, db, pool=16, residents=7355):
    """A fresh database `db` on the server of `admin_url`, migrated and seeded with the demo
    community, and `xingguang serve` on it; yields (base URL, database URL, port). Dropped after."""
    url = urllib.parse.urlparse(admin_url)._replace(path="/" + db).geturl()
    psql(admin_url, f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    psql(admin_url, f"CREATE DATABASE {db}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("XINGGUANG_")}
    port = free_port()
    env.update(DATABASE_URL=url, JWT_SECRET=JWT, RUST_LOG="warn", XINGGUANG_BIND=f"127.0.0.1:{port}", XINGGUANG_STATIC_DIR="/nonexistent",
               XINGGUANG_DATA_KEYS=DATA_KEYS, XINGGUANG_INDEX_KEY=INDEX_KEY, XINGGUANG_DB_POOL_SIZE=str(pool))
    subprocess.run([binary, "seed-demo", "--residents", str(residents)], env=env, check=True, stdout=subprocess.DEVNULL)
    proc = subprocess.Popen([binary, "serve"], env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/ready", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield base, url, port
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        psql(admin_url, f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


def pgbench(url, script_text, clients, seconds=None, warmup=0, transactions=None):
    """Runs `script_text` with pgbench (prepared statements); returns (tps, latencies in s)."""
    tmp = tempfile.mkdtemp(prefix="xg-pgbench-")
    try:
        script = os.path.join(tmp, "bench.sql")
        with open(script, "w") as f:
            f.write(script_text)
        binary = shutil.which("pgbench") or next((p for p in sorted(os.listdir("/usr/lib/postgresql"), reverse=True) if os.path.exists(f"/usr/lib/postgresql/{p}/bin/pgbench")), None)
        binary = binary if binary and binary.startswith("/") else f"/usr/lib/postgresql/{binary}/bin/pgbench"
        common = [binary, "-n", "-M", "prepared", "-f", script, "-c", str(clients), "-j", "2"]
        if warmup:
            subprocess.run(common + ["-T", str(max(1, int(warmup))), url], check=True, stdout=subprocess.DEVNULL)
        limit = ["-t", str(transactions)] if transactions else ["-T", str(seconds)]
        out = subprocess.run(common + limit + ["-l", "--log-prefix", os.path.join(tmp, "log"), url], check=True, capture_output=True, text=True).stdout
        tps = float(next(line for line in out.splitlines() if line.startswith("tps")).split("=")[1].split()[0])
        latencies = []
        for name in os.listdir(tmp):
            if name.startswith("log"):
                with open(os.path.join(tmp, name)) as f:
                    latencies += [int(line.split()[2]) / 1e6 for line in f if line.strip()]
        return tps, latencies
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


async def get_load(port, token, path, clients, seconds, warmup):
    """GETs `path` over `clients` raw HTTP/1.1 keep-alive connections for `seconds` after
    `warmup`; returns (requests per second, latencies in s). Cheap enough that the client is not
    the limit; any answer but 200 stops the run."""
    import asyncio

    head = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\r\n".encode()
    latencies, done = [], 0
    start = time.monotonic()
    measure_from, stop_at = start + warmup, start + warmup + seconds

    async def one_client():
        nonlocal done
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while (now := time.monotonic()) < stop_at:
            writer.write(head)
            await writer.drain()
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}")
            if now >= measure_from:
                latencies.append(time.monotonic() - now)
                done += 1
        writer.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return done / seconds, latencies


def rust_sql(path, name):
    """The SQL of a `pub const NAME: &str = "…";` in a Rust file (the query the API runs), so a
    benchmark hands pgbench exactly the same text."""
    import re

    with open(os.path.join(ROOT, path)) as f:
        text = f.read()
    match = re.search(rf'pub const {name}: &str = "(.*?)";', text, re.S)
    if not match:
        raise SystemExit(f"{name} not found in {path}")
    return match.group(1).replace("\\\n", "").replace('\\"', '"')


def wrk_load(port, token, path, clients, seconds, warmup=0):
    """GETs `path` with wrk (a compiled load generator, so the client takes little of the two
    cores) over `clients` connections; returns (requests per second, p50 s, p99 s). Non-2xx
    answers fail the run."""
    url = f"http://127.0.0.1:{port}{path}"
    common = ["wrk", "-t", "2", "-c", str(clients), "-H", f"Authorization: Bearer {token}", "--latency"]
    if warmup:
        subprocess.run(common + ["-d", f"{max(1, int(warmup))}s", url], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(common + ["-d", f"{seconds}s", url], check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"GET {path}: {out}")

    def seconds_of(text):
        for unit, factor in (("us", 1e-6), ("ms", 1e-3), ("s", 1.0)):
            if text.endswith(unit):
                return float(text[: -len(unit)]) * factor
        return float(text)

    rps = float(next(line for line in out.splitlines() if line.startswith("Requests/sec")).split()[1])
    pct = {line.split()[0]: seconds_of(line.split()[1]) for line in out.splitlines() if line.strip().startswith(("50%", "99%"))}
    return rps, pct["50%"], pct["99%"]
