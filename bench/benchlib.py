"""Helpers shared by the benchmarks: a free port, one HTTP request, a percentile."""
import json
import socket
import urllib.request


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
