"""Funds and releases milestones through the API the way the project room does, timing each: PROJECTS projects of
ten milestones are made first (an order, a planned proposal, its acceptance; not timed), then WORKERS clients at once
fund each milestone (open the payment, confirm it with the local processor's test card) and release all of it.
Prints one line of figures: the count, and p50/p99 in ms of funding, of releasing and of the two together.

    fund-release.py BASE CLIENT_EMAIL PROVIDER_EMAIL PASSWORD PROJECTS WORKERS
"""
import asyncio
import datetime
import sys
import time
import uuid

import aiohttp

CARD = {"number": "4242424242424242", "expiry_month": 12, "expiry_year": 2034, "security_code": "123"}


async def call(session, method, url, token, body=None, key=None, expect=(200, 201)):
    headers = {"Authorization": "Bearer " + token}
    if key:
        headers["Idempotency-Key"] = key
    async with session.request(method, url, json=body, headers=headers) as answer:
        data = await answer.json()
        if answer.status not in expect:
            raise RuntimeError(f"{method} {url}: {answer.status} {data}")
        return data


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def main():
    base, client_email, provider_email, password = sys.argv[1:5]
    projects, workers = int(sys.argv[5]), int(sys.argv[6])
    async with aiohttp.ClientSession() as session:
        tokens = []
        for email in (client_email, provider_email):
            async with session.post(base + "/api/auth/login", json={"email": email, "password": password}) as answer:
                tokens.append((await answer.json())["access_token"])
        client, provider = tokens
        category = (await call(session, "GET", base + "/api/categories", client))["categories"][0]["id"]
        deadline = (datetime.date.today() + datetime.timedelta(days=60)).isoformat() + "T17:00"
        milestones = []
        for number in range(projects):
            order = await call(session, "POST", base + "/api/orders", client, {
                "title": f"Project {number} for the escrow benchmark", "description": "Ten milestones, each funded and released.",
                "category_id": category, "budget_min": 900, "budget_max": 1100, "currency": "EUR", "deadline": deadline,
                "time_zone": "Europe/Paris"})
            proposal = await call(session, "POST", f"{base}/api/orders/{order['id']}/proposals", provider, {
                "message": "Ten steps, one a day.", "price": "1000", "timeline_days": 20,
                "milestones": [{"title": f"Step {step}", "amount": "100", "due_in_days": step + 1} for step in range(10)]})
            accepted = await call(session, "POST", f"{base}/api/proposals/{proposal['id']}/accept", client)
            project = await call(session, "GET", f"{base}/api/projects/{accepted['project']['id']}", client)
            milestones += [item["id"] for item in project["milestones"]]

        funding, releasing, both = [], [], []
        queue = asyncio.Queue()
        for milestone in milestones:
            queue.put_nowait(milestone)

        async def worker():
            while not queue.empty():
                milestone = queue.get_nowait()
                started = time.perf_counter()
                payment = await call(session, "POST", f"{base}/api/milestones/{milestone}/fund", client, key=str(uuid.uuid4()))
                confirmed = await call(session, "POST", f"{base}/api/payments/{payment['id']}/confirm", client, CARD, key=str(uuid.uuid4()))
                if confirmed["status"] != "succeeded":
                    raise RuntimeError(f"milestone {milestone}: {confirmed['status']}")
                funded = time.perf_counter()
                await call(session, "POST", f"{base}/api/milestones/{milestone}/release", client, {}, key=str(uuid.uuid4()))
                released = time.perf_counter()
                funding.append((funded - started) * 1000)
                releasing.append((released - funded) * 1000)
                both.append((released - started) * 1000)

        await asyncio.gather(*(worker() for _ in range(workers)))
        print("milestones=%d workers=%d fund_p50_ms=%.1f fund_p99_ms=%.1f release_p50_ms=%.1f release_p99_ms=%.1f both_p50_ms=%.1f both_p99_ms=%.1f" % (
            len(both), workers, percentile(funding, 0.5), percentile(funding, 0.99), percentile(releasing, 0.5), percentile(releasing, 0.99),
            percentile(both, 0.5), percentile(both, 0.99)))


if __name__ == "__main__":
    asyncio.run(main())
