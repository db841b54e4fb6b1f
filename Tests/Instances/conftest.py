"""Fixtures of the tests that run two `agora serve` on one PostgreSQL database (run through
Tests/Support/with-postgres.sh, which sets AGORA_TEST_POSTGRES_URL)."""
import os
import subprocess
import sys
import uuid

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402

# What every instance of one deployment shares: the keys that sign tokens and seal messages and documents.
SHARED = {
    "AGORA_JWT_SECRET": "instances-test-signing-secret-of-32-characters",
    "AGORA_MESSAGE_KEYS": "instances-test-message-secret-of-32-characters",
    "AGORA_DOCUMENT_KEY": "instances-test-document-secret-of-32-characters",
}


@pytest.fixture(scope="session")
def instances():
    """Two services on one new PostgreSQL database: the first prepares it (migration, demo accounts)."""
    admin = os.environ.get("AGORA_TEST_POSTGRES_URL")
    if not admin:
        pytest.fail("AGORA_TEST_POSTGRES_URL is not set: run these tests through Tests/Support/with-postgres.sh")
    name = "agora_instances_" + uuid.uuid4().hex
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    database = admin.rsplit("/", 1)[0] + "/" + name
    first = AgoraService(database=database, **SHARED)
    second = AgoraService(database=database, prepared=True, AGORA_SITE_WORKER="off", **SHARED)
    second.provider_email = first.provider_email
    yield first, second
    second.stop()
    first.stop()
