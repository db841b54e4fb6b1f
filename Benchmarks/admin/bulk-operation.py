"""Runs one bulk operation through the service the way the admin page does, and its undo: signs in as a staff
member, turns on two factors (administration needs them), previews, starts, and follows the operation until it ends.
Prints, for the operation and for its undo, the accounts changed and the milliseconds from the request until the
service reported it finished (including the up to one second the worker waits before it looks for work).

    bulk-operation.py BASE_URL EMAIL PASSWORD FILTER
"""
import http.client
import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Support"))
from totp import totp  # noqa: E402

base, email, password, filter_query = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
address = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(address.hostname, address.port)


def call(method, path, body=None, token=None):
    headers = {"Authorization": "Bearer " + token} if token else {}
    if body is not None:
        body = json.dumps(body)
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None



def follow(operation, token, counted):
    """Waits for the operation to leave its running state; returns (accounts, milliseconds since `started`)."""
    while True:
        state = call("GET", f"/api/admin/bulk/{operation}", token=token)
        if state["status"] in ("completed", "undone"):
            return state[counted], time.perf_counter()
        time.sleep(0.02)


token = call("POST", "/api/auth/login", {"email": email, "password": password, "remember_me": False})["access_token"]
secret = call("POST", "/api/auth/two-factor/enrolment", token=token)["secret"]
call("POST", "/api/auth/two-factor/enrolment/confirm", {"code": totp(secret)}, token=token)
preview = call("POST", "/api/admin/bulk/preview?" + filter_query, {"action": "suspend"}, token=token)
started = time.perf_counter()
operation = call("POST", "/api/admin/bulk?" + filter_query,
                 {"action": "suspend", "kind": "suspend", "days": 7, "reason": "Benchmark: a wave of fake accounts"}, token=token)["id"]
changed, finished = follow(operation, token, "changed")
print(f"suspend {preview['applicable']} {changed} {(finished - started) * 1000:.0f}")
started = time.perf_counter()
call("POST", f"/api/admin/bulk/{operation}/undo", {"reason": "Benchmark: undo"}, token=token)
reverted, finished = follow(operation, token, "reverted")
print(f"undo {changed} {reverted} {(finished - started) * 1000:.0f}")
