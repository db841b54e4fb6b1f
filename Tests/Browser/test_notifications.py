"""Notifications in a real browser: the bell on a static page shows the unread count and the latest, with the
keyboard, and hears a new one live; hostile text from an order's title stays text; the notifications page filters, marks read and archives, and
a second tab's bell follows what the first read; the preferences page saves channels, the digest and quiet hours,
security notices locked on; the bell replies to a message and accepts a proposal from its list; an email's footer
link unsubscribes from its category. No Content-Security-Policy violation on the way."""
import datetime
import os
import re
import sys
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from browsing import click, wait  # noqa: E402
from test_admin import administrator_with_two_factors  # noqa: E402
from test_projects import sign_in  # noqa: E402

HOSTILE = 'Logo <img src=x onerror="document.title=\'owned\'"> for our bakery'


@pytest.fixture(scope="module")
def service():
    """A service of its own: the test turns the demo client's order emails off and sets quiet hours, which other
    suites' emails would wait for."""
    running = AgoraService()
    yield running
    running.stop()


def post_order(service, token, title):
    category = service.api("GET", "/categories", token)["categories"][0]["id"]
    deadline = (datetime.date.today() + datetime.timedelta(days=30)).isoformat() + "T17:00"
    return service.api("POST", "/orders", token, {
        "title": title, "description": "A logo for a family bakery, with a round and a long version.", "category_id": category,
        "budget_min": 300, "budget_max": 600, "currency": "EUR", "deadline": deadline, "time_zone": "Europe/Paris"})["id"]


def bell_count(driver):
    count = driver.find_element(By.ID, "bell-count")
    return int(count.text) if count.is_displayed() and count.text.isdigit() else 0


def test_the_bell_the_centre_and_the_preferences(service, browser):
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    service.api("POST", "/notifications/read", client, {"all": True})
    post_order(service, client, HOSTILE)
    post_order(service, client, "Menu cards for the summer")

    sign_in(service, browser, service.CLIENT_EMAIL, "/")
    browser.get(service.base + "/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "notification-bell").is_displayed() and bell_count(driver) == 2)
    button = browser.find_element(By.ID, "bell-button")
    assert button.find_element(By.ID, "bell-label").get_attribute("textContent") == "Notifications, 2 unread"
    click(browser, button)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "bell-panel").is_displayed())
    assert button.get_attribute("aria-expanded") == "true"
    panel = browser.find_element(By.ID, "bell-list")
    wait(browser).until(lambda driver: "Menu cards for the summer" in panel.text)
    assert HOSTILE in panel.text and browser.title != "owned"
    wait(browser).until(lambda driver: driver.switch_to.active_element.tag_name == "a", "the first notification takes the focus")
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(browser).until(lambda driver: not driver.find_element(By.ID, "bell-panel").is_displayed())
    assert browser.switch_to.active_element.get_attribute("id") == "bell-button"

    # A new one arrives over the live socket, without reloading; the count is announced.
    post_order(service, client, "Window lettering for the shop")
    wait(browser).until(lambda driver: bell_count(driver) == 3)
    assert browser.find_element(By.ID, "bell-status").get_attribute("textContent") == "3 unread notifications"

    # A second tab follows what the first reads.
    first = browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.get(service.base + "/notifications/")
    listing = wait(browser).until(lambda driver: driver.find_element(By.ID, "notification-list") if "Menu cards" in driver.find_element(By.ID, "notification-list").text else None)
    Select(browser.find_element(By.ID, "notification-category")).select_by_value("orders")
    wait(browser).until(lambda driver: "Menu cards" in driver.find_element(By.ID, "notification-list").text)
    browser.find_element(By.ID, "notification-q").send_keys("summer")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#notification-filters button[type=submit]"))
    wait(browser).until(lambda driver: "bakery" not in driver.find_element(By.ID, "notification-list").text)
    entry = browser.find_element(By.CSS_SELECTOR, "#notification-list li")
    click(browser, entry.find_element(By.XPATH, ".//button[text()='Mark read']"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "notification-count").text == "2 unread in your inbox")
    wait(browser).until(lambda driver: bell_count(driver) == 2, "this page's own bell follows")
    browser.switch_to.window(first)
    wait(browser).until(lambda driver: bell_count(driver) == 2, "the other tab's bell follows")
    browser.switch_to.window(browser.window_handles[-1])
    click(browser, browser.find_element(By.XPATH, "//li[contains(., 'summer')]//button[text()='Archive']"))
    wait(browser).until(lambda driver: "No notification matches." in driver.find_element(By.TAG_NAME, "main").text)
    Select(browser.find_element(By.ID, "notification-view")).select_by_value("archived")
    wait(browser).until(lambda driver: "Menu cards for the summer" in driver.find_element(By.ID, "notification-list").text)
    click(browser, browser.find_element(By.ID, "notification-read-all"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "notification-count").text == "Nothing unread in your inbox")
    browser.switch_to.window(first)
    wait(browser).until(lambda driver: bell_count(driver) == 0)

    # Preferences: orders in the app and in a daily digest, not by email; quiet hours in Berlin; security notices
    # locked on, with no digest box.
    browser.get(service.base + "/settings/notifications/")
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#preference-rows input"))
    security = browser.find_elements(By.CSS_SELECTOR, "input[data-category='account_security']")
    assert len(security) == 2 and all(box.is_selected() and not box.is_enabled() for box in security)
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[data-category='orders'][data-channel='email']"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[data-category='orders'][data-channel='digest']"))
    Select(browser.find_element(By.ID, "digest")).select_by_value("daily")
    click(browser, browser.find_element(By.ID, "quiet-on"))
    Select(browser.find_element(By.ID, "time_zone")).select_by_value("Europe/Berlin")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#preferences-form button[type=submit]"))
    wait(browser).until(lambda driver: "saved" in driver.find_element(By.ID, "form-alert").text)
    saved = service.api("GET", "/notification-preferences", client)
    orders = next(category for category in saved["categories"] if category["category"] == "orders")
    assert orders["channels"] == ["in_app", "digest"] and saved["digest"] == "daily"
    assert saved["quiet_hours"] == {"start": "22:00", "end": "07:00"} and saved["time_zone"] == "Europe/Berlin"
    browser.refresh()
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#preference-rows input"))
    assert not browser.find_element(By.CSS_SELECTOR, "input[data-category='orders'][data-channel='email']").is_selected()
    assert browser.find_element(By.CSS_SELECTOR, "input[data-category='orders'][data-channel='digest']").is_selected()
    assert Select(browser.find_element(By.ID, "digest")).first_selected_option.get_attribute("value") == "daily"
    assert browser.find_element(By.ID, "quiet-on").is_selected()
    errors = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert errors == []


def test_administrators_read_the_figures_and_send_news_once(service, browser):
    """An administrator (two factors) reads the figures per kind, as a chart and a table, and sends news whose text is
    hostile: pressed twice, it is sent once, and it stays text on the client's notifications page."""
    administrator_with_two_factors(service, browser, "/admin/notifications/")
    assert wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#admin-nav a[data-area='notifications']").is_displayed())
    rows = wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#analytics-table tbody tr"))
    assert any(row.find_element(By.TAG_NAME, "th").text.startswith("order ") for row in rows)
    assert browser.find_elements(By.CSS_SELECTOR, "#analytics-chart svg rect")

    title = "Spring offers " + str(int(time.time()))
    browser.find_element(By.ID, "title").send_keys(title)
    browser.find_element(By.ID, "message").send_keys(HOSTILE)
    Select(browser.find_element(By.ID, "segment")).select_by_value("clients")
    submit = browser.find_element(By.CSS_SELECTOR, "#news-form button[type=submit]")
    browser.execute_script("arguments[0].click(); arguments[0].click();", submit)
    wait(browser).until(lambda driver: "Sent to" in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: title in driver.find_element(By.ID, "news-sent").text)
    assert browser.find_element(By.ID, "news-sent").text.count(title) == 1

    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    news = service.api("GET", "/notifications?category=marketplace_news", client)["notifications"]
    assert [item["title"] for item in news].count(title) == 1, "a double press sends it once"
    browser.delete_all_cookies()
    sign_in(service, browser, service.CLIENT_EMAIL, "/notifications/")
    wait(browser).until(lambda driver: title in driver.find_element(By.ID, "notification-list").text)
    assert HOSTILE in browser.find_element(By.ID, "notification-list").text and browser.title != "owned"
    errors = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert errors == []


def bell_entry(driver, title):
    return next((entry for entry in driver.find_elements(By.CSS_SELECTOR, "#bell-list li") if title in entry.text), None)


def test_the_bell_replies_and_accepts_from_its_list(service, browser):
    """From the bell's list, without opening a page: a message gets a reply in the project's room, and a proposal is
    accepted after a second press that confirms it."""
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    provider = service.sign_in(service.provider_email, service.DEMO_PASSWORD)
    project = service.accepted_project()
    service.api("POST", "/projects/%d/messages" % project, provider, {"body": "The first sketches are in the files."})
    category = service.api("GET", "/categories", client)["categories"][0]["id"]
    deadline = (datetime.date.today() + datetime.timedelta(days=60)).isoformat() + "T17:00"
    order = service.api("POST", "/orders", client, {
        "title": "A bakery's shop window", "description": "Lettering on the shop window and a matching menu board.", "category_id": category,
        "budget_min": 1500, "budget_max": 2500, "currency": "EUR", "deadline": deadline, "time_zone": "Europe/Paris"})["id"]
    proposal = service.api("POST", "/orders/%d/proposals" % order, provider, {
        "message": "Hand-painted, two colours.", "price": "1600", "timeline_days": 7})["id"]

    sign_in(service, browser, service.CLIENT_EMAIL, "/")
    browser.get(service.base + "/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "notification-bell").is_displayed())
    click(browser, browser.find_element(By.ID, "bell-button"))
    message = wait(browser).until(lambda driver: bell_entry(driver, "sent"))
    reply = message.find_element(By.XPATH, ".//button[text()='Reply']")
    click(browser, reply)
    assert reply.get_attribute("aria-expanded") == "true"
    field = message.find_element(By.TAG_NAME, "textarea")
    assert browser.switch_to.active_element == field
    field.send_keys("Thank you, <b>looking now</b>")
    click(browser, message.find_element(By.XPATH, ".//button[text()='Send']"))
    wait(browser).until(lambda driver: message.find_element(By.CSS_SELECTOR, ".notification-outcome").text == "Sent.")
    room = service.api("GET", "/projects/%d/messages" % project, provider)["messages"]
    assert any(item.get("body") == "Thank you, <b>looking now</b>" for item in room)

    offer = wait(browser).until(lambda driver: bell_entry(driver, "New proposal"))
    press = offer.find_element(By.XPATH, ".//button[text()='Accept proposal']")
    click(browser, press)
    assert press.text == "Confirm: accept this proposal"
    assert service.api("GET", "/orders/%d" % order, client)["status"] == "open", "one press accepts nothing"
    click(browser, press)
    wait(browser).until(lambda driver: offer.find_element(By.CSS_SELECTOR, ".notification-outcome").text.startswith("Accepted."))
    link = offer.find_element(By.CSS_SELECTOR, ".notification-outcome a")
    assert "/projects/view/?id=" in link.get_attribute("href")
    assert service.api("GET", "/proposals/%d" % proposal, client)["status"] == "accepted"
    errors = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert errors == []


def test_an_email_footer_link_stops_its_category(service, browser):
    """The footer of an order's email leads to the unsubscribe page, which says what it stops and stops it on a press:
    the order emails, nothing else."""
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    service.api("PUT", "/notification-preferences", client, {"channels": {"orders": ["in_app", "email"]}, "time_zone": "UTC", "digest": "off"})
    title = "Shop sign " + str(int(time.time()))
    post_order(service, client, title)
    body = service.emails_to(service.CLIENT_EMAIL, title)
    link = re.search(r"http://\S+/unsubscribe/\?token=\S+", body).group(0)

    browser.delete_all_cookies()
    browser.get(link)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "unsubscribe-title").text == "Unsubscribe from emails about Orders")
    assert service.CLIENT_EMAIL in browser.find_element(By.ID, "unsubscribe-message").text
    choices = service.api("GET", "/notification-preferences", client)["categories"]
    assert [c["channels"] for c in choices if c["category"] == "orders"] == [["in_app", "email"]], "opening the page stops nothing"
    click(browser, browser.find_element(By.ID, "unsubscribe-button"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "unsubscribe-title").text == "You are unsubscribed")
    assert browser.find_element(By.ID, "unsubscribe-after").is_displayed()
    choices = service.api("GET", "/notification-preferences", client)["categories"]
    assert [c["channels"] for c in choices if c["category"] == "orders"] == [["in_app"]]
    assert [c["channels"] for c in choices if c["category"] == "proposals"] == [["in_app", "email"]]

    browser.get(service.base + "/unsubscribe/?token=forged.orders.x")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "unsubscribe-title").text == "This link does not work")
    assert not browser.find_element(By.ID, "unsubscribe-form").is_displayed()
    errors = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert errors == []

