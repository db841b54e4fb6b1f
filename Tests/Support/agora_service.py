"""`agora serve` as the Python suites (browser, contract) use it: a fresh database with the demo data and an
administrator, a freshly built site, a free port, and the email worker writing .eml files that tests open like a
person would."""
import datetime
import email
import email.policy
import glob
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
AGORA = os.path.join(ROOT, ".build", "debug", "agora")


# The demo database each SQLite service of a run starts from, per set of settings: migrated, seeded with the demo
# (seconds of work: its year of projects and reviews runs through the repositories) and given the administrator once,
# then copied for each service.
PREPARED = {}


def prepare(command, database, environment):
    """Runs an `agora` command on the database; its standard output."""
    return subprocess.run([AGORA, *command, "--database", database], cwd=ROOT, env=environment,
                          check=True, capture_output=True, text=True).stdout


def demo_database(environment, settings, administrator):
    """The path of the prepared demo database for these settings, and the demo provider's address."""
    key = tuple(sorted(settings.items()))
    if key not in PREPARED:
        database = os.path.join(tempfile.mkdtemp(prefix="agora-demo-"), "agora.sqlite")
        provider = None
        for command in (["migrate"], ["seed", "--demo"], administrator):
            accounts = re.search(r"demo accounts: \S+ \(client\) and (\S+) \(provider\)", prepare(command, database, environment))
            if accounts:
                provider = accounts.group(1)
        PREPARED[key] = (database, provider)
    return PREPARED[key]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AgoraService:
    """`agora serve` on a free port; its mail directory is read with `emails_to`. An administrator account is made
    with `agora admin create`, so that tests needing a signed-in person do not spend the registration limit."""

    ADMIN_EMAIL = "grace.admin@example.com"
    ADMIN_PASSWORD = "Quartz-Meadow-Kettle-42"
    # `agora seed --demo` opens a client and a provider account with this password (AGORA_DEMO_PASSWORD).
    DEMO_PASSWORD = "Demo-Marketplace-Tryout-26"
    CLIENT_EMAIL = "client@example.com"

    def __init__(self, database=None, prepared=False, **settings):
        """A service over a fresh SQLite file (a copy of the run's prepared demo database), or over `database` (a
        PostgreSQL URL, prepared here); `prepared` skips the migration, the seed and the administrator, for a second
        instance on a database a first one prepared."""
        self.scratch = tempfile.mkdtemp(prefix="agora-browser-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        database = database or os.path.join(self.scratch, "agora.sqlite")
        site = os.path.join(self.scratch, "Site")
        self.mail = os.path.join(self.scratch, "Storage", "mail")
        environment = dict(os.environ, AGORA_ENVIRONMENT="test", AGORA_BCRYPT_COST="4", AGORA_CAPTCHA_DIFFICULTY="10",
                           AGORA_STORAGE=os.path.join(self.scratch, "Storage"), AGORA_BASE_URL=self.base,
                           **settings)
        administrator = ["admin", "create", "--email", self.ADMIN_EMAIL, "--first-name", "Grace", "--last-name", "Admin"]
        preparing = dict(environment, AGORA_ADMIN_PASSWORD=self.ADMIN_PASSWORD, AGORA_DEMO_PASSWORD=self.DEMO_PASSWORD)
        if not prepared and not database.startswith("postgres"):
            template, self.provider_email = demo_database(preparing, settings, administrator)
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(template + suffix):
                    shutil.copyfile(template + suffix, database + suffix)
        elif not prepared:
            for command in (["migrate"], ["seed", "--demo"], administrator):
                accounts = re.search(r"demo accounts: \S+ \(client\) and (\S+) \(provider\)", prepare(command, database, preparing))
                if accounts:
                    self.provider_email = accounts.group(1)
        prepare(["build", "--out", site], database, preparing)
        self.log = open(os.path.join(self.scratch, "serve.log"), "w")
        self.process = subprocess.Popen([AGORA, "serve", "--database", database, "--port", str(self.port), "--site", site],
                                        cwd=ROOT, env=environment, stdout=self.log, stderr=self.log)
        for _ in range(300):
            try:
                with urllib.request.urlopen(self.base + "/api/health") as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("agora serve did not start")

    def sign_in(self, address, password):
        """An access token for the account, from the real sign-in route."""
        request = urllib.request.Request(self.base + "/api/auth/login", method="POST",
                                         data=json.dumps({"email": address, "password": password}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as answer:
            return json.load(answer)["access_token"]

    def api(self, method, path, token, body=None, idempotency_key=None):
        """Calls the API as the holder of `token` (with an Idempotency-Key, which money-moving calls need); the JSON
        answer, None for an answer without a body (the test fails on an error status)."""
        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        request = urllib.request.Request(self.base + "/api" + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(), headers=headers)
        try:
            with urllib.request.urlopen(request) as answer:
                text = answer.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method} {path}: {error.code} {error.read().decode()}") from None

    def accepted_project(self):
        """A project with two milestones between the demo client and the demo provider, through the API as the pages
        make one: an order, a planned proposal, its acceptance. Its id."""
        client = self.sign_in(self.CLIENT_EMAIL, self.DEMO_PASSWORD)
        provider = self.sign_in(self.provider_email, self.DEMO_PASSWORD)
        category = self.api("GET", "/categories", client)["categories"][0]["id"]
        deadline = (datetime.date.today() + datetime.timedelta(days=60)).isoformat() + "T17:00"
        order = self.api("POST", "/orders", client, {
            "title": "A bakery's booking site", "description": "Customers order bread for the next morning.", "category_id": category,
            "budget_min": 1500, "budget_max": 2500, "currency": "EUR", "deadline": deadline, "time_zone": "Europe/Paris"})
        proposal = self.api("POST", "/orders/%d/proposals" % order["id"], provider, {
            "message": "Two weeks, with a design round first.", "price": "1800", "timeline_days": 14,
            "milestones": [{"title": "Design", "amount": "600", "due_in_days": 5}, {"title": "Launch", "amount": "1200", "due_in_days": 14}]})
        return self.api("POST", "/proposals/%d/accept" % proposal["id"], client)["project"]["id"]

    def emails_to(self, address, subject_part, timeout=10, containing=None):
        """The plain text of the newest email to the address whose subject contains the text (and whose body
        `containing`, when given: an older email of the same subject must not stand in for one the worker has not sent
        yet), waiting for it."""
        message = self.message_to(address, subject_part, timeout, containing)
        return message.get_body(preferencelist=("plain",)).get_content()

    def message_to(self, address, subject_part, timeout=10, containing=None):
        """The newest such email whole, as the `email` package parses it (its parts, its attachments)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for path in sorted(glob.glob(os.path.join(self.mail, "*.eml")), reverse=True):
                with open(path, "rb") as handle:
                    message = email.message_from_binary_file(handle, policy=email.policy.default)
                if message["To"] == address and subject_part in message["Subject"]:
                    body = message.get_body(preferencelist=("plain",)).get_content()
                    if containing is None or containing in body:
                        return message
            time.sleep(0.1)
        raise AssertionError(f"no email to {address} about {subject_part!r}")

    def link_in(self, text):
        return re.search(r"http://\S+token=[A-Za-z0-9_-]{43}", text).group(0)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.scratch, ignore_errors=True)
