"""`agora serve` killed with SIGKILL in the middle of a money workload, then started again on the same database, on
both engines: twenty workers fund, release and refund milestones through the API with Idempotency-Keys; afterwards
`agora ledger verify` passes, every request answered 2xx is in the ledger exactly once, and sent again with its key
it answers the first answer (`Idempotent-Replayed`) without moving money twice."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import SHARED  # noqa: E402
from agora_service import AGORA, ROOT, AgoraService  # noqa: E402

WORKERS = 20
CARD = {"number": "4242424242424242", "expiry_month": 12, "expiry_year": 2034, "security_code": "123"}


def send(base, method, path, token, body=None, key=None):
    """(status, JSON answer, headers); a connection cut by the crash is (None, None, {})."""
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
    if key:
        headers["Idempotency-Key"] = key
    request = urllib.request.Request(base + "/api" + path, method=method, headers=headers,
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.load(answer), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, None, dict(error.headers)
    except OSError:
        return None, None, {}


class Workload:
    """The workers' shared record: the milestones, the payment that funded each, and every request answered 2xx with
    the ledger key it wrote."""

    def __init__(self, milestones, client, provider):
        self.milestones = milestones
        self.client = client
        self.provider = provider
        self.payments = {}
        self.acknowledged = []
        self.lock = threading.Lock()
        self.base = None

    def step(self, generator, worker, number):
        milestone = generator.choice(self.milestones)
        key = "crash-%d-%d-%s" % (worker, number, uuid.uuid4().hex[:6])
        choice = generator.randrange(10)
        base, client, provider = self.base, self.client["token"], self.provider["token"]
        if choice < 4:
            status, payment, _ = send(base, "POST", "/milestones/%d/fund" % milestone, client, key=key + "-open")
            if status != 201:
                return
            path = "/payments/%d/confirm" % payment["id"]
            status, confirmed, _ = send(base, "POST", path, client, CARD, key=key)
            if status == 200 and confirmed["status"] == "succeeded":
                self.record(milestone, payment["id"], ("POST", path, client, CARD, key, "payment:%d:funded" % payment["id"]))
        elif choice < 7:
            path, body = "/milestones/%d/release" % milestone, {"amount": str(generator.randint(1, 300))}
            if send(base, "POST", path, client, body, key=key)[0] == 200:
                self.record(None, None, ("POST", path, client, body, key, "release:%d:%s" % (self.client["id"], key)))
        else:
            payment = self.payments.get(milestone)
            if payment is None:
                return
            path, body = "/payments/%d/refunds" % payment, {"amount": str(generator.randint(1, 300)), "reason": "Part of the work is dropped."}
            if send(base, "POST", path, provider, body, key=key)[0] == 201:
                self.record(None, None, ("POST", path, provider, body, key, "refund:%d:%s" % (self.provider["id"], key)))

    def record(self, milestone, payment, request):
        with self.lock:
            if milestone is not None:
                self.payments[milestone] = payment
            self.acknowledged.append(request)

    def run(self, until):
        def worker(index):
            generator = random.Random(index)
            number = 0
            while time.time() < until:
                self.step(generator, index, number)
                number += 1
        with ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(worker, range(WORKERS)))


def signed_in(service, email, password):
    request = urllib.request.Request(service.base + "/api/auth/login", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"email": email, "password": password}).encode())
    with urllib.request.urlopen(request) as answer:
        body = json.load(answer)
    return {"token": body["access_token"], "id": body["user"]["id"]}


def ledger_keys(engine, database):
    if engine == "sqlite":
        with sqlite3.connect(database) as connection:
            return [row[0] for row in connection.execute("SELECT idempotency_key FROM ledger_transactions")]
    listed = subprocess.run(["psql", database, "-Atc", "SELECT idempotency_key FROM ledger_transactions"], check=True, capture_output=True, text=True)
    return listed.stdout.split()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        yield request.param, str(tmp_path / "agora.sqlite")
        return
    admin = os.environ.get("AGORA_TEST_POSTGRES_URL")
    if not admin:
        pytest.fail("AGORA_TEST_POSTGRES_URL is not set: run these tests through Tests/Support/with-postgres.sh")
    name = "agora_crash_" + uuid.uuid4().hex
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    yield request.param, admin.rsplit("/", 1)[0] + "/" + name
    subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)


def test_a_killed_service_loses_nothing_it_acknowledged_and_moves_nothing_twice(database):
    engine, location = database
    first = AgoraService(database=location, **SHARED)
    milestones = []
    for _ in range(4):
        project = first.accepted_project()
        client = first.sign_in(first.CLIENT_EMAIL, first.DEMO_PASSWORD)
        milestones += [item["id"] for item in first.api("GET", "/projects/%d" % project, client)["milestones"]]
    workload = Workload(milestones, signed_in(first, first.CLIENT_EMAIL, first.DEMO_PASSWORD),
                        signed_in(first, first.provider_email, first.DEMO_PASSWORD))
    workload.base = first.base

    # The workload runs; in its middle the service is killed, mid-request for some of the workers.
    killer = threading.Timer(3.0, lambda: first.process.send_signal(signal.SIGKILL))
    killer.start()
    workload.run(until=time.time() + 5.0)
    killer.join()
    first.process.wait(timeout=10)
    assert first.process.returncode == -signal.SIGKILL
    before_restart = len(workload.acknowledged)
    assert before_restart > 0, "the workload moved money before the crash"

    # Started again on the same database, the workload goes on.
    second = AgoraService(database=location, prepared=True, AGORA_SITE_WORKER="off", **SHARED)
    try:
        workload.base = second.base
        workload.run(until=time.time() + 2.0)

        verified = subprocess.run([AGORA, "ledger", "verify", "--database", location], cwd=ROOT, capture_output=True, text=True)
        assert verified.returncode == 0, verified.stdout + verified.stderr
        keys = ledger_keys(engine, location)
        assert len(keys) == len(set(keys))
        missing = [request[5] for request in workload.acknowledged if request[5] not in set(keys)]
        assert missing == [], "acknowledged but not in the ledger"

        # Every acknowledged request, sent again with its key, answers the first answer and moves nothing.
        count = len(keys)
        for method, path, token, body, key, _ in workload.acknowledged:
            status, _, headers = send(second.base, method, path, token, body, key=key)
            assert status in (200, 201) and headers.get("Idempotent-Replayed") == "true", (path, status)
        assert len(ledger_keys(engine, location)) == count
    finally:
        second.stop()
        first.log.close()
