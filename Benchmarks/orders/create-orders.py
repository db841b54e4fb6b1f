"""Posts orders the way the wizard does, one after another: the order as a draft, one attachment, then publishing
it (which routes it). Prints the p50, p99 and max of the whole sequence in milliseconds.

    create-orders.py BASE_URL EMAIL PASSWORD COUNT MEGABYTES
"""
import http.client
import json
import os
import sys
import time
import urllib.parse

base, email, password, count, megabytes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
address = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(address.hostname, address.port)


def call(method, path, body=None, headers=None, token=None):
    headers = dict(headers or {})
    if token:
        headers["Authorization"] = "Bearer " + token
    if isinstance(body, dict):
        body = json.dumps(body)
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


token = call("POST", "/api/auth/login", {"email": email, "password": password, "remember_me": False})["access_token"]
category = call("GET", "/api/categories")["categories"][0]["id"]
boundary = "agora-bench-boundary"
content = b"%PDF-1.7\n" + os.urandom(megabytes * 1_048_576 - 16) + b"\n%%EOF\n"
upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"brief.pdf\"\r\n"
          f"Content-Type: application/pdf\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
order = {
    "title": "A booking site for our bakery", "description": "We need a small site where customers order bread for the next morning.",
    "category_id": category, "budget_min": 1500, "budget_max": 2500, "currency": "EUR",
    "deadline": time.strftime("%Y-%m-%dT17:00", time.gmtime(time.time() + 30 * 86400)), "time_zone": "Europe/Paris",
    "skills": ["Swift", "Design"], "draft": True,
}
timings = []
for index in range(count):
    started = time.perf_counter()
    created = call("POST", "/api/orders", order, token=token)
    call("POST", f"/api/orders/{created['id']}/files", upload, {"Content-Type": f"multipart/form-data; boundary={boundary}"}, token=token)
    call("POST", f"/api/orders/{created['id']}/publish", token=token)
    timings.append((time.perf_counter() - started) * 1000)
timings.sort()
print(f"{timings[len(timings) // 2]:.1f} {timings[min(len(timings) - 1, int(len(timings) * 0.99))]:.1f} {timings[-1]:.1f}")
