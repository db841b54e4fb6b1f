#!/usr/bin/env python3
"""Watch mode: the time from saving a Markdown page to the reloaded page showing the change.

    bench-watch.py AGORA DATABASE WORKDIR [SAVES]

Starts `agora serve --watch` on the database (its first build writes the whole site), listens to the live-reload
event stream as a browser tab does, then saves Content/about.md SAVES times (default 20), each time with a new
sentence, and measures until the reload event has arrived and GET /about/ returns the new sentence.
"""
import http.client
import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path, timeout=5):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, body


def listen(port, events):
    """Puts the time of every reload event on `events`, as the page's EventSource would see it."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/api/dev/events")
    response = connection.getresponse()
    while True:
        line = response.fp.readline()
        if not line:
            return
        if line.strip() == b"event: reload":
            events.put(time.perf_counter())


def main():
    agora, database, work = sys.argv[1:4]
    saves = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    content = os.path.join(work, "Content")
    shutil.copytree("Content", content)
    page = os.path.join(content, "about.md")
    with open(page) as source:
        original = source.read()
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen(
        [agora, "serve", "--watch", "--database", database, "--port", str(port), "--site", os.path.join(work, "WatchSite"),
         "--content", content, "--layouts", "Layouts"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 900
        while True:
            if server.poll() is not None:
                sys.exit("agora serve --watch stopped; see " + log.name)
            try:
                if get(port, "/api/health")[0] == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                sys.exit("agora serve --watch did not answer in time")
            time.sleep(0.5)
        time.sleep(5)  # the search index warms up after the server starts listening
        events = queue.Queue()
        threading.Thread(target=listen, args=(port, events), daemon=True).start()
        time.sleep(1)
        timings = []
        for number in range(saves):
            sentence = f"Saved for the benchmark, run {number} at {time.time_ns()}."
            started = time.perf_counter()
            with open(page, "w") as target:
                target.write(original + "\n" + sentence + "\n")
            events.get(timeout=10)
            status, body = get(port, "/about/")
            if status != 200 or sentence not in body:
                sys.exit(f"the reloaded page does not show the change (status {status})")
            timings.append((time.perf_counter() - started) * 1000)
            time.sleep(0.3)
        timings.sort()
        p90 = timings[max(0, int(len(timings) * 0.9) - 1)]
        print(f"watch: saved Markdown page visible after {statistics.median(timings):.0f} ms median, "
              f"{p90:.0f} ms p90, {timings[-1]:.0f} ms max ({saves} saves)")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
