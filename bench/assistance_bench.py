#!/usr/bin/env python3
"""Assistance and elderly-care benchmark (issue 13): the staff case list (filtered, overdue
first) and the 80+ list, through the API and through pgbench running the same SQL, at
1,000,000 residents by default.

    python3 bench/assistance_bench.py                          # 1M residents, 100k cases, 32 clients
    python3 bench/assistance_bench.py --residents 7355 --cases 100 --seconds 10

1. A fresh database on the PostgreSQL server of --admin-url is seeded with the demo community at
   --residents residents (seed-demo), then --cases synthetic cases are added in SQL (a third
   open with deadlines spread around today, the rest finished), and ANALYZEd.
2. Each request is sent by wrk over --clients connections for --seconds (after --warmup);
   pgbench runs the list's own SQL (read from the Rust source, `CASE_LIST_SQL` and
   `OLDER_RESIDENTS_SQL`) with the same parameters and the same number of clients.
3. It prints throughput, p50 and p99 for both and the ratio (goal: API ≥ 0.5 of pgbench, API p99
   ≤ 5 ms).
"""
import argparse
import os
import statistics
import sys
import time
from datetime import date

from benchlib import ROOT, default_binary, http, percentile, pgbench, psql, rust_sql, server, wrk_load

DB = "xingguang_assistance_bench"

CASES_SQL = """
INSERT INTO assistance_cases (id, community_id, case_type_id, kind, household_id, applicant_id, resident_ids,
    assignee_id, status, step_index, step_started_on, step_due_on, opened_on, closed_on)
SELECT gen_random_uuid(), r.community_id, t.id, t.kind, r.household_id, r.id, ARRAY[r.id], '{staff}',
       CASE WHEN r.n % 3 = 0 THEN 'open' WHEN r.n % 3 = 1 THEN 'solved' ELSE 'approved' END,
       CASE WHEN t.kind = 'dibao' THEN r.n % 5 ELSE r.n % 2 END,
       current_date - (r.n % 400)::int,
       CASE WHEN r.n % 3 = 0 THEN current_date - (r.n % 400)::int + 15 END,
       current_date - (r.n % 400)::int - 10,
       CASE WHEN r.n % 3 = 1 THEN current_date - (r.n % 400)::int END
FROM (SELECT id, community_id, household_id, row_number() OVER () AS n FROM residents WHERE status = 'active' LIMIT {cases}) r
JOIN LATERAL (SELECT id, kind FROM case_types WHERE community_id = r.community_id
              AND kind = CASE WHEN r.n % 4 = 0 THEN 'dibao' WHEN r.n % 4 = 1 THEN 'medical_aid' ELSE 'hardship' END
              ORDER BY revision DESC LIMIT 1) t ON true;
ANALYZE assistance_cases;
"""


def literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def bind(sql, values):
    """The SQL with $1…$n replaced by literals (highest first, so $1 does not eat $10)."""
    for i in range(len(values), 0, -1):
        sql = sql.replace(f"${i}", literal(values[i - 1]))
    return sql + ";\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--residents", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--binary", default=default_binary())
    args = parser.parse_args()

    case_sql = rust_sql("backend/db/src/models/assistance.rs", "CASE_LIST_SQL")
    older_sql = rust_sql("backend/db/src/models/elderly.rs", "OLDER_RESIDENTS_SQL")
    started = time.monotonic()
    with server(args.binary, args.admin_url, DB, pool=max(args.clients, 16), residents=args.residents) as (base, url, port):
        print(f"seeded {args.residents} residents in {time.monotonic() - started:.0f} s")
        token = http(base, "/api/v1/auth/login", body={"username": "staff", "password": "xingguang"})["access_token"]
        me = http(base, "/api/v1/me", token)
        community = me["community"]["id"]
        psql(url, CASES_SQL.format(staff=me["id"], cases=args.cases))
        today = date.today()
        born_by = today.replace(year=today.year - 80) if not (today.month == 2 and today.day == 29) else date(today.year - 80, 2, 28)
        # (name, API path, the list's SQL with the API's parameters)
        runs = [
            ("cases: open, overdue first", "/api/v1/cases?status=open&limit=50",
             bind(case_sql, [community, "open", None, None, None, None, None, None, False, None, 51, None])),
            ("cases: 低保 only", "/api/v1/cases?kind=dibao&limit=50",
             bind(case_sql, [community, None, "dibao", None, None, None, None, None, False, None, 51, None])),
            ("cases: overdue only", "/api/v1/cases?overdue=true&limit=50",
             bind(case_sql, [community, None, None, None, None, None, today.isoformat(), None, False, None, 51, None])),
            ("residents 80+ (oldest first)", "/api/v1/elderly?min_age=80&limit=50",
             bind(older_sql, [community, "1800-01-01", born_by.isoformat(), None, None, None, 51])),
        ]
        results = []
        for name, path, sql in runs:
            api_rps, api_p50, api_p99 = wrk_load(port, token, path, args.clients, args.seconds, args.warmup)
            pg_tps, pg_lat = pgbench(url, sql, args.clients, args.seconds, args.warmup)
            results.append((name, api_rps, api_p50, api_p99, pg_tps, pg_lat))

    ms = lambda v: f"{v * 1000:.1f}"
    print(f"binary: {os.path.relpath(args.binary, ROOT)}; {args.residents} residents, {args.cases} cases; "
          f"{args.clients} clients, {args.seconds} s each side")
    print(f"{'request':<30} {'API req/s':>10} {'p50':>6} {'p99':>6} {'pgbench tps':>12} {'p50':>6} {'p99':>6} {'ratio':>6}")
    for name, api_rps, api_p50, api_p99, pg_tps, pg_lat in results:
        print(f"{name:<30} {api_rps:>10.0f} {ms(api_p50):>6} {ms(api_p99):>6} "
              f"{pg_tps:>12.0f} {ms(statistics.median(pg_lat)):>6} {ms(percentile(pg_lat, 0.99)):>6} {api_rps / pg_tps:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
