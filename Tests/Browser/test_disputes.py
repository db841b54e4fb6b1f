"""A dispute in real browsers: the client opens one from the project room on money held (a short case is refused
beside its field), the provider adds evidence and a file, an administrator with two factors decides a split on the
disputes page (the provider's file among the evidence), and both sides read the decision in the room; outside the
dispute, the administrator refunds part of another milestone's money from the finance page."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from agora_service import AgoraService  # noqa: E402
from browsing import click, wait  # noqa: E402
from test_admin import administrator_with_two_factors  # noqa: E402
from test_projects import fund, milestone, sign_in, status_of  # noqa: E402


@pytest.fixture(scope="module")
def service():
    """A service of its own: the administrator turns two factors on here, which the other suites' sign-ins do not expect."""
    running = AgoraService()
    yield running
    running.stop()


def visible(driver, element_id):
    element = driver.find_element(By.ID, element_id)
    return element if element.is_displayed() else None


def test_a_dispute_opened_argued_and_decided(service, browser):
    project = service.accepted_project()
    room = "/projects/view/?id=%d" % project
    sign_in(service, browser, service.CLIENT_EMAIL, room)
    fund(browser, "Design")
    wait(browser).until(lambda driver: status_of(driver, "Design") == "Funded")
    fund(browser, "Launch")
    wait(browser).until(lambda driver: status_of(driver, "Launch") == "Funded")

    # The client opens a dispute on the money held; a short case is refused beside its field.
    form = wait(browser).until(lambda driver: visible(driver, "dispute-form"))
    assert [option.text for option in Select(browser.find_element(By.ID, "dispute-milestone")).options] == ["Design (€600 held)", "Launch (€1,200 held)"]
    Select(browser.find_element(By.ID, "dispute-milestone")).select_by_visible_text("Design (€600 held)")
    Select(browser.find_element(By.ID, "dispute-reason")).select_by_value("quality")
    browser.find_element(By.ID, "dispute-statement").send_keys("Too short")
    click(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "dispute-statement").get_attribute("aria-invalid") == "true")
    browser.find_element(By.ID, "dispute-statement").send_keys(": the designs ignore the brand guide we agreed on.")
    click(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: "disputes the €600 held" in driver.find_element(By.ID, "dispute-summary").text)
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#project-status .status").text == "Disputed")
    assert not milestone(browser, "Design").find_elements(By.CSS_SELECTOR, ".button-row button"), "the money and the work are frozen"

    # The provider reads the case and adds evidence.
    sign_in(service, browser, service.provider_email, room)
    wait(browser).until(lambda driver: "brand guide" in driver.find_element(By.ID, "dispute-case").text)
    assert not browser.find_element(By.ID, "dispute-withdraw").is_displayed(), "only the opener withdraws"
    browser.find_element(By.ID, "evidence-body").send_keys("The guide arrived two days after the designs.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#evidence-form button[type=submit]"))
    wait(browser).until(lambda driver: "two days after" in driver.find_element(By.ID, "dispute-evidence").text)
    guide = os.path.join(tempfile.mkdtemp(), "brand-guide-received.pdf")
    with open(guide, "wb") as handle:
        handle.write(b"%PDF-1.7\n" + b"0" * 20_000 + b"\n%%EOF\n")
    browser.find_element(By.ID, "dispute-file").send_keys(guide)
    wait(browser).until(lambda driver: "brand-guide-received.pdf" in driver.find_element(By.ID, "dispute-files").text)
    assert "You" in browser.find_element(By.ID, "dispute-files").text

    # An administrator signed in with two factors decides: 400 to the provider, the rest back to the client.
    administrator_with_two_factors(service, browser, "/admin/disputes/")
    row = wait(browser).until(lambda driver: [each for each in driver.find_elements(By.CSS_SELECTOR, "#dispute-rows tr") if "Design" in each.text])[0]
    click(browser, row.find_element(By.XPATH, ".//button[text()='Open']"))
    wait(browser).until(lambda driver: "two days after" in driver.find_element(By.ID, "dispute-evidence").text)
    assert "brand-guide-received.pdf" in browser.find_element(By.ID, "dispute-files").text
    browser.find_element(By.ID, "provider_amount").send_keys("700")
    browser.find_element(By.ID, "note").send_keys("The designs were delivered; the brand guide part was not.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#decision-form button[type=submit]"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "provider_amount").get_attribute("aria-invalid") == "true")
    browser.find_element(By.ID, "provider_amount").clear()
    browser.find_element(By.ID, "provider_amount").send_keys("400")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#decision-form button[type=submit]"))
    wait(browser).until(lambda driver: "€400 to the provider, €200 back to the client" in driver.find_element(By.ID, "form-alert").text)
    assert not browser.find_element(By.ID, "decision-form").is_displayed()

    # Outside the dispute, the administrator gives back part of what is held for Launch, with a reason.
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    launch = max(payment["id"] for payment in service.api("GET", "/payments", client)["payments"] if payment["status"] == "succeeded")
    browser.get(service.base + "/admin/finance/")
    wait(browser).until(lambda driver: "Open disputes" in driver.find_element(By.ID, "finance-waiting").text)
    browser.find_element(By.ID, "payment-id").send_keys(str(launch))
    click(browser, browser.find_element(By.CSS_SELECTOR, "#payment-lookup button[type=submit]"))
    refund = wait(browser).until(lambda driver: visible(driver, "refund-form"))
    assert "€1,200" in browser.find_element(By.ID, "payment-facts").text
    browser.find_element(By.ID, "amount").send_keys("100")
    browser.find_element(By.ID, "reason").send_keys("Short")
    click(browser, refund.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "reason").get_attribute("aria-invalid") == "true")
    browser.find_element(By.ID, "reason").send_keys(": the launch is smaller, agreed on a call.")
    click(browser, refund.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: "€103 was refunded" in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: "agreed on a call" in driver.find_element(By.ID, "payment-facts").text)

    # The client reads the decision in the room; the milestone is settled and the project goes on.
    sign_in(service, browser, service.CLIENT_EMAIL, room)
    wait(browser).until(lambda driver: "€400 to the provider" in driver.find_element(By.ID, "dispute-outcome").text)
    assert status_of(browser, "Design") == "Settled by a dispute's decision"
    assert browser.find_element(By.CSS_SELECTOR, "#project-status .status").text == "Active"
    assert "Dispute decided" in browser.find_element(By.ID, "project-activity").text
