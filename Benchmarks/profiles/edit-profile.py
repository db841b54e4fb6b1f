"""Edits the demo provider's published profile again and again, each time timing how long until the provider's page
on disk shows the change (the site worker rewrites it), while other threads keep searching. Prints the p50, p99 and
max in milliseconds, then the searches answered per second during the run.

    edit-profile.py BASE_URL EMAIL PASSWORD SITE_DIRECTORY EDITS SEARCHERS
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

base, email, password, site, edits, searchers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
address = urllib.parse.urlparse(base)


def call(connection, method, path, body=None, token=None):
    headers = {}
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        body = json.dumps(body)
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


editor = http.client.HTTPConnection(address.hostname, address.port)
token = call(editor, "POST", "/api/auth/login", {"email": email, "password": password, "remember_me": False})["access_token"]
profile = call(editor, "GET", "/api/users/profile", token=token)
page = os.path.join(site, "providers", profile["slug"], "index.html")
content = profile["content"]

stop = threading.Event()
searched = [0]


def search():
    connection = http.client.HTTPConnection(address.hostname, address.port)
    words = ["developer", "design", "swift", "logo", "video", "marketing", "translation", "data"]
    number = 0
    while not stop.is_set():
        call(connection, "GET", "/api/search/providers?q=" + words[number % len(words)])
        searched[0] += 1
        number += 1


threads = [threading.Thread(target=search, daemon=True) for _ in range(searchers)]
for thread in threads:
    thread.start()
started = time.monotonic()
timings = []
version = profile["version"]
for number in range(edits):
    title = f"Security consultant, edit {number} of run {int(started)}"
    body = dict(content, version=version, title=title)
    for empty in [key for key, value in body.items() if value is None]:
        body.pop(empty)
    begun = time.monotonic()
    saved = call(editor, "PUT", "/api/users/profile", body, token=token)
    if saved["outcome"] != "live":
        raise SystemExit(f"the edit was {saved['outcome']}, not live")
    version = saved["profile"]["version"]
    needle = title.encode()
    while True:
        try:
            with open(page, "rb") as file:
                if needle in file.read():
                    break
        except FileNotFoundError:
            pass
        if time.monotonic() - begun > 30:
            raise SystemExit(f"edit {number} did not reach {page} within 30 s")
        time.sleep(0.005)
    timings.append((time.monotonic() - begun) * 1000)
    time.sleep(0.2)
elapsed = time.monotonic() - started
stop.set()
timings.sort()
print(f"{timings[len(timings) // 2]:.0f} {timings[max(0, int(len(timings) * 0.99) - 1)]:.0f} {timings[-1]:.0f} {searched[0] / elapsed:.0f}")
