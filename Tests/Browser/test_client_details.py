"""A client's public identity in a real browser: the client sets the company and country and crops a photo on
`/settings/details/`, the preview shows what providers see, and the email address is never part of it."""
import os
import sys

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from test_accounts import login  # noqa: E402
from browsing import click, wait  # noqa: E402

IMAGES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "AgoraTestSupport", "Images"))


@pytest.fixture(scope="module")
def service():
    running = AgoraService()
    yield running
    running.stop()


def test_a_client_sets_what_providers_see(service, browser):
    login(service, browser, service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    browser.get(service.base + "/settings/details/")
    preview = wait(browser).until(lambda driver: driver.find_element(By.ID, "client-preview") if driver.find_element(By.ID, "client-preview").text else None)
    assert "Member since" in preview.text and service.CLIENT_EMAIL not in preview.text

    # A company that is not one line is named beside its field.
    company = browser.find_element(By.ID, "company")
    company.send_keys("x" * 100)
    browser.execute_script("arguments[0].removeAttribute('maxlength'); arguments[0].value += 'yz';", company)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#details-form button[type=submit]"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "company-error").text)
    company.clear()
    company.send_keys("Boulangerie <b>Marcel</b>")
    Select(browser.find_element(By.ID, "country")).select_by_value("FR")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#details-form button[type=submit]"))
    wait(browser).until(lambda driver: "Boulangerie <b>Marcel</b> · France" in driver.find_element(By.ID, "client-preview").text)
    assert not browser.find_elements(By.CSS_SELECTOR, "#client-preview b"), "text stays text"

    # A photo, cropped, shows in the preview.
    browser.find_element(By.ID, "photo-file").send_keys(os.path.join(IMAGES, "gps-rotated.jpg"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "photo-cropper").is_displayed())
    browser.find_element(By.ID, "crop-size").send_keys(Keys.HOME)
    click(browser, browser.find_element(By.ID, "photo-use"))
    wait(browser).until(lambda driver: "providers see it" in driver.find_element(By.ID, "form-alert").text)
    image = browser.find_element(By.CSS_SELECTOR, "#client-preview img")
    assert "/media/photos/" in image.get_attribute("src")
    wait(browser).until(lambda driver: driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 0)
