"""Makes ROOMS projects between the demo client and the demo provider, through the API as the pages do: an order
posted, a proposal sent on it, the proposal accepted.

    make-projects.py BASE CLIENT_EMAIL PROVIDER_EMAIL PASSWORD ROOMS
"""
import asyncio
import datetime
import sys

import aiohttp


async def call(session, method, url, token, body=None):
    async with session.request(method, url, json=body, headers={"Authorization": "Bearer " + token}) as answer:
        data = await answer.json()
        if answer.status >= 300:
            raise RuntimeError(f"{method} {url}: {answer.status} {data}")
        return data


async def main():
    base, client_email, provider_email, password, rooms = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    async with aiohttp.ClientSession() as session:
        tokens = []
        for email in (client_email, provider_email):
            async with session.post(base + "/api/auth/login", json={"email": email, "password": password}) as answer:
                tokens.append((await answer.json())["access_token"])
        client, provider = tokens
        categories = (await call(session, "GET", base + "/api/categories", client))["categories"]
        deadline = (datetime.date.today() + datetime.timedelta(days=60)).isoformat() + "T17:00"
        semaphore = asyncio.Semaphore(8)

        async def one(number):
            async with semaphore:
                order = await call(session, "POST", base + "/api/orders", client, {
                    "title": f"Project {number} for the chat benchmark", "description": "A project whose room the benchmark fills with messages.",
                    "category_id": categories[0]["id"], "budget_min": 500, "budget_max": 900, "currency": "EUR",
                    "deadline": deadline, "time_zone": "Europe/Paris"})
                proposal = await call(session, "POST", f"{base}/api/orders/{order['id']}/proposals", provider, {
                    "message": "Ready to start this week.", "price": "700", "timeline_days": 20})
                await call(session, "POST", f"{base}/api/proposals/{proposal['id']}/accept", client)

        await asyncio.gather(*(one(number) for number in range(rooms)))


if __name__ == "__main__":
    asyncio.run(main())
