"""The account pages in a real browser: what a person sees and can do with the keyboard and the mouse."""
import itertools
from urllib.parse import quote

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as seen
from browsing import click, wait  # noqa: E402

PASSWORD = "Violet-Harbour-Lantern-7"
NEW_PASSWORD = "Quartz-Meadow-Kettle-42"
counter = itertools.count(1)


def alert_text(browser):
    wait(browser).until(lambda driver: driver.find_element(By.ID, "form-alert").is_displayed())
    return browser.find_element(By.ID, "form-alert").text


def register(service, browser, email, user_type="client"):
    browser.get(service.base + "/register/")
    click(browser, browser.find_element(By.CSS_SELECTOR, f"input[name=user_type][value={user_type}]"))
    browser.find_element(By.ID, "first_name").send_keys("Ada")
    browser.find_element(By.ID, "last_name").send_keys("Lovelace")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    country = browser.find_element(By.ID, "country")
    country.clear()
    country.send_keys("France (+33)")
    browser.find_element(By.ID, "phone").send_keys("0612345678")
    click(browser, browser.find_element(By.ID, "accepted_terms_version"))
    click(browser, browser.find_element(By.ID, "accepted_privacy_version"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "#register-form button[type=submit]"))
    wait(browser).until(seen.url_contains("/check-inbox/"))


def verified_account(service, browser):
    address = f"person{next(counter)}@example.com"
    register(service, browser, address)
    browser.get(service.link_in(service.emails_to(address, "Confirm your email")))
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "verify-title"), "confirmed"))
    return address


def login(service, browser, address, password):
    browser.get(service.base + "/login/")
    browser.find_element(By.ID, "email").send_keys(address)
    field = browser.find_element(By.ID, "password")
    field.send_keys(password)
    field.send_keys(Keys.ENTER)


def test_register_shows_the_rules_then_verifies_by_email(service, browser):
    browser.get(service.base + "/register/")
    password = browser.find_element(By.ID, "password")
    password.send_keys("short")
    rules = {item.get_attribute("data-rule"): "met" in item.get_attribute("class") for item in browser.find_elements(By.CSS_SELECTOR, "#password-rules li")}
    assert rules == {"length": False, "upper": False, "lower": True, "digit": False, "symbol": False}
    password.send_keys("-Harbour-Lantern-7X")
    assert all("met" in item.get_attribute("class") for item in browser.find_elements(By.CSS_SELECTOR, "#password-rules li"))
    assert browser.find_element(By.ID, "strength-label").text.startswith("Strength:")

    click(browser, browser.find_element(By.CSS_SELECTOR, "#register-form button[type=submit]"))
    assert "marked below" in alert_text(browser)
    assert browser.find_element(By.ID, "first_name-error").text == "Is required"
    assert browser.find_element(By.ID, "first_name").get_attribute("aria-invalid") == "true"

    address = f"person{next(counter)}@example.com"
    register(service, browser, address)
    assert browser.find_element(By.ID, "inbox-email").text == address
    browser.get(service.link_in(service.emails_to(address, "Confirm your email")))
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "verify-title"), "Your email address is confirmed"))
    assert "Welcome, Ada" in browser.find_element(By.ID, "verify-message").text


def test_a_wrong_password_says_so_without_naming_which_part(service, browser):
    address = verified_account(service, browser)
    login(service, browser, address, "Wrong-Password-99")
    assert alert_text(browser) == "The email or the password is wrong."
    login(service, browser, address, PASSWORD)
    wait(browser).until(seen.url_contains("/settings/security/"))
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "account-email"), address))


def fail_five_times(service, browser, address):
    for attempt in range(5):
        login(service, browser, address, f"Wrong-Password-{attempt}")
        assert alert_text(browser) == "The email or the password is wrong."


def test_five_failures_lock_nothing_the_check_runs_and_the_emailed_link_signs_in_once(service, browser):
    address = verified_account(service, browser)
    fail_five_times(service, browser, address)
    login(service, browser, address, PASSWORD)
    # The API asks for the proof of work; the page solves it and sends the sign-in again by itself.
    wait(browser).until(seen.url_contains("/settings/security/"))
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "account-email"), address))

    link = service.link_in(service.emails_to(address, "Failed sign-ins"))
    assert "/sign-in-link/?token=" in link
    click(browser, browser.find_element(By.ID, "logout"))
    wait(browser).until(lambda driver: driver.current_url.rstrip("/") == service.base)
    browser.get(link)
    click(browser, browser.find_element(By.ID, "link-submit"))
    wait(browser).until(seen.url_contains("/settings/security/"))
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "account-email"), address))
    browser.get(link)
    click(browser, browser.find_element(By.ID, "link-submit"))
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "link-title"), "This link does not work"))


def test_reset_the_password_from_the_email(service, browser):
    address = verified_account(service, browser)
    browser.get(service.base + "/forgot-password/")
    browser.find_element(By.ID, "email").send_keys(address + Keys.ENTER)
    assert "reset link is on its way" in alert_text(browser)
    browser.get(service.link_in(service.emails_to(address, "Reset your")))
    browser.find_element(By.ID, "password").send_keys(NEW_PASSWORD)
    browser.find_element(By.ID, "confirm").send_keys(NEW_PASSWORD + "x")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#reset-form button[type=submit]"))
    assert browser.find_element(By.ID, "confirm-error").text == "Does not match the new password"
    browser.find_element(By.ID, "confirm").send_keys(Keys.BACKSPACE + Keys.ENTER)
    assert "Your password is changed" in alert_text(browser)
    login(service, browser, address, NEW_PASSWORD)
    wait(browser).until(seen.url_contains("/settings/security/"))
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "account-email"), address))


def test_app_pages_send_signed_out_visitors_to_sign_in_and_back(service, browser):
    browser.get(service.base + "/settings/security/")
    wait(browser).until(seen.url_contains("/login/?next=%2Fsettings%2Fsecurity%2F"))
    address = verified_account(service, browser)
    browser.get(service.base + "/settings/security/")
    wait(browser).until(seen.text_to_be_present_in_element((By.ID, "account-email"), address))
    rows = wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#sessions-body tr"))
    assert any("This device" in row.text for row in rows)
    click(browser, browser.find_element(By.ID, "logout"))
    wait(browser).until(lambda driver: driver.current_url.rstrip("/") == service.base)
    browser.get(service.base + "/settings/security/")
    wait(browser).until(seen.url_contains("/login/"))


def test_the_sign_in_page_sends_back_only_to_paths_on_this_site(service, browser):
    """The islands read ?next= with the rule the service applies: anything a browser would take to another origin,
    or that is no path at all, gives the fallback."""
    refused = ["/\t/evil.example", "/\\evil.example", "//evil.example", "///evil.example", "/\n/evil.example",
               "https:evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example"]
    for target in refused:
        browser.get(service.base + "/login/?next=" + quote(target, safe=""))
        assert browser.execute_script("return Agora.auth.nextPath('/fallback/')") == "/fallback/", target
    for target in ["/orders/view/?id=ORD-2026-000001", "/search/?q=swift#results"]:
        browser.get(service.base + "/login/?next=" + quote(target, safe=""))
        assert browser.execute_script("return Agora.auth.nextPath('/fallback/')") == target
