"""The verification centre and its review in a real browser, two people at once: the demo provider sends an identity
document (a file that is not a document is refused by name first) and sees it waiting; an administrator, in a browser
of their own, reads it, refuses it with a reason, and approves the provider's appeal; the provider's public page then
shows the badge."""
import os
import sys
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from conftest import new_browser  # noqa: E402
from test_accounts import login  # noqa: E402
from test_admin import administrator_with_two_factors  # noqa: E402
from browsing import click, wait  # noqa: E402


@pytest.fixture(scope="module")
def service():
    running = AgoraService()
    yield running
    running.stop()


def centre(service, browser):
    browser.get(service.base + "/settings/verification/")
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#kinds li"))


def test_a_provider_sends_a_document_which_staff_refuse_then_approve_on_appeal(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    browser.get(service.base + "/settings/profile/")
    page = wait(browser).until(lambda driver: driver.find_element(By.ID, "public-page").get_attribute("href") or None)
    centre(service, browser)
    assert "Payment method: verified through payments" in browser.find_element(By.ID, "kinds").text

    fake = os.path.join(service.scratch, "passport.pdf")
    with open(fake, "wb") as file:
        file.write(b"MZ\x90\x00 not a document at all")
    Select(browser.find_element(By.ID, "kind")).select_by_value("identity-document")
    browser.find_element(By.ID, "file").send_keys(fake)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#send-form button[type=submit]"))
    wait(browser).until(lambda driver: "not a document we accept" in driver.find_element(By.ID, "file-error").text)

    document = os.path.join(service.scratch, "identity.pdf")
    with open(document, "wb") as file:
        file.write(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    browser.find_element(By.ID, "note").send_keys("Passport, issued in France")
    browser.find_element(By.ID, "file").send_keys(document)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#send-form button[type=submit]"))
    wait(browser).until(lambda driver: "Sent: staff check it" in driver.find_element(By.ID, "form-alert").text)
    request = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#requests li"))
    assert "Identity document — Waiting for review" in request.text
    assert browser.find_element(By.CSS_SELECTOR, "#kind option[value='identity-document']").get_attribute("disabled"), "one request a kind"

    staff = new_browser()
    try:
        refuse_then_approve_the_appeal(service, browser, staff, page)
    finally:
        staff.quit()


def refuse_then_approve_the_appeal(service, browser, staff, page):
    # Staff refuse it with a reason.
    administrator_with_two_factors(service, staff, "/admin/verifications/")
    item = wait(staff).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#verification-list li"))
    assert "Passport, issued in France" in item.text and "identity.pdf" in item.text
    assert staff.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/admin/verifications', { headers: { Authorization: 'Bearer ' + Agora.auth.token() } })
          .then(r => r.json()).then(d => fetch(d.verifications[0].document.url, { headers: { Authorization: 'Bearer ' + Agora.auth.token() } }))
          .then(r => r.text()).then(t => done(t.startsWith('%PDF')));
    """), "staff read the document as it was sent"
    click(staff, [button for button in item.find_elements(By.TAG_NAME, "button") if button.text == "Refuse"][0])
    wait(staff).until(lambda driver: "Say why" in driver.find_element(By.ID, "form-alert").text)
    item.find_element(By.TAG_NAME, "input").send_keys("The photo page is cut off.")
    click(staff, [button for button in item.find_elements(By.TAG_NAME, "button") if button.text == "Refuse"][0])
    wait(staff).until(lambda driver: "refused, and told why" in driver.find_element(By.ID, "form-alert").text)
    assert "The photo page is cut off." in service.emails_to(service.provider_email, "not approved")

    # The provider appeals.
    centre(service, browser)
    request = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#requests li"))
    assert "Refused" in request.text and "The reviewer said: The photo page is cut off." in request.text
    request.find_element(By.TAG_NAME, "textarea").send_keys("Short")
    click(browser, request.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: "10 to 2000" in driver.find_element(By.CSS_SELECTOR, "#requests li .field-error").text)
    area = browser.find_element(By.CSS_SELECTOR, "#requests li textarea")
    area.clear()
    area.send_keys("The whole page is in the file; it is the second page of the PDF.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#requests li button[type=submit]"))
    wait(browser).until(lambda driver: "Your appeal is sent" in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: "Appealed" in driver.find_element(By.CSS_SELECTOR, "#requests li").text)

    # Staff approve the appeal; the public page shows the badge.
    staff.get(service.base + "/admin/verifications/")
    item = wait(staff).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#verification-list li"))
    assert "(appeal)" in item.text and "second page of the PDF" in item.text
    click(staff, [button for button in item.find_elements(By.TAG_NAME, "button") if button.text == "Approve"][0])
    wait(staff).until(lambda driver: "approved." in driver.find_element(By.ID, "form-alert").text)
    deadline = time.time() + 15
    html = ""
    while time.time() < deadline and "ID verified" not in html:
        with urllib.request.urlopen(page) as answer:
            html = answer.read().decode()
        time.sleep(0.2)
    assert "ID verified" in html, "the badge reaches the static page"
