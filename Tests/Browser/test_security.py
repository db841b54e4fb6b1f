"""Every page type in a real browser under the service's Content-Security-Policy: nothing the pages or their islands
do is refused, signed out and signed in."""
import re
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SHELLS = ["/register/", "/check-inbox/", "/verify-email/", "/login/", "/forgot-password/", "/reset-password/", "/sign-in-link/",
          "/settings/security/", "/search/", "/saved/", "/orders/new/", "/orders/", "/orders/inbox/", "/unauthorized/"]


def generated_pages(service):
    """The homepage, a category page, a provider page and a Markdown page from the sitemap, the 404 page."""
    with urllib.request.urlopen(service.base + "/sitemap-1.xml") as answer:
        urls = re.findall(r"<loc>([^<]+)</loc>", answer.read().decode())
    paths = [url[len(service.base):] for url in urls]
    category = next(path for path in paths if path.startswith("/categories/"))
    provider = next(path for path in paths if path.startswith("/providers/"))
    return ["/", category, provider, "/how-it-works/", "/no-such-page/"]


def violations(browser, path):
    browser.get(browser.base + path)
    WebDriverWait(browser, 15).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    time.sleep(0.5)  # the islands' first requests
    return [entry["message"] for entry in browser.get_log("browser")
            if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]


def test_every_page_type_runs_under_the_content_security_policy(service, browser):
    browser.base = service.base
    with urllib.request.urlopen(service.base + "/") as answer:
        policy = answer.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for path in generated_pages(service) + SHELLS:
        assert violations(browser, path) == [], path
    browser.get(service.base + "/login/")
    browser.find_element(By.ID, "email").send_keys(service.CLIENT_EMAIL)
    field = browser.find_element(By.ID, "password")
    field.send_keys(service.DEMO_PASSWORD)
    field.send_keys(Keys.ENTER)
    WebDriverWait(browser, 15).until(lambda driver: "/login/" not in driver.current_url)
    for path in ["/orders/", "/orders/new/", "/saved/", "/settings/security/", "/search/?q=design"]:
        assert violations(browser, path) == [], path


def test_the_console_shows_a_violation_when_there_is_one(service, browser):
    """The check above can fail: an inline script injected into a page is refused and reported."""
    browser.base = service.base
    violations(browser, "/")
    browser.execute_script("var s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.appendChild(s);")
    time.sleep(0.2)
    assert browser.execute_script("return window.ran") is None
    assert any("Content Security Policy" in entry["message"] for entry in browser.get_log("browser"))
