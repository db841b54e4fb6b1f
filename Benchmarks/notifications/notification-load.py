"""Notifications under load, against a running `agora serve`. One of three measures, each printing one line of
`key=value` figures:

    notification-load.py live BASE CLIENT_EMAIL PROVIDER_EMAIL PASSWORD EVENTS
        A project between the two; the client's socket follows their notifications while the provider posts EVENTS
        messages one after another: each timed from the moment its POST starts to the moment the notification it
        causes (the burst's newest) reaches the client's open socket.
    notification-load.py announce BASE ADMIN_EMAIL PASSWORD
        Marketplace news to every member, as the admin page sends it: the time the request takes to write a
        notification for each member (and queue the emails of those who chose news by email).
    notification-load.py emails BASE ADMIN_EMAIL PASSWORD MAILDIR
        A staff message to every provider, then the email worker delivering them: messages queued, and the seconds
        from the request until the last one is in MAILDIR (one file per message), and the rate.
"""
import asyncio
import datetime
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request

import aiohttp

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Support"))
from totp import totp  # noqa: E402


def call(base, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request) as answer:
            data = answer.read()
            return json.loads(data) if data else None
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{method} {path}: {error.code} {error.read()[:300]!r}")


def sign_in(base, email, password):
    return call(base, "POST", "/api/auth/login", {"email": email, "password": password, "remember_me": False})["access_token"]



def administrator(base, email, password):
    """The staff member signed in with two factors, which administration needs."""
    token = sign_in(base, email, password)
    secret = call(base, "POST", "/api/auth/two-factor/enrolment", token=token)["secret"]
    call(base, "POST", "/api/auth/two-factor/enrolment/confirm", {"code": totp(secret)}, token=token)
    return token


def project(base, client, provider):
    """An accepted project between the two, as the pages make one."""
    category = call(base, "GET", "/api/categories", token=client)["categories"][0]["id"]
    deadline = (datetime.date.today() + datetime.timedelta(days=60)).isoformat() + "T17:00"
    order = call(base, "POST", "/api/orders", {
        "title": "A bakery's booking site", "description": "Customers order bread for the next morning, paid by card.",
        "category_id": category, "budget_min": 1500, "budget_max": 2500, "currency": "EUR", "deadline": deadline,
        "time_zone": "Europe/Paris"}, token=client)["id"]
    proposal = call(base, "POST", f"/api/orders/{order}/proposals", {
        "message": "Two weeks, with a design round first.", "price": "1800", "timeline_days": 14}, token=provider)["id"]
    return call(base, "POST", f"/api/proposals/{proposal}/accept", token=client)["project"]["id"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def live(base, client_email, provider_email, password, events):
    client, provider = sign_in(base, client_email, password), sign_in(base, provider_email, password)
    room = project(base, client, provider)
    latencies = []
    async with aiohttp.ClientSession() as session:
        socket = await session.ws_connect(base.replace("http", "ws", 1) + "/api/ws", heartbeat=None)
        await socket.send_json({"type": "auth", "token": client})
        arrived = asyncio.Queue()
        following = asyncio.Event()

        async def read():
            async for message in socket:
                if message.type != aiohttp.WSMsgType.TEXT:
                    break
                frame = json.loads(message.data)
                if frame.get("type") == "ready":
                    await socket.send_json({"type": "notifications"})
                elif frame.get("type") == "notifications-following":
                    following.set()
                elif frame.get("type") == "notifications":
                    for notification in frame["notifications"]:
                        if notification["type"] == "message_received":
                            arrived.put_nowait(time.perf_counter())

        reader = asyncio.ensure_future(read())
        await asyncio.wait_for(following.wait(), 10)
        headers = {"Authorization": "Bearer " + provider}
        for number in range(events):
            started = time.perf_counter()
            async with session.post(f"{base}/api/projects/{room}/messages", json={"body": f"Update {number}"}, headers=headers) as answer:
                if answer.status != 201:
                    raise SystemExit(f"message {number}: {answer.status} {await answer.text()}")
            latencies.append((await asyncio.wait_for(arrived.get(), 10) - started) * 1000)
        await socket.close()
        await reader
    print(f"events={events} p50_ms={statistics.median(latencies):.1f} p99_ms={percentile(latencies, 0.99):.1f} max_ms={max(latencies):.1f}")


def announce(base, email, password):
    token = administrator(base, email, password)
    started = time.perf_counter()
    request = urllib.request.Request(base + "/api/admin/announcements", method="POST", data=json.dumps({
        "title": "Design has its own pages", "message": "Logo, brand and packaging design now have the pages they deserve.",
        "segment": "everyone"}).encode(), headers={
        "Content-Type": "application/json", "Authorization": "Bearer " + token, "Idempotency-Key": "bench-" + str(time.time())})
    with urllib.request.urlopen(request) as answer:
        sent = json.loads(answer.read())
    elapsed = time.perf_counter() - started
    print(f"recipients={sent['recipients']} emails={sent['emails']} seconds={elapsed:.2f}")


def emails(base, email, password, maildir):
    token = administrator(base, email, password)
    before = len(os.listdir(maildir)) if os.path.isdir(maildir) else 0
    started = time.perf_counter()
    queued = call(base, "POST", "/api/admin/messages?type=provider", {
        "subject": "The marketplace's new fees", "message": "From next month, the fee on each payment is lower."}, token=token)["recipients"]
    delivered = before
    while delivered - before < queued:
        time.sleep(0.1)
        delivered = len(os.listdir(maildir)) if os.path.isdir(maildir) else 0
        if time.perf_counter() - started > 1800:
            raise SystemExit(f"only {delivered - before} of {queued} delivered in 30 minutes")
    elapsed = time.perf_counter() - started
    print(f"queued={queued} seconds={elapsed:.1f} per_second={queued / elapsed:.0f}")


measure, base = sys.argv[1], sys.argv[2]
if measure == "live":
    asyncio.run(live(base, sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])))
elif measure == "announce":
    announce(base, sys.argv[3], sys.argv[4])
elif measure == "emails":
    emails(base, sys.argv[3], sys.argv[4], sys.argv[5])
else:
    raise SystemExit(__doc__)
