#!/usr/bin/env python3
"""Pledge submission benchmark: the API beside pgbench running the same transaction.

    python3 bench/pledge_bench.py                       # 16 connections, 20 s each side
    python3 bench/pledge_bench.py --clients 32 --seconds 30 --binary target/debug/xingguang

1. Creates a fresh database on the PostgreSQL server of --admin-url (default: the local server,
   postgres@127.0.0.1:5432), migrates and seeds it with the `xingguang` binary (the release build
   if there is one), and starts `xingguang serve` on it.
2. API: --clients keep-alive connections POST /api/v1/pledges as the demo partner for --seconds
   (after a warm-up), each with a fresh Idempotency-Key — every request is a real new pledge.
3. pgbench: the same transaction as SQL (claim the idempotency key, read the partner unit and the
   need, insert the pledge, its history entry and the audit entry, read the pledge back with its
   names, store the response under the key), same number of clients, same duration.
4. Prints both throughputs and p50/p99 latencies and the ratio API ÷ pgbench (goal ≥ 0.5).

The load generator shares the machine's cores with the server, as pgbench does with PostgreSQL.
"""
import argparse
import asyncio
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
import uuid

from benchlib import free_port, percentile, request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = "xingguang_pledge_bench"
JWT = "bench-secret-bench-secret-bench-secret-0123"
# Keys that seal personal data at rest (required with DATABASE_URL); base64 of 32 bytes each.
DATA_KEYS = "bench1:YmVuY2gtZGF0YS1rZXktYmVuY2gtZGF0YS1rZXktMDE="
INDEX_KEY = "YmVuY2gtaW5kZXgta2V5LWJlbmNoLWluZGV4LWstMDE="


def http(base, path, token=None, body=None):
    return json.loads(request(base, path, token, body)[1])


def psql(admin_url, sql):
    subprocess.run(["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, stdout=subprocess.DEVNULL)


async def api_load(port, token, need_id, clients, seconds, warmup):
    """Raw HTTP/1.1 over keep-alive connections: cheap enough that the client is not the limit."""
    body = json.dumps({"need_id": need_id, "support": {"kind": "money", "amount_fen": 100}, "note": "bench"}).encode()
    latencies, done = [], 0
    start = time.monotonic()
    measure_from, stop_at = start + warmup, start + warmup + seconds

    async def one_client():
        nonlocal done
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while True:
            now = time.monotonic()
            if now >= stop_at:
                break
            head = (
                f"POST /api/v1/pledges HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                f"Idempotency-Key: {uuid.uuid4()}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode()
            writer.write(head + body)
            await writer.drain()
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            if status != 201:
                raise RuntimeError(f"pledge answered {status}")
            end = time.monotonic()
            if now >= measure_from:
                latencies.append(end - now)
                done += 1
        writer.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return done / seconds, latencies


PGBENCH_SCRIPT = r"""
BEGIN;
INSERT INTO idempotency_keys (id, scope, key, request_hash, status_code, response_body, created_at)
  VALUES (gen_random_uuid(), 'partner:{partner}', gen_random_uuid()::text, '\x00', 0, 'null', now())
  ON CONFLICT DO NOTHING RETURNING key AS idem_key \gset
SELECT id, name, kind, status, version FROM partner_units WHERE community_id = '{community}' AND id = '{partner}';
SELECT id, title, category, status FROM needs WHERE community_id = '{community}' AND id = '{need}';
INSERT INTO pledges (id, community_id, partner_id, need_id, kind, details, quantity, note, submitted_by_user)
  VALUES (gen_random_uuid(), '{community}', '{partner}', '{need}', 'money', '{{"kind":"money","amount_fen":100}}', 100, 'bench', '{user}')
  RETURNING id AS pledge_id \gset
SELECT display_name FROM users WHERE id = '{user}';
INSERT INTO pledge_events (id, pledge_id, status, note, actor_name, at) VALUES (gen_random_uuid(), :pledge_id, 'submitted', 'bench', '县工商银行', now());
INSERT INTO audit_log (id, community_id, actor_id, actor_role, action, entity_type, entity_id, changed_fields, detail, request_id, ip)
  VALUES (gen_random_uuid(), '{community}', '{user}', 'partner', 'pledge.create', 'pledge', :pledge_id, '[]', '{{}}', 'bench', '127.0.0.1');
SELECT p.*, u.name, n.title FROM pledges p JOIN partner_units u ON u.id = p.partner_id LEFT JOIN needs n ON n.id = p.need_id
  WHERE p.community_id = '{community}' AND p.id = :pledge_id;
UPDATE idempotency_keys SET status_code = 201, response_body = '{{"id":"x"}}', location = '/api/v1/pledges/x'
  WHERE scope = 'partner:{partner}' AND key = :idem_key;
COMMIT;
"""


def pgbench(url, ids, clients, seconds, warmup):
    tmp = tempfile.mkdtemp(prefix="pledge-pgbench-")
    try:
        script = os.path.join(tmp, "pledge.sql")
        with open(script, "w") as f:
            f.write(PGBENCH_SCRIPT.format(**ids))
        binary = shutil.which("pgbench") or next((p for p in sorted(os.listdir("/usr/lib/postgresql"), reverse=True) if os.path.exists(f"/usr/lib/postgresql/{p}/bin/pgbench")), None)
        binary = binary if binary and binary.startswith("/") else f"/usr/lib/postgresql/{binary}/bin/pgbench"
        common = [binary, "-n", "-M", "prepared", "-f", script, "-c", str(clients), "-j", "2"]
        subprocess.run(common + ["-T", str(max(1, int(warmup))), url], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(common + ["-T", str(seconds), "-l", "--log-prefix", os.path.join(tmp, "log"), url], check=True, capture_output=True, text=True).stdout
        tps = float(next(line for line in out.splitlines() if line.startswith("tps")).split("=")[1].split()[0])
        latencies = []
        for name in os.listdir(tmp):
            if name.startswith("log"):
                with open(os.path.join(tmp, name)) as f:
                    latencies += [int(line.split()[2]) / 1e6 for line in f if line.strip()]
        return tps, latencies
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    release = os.path.join(ROOT, "target/release/xingguang")
    parser.add_argument("--binary", default=release if os.path.exists(release) else os.path.join(ROOT, "target/debug/xingguang"))
    args = parser.parse_args()

    parsed = urllib.parse.urlparse(args.admin_url)
    url = parsed._replace(path="/" + DB).geturl()
    psql(args.admin_url, f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    psql(args.admin_url, f"CREATE DATABASE {DB}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("XINGGUANG_")}
    port = free_port()
    env.update(DATABASE_URL=url, JWT_SECRET=JWT, RUST_LOG="warn", XINGGUANG_BIND=f"127.0.0.1:{port}", XINGGUANG_STATIC_DIR="/nonexistent",
               XINGGUANG_DATA_KEYS=DATA_KEYS, XINGGUANG_INDEX_KEY=INDEX_KEY,
               XINGGUANG_DB_POOL_SIZE=str(max(args.clients, 16)))
    subprocess.run([args.binary, "seed-demo", "--residents", "7355"], env=env, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([args.binary, "serve"], env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/ready", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        token = http(base, "/api/v1/auth/login", body={"username": "partner", "password": "xingguang"})["access_token"]
        me = http(base, "/api/v1/me", token)
        need = next(n for n in http(base, "/api/v1/needs?status=open", token)["items"] if n["category"] == "money")
        ids = {"community": me["community"]["id"], "partner": me["partner_id"], "need": need["id"], "user": me["id"]}

        api_rps, api_lat = asyncio.run(api_load(port, token, need["id"], args.clients, args.seconds, args.warmup))
        pg_tps, pg_lat = pgbench(url, ids, args.clients, args.seconds, args.warmup)
    finally:
        server.terminate()
        server.wait(timeout=30)
        psql(args.admin_url, f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")

    ms = lambda v: f"{v * 1000:.1f} ms"
    print(f"binary: {os.path.relpath(args.binary, ROOT)}; {args.clients} clients, {args.seconds} s each")
    print(f"API  POST /api/v1/pledges : {api_rps:8.1f} req/s  p50 {ms(statistics.median(api_lat))}  p99 {ms(percentile(api_lat, 0.99))}")
    print(f"pgbench, same transaction : {pg_tps:8.1f} tps    p50 {ms(statistics.median(pg_lat))}  p99 {ms(percentile(pg_lat, 0.99))}")
    ratio = api_rps / pg_tps
    print(f"ratio API / pgbench       : {ratio:.2f}  (goal >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
