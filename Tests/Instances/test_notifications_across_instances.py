"""Two `agora serve` on one PostgreSQL database: a notification written through one instance reaches the member's
WebSocket on the other at once, and a read through the first updates the count on the second; marketplace news sent
through one reaches every tab on the other."""
import asyncio
import datetime

import aiohttp

from test_chat_across_instances import frame
from totp import totp



async def follow(session, service, token):
    socket = await session.ws_connect(service.base.replace("http", "ws", 1) + "/api/ws")
    await socket.send_json({"type": "auth", "token": token})
    await frame(socket, "ready")
    await socket.send_json({"type": "notifications"})
    await frame(socket, "notifications-following")
    return socket, (await frame(socket, "notifications"))["unread"]


async def changed(socket, wanted):
    """The next `notifications` frame that satisfies `wanted` (a change may be told twice: by the instance that wrote
    it, and by the database's notification)."""
    while True:
        message = await frame(socket, "notifications")
        if wanted(message):
            return message


def test_a_notification_written_through_one_instance_reaches_a_tab_on_the_other(instances):
    first, second = instances
    client = first.sign_in(first.CLIENT_EMAIL, first.DEMO_PASSWORD)
    category = first.api("GET", "/categories", client)["categories"][0]["id"]
    deadline = (datetime.date.today() + datetime.timedelta(days=30)).isoformat() + "T17:00"

    async def scenario():
        async with aiohttp.ClientSession() as session:
            socket, unread = await follow(session, second, client)
            first.api("POST", "/orders", client, {
                "title": "Signage for the new shop front", "description": "A painted sign, two metres wide, in our colours.",
                "category_id": category, "budget_min": 400, "budget_max": 900, "currency": "EUR", "deadline": deadline,
                "time_zone": "Europe/Paris"})
            news = await changed(socket, lambda message: message["notifications"])
            assert news["unread"] == unread + 1
            assert news["notifications"][0]["title"].endswith("is open")
            first.api("POST", "/notifications/read", client, {"all": True})
            assert (await changed(socket, lambda message: message["unread"] == 0))["unread"] == 0
            await socket.close()

    asyncio.run(scenario())


def test_news_sent_through_one_instance_reaches_every_tab_on_the_other(instances):
    """Marketplace news is one signal for every live connection (`*`): sent through the first instance, it reaches a
    client's tab on the second."""
    first, second = instances
    client = first.sign_in(first.CLIENT_EMAIL, first.DEMO_PASSWORD)
    admin = first.sign_in(first.ADMIN_EMAIL, first.ADMIN_PASSWORD)
    secret = first.api("POST", "/auth/two-factor/enrolment", admin)["secret"]
    first.api("POST", "/auth/two-factor/enrolment/confirm", admin, {"code": totp(secret)})

    async def scenario():
        async with aiohttp.ClientSession() as session:
            socket, unread = await follow(session, second, client)
            sent = first.api("POST", "/admin/announcements", admin, {
                "title": "Design has its own pages", "message": "Logo, brand and packaging design now have theirs.", "segment": "clients"},
                idempotency_key="news-across-instances")
            assert sent["recipients"] >= 1
            news = await changed(socket, lambda message: any(item["type"] == "marketplace_news" for item in message["notifications"]))
            assert news["unread"] == unread + 1
            assert news["notifications"][-1]["title"] == "Design has its own pages"
            await socket.close()

    asyncio.run(scenario())
