"""Fixtures of the browser tests: the real `agora serve` over a fresh database and a freshly built site, and a
headless Chromium driven by selenium."""
import os
import shutil
import sys

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402


@pytest.fixture(scope="session")
def service():
    running = AgoraService()
    yield running
    running.stop()


def new_browser():
    """A headless Chromium of its own (a test that needs two people at once opens a second one)."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    # The console, which tests read for Content-Security-Policy violations.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture
def browser():
    driver = new_browser()
    yield driver
    driver.quit()
