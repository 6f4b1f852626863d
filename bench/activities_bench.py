#!/usr/bin/env python3
"""Activities and duty roster benchmark (issue 14): the roster generator for a year, the last
places of an event under contention (the API beside pgbench running the same transaction), and
calendar feeds carrying a year of events.

    python3 bench/activities_bench.py                         # all three parts
    python3 bench/activities_bench.py --binary target/debug/xingguang --clients 32

1. Roster: `xingguang bench-roster` runs the generator alone (no database) for every night of a
   year, 24 leaders (the community) and 500 (a county), and prints the time and the fairness
   (spread of the weighted ledger, in tenths of a night; min/max nights per leader).
2. Last places: on a fresh database (--admin-url, like pledge_bench.py), --rounds events of
   --capacity places each get --registrants registrations at once over --clients connections;
   every round must end with exactly --capacity registered. Beside it, pgbench runs the same
   transaction (lock the event, count the places taken, insert registered or waitlisted, audit)
   on one hot event with the same number of clients.
3. Calendars: 365 events, one a day for the coming year, the demo resident registered for all;
   the resident's private feed and the public calendar are fetched --runs times each.
"""
import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

from benchlib import ROOT, default_binary, http, percentile, pgbench, psql, request, server

DB = "xingguang_activities_bench"


def ms(v):
    return f"{v * 1000:.1f} ms"


def roster(binary):
    print("## Roster generation, one year, 2 leaders a night, 3 nights' rest")
    for leaders in (24, 500):
        out = json.loads(subprocess.run([binary, "bench-roster", "--leaders", str(leaders)], check=True, capture_output=True, text=True).stdout)
        print(f"{leaders:4} leaders: {out['millis']:8.1f} ms for {out['nights']} nights ({out['assignments']} duties); "
              f"spread {out['spread_tenths'] / 10:.1f} nights (weighted); {out['nights_min']}-{out['nights_max']} nights each; "
              f"rest broken {out['rest_broken']}, short nights {out['short_nights']}")


async def register_all(port, token, event_id, residents, clients):
    """POSTs one registration per resident over `clients` keep-alive connections."""
    queue = asyncio.Queue()
    for r in residents:
        queue.put_nowait(r)
    latencies, statuses = [], []

    async def one_client():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while not queue.empty():
            resident = queue.get_nowait()
            body = json.dumps({"resident_id": resident}).encode()
            head = (f"POST /api/v1/events/{event_id}/registrations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
            start = time.monotonic()
            writer.write(head + body)
            await writer.drain()
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            statuses.append((status, json.loads(await reader.readexactly(length)).get("status")))
            latencies.append(time.monotonic() - start)
        writer.close()

    started = time.monotonic()
    await asyncio.gather(*(one_client() for _ in range(clients)))
    return time.monotonic() - started, latencies, statuses


PGBENCH_REGISTER = r"""
\set n random(1, {people})
BEGIN;
SELECT id AS rid FROM bench_people WHERE n = :n \gset
SELECT id, capacity, status, starts_at, registration_closes_at, audience, team_id FROM events WHERE community_id = '{community}' AND id = '{event}' FOR UPDATE;
SELECT id FROM event_registrations WHERE event_id = '{event}' AND resident_id = :rid AND status <> 'cancelled';
SELECT count(*) AS taken FROM event_registrations WHERE event_id = '{event}' AND status IN ('registered', 'attended') \gset
INSERT INTO event_registrations (id, community_id, event_id, resident_id, registered_by, status)
  VALUES (gen_random_uuid(), '{community}', '{event}', :rid, '{user}', CASE WHEN :taken::int < {capacity} THEN 'registered' ELSE 'waitlisted' END)
  ON CONFLICT (event_id, resident_id) WHERE status <> 'cancelled' DO NOTHING;
INSERT INTO audit_log (id, community_id, actor_id, actor_role, action, entity_type, entity_id, changed_fields, detail, request_id, ip)
  VALUES (gen_random_uuid(), '{community}', '{user}', 'staff', 'event_registration.create', 'event_registration', gen_random_uuid(), '[]', '{{}}', 'bench', '127.0.0.1');
COMMIT;
"""


def new_event(base, token, capacity, title="压力测试讲座"):
    starts = datetime.now(timezone.utc) + timedelta(days=10)
    body = {"kind": "lecture", "title": title, "place": "社区活动室", "starts_at": starts.isoformat(), "ends_at": (starts + timedelta(hours=2)).isoformat(), "capacity": capacity}
    return http(base, "/api/v1/events", token, body)["id"]


def last_places(args, base, url, port, token, me):
    print(f"\n## The last places: {args.rounds} events × {args.registrants} registrations at once for {args.capacity} places, {args.clients} connections")
    residents = []
    after = ""
    while len(residents) < args.registrants:
        page = http(base, f"/api/v1/residents?limit=200{after}", token)
        residents += [r["id"] for r in page["items"]]
        if not page.get("next_cursor"):
            break
        after = f"&cursor={page['next_cursor']}"
    residents = residents[: args.registrants]
    all_lat, seconds, exact = [], 0.0, 0
    for _ in range(args.rounds):
        event = new_event(base, token, args.capacity)
        took, lat, statuses = asyncio.run(register_all(port, token, event, residents, args.clients))
        all_lat += lat
        seconds += took
        placed = sum(1 for s, st in statuses if s == 201 and st == "registered")
        exact += placed == args.capacity and all(s == 201 for s, _ in statuses)
    total = args.rounds * len(residents)
    print(f"API  POST …/registrations : {total / seconds:8.1f} req/s  p50 {ms(statistics.median(all_lat))}  p99 {ms(percentile(all_lat, 0.99))}; "
          f"exactly {args.capacity} placed in {exact}/{args.rounds} rounds")
    event = new_event(base, token, args.capacity, "压力测试讲座（pgbench）")
    psql(url, "CREATE TABLE bench_people (n serial PRIMARY KEY, id uuid NOT NULL)")
    psql(url, "INSERT INTO bench_people (id) VALUES " + ",".join(f"('{r}')" for r in residents))
    script = PGBENCH_REGISTER.format(people=len(residents), community=me["community"]["id"], event=event, user=me["id"], capacity=args.capacity)
    tps, lat = pgbench(url, script, args.clients, transactions=max(1, len(residents) * args.rounds // args.clients))
    print(f"pgbench, same transaction : {tps:8.1f} tps    p50 {ms(statistics.median(lat))}  p99 {ms(percentile(lat, 0.99))}")
    placed = http(base, f"/api/v1/events/{event}", token)["registered"]
    print(f"(pgbench's event ends with {placed} registered: the same lock keeps it at {args.capacity})")


def calendars(args, base, url, token, me):
    print(f"\n## Calendar feeds with a year of events ({args.runs} fetches each)")
    resident = http(base, "/api/v1/auth/login", body={"username": "resident", "password": "xingguang"})["access_token"]
    community = me["community"]["id"]
    psql(url, f"""
        INSERT INTO events (id, community_id, kind, title, place, starts_at, ends_at, capacity, created_by)
        SELECT gen_random_uuid(), '{community}', 'lecture', '每日健康讲座 ' || d, '社区活动室',
               now() + make_interval(days => d), now() + make_interval(days => d, hours => 2), 500, '{me["id"]}'
        FROM generate_series(1, 365) AS d;
        INSERT INTO event_registrations (id, community_id, event_id, resident_id, registered_by, status)
        SELECT gen_random_uuid(), '{community}', e.id, u.resident_id, u.id, 'registered'
        FROM events e, users u WHERE u.username = 'resident' AND e.title LIKE '每日健康讲座 %';
    """)
    feed = http(base, "/api/v1/calendar/feed", resident, {})["url"]
    path = feed[feed.index("/api/v1/"):]
    for name, target in (("resident's private feed", path), ("public calendar", f"/api/v1/calendar/public/{community}.ics")):
        lat, size = [], 0
        for _ in range(args.runs):
            start = time.monotonic()
            status, body = request(base, target)
            lat.append(time.monotonic() - start)
            size = len(body)
            assert status == 200
        entries = body.count(b"BEGIN:VEVENT")
        print(f"{name:24}: p50 {ms(statistics.median(lat))}  p95 {ms(percentile(lat, 0.95))}; {entries} entries, {size / 1024:.0f} KiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default=os.environ.get("BENCH_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--capacity", type=int, default=20)
    parser.add_argument("--registrants", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"binary: {os.path.relpath(args.binary, ROOT)}")
    roster(args.binary)
    with server(args.binary, args.admin_url, DB, pool=max(args.clients, 16)) as (base, url, port):
        token = http(base, "/api/v1/auth/login", body={"username": "staff", "password": "xingguang"})["access_token"]
        me = http(base, "/api/v1/me", token)
        last_places(args, base, url, port, token, me)
        calendars(args, base, url, token, me)
    return 0


if __name__ == "__main__":
    sys.exit(main())
