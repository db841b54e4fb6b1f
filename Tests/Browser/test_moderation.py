"""Moderation in a real browser: a provider reports an order from its page; an order with contact details is held by
the filters; the owner works the queue with the keyboard (claim, remove with a reason, select and approve in bulk);
the client reads the decision and appeals it."""
import json
import os
import sys
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from test_admin import enrol_two_factor, sign_in  # noqa: E402
from browsing import click, wait  # noqa: E402


@pytest.fixture(scope="module")
def service():
    running = AgoraService()
    yield running
    running.stop()


def post_order(service, token, description):
    """An open order by the demo client, through the API; its id."""
    categories = json.load(urllib.request.urlopen(service.base + "/api/categories"))["categories"]
    body = {"title": "A booking site for our bakery", "description": description, "category_id": categories[0]["id"],
            "budget_min": 1500, "budget_max": 2500, "currency": "EUR", "deadline": "2027-06-20T17:00",
            "time_zone": "Europe/Paris", "skills": ["Swift"]}
    request = urllib.request.Request(service.base + "/api/orders", method="POST", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)["id"]


def test_report_hold_decide_and_appeal(service, browser):
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    reported = post_order(service, client, "We need a small site where customers order bread for the next morning.")
    held = post_order(service, client, "Before we start, write to me at baker@example.com so we skip the platform fees.")

    # A provider reports the first order from its page.
    sign_in(service, browser, service.provider_email, service.DEMO_PASSWORD, "/orders/view/?id=%d" % reported)
    report = wait(browser).until(lambda driver: driver.find_element(By.ID, "report-order") if driver.find_element(By.ID, "report-order").is_displayed() else None)
    click(browser, report)
    dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog[open]"))
    Select(dialog.find_element(By.ID, "report-reason")).select_by_value("off-platform")
    dialog.find_element(By.ID, "report-detail").send_keys("Asks for payment by bank transfer.")
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: "a moderator will look at this order" in driver.find_element(By.ID, "form-alert").text)
    # The held order is not shown to providers.
    browser.get(service.base + "/orders/view/?id=%d" % held)
    wait(browser).until(lambda driver: "not shown to your account" in driver.find_element(By.ID, "form-alert").text)

    # The owner turns on two factors and works the queue with the keyboard.
    browser.delete_all_cookies()
    sign_in(service, browser, service.ADMIN_EMAIL, service.ADMIN_PASSWORD, "/settings/security/")
    enrol_two_factor(browser)
    browser.get(service.base + "/admin/moderation/")
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#queue-body tr")) == 2)
    assert "New\n2" in browser.find_element(By.ID, "moderation-figures").text
    first = wait(browser).until(lambda driver: driver.find_element(By.ID, "item-excerpt") if driver.find_element(By.ID, "item-excerpt").text else None)
    assert "baker@example.com" in first.text, "the held order scores highest"
    assert "Contact details" in browser.find_element(By.ID, "item-flags").text
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("c")
    wait(browser).until(lambda driver: "Claimed" in driver.find_element(By.ID, "form-alert").text)
    Select(browser.find_element(By.ID, "decision")).select_by_value("remove")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#decision-form button[type=submit]"))
    wait(browser).until(lambda driver: "required" in driver.find_element(By.ID, "decision_reason-error").text)
    browser.find_element(By.ID, "decision_reason").send_keys("Contact details take the deal off the platform.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#decision-form button[type=submit]"))
    wait(browser).until(lambda driver: "Decided: remove." in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#queue-body tr")) == 1)
    assert "Report (off-platform): Asks for payment by bank transfer." in wait(browser).until(
        lambda driver: driver.find_element(By.ID, "item-flags").text or None)
    browser.find_element(By.TAG_NAME, "body").send_keys("x")
    click(browser, browser.find_element(By.ID, "bulk-approve"))
    wait(browser).until(lambda driver: "1 decided" in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "queue-empty").is_displayed())

    # The client reads the decision (also emailed) and appeals it.
    assert "Contact details take the deal off the platform." in service.emails_to(service.CLIENT_EMAIL, "moderator")
    browser.delete_all_cookies()
    sign_in(service, browser, service.CLIENT_EMAIL, service.DEMO_PASSWORD, "/appeals/")
    statement = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#decisions-list textarea"))
    assert "Contact details take the deal off the platform." in browser.find_element(By.ID, "decisions-list").text
    statement.send_keys("I removed the address; please show it again.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#decisions-list button[type=submit]"))
    wait(browser).until(lambda driver: "Your appeal was sent" in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: "Waiting for another moderator." in driver.find_element(By.ID, "decisions-list").text)
