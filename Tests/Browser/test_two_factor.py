"""Two-factor sign-in in a real browser: a staff member scans the QR code the service drew (read here by zxing-cpp
from a screenshot, as a phone would), turns two factors on, signs in again with a recovery code, and proves it is
them once more before a dangerous action, through the dialog every page shares."""
import io
import os
import sys
import time
from urllib.parse import parse_qs, urlparse

import pytest
import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from browsing import click, wait  # noqa: E402
from totp import totp  # noqa: E402

# Dangerous actions ask for the code again this many seconds after signing in.
REAUTHENTICATION_SECONDS = 3


@pytest.fixture(scope="module")
def service():
    running = AgoraService(AGORA_REAUTHENTICATION_SECONDS=str(REAUTHENTICATION_SECONDS))
    yield running
    running.stop()



def sign_in_with_password(service, browser):
    browser.get(service.base + "/login/?next=/settings/security/")
    browser.find_element(By.ID, "email").send_keys(service.ADMIN_EMAIL)
    password = browser.find_element(By.ID, "password")
    password.send_keys(service.ADMIN_PASSWORD)
    password.send_keys(Keys.ENTER)


def test_a_staff_member_turns_on_two_factors_and_uses_them(service, browser):
    sign_in_with_password(service, browser)
    wait(browser).until(lambda driver: driver.current_url.endswith("/settings/security/"))
    state = wait(browser).until(lambda driver: driver.find_element(By.ID, "two-factor-state"))
    wait(browser).until(lambda driver: "Staff accounts must sign in with two factors" in state.text)
    click(browser, browser.find_element(By.ID, "two-factor-start"))

    qr = browser.find_element(By.ID, "two-factor-qr")
    wait(browser).until(lambda driver: qr.is_displayed() and driver.execute_script("return arguments[0].naturalWidth", qr) > 0)
    read = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot_as_png)))
    assert len(read) == 1, "the QR code on the page reads"
    link = urlparse(read[0].text)
    assert link.scheme == "otpauth" and link.path == "/Agora:" + service.ADMIN_EMAIL.replace("@", "%40")
    secret = parse_qs(link.query)["secret"][0]
    assert browser.find_element(By.ID, "two-factor-secret").text.replace(" ", "") == secret

    code = browser.find_element(By.ID, "enrol_code")
    code.send_keys("000000")
    code.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: "not the code your app shows now" in driver.find_element(By.ID, "enrol_code-error").text)
    code.clear()
    code.send_keys(totp(secret))
    code.send_keys(Keys.ENTER)
    recovery = wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#recovery-codes-list code"))
    codes = [element.text for element in recovery]
    assert len(codes) == 10
    wait(browser).until(lambda driver: "Recovery codes left: 10" in state.text)

    click(browser, browser.find_element(By.ID, "logout"))
    wait(browser).until(lambda driver: "/settings/security/" not in driver.current_url)
    sign_in_with_password(service, browser)
    second = wait(browser).until(lambda driver: driver.find_element(By.ID, "code") if driver.find_element(By.ID, "second-factor-form").is_displayed() else None)
    assert not browser.find_element(By.ID, "login-form").is_displayed()
    second.send_keys("abcde-fghij")
    second.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "code-error").text != "")
    second.clear()
    second.send_keys(codes[0])
    second.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: driver.current_url.endswith("/settings/security/"))
    wait(browser).until(lambda driver: "Recovery codes left: 9" in driver.find_element(By.ID, "two-factor-state").text)

    # Later, a dangerous action asks once more, in the shared dialog; a recovery code answers it.
    time.sleep(REAUTHENTICATION_SECONDS + 1)
    click(browser, browser.find_element(By.ID, "recovery-codes-new"))
    dialog_input = wait(browser).until(lambda driver: driver.find_element(By.ID, "reauth-input"))
    assert "authenticator" in browser.find_element(By.CSS_SELECTOR, "dialog.reauth-dialog").text
    dialog_input.send_keys(codes[1])
    dialog_input.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: "the old ones no longer work" in driver.find_element(By.ID, "form-alert").text)
    fresh = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "#recovery-codes-list code")]
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    assert not browser.find_elements(By.CSS_SELECTOR, "dialog.reauth-dialog"), "the dialog is gone"
    assert browser.find_element(By.ID, "two-factor-off").is_displayed() is False, "staff cannot turn two factors off"
