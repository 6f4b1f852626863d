#!/usr/bin/env python3
"""Help-request benchmark (issue 12): the staff queue (open requests by time left, and a
filtered one) and Open311 `GET requests.json`, through the API and through pgbench running the
same SQL, at 1,000,000 requests by default.

    python3 bench/help_requests_bench.py                         # 1M requests, 32 clients
    python3 bench/help_requests_bench.py --requests 10000 --seconds 10

1. A fresh database is seeded with the demo community (7,355 residents, the demo's 300
   requests), then --requests synthetic requests are added in SQL over the last two years (one
   in twenty open, due around now; half came in through Open311), and ANALYZEd.
2. Each request is sent by wrk over --clients connections for --seconds (after --warmup);
   pgbench runs the list's own SQL (read from the Rust source: `REQUEST_LIST_SQL` with
   `REQUEST_OPEN_ORDER`, and `OPEN311_LIST_SQL`) with the same parameters and clients.
3. It prints throughput, p50 and p99 for both and the ratio (goal: API ≥ 0.5 of pgbench, API p99
   ≤ 5 ms at 32 connections, flat from 10k to 1M).

The Open311 list also reads the public notes of the requests it returns (a second query the
pgbench side does not run), and writes them as JSON: its ratio includes that work.
"""
import argparse
import os
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

from assistance_bench import bind
from benchlib import ROOT, default_binary, http, percentile, pgbench, psql, rust_sql, server, wrk_load

DB = "xingguang_requests_bench"

REQUESTS_SQL = """
INSERT INTO help_requests (id, community_id, number, kind, category_code, category_name, edition_id, description,
    address, channel, caller_name, open311_token, status, assignee, received_at, response_due_at, resolution_due_at,
    resolved_at, closed_at, created_at, updated_at)
SELECT gen_random_uuid(), e.community_id, 'B' || n, 'repair', e.codes[1 + n % e.k], e.names[1 + n % e.k], e.id, '楼道灯坏了（压测数据）',
       '朝阳路' || (n % 200) || '号', CASE WHEN n % 2 = 0 THEN 'open311' ELSE 'hotline' END, '压测', gen_random_uuid(),
       CASE WHEN n % 20 = 0 THEN (ARRAY['received', 'assigned', 'in_progress'])[1 + n % 3] ELSE 'closed' END,
       CASE WHEN n % 20 = 0 AND n % 3 = 0 THEN NULL ELSE '{staff}'::uuid END,
       t.at, t.at + interval '2 hours',
       CASE WHEN n % 20 = 0 THEN now() + ((n % 240) - 40) * interval '1 hour' ELSE t.at + interval '3 days' END,
       CASE WHEN n % 20 = 0 THEN NULL ELSE t.at + interval '1 day' END,
       CASE WHEN n % 20 = 0 THEN NULL ELSE t.at + interval '2 days' END,
       t.at, t.at
FROM generate_series(1, {requests}) AS n
CROSS JOIN LATERAL (SELECT now() - (n::double precision / {requests}) * interval '730 days' AS at) t
CROSS JOIN (SELECT h.id, h.community_id, array_agg(x->>'code') AS codes, array_agg(x->>'name') AS names, count(*)::int AS k
            FROM (SELECT * FROM handbook_editions WHERE status = 'published' ORDER BY number DESC LIMIT 1) h,
                 jsonb_array_elements(h.content->'categories') x GROUP BY h.id, h.community_id) e;
ANALYZE help_requests;
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--requests", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--binary", default=default_binary())
    args = parser.parse_args()

    models = "backend/db/src/models/help_request.rs"
    queue_sql = rust_sql(models, "REQUEST_LIST_SQL") + rust_sql(models, "REQUEST_OPEN_ORDER")
    open311_sql = rust_sql(models, "OPEN311_LIST_SQL")
    started = time.monotonic()
    with server(args.binary, args.admin_url, DB, pool=max(args.clients, 16)) as (base, url, port):
        token = http(base, "/api/v1/auth/login", body={"username": "staff", "password": "xingguang"})["access_token"]
        me = http(base, "/api/v1/me", token)
        community = me["community"]["id"]
        psql(url, REQUESTS_SQL.format(staff=me["id"], requests=args.requests))
        print(f"seeded {args.requests} requests in {time.monotonic() - started:.0f} s")
        now = datetime.now(timezone.utc)
        iso = lambda t: t.isoformat()
        runs = [
            ("queue: open, by time left", "/api/v1/help-requests?limit=50",
             bind(queue_sql, [community, None, None, None, None, False, None, None, None, None, None, None, 51, False, None])),
            ("queue: utilities, overdue", "/api/v1/help-requests?category=utilities&overdue=true&limit=50",
             bind(queue_sql, [community, None, "utilities", iso(now), None, False, None, None, None, None, None, None, 51, False, None])),
            ("open311 requests.json (90 days)", "/open311/v2/requests.json",
             bind(open311_sql, [community, None, iso(now - timedelta(days=90)), iso(now), None, None, 1000])),
        ]
        results = []
        for name, path, sql in runs:
            api_rps, api_p50, api_p99 = wrk_load(port, token, path, args.clients, args.seconds, args.warmup)
            pg_tps, pg_lat = pgbench(url, sql, args.clients, args.seconds, args.warmup)
            results.append((name, api_rps, api_p50, api_p99, pg_tps, pg_lat))

    ms = lambda v: f"{v * 1000:.1f}"
    print(f"binary: {os.path.relpath(args.binary, ROOT)}; {args.requests} requests; {args.clients} clients, {args.seconds} s each side")
    print(f"{'request':<32} {'API req/s':>10} {'p50':>6} {'p99':>6} {'pgbench tps':>12} {'p50':>6} {'p99':>6} {'ratio':>6}")
    for name, api_rps, api_p50, api_p99, pg_tps, pg_lat in results:
        print(f"{name:<32} {api_rps:>10.0f} {ms(api_p50):>6} {ms(api_p99):>6} "
              f"{pg_tps:>12.0f} {ms(statistics.median(pg_lat)):>6} {ms(percentile(pg_lat, 0.99)):>6} {api_rps / pg_tps:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
