"""The email template editor in a real browser: the preview follows the typing, a value written unescaped is refused
with its line and column, active content never runs in the preview while its inline styles show, a test reaches the
editor alone, and publishing puts an edit in force. No Content-Security-Policy violation on the way."""
import os
import sys

import pytest
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from browsing import click, wait  # noqa: E402
from test_admin import administrator_with_two_factors  # noqa: E402


@pytest.fixture(scope="module")
def service():
    """A service of its own: the test publishes an edit of the notification email, which other suites' emails would
    be written with."""
    running = AgoraService()
    yield running
    running.stop()


def fill(browser, field, text):
    element = browser.find_element(By.ID, field)
    element.clear()
    element.send_keys(text)


def shadow(browser, script):
    return browser.execute_script("var root = document.getElementById('preview-html').shadowRoot; " + script)


def test_staff_edit_preview_test_and_publish_an_email(service, browser):
    """An administrator edits the notification email: the preview follows the typing, a value written unescaped is
    refused with its line and column, active content never runs in the preview while inline styles still show, a test
    reaches the editor alone, and publishing puts the edit in force; starting again from the file restores it."""
    administrator_with_two_factors(service, browser, "/admin/email-templates/")
    assert wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#admin-nav a[data-area='email-templates']").is_displayed())
    edit = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "button[aria-label='Edit marketplace-update']"))
    click(browser, edit)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "preview-subject").text == "Kim Park sent a proposal")
    assert "first_name" in browser.find_element(By.ID, "template-variables").text

    fill(browser, "subject", "Fresh news: {{headline}}")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "preview-subject").text == "Fresh news: Kim Park sent a proposal")
    fill(browser, "html_body", "<p>{{{message}}}</p>")
    wait(browser).until(lambda driver: "Line 1, column 4" in driver.find_element(By.ID, "html_body-error").text)

    fill(browser, "html_body", "{{<layout.html}}{{$body}}<p class=\"edited\" style=\"color:#cc0000\" onclick=\"document.title='owned'\">{{message}}</p>"
         "<script>document.title='owned'</script><a href=\"javascript:document.title='owned'\">x</a>{{/body}}{{/layout.html}}")
    wait(browser).until(lambda driver: shadow(driver, "return root.querySelector('p.edited') !== null;"))
    assert shadow(browser, "return root.querySelector('p.edited').textContent;") == "Logo redesign: 450.00 EUR in 3 milestones."
    assert shadow(browser, "return getComputedStyle(root.querySelector('p.edited')).color;") == "rgb(204, 0, 0)", "inline styles show"
    assert shadow(browser, "return root.querySelectorAll('script, [onclick], a[href^=javascript]').length;") == 0
    click(browser, shadow(browser, "return root.querySelector('p.edited');"))
    assert browser.title != "owned"

    click(browser, browser.find_element(By.ID, "send-test"))
    wait(browser).until(lambda driver: "on its way to " + service.ADMIN_EMAIL in driver.find_element(By.ID, "form-alert").text)
    assert "Logo redesign" in service.emails_to(service.ADMIN_EMAIL, "[Test] Fresh news: Kim Park sent a proposal")

    click(browser, browser.find_element(By.CSS_SELECTOR, "button[data-status='published']"))
    wait(browser).until(lambda driver: "Version 1 is published" in driver.find_element(By.ID, "form-alert").text)
    row = wait(browser).until(lambda driver: next(
        (row for row in driver.find_elements(By.CSS_SELECTOR, "#template-table tbody tr") if row.text.startswith("marketplace-update")), None))
    wait(browser).until(lambda driver: "version 1" in row.text)

    click(browser, browser.find_element(By.ID, "load-file"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "preview-subject").text == "Kim Park sent a proposal")
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[data-status='published']"))
    wait(browser).until(lambda driver: "Version 2 is published" in driver.find_element(By.ID, "form-alert").text)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#template-versions li")) == 2
    errors = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert errors == []
