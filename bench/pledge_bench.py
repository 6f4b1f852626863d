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
import statistics
import sys
import time
import uuid

from benchlib import ROOT, default_binary, http, percentile, pgbench, server

DB = "xingguang_pledge_bench"


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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--binary", default=default_binary())
    args = parser.parse_args()

    with server(args.binary, args.admin_url, DB, pool=max(args.clients, 16)) as (base, url, port):
        token = http(base, "/api/v1/auth/login", body={"username": "partner", "password": "xingguang"})["access_token"]
        me = http(base, "/api/v1/me", token)
        need = next(n for n in http(base, "/api/v1/needs?status=open", token)["items"] if n["category"] == "money")
        ids = {"community": me["community"]["id"], "partner": me["partner_id"], "need": need["id"], "user": me["id"]}

        api_rps, api_lat = asyncio.run(api_load(port, token, need["id"], args.clients, args.seconds, args.warmup))
        pg_tps, pg_lat = pgbench(url, PGBENCH_SCRIPT.format(**ids), args.clients, args.seconds, args.warmup)

    ms = lambda v: f"{v * 1000:.1f} ms"
    print(f"binary: {os.path.relpath(args.binary, ROOT)}; {args.clients} clients, {args.seconds} s each")
    print(f"API  POST /api/v1/pledges : {api_rps:8.1f} req/s  p50 {ms(statistics.median(api_lat))}  p99 {ms(percentile(api_lat, 0.99))}")
    print(f"pgbench, same transaction : {pg_tps:8.1f} tps    p50 {ms(statistics.median(pg_lat))}  p99 {ms(percentile(pg_lat, 0.99))}")
    ratio = api_rps / pg_tps
    print(f"ratio API / pgbench       : {ratio:.2f}  (goal >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
