"""The contract: schemathesis reads /api/openapi.json from a real `agora serve` and sends every operation examples,
boundary values and invalid requests as a signed-in client (schemathesis.toml), with every check. Any failure — a
500, an answer the document does not list, a valid request refused, an invalid one accepted, a wrong method without
405 and Allow — fails the suite. The seed is fixed so that a run can be repeated. One worker: Python 3.11's parser
is not safe to call from two threads at once, and hypothesis parses lambdas while it describes its strategies ("AST
constructor recursion depth mismatch"). Limits and the sign-in CAPTCHA are off (AGORA_RATE_LIMITS, AGORA_CAPTCHA):
the run sends more than any person would, wrong passwords for its own account among them, and a 429 would hide the
answer being checked. It runs in the service's scratch folder, where schemathesis keeps its cache of earlier
failures, so that every run starts from nothing."""
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402

SCHEMATHESIS = os.path.join(os.path.dirname(sys.executable), "schemathesis")
CONFIGURATION = os.path.join(os.path.dirname(__file__), "schemathesis.toml")


@pytest.fixture(scope="module")
def service():
    running = AgoraService(AGORA_RATE_LIMITS="off", AGORA_CAPTCHA="off")
    yield running
    running.stop()


def test_every_operation_keeps_the_published_contract(service):
    run = subprocess.run([SCHEMATHESIS, "--config-file", CONFIGURATION, "run", service.base + "/api/openapi.json",
                          "--checks", "all", "--max-examples", "10", "--seed", "26", "--workers", "1", "--no-color"],
                         capture_output=True, text=True, cwd=service.scratch,
                         env=dict(os.environ, AGORA_CONTRACT_EMAIL=service.CLIENT_EMAIL,
                                  AGORA_CONTRACT_PASSWORD=service.DEMO_PASSWORD))
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-4000:]
