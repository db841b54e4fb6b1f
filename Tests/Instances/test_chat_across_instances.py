"""Two `agora serve` on one PostgreSQL database, as a deployment runs them behind a balancer: a message posted through
one reaches a member whose WebSocket is on the other, typing crosses over, and a member who comes back through the
other instance with the last sequence they saw is sent exactly what they missed."""
import asyncio

import aiohttp


async def connect(session, service, token, room, after=None):
    socket = await session.ws_connect(service.base.replace("http", "ws", 1) + "/api/ws")
    await socket.send_json({"type": "auth", "token": token})
    assert (await frame(socket, "ready"))["type"] == "ready"
    subscribe = {"type": "subscribe", "room": room}
    if after is not None:
        subscribe["after"] = after
    await socket.send_json(subscribe)
    await frame(socket, "subscribed")
    return socket


async def frame(socket, kind, event=None, timeout=10):
    """The next frame of `kind` (and event kind), skipping the others."""
    async def wanted():
        while True:
            message = await socket.receive_json()
            if message["type"] == kind and (event is None or message.get("kind") == event):
                return message
    return await asyncio.wait_for(wanted(), timeout)


async def post(session, service, token, room, text):
    async with session.post(f"{service.base}/api/projects/{room}/messages", json={"body": text},
                            headers={"Authorization": "Bearer " + token}) as answer:
        assert answer.status == 201, await answer.text()
        return (await answer.json())["id"]


def test_a_message_and_typing_cross_from_one_instance_to_the_other(instances):
    first, second = instances
    room = first.accepted_project()
    client = first.sign_in(first.CLIENT_EMAIL, first.DEMO_PASSWORD)
    provider = second.sign_in(first.provider_email, first.DEMO_PASSWORD)

    async def scenario():
        async with aiohttp.ClientSession() as session:
            provider_socket = await connect(session, second, provider, room)
            client_socket = await connect(session, first, client, room)
            presence = await frame(client_socket, "presence")
            assert presence["who"] == "provider" and presence["state"] == "online"

            await client_socket.send_json({"type": "typing", "room": room, "state": "start"})
            typing = await frame(provider_socket, "typing")
            assert typing["who"] == "client" and typing["state"] == "start"

            sent = await post(session, first, client, room, "Posted on the first instance")
            event = await frame(provider_socket, "event", "message.created")
            assert event["message"]["id"] == sent and event["message"]["mine"] is False
            last = event["sequence"]

            # The provider drops; three messages go through the first instance; the provider comes back to the second.
            await provider_socket.close()
            missed = [await post(session, first, client, room, f"While you were away {index}") for index in range(3)]
            provider_socket = await connect(session, second, provider, room, after=last)
            arrived = [await frame(provider_socket, "event", "message.created") for _ in missed]
            assert [event["message"]["id"] for event in arrived] == missed
            assert [event["sequence"] for event in arrived] == [last + 1, last + 2, last + 3]
            try:
                extra = await frame(provider_socket, "event", timeout=1.5)
                raise AssertionError(f"nothing more was missed, yet {extra}")
            except asyncio.TimeoutError:
                pass
            await provider_socket.close()
            await client_socket.close()

    asyncio.run(scenario())
