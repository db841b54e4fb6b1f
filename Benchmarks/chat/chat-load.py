"""The chat under load, against one or two running `agora serve` (the same database): CLIENTS WebSocket connections
in rooms of five (three tabs of the project's client, two of its provider), messages posted over HTTP at RATE a
second for SECONDS, each timed from the moment its POST starts to its arrival at every other connection of its room;
every arrival counted, so that a message lost or delivered twice shows. Then every connection drops at once while
each room gets messages, and comes back with the last sequence it saw: the time until all have caught up.

    chat-load.py BASES CLIENT_EMAIL PROVIDER_EMAIL PASSWORD CLIENTS RATE SECONDS PID [PID…]

BASES is one URL or several separated by commas (connections and posts are spread over them); PID the service
processes whose memory is read before and after the connections open. Prints one line of `key=value` figures.
"""
import asyncio
import json
import random
import sys
import time

import aiohttp

PER_ROOM = 5


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Connection:
    """One tab: its socket, its room, the last sequence it saw, and when each message arrived."""

    def __init__(self, base, room, token):
        self.base, self.room, self.token = base, room, token
        self.sequence = None
        self.arrivals = {}
        self.duplicates = 0
        self.socket = None
        self.reader = None
        self.ready = asyncio.Event()

    async def open(self, session):
        self.ready.clear()
        self.socket = await session.ws_connect(self.base.replace("http", "ws", 1) + "/api/ws", heartbeat=None, max_msg_size=0)
        await self.socket.send_json({"type": "auth", "token": self.token})
        self.reader = asyncio.ensure_future(self.read())

    async def read(self):
        async for message in self.socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            frame = json.loads(message.data)
            kind = frame.get("type")
            if kind == "ready":
                subscribe = {"type": "subscribe", "room": self.room}
                if self.sequence is not None:
                    subscribe["after"] = self.sequence
                await self.socket.send_json(subscribe)
            elif kind == "subscribed":
                self.ready.set()
            elif kind == "event" and frame.get("kind") == "message.created":
                self.sequence = frame["sequence"]
                message_id = frame["message"]["id"]
                if message_id in self.arrivals:
                    self.duplicates += 1
                else:
                    self.arrivals[message_id] = time.monotonic()
            elif kind == "event":
                self.sequence = frame["sequence"]

    async def close(self):
        await self.socket.close()
        await self.reader


async def post(session, base, room, token, text):
    async with session.post(f"{base}/api/projects/{room}/messages", json={"body": text},
                            headers={"Authorization": "Bearer " + token}) as answer:
        body = await answer.json()
        if answer.status != 201:
            raise RuntimeError(f"posting: {answer.status} {body}")
        return body["id"]


async def sign_in(session, base, email, password):
    async with session.post(base + "/api/auth/login", json={"email": email, "password": password}) as answer:
        return (await answer.json())["access_token"]


async def main():
    bases = sys.argv[1].split(",")
    client_email, provider_email, password = sys.argv[2], sys.argv[3], sys.argv[4]
    clients, rate, seconds = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
    pids = [int(pid) for pid in sys.argv[8:]]
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        client = await sign_in(session, bases[0], client_email, password)
        provider = await sign_in(session, bases[0], provider_email, password)
        async with session.get(bases[0] + "/api/projects?limit=100", headers={"Authorization": "Bearer " + client}) as answer:
            page = await answer.json()
        rooms = [project["id"] for project in page["projects"]]
        after = page.get("next_after")
        while after and len(rooms) < clients // PER_ROOM:
            async with session.get(bases[0] + "/api/projects?limit=100&after=" + after, headers={"Authorization": "Bearer " + client}) as answer:
                page = await answer.json()
            rooms += [project["id"] for project in page["projects"]]
            after = page.get("next_after")
        rooms = rooms[:clients // PER_ROOM]

        memory_before = sum(rss_kib(pid) for pid in pids)
        connections = []
        for index, room in enumerate(rooms):
            for tab in range(PER_ROOM):
                token = client if tab < 3 else provider
                connections.append(Connection(bases[(index * PER_ROOM + tab) % len(bases)], room, token))
        for chunk in range(0, len(connections), 100):
            await asyncio.gather(*(connection.open(session) for connection in connections[chunk:chunk + 100]))
        await asyncio.gather(*(connection.ready.wait() for connection in connections))
        await asyncio.sleep(2)
        memory_after = sum(rss_kib(pid) for pid in pids)
        by_room = {}
        for connection in connections:
            by_room.setdefault(connection.room, []).append(connection)

        # The steady load: RATE messages a second, each room in turn, over the bases in turn.
        sent = {}
        started = time.monotonic()
        tasks = []
        count = rate * seconds
        for number in range(count):
            due = started + number / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            room = rooms[number % len(rooms)]
            sender = client if number % 2 == 0 else provider

            async def one(room=room, sender=sender, number=number):
                begun = time.monotonic()
                message_id = await post(session, bases[number % len(bases)], room, sender, f"message {number} about the delivery")
                sent[message_id] = (room, begun)
            tasks.append(asyncio.ensure_future(one()))
        await asyncio.gather(*tasks)
        achieved = count / (time.monotonic() - started)
        # Arrivals still on their way are waited for (up to 60 s), so that "missing" counts only what never came.
        drain = time.monotonic()
        while time.monotonic() - drain < 60 and any(
                message_id not in connection.arrivals for message_id, (room, _) in sent.items() for connection in by_room[room]):
            await asyncio.sleep(0.5)
        latencies = []
        missing = 0
        for message_id, (room, begun) in sent.items():
            for connection in by_room[room]:
                arrived = connection.arrivals.get(message_id)
                if arrived is None:
                    missing += 1
                else:
                    latencies.append((arrived - begun) * 1000)
        duplicates = sum(connection.duplicates for connection in connections)
        latencies.sort()

        # Every connection drops; each room gets two messages; all come back at once with their last sequence.
        await asyncio.gather(*(connection.close() for connection in connections))
        gap = {}
        for index, room in enumerate(rooms):
            for _ in range(2):
                gap[await post(session, bases[index % len(bases)], room, client, "while everyone was away")] = room
        back = time.monotonic()
        await asyncio.gather(*(connection.open(session) for connection in connections))
        while any(message_id not in connection.arrivals for message_id, room in gap.items() for connection in by_room[room]):
            if time.monotonic() - back > 30:
                break
            await asyncio.sleep(0.02)
        caught_up = time.monotonic() - back
        behind = sum(1 for message_id, room in gap.items() for connection in by_room[room] if message_id not in connection.arrivals)
        for message_id, room in gap.items():
            for connection in by_room[room]:
                if message_id not in connection.arrivals:
                    print("behind", room, message_id, connection.sequence, connection.ready.is_set(), file=sys.stderr)
        await asyncio.gather(*(connection.close() for connection in connections))

    def percentile(share):
        return latencies[min(len(latencies) - 1, int(len(latencies) * share))] if latencies else float("nan")

    print(f"connections={len(connections)} rooms={len(rooms)} messages={len(sent)} rate={achieved:.0f} "
          f"deliveries={len(latencies)} missing={missing} duplicates={duplicates} "
          f"p50={percentile(0.5):.1f} p99={percentile(0.99):.1f} max={latencies[-1] if latencies else float('nan'):.1f} "
          f"kib_per_connection={(memory_after - memory_before) / len(connections):.1f} "
          f"reconnect_seconds={caught_up:.2f} behind={behind}")


if __name__ == "__main__":
    random.seed(7)
    asyncio.run(main())
