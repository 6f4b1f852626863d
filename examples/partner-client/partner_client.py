#!/usr/bin/env python3
"""A partner unit's system talking to Xingguang, following docs/partner-api.md only.

It gets a token (OAuth2 client credentials, with requests-oauthlib), lists open needs, pledges
money against the first money need — sending the pledge twice with one Idempotency-Key to show
that the retry creates nothing — then registers a local webhook receiver and waits until the
community accepts the pledge, verifying every delivery with the standardwebhooks library.

Try it against a local server:

    pip install -r examples/partner-client/requirements.txt
    XINGGUANG_WEBHOOK_ALLOW_HTTP_LOOPBACK=true make run        # another terminal
    # staff (王丽) create an API client: dashboard → 共建与认捐 → 共建单位 → 县工商银行 → 创建客户端
    XG_CLIENT_ID=xgc_… XG_CLIENT_SECRET=xgs_… python3 examples/partner-client/partner_client.py
    # then accept the pledge in the dashboard (认捐审核); the script prints the verified event.

The receiver listens on plain HTTP on 127.0.0.1, which the server accepts only with
XINGGUANG_WEBHOOK_ALLOW_HTTP_LOOPBACK=true; a real deployment uses an HTTPS URL.
"""

import argparse
import http.server
import json
import os
import queue
import sys
import threading
import uuid

from oauthlib.oauth2 import BackendApplicationClient
from requests_oauthlib import OAuth2Session
from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def session_for(base, client_id, client_secret):
    if base.startswith(("http://127.0.0.1", "http://localhost")):
        # oauthlib insists on HTTPS; a local test server is plain HTTP.
        os.environ.setdefault("OAUTHLIB_INSECURE_TRANSPORT", "1")
    session = OAuth2Session(client=BackendApplicationClient(client_id=client_id))
    session.fetch_token(f"{base}/api/v1/oauth/token", client_id=client_id, client_secret=client_secret)
    return session


def receiver(port, secret_box, events):
    """A webhook endpoint: verifies each delivery, drops duplicates by webhook-id, queues events."""
    seen = set()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            headers = {k.lower(): v for k, v in self.headers.items()}
            try:
                event = Webhook(secret_box["secret"]).verify(body, headers)
            except WebhookVerificationError as error:
                print(f"refused a delivery that does not verify: {error}", file=sys.stderr)
                self.send_response(400)
                self.end_headers()
                return
            self.send_response(204)
            self.end_headers()
            if headers["webhook-id"] in seen:
                return
            seen.add(headers["webhook-id"])
            events.put((headers["webhook-id"], event))

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=os.environ.get("XG_BASE", "http://127.0.0.1:8080"))
    parser.add_argument("--client-id", default=os.environ.get("XG_CLIENT_ID"))
    parser.add_argument("--client-secret", default=os.environ.get("XG_CLIENT_SECRET"))
    parser.add_argument("--port", type=int, default=8765, help="port of the local webhook receiver")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for the acceptance")
    args = parser.parse_args()
    if not (args.client_id and args.client_secret):
        parser.error("set XG_CLIENT_ID and XG_CLIENT_SECRET (or --client-id/--client-secret)")

    api = session_for(args.base, args.client_id, args.client_secret)
    print("token: ok (client credentials)")

    needs = api.get(f"{args.base}/api/v1/needs", params={"status": "open"}).json()["items"]
    need = next((n for n in needs if n["support_kind"] == "money"), None)
    print(f"open needs: {len(needs)}; pledging for: {need['title'] if need else '(own initiative)'}")

    events = queue.Queue()
    secret_box = {}
    server = receiver(args.port, secret_box, events)
    endpoint = api.post(
        f"{args.base}/api/v1/webhooks/endpoints",
        headers={"Idempotency-Key": str(uuid.uuid4())},
        json={"url": f"http://127.0.0.1:{args.port}/hooks", "events": ["pledge.accepted", "pledge.declined"]},
    )
    endpoint.raise_for_status()
    secret_box["secret"] = endpoint.json()["secret"]
    print(f"webhook endpoint registered: {endpoint.json()['endpoint']['url']}")

    key = str(uuid.uuid4())  # one key per pledge we mean to make, reused for every retry
    body = {"need_id": need["id"] if need else None, "support": {"kind": "money", "amount_fen": 66600}, "note": "示例对接系统"}
    first = api.post(f"{args.base}/api/v1/pledges", headers={"Idempotency-Key": key}, json=body)
    first.raise_for_status()
    retry = api.post(f"{args.base}/api/v1/pledges", headers={"Idempotency-Key": key}, json=body)
    pledge = first.json()
    assert retry.json()["id"] == pledge["id"], "a retry with the same key must name the same pledge"
    print(f"pledge {pledge['id']} submitted; retry with the same key: {retry.status_code}, "
          f"Idempotent-Replayed: {retry.headers.get('Idempotent-Replayed')}, same pledge")

    print("waiting for the community to accept it (dashboard → 认捐审核) …", flush=True)
    try:
        while True:
            webhook_id, event = events.get(timeout=args.timeout)
            print(f"verified {event['type']} ({webhook_id}) for pledge {event['data']['id']}")
            if event["data"]["id"] == pledge["id"]:
                print(f"our pledge is now {event['data']['status']}")
                return 0
    except queue.Empty:
        print("no answer in time", file=sys.stderr)
        return 1
    finally:
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
