"""Hourly work in a real browser: a provider proposes by the hour on the order page, logs time by the timer and by
hand in the project room (time not worked yet refused beside its field, hostile memos kept as text), and the client
pays a week that has ended with a saved card (held in escrow), approves it (released) and ends the work."""
import datetime
import os
import sqlite3

from selenium.webdriver.common.by import By
from browsing import click, wait  # noqa: E402
from test_projects import HOSTILE, sign_in  # noqa: E402


def open_order(service):
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    category = service.api("GET", "/categories", client)["categories"][0]["id"]
    deadline = (datetime.date.today() + datetime.timedelta(days=60)).isoformat() + "T17:00"
    order = service.api("POST", "/orders", client, {
        "title": "Weekly help with our shop", "description": "A few hours a week on the online shop.", "category_id": category,
        "budget_min": 500, "budget_max": 3000, "currency": "EUR", "deadline": deadline, "time_zone": "Europe/Paris"})
    return client, order["id"]


def last_monday():
    today = datetime.datetime.now(datetime.timezone.utc)
    return datetime.datetime(today.year, today.month, today.day, tzinfo=datetime.timezone.utc) - datetime.timedelta(days=today.weekday() + 7)


def database(service):
    return sqlite3.connect(os.path.join(service.scratch, "agora.sqlite"))


def started_two_weeks_ago(service, project):
    """Moves the project's start back, as if it had been accepted before last week."""
    with database(service) as db:
        db.execute("UPDATE projects SET started_at = ? WHERE id = ?", ((last_monday() - datetime.timedelta(days=1)).timestamp(), project))


def log_last_week(service, project, minutes):
    """Time in the week before this one, as if it had been logged then: a week that has ended, for the client to review."""
    started = last_monday() + datetime.timedelta(days=2, hours=9)
    with database(service) as db:
        provider = db.execute("SELECT provider_id FROM projects WHERE id = ?", (project,)).fetchone()[0]
        db.execute(
            "INSERT INTO time_entries (project_id, provider_id, week_start, started_at, minutes, memo, manual, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 'Product photos', 0, ?, ?)",
            (project, provider, last_monday().timestamp(), started.timestamp(), minutes, started.timestamp(), started.timestamp()))


def test_hourly_work_from_proposal_to_approved_week(service, browser):
    client, order = open_order(service)

    # The provider proposes by the hour: the price field gives way to a rate and a weekly limit.
    sign_in(service, browser, service.provider_email, "/orders/view/?id=%d" % order)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "terms-form").is_displayed())
    browser.find_element(By.ID, "message").send_keys("I can give your shop ten hours a week.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "input[name=billing][value=hourly]"))
    assert not browser.find_element(By.ID, "price").is_displayed() and not browser.find_element(By.ID, "milestone-add").is_displayed()
    browser.find_element(By.ID, "hourly_rate").send_keys("40")
    browser.find_element(By.ID, "timeline_days").send_keys("28")
    click(browser, browser.find_element(By.ID, "terms-submit"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "weekly_limit_hours").get_attribute("aria-invalid") == "true")
    browser.find_element(By.ID, "weekly_limit_hours").send_keys("10")
    click(browser, browser.find_element(By.ID, "terms-submit"))
    wait(browser).until(lambda driver: "€40 an hour, up to 10 h a week" in driver.find_element(By.ID, "own-proposal").text)

    proposal = service.api("GET", "/orders/%d/proposals" % order, client)["proposals"][0]
    assert proposal["terms"]["billing"] == "hourly" and "price" not in proposal["terms"]
    project = service.api("POST", "/proposals/%d/accept" % proposal["id"], client)["project"]["id"]
    room = "/projects/view/?id=%d" % project
    started_two_weeks_ago(service, project)

    # The room shows time instead of milestones. A timer stopped within the minute keeps nothing.
    sign_in(service, browser, service.provider_email, room)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "time-card").is_displayed())
    assert not browser.find_element(By.ID, "milestones-card").is_displayed()
    assert "€40 an hour, up to 10 h a week" in browser.find_element(By.ID, "project-facts").text
    browser.find_element(By.ID, "timer-memo").send_keys("Product pages")
    click(browser, browser.find_element(By.ID, "timer-toggle"))
    wait(browser).until(lambda driver: "Timer running since" in driver.find_element(By.ID, "timer-state").text)
    assert "Running" in browser.find_element(By.ID, "time-entries-body").text
    click(browser, browser.find_element(By.ID, "timer-toggle"))
    wait(browser).until(lambda driver: "nothing was logged" in driver.find_element(By.ID, "status-line").text)

    # By hand: time not worked yet is refused beside the field; a hostile memo stays text.
    started = (datetime.datetime.now() - datetime.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")
    browser.execute_script("document.getElementById('time-started').value = arguments[0]", started)
    browser.find_element(By.ID, "time-minutes").send_keys("30")
    browser.find_element(By.ID, "time-memo").send_keys(HOSTILE)
    click(browser, browser.find_element(By.ID, "time-submit"))
    wait(browser).until(lambda driver: "end by now" in driver.find_element(By.ID, "time-minutes-error").text)
    minutes = browser.find_element(By.ID, "time-minutes")
    minutes.clear()
    minutes.send_keys("3")
    click(browser, browser.find_element(By.ID, "time-submit"))
    wait(browser).until(lambda driver: "3 min logged." in driver.find_element(By.ID, "status-line").text)
    wait(browser).until(lambda driver: HOSTILE in driver.find_element(By.ID, "time-entries-body").text)
    assert "Typed in" in browser.find_element(By.ID, "time-entries-body").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#time-entries-body img") and browser.title != "owned"

    # The provider corrects the entry.
    click(browser, browser.find_element(By.XPATH, "//*[@id='time-entries-body']//button[text()='Change']"))
    minutes = browser.find_element(By.ID, "time-minutes")
    minutes.clear()
    minutes.send_keys("4")
    click(browser, browser.find_element(By.ID, "time-submit"))
    wait(browser).until(lambda driver: "The entry is changed." in driver.find_element(By.ID, "status-line").text)
    wait(browser).until(lambda driver: "4 min" in driver.find_element(By.ID, "week-summary").text)

    # Last week ended with time in it: the client approves it, and then ends the work.
    log_last_week(service, project, 150)
    sign_in(service, browser, service.CLIENT_EMAIL, room)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "time-card").is_displayed() and "4 min" in driver.find_element(By.ID, "week-summary").text)
    assert not browser.find_element(By.ID, "time-form").is_displayed(), "the client logs no time"
    assert browser.find_elements(By.CSS_SELECTOR, "#hours-chart svg rect"), "the chart draws the weeks"
    click(browser, browser.find_element(By.ID, "week-previous"))
    wait(browser).until(lambda driver: "2 h 30 min" in driver.find_element(By.ID, "week-summary").text)
    assert "Waiting for review" in browser.find_element(By.ID, "project-health").text
    # The ended week is not charged yet; the client without a saved card is told so when paying now.
    wait(browser).until(lambda driver: "Not charged yet" in driver.find_element(By.ID, "week-payment-note").text)
    click(browser, browser.find_element(By.ID, "week-pay"))
    wait(browser).until(lambda driver: "No card is saved" in driver.find_element(By.ID, "week-payment-note").text)
    service.api("POST", "/payment-methods", client, {"number": "4242424242424242", "expiry_month": 12, "expiry_year": 2034, "security_code": "123"})
    click(browser, browser.find_element(By.ID, "week-pay"))
    wait(browser).until(lambda driver: "held in escrow until the week is approved" in driver.find_element(By.ID, "week-payment-note").text)
    assert "€103 charged to Visa •••• 4242" in browser.find_element(By.ID, "week-payment-note").text

    click(browser, browser.find_element(By.ID, "week-approve"))
    browser.switch_to.alert.accept()
    wait(browser).until(lambda driver: "Approved by the client" in driver.find_element(By.ID, "week-review-note").text)
    assert "€100" in browser.find_element(By.ID, "week-review-note").text
    wait(browser).until(lambda driver: "€100 released to the provider" in driver.find_element(By.ID, "week-payment-note").text)
    click(browser, browser.find_element(By.ID, "end-project"))
    browser.switch_to.alert.accept()
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#project-status .status").text == "Completed")
    assert not browser.find_element(By.ID, "end-project").is_displayed()
