"""Meetings in a real browser: the client schedules a weekly meeting in Berlin's time with a guest, from the project's
page; the invitation each receives, the subscribed feed and the change of the clocks are read back by an independent
iCalendar parser (`icalendar`); the provider accepts on the meeting's page, the guest declines through the link in
their email, the week and month views show the meeting in the reader's zone, and a rotated feed address stops. Hostile
text in the title stays text on every page. No Content-Security-Policy violation on the way."""
import base64
import datetime
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zoneinfo

from icalendar import Calendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

SUPPORT = os.path.join(os.path.dirname(__file__), "..", "Support")
sys.path.insert(0, SUPPORT)
from agora_service import AgoraService, free_port  # noqa: E402
from browsing import click, wait  # noqa: E402
from test_projects import sign_in  # noqa: E402

TITLE = 'Weekly sync <img src=x onerror="document.title=\'owned\'">'
GUEST = "guest.visitor@example.com"


def first_monday_after(days):
    day = datetime.date.today() + datetime.timedelta(days=days)
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def calendar_of(message):
    """The text/calendar alternative of an email, parsed; the invite.ics attachment must hold the same object."""
    parts = [part for part in message.walk() if part.get_content_type() in ("text/calendar", "application/ics")]
    assert [part.get_content_type() for part in parts] == ["text/calendar", "application/ics"]
    assert parts[0].get_param("method") == "REQUEST"
    assert parts[0].get_payload(decode=True) == parts[1].get_payload(decode=True)
    return Calendar.from_ical(parts[0].get_payload(decode=True))


def event_of(calendar):
    events = [component for component in calendar.walk("VEVENT")]
    assert len(events) == 1
    return events[0]


def no_policy_violation(browser):
    assert not [entry for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]


def test_a_weekly_meeting_across_zones_reaches_every_calendar(service, browser):
    project = service.accepted_project()
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    monday = first_monday_after(3)

    sign_in(service, browser, service.CLIENT_EMAIL, "/projects/view/?id=%d" % project)
    schedule = wait(browser).until(lambda driver: driver.find_element(By.ID, "schedule-meeting") if driver.find_element(By.ID, "schedule-meeting").is_displayed() else None)
    click(browser, schedule)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "meeting-form").is_displayed() and driver.find_element(By.ID, "meeting-project").text)
    browser.find_element(By.ID, "title").send_keys(TITLE)
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                           browser.find_element(By.ID, "starts_at"), monday.isoformat() + "T10:00")
    Select(browser.find_element(By.ID, "time_zone")).select_by_value("Europe/Berlin")
    browser.execute_script("document.getElementById('time_zone').dispatchEvent(new Event('change'))")
    zones = wait(browser).until(lambda driver: driver.find_element(By.ID, "zone-list").text if "Europe/Berlin" in driver.find_element(By.ID, "zone-list").text else None)
    assert "UTC" in zones
    Select(browser.find_element(By.ID, "frequency")).select_by_value("WEEKLY")
    count = browser.find_element(By.ID, "count")
    count.clear()
    count.send_keys("3")
    browser.find_element(By.ID, "agenda").send_keys("1. Progress\n2. Next steps")
    browser.find_element(By.ID, "guests").send_keys(GUEST)
    click(browser, browser.find_element(By.ID, "meeting-submit"))

    heading = wait(browser).until(lambda driver: driver.find_element(By.ID, "meeting-title") if "/meetings/view/" in driver.current_url and driver.find_element(By.ID, "meeting-title").text != "Meeting" else None)
    assert heading.text == TITLE and browser.title != "owned"
    meeting_id = int(browser.current_url.split("id=")[1])
    people = browser.find_element(By.ID, "meeting-people").text
    assert "Organiser, Accepted" in people and GUEST in people
    assert len(browser.find_elements(By.CSS_SELECTOR, "#meeting-occurrences li")) == 3
    assert browser.find_element(By.ID, "meeting-join").get_attribute("disabled") is not None
    no_policy_violation(browser)

    # The provider's invitation, read by an independent parser: Berlin's 10:00 on each Monday, the series, the zone.
    invitation = calendar_of(service.message_to(service.provider_email, "Meeting: Weekly sync"))
    assert str(invitation["METHOD"]) == "REQUEST"
    assert [str(zone["TZID"]) for zone in invitation.walk("VTIMEZONE")] == ["Europe/Berlin"]
    event = event_of(invitation)
    assert str(event["SUMMARY"]) == TITLE and "Next steps" in str(event["DESCRIPTION"])
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and start.replace(tzinfo=None) == datetime.datetime.combine(monday, datetime.time(10, 0))
    assert start.utcoffset() == zoneinfo.ZoneInfo("Europe/Berlin").utcoffset(start.replace(tzinfo=None))
    assert dict(event["RRULE"]) == {"FREQ": ["WEEKLY"], "INTERVAL": [1], "COUNT": [3]}
    assert str(event["URL"]).endswith("/meetings/%d/join" % meeting_id) and int(event["SEQUENCE"]) == 0
    attendees = sorted(str(attendee) for attendee in event["ATTENDEE"])
    assert attendees == sorted(["mailto:" + service.provider_email, "mailto:" + GUEST])
    guest_calendar = calendar_of(service.message_to(GUEST, "Meeting: Weekly sync"))
    assert "/meetings/invitation/#token=" in str(event_of(guest_calendar)["URL"])

    # The provider accepts on the meeting's page; the client is told.
    sign_in(service, browser, service.provider_email, "/meetings/view/?id=%d" % meeting_id)
    accept = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "[data-answer='accepted']") if driver.find_element(By.ID, "meeting-title").text == TITLE else None)
    click(browser, accept)
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "[data-answer='accepted']").get_attribute("aria-pressed") == "true")
    assert "accepted" in service.emails_to(service.CLIENT_EMAIL, "accepted")

    # Notes with an action item for the client, saved from the page and read back through the API.
    browser.find_element(By.ID, "notes-body").send_keys("We agreed on the colours. <b>bold?</b>")
    click(browser, browser.find_element(By.ID, "action-add"))
    browser.switch_to.active_element.send_keys("Send the logo files")
    Select(browser.find_element(By.CSS_SELECTOR, "#action-items [data-field='assignee_id']")).select_by_index(1)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#notes-form button[type=submit]"))
    wait(browser).until(lambda driver: "Saved" in driver.find_element(By.ID, "notes-saved").text)
    notes = service.api("GET", "/meetings/%d/notes" % meeting_id, client)
    assert notes["body"] == "We agreed on the colours. <b>bold?</b>" and notes["action_items"][0]["title"] == "Send the logo files"
    assert notes["action_items"][0]["assignee_id"] is not None

    # The week and month views show it in the reader's zone.
    browser.get(service.base + "/meetings/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "meetings-range").text)
    for _ in range(8):
        if browser.find_elements(By.CSS_SELECTOR, "#meetings-view a.meeting-entry"):
            break
        click(browser, browser.find_element(By.ID, "meetings-next"))
        wait(browser).until(lambda driver: driver.find_element(By.ID, "meetings-range").text)
    entries = wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#meetings-view a.meeting-entry"))
    assert TITLE in entries[0].text
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-view='month']"))
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, ".meeting-grid-month .meeting-cell"))
    no_policy_violation(browser)

    # The guest declines through the link in their email, without an account.
    link = next(word for word in service.emails_to(GUEST, "Meeting: Weekly sync").split() if "#token=" in word)
    browser.delete_all_cookies()
    browser.get(link)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "invitation-title").text == TITLE)
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-answer='declined']"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "invitation-answer").text == "Declined")
    assert browser.title != "owned"
    no_policy_violation(browser)

    # The client's feed, subscribed as a calendar would, and a new address that stops the old one.
    sign_in(service, browser, service.CLIENT_EMAIL, "/settings/calendar/")
    address = wait(browser).until(lambda driver: driver.find_element(By.ID, "feed-url").get_attribute("value"))
    feed_url = service.base + address[address.index("/api/calendar/"):]
    with urllib.request.urlopen(feed_url) as response:
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        feed = Calendar.from_ical(response.read())
    assert str(feed["METHOD"]) == "PUBLISH"
    summaries = [str(component["SUMMARY"]) for component in feed.walk("VEVENT")]
    assert TITLE in summaries and any(summary.startswith("Due: ") for summary in summaries)
    browser.execute_script("window.confirm = function () { return true; }")
    click(browser, browser.find_element(By.ID, "feed-rotate"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "feed-url").get_attribute("value") != address)
    try:
        urllib.request.urlopen(feed_url)
        raise AssertionError("the old address still answers")
    except urllib.error.HTTPError as error:
        assert error.code == 404
    assert service.api("GET", "/meetings/%d" % meeting_id, client)["participants"][2]["response"] == "declined"
    no_policy_violation(browser)


def test_a_calendar_connected_from_the_settings_page_receives_meetings(browser):
    """The settings page connects a CalDAV calendar (Radicale on loopback): a wrong app password is named beside its
    field, the right one connects, and a meeting scheduled afterwards appears in the calendar, as an independent
    parser reads it."""
    folder = tempfile.mkdtemp(prefix="agora-caldav-")
    port = free_port()
    radicale = subprocess.Popen([sys.executable, os.path.join(SUPPORT, "caldav-server.py"), "--port", str(port), "--folder", folder,
                                 "--user", "ada", "--password", "app-password-1", "--calendar", "team"], stdout=subprocess.PIPE)
    assert b"ready" in radicale.stdout.readline()
    service = AgoraService(AGORA_CALDAV_LOCAL="on")
    try:
        project = service.accepted_project()
        client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
        collection = "http://127.0.0.1:%d/ada/team/" % port
        sign_in(service, browser, service.CLIENT_EMAIL, "/settings/calendar/")
        wait(browser).until(lambda driver: "No calendar" in driver.find_element(By.ID, "caldav-state").text)
        browser.find_element(By.ID, "caldav-url").send_keys(collection)
        browser.find_element(By.ID, "caldav-username").send_keys("ada")
        browser.find_element(By.ID, "caldav-password").send_keys("not-it")
        click(browser, browser.find_element(By.CSS_SELECTOR, "#caldav-form button[type=submit]"))
        wait(browser).until(lambda driver: "refused" in driver.find_element(By.ID, "caldav-password-error").text)
        field = browser.find_element(By.ID, "caldav-password")
        field.clear()
        field.send_keys("app-password-1")
        click(browser, browser.find_element(By.CSS_SELECTOR, "#caldav-form button[type=submit]"))
        wait(browser).until(lambda driver: driver.find_element(By.ID, "caldav-state").text.startswith("Connected to"))
        assert browser.find_element(By.ID, "caldav-password").get_attribute("value") == ""
        click(browser, browser.find_element(By.ID, "caldav-test"))
        wait(browser).until(lambda driver: "The connection works." in driver.find_element(By.ID, "form-alert").text)
        no_policy_violation(browser)

        start = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
        meeting = service.api("POST", "/meetings", client, {"project_id": project, "title": "Pushed to my calendar", "starts_at": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                                            "time_zone": "Europe/Paris"})
        href = collection + urllib.parse.quote(meeting["uid"], safe="@") + ".ics"
        request = urllib.request.Request(href, headers={"Authorization": "Basic " + base64.b64encode(b"ada:app-password-1").decode()})
        deadline = time.time() + 40
        stored = None
        while stored is None and time.time() < deadline:
            try:
                with urllib.request.urlopen(request) as answer:
                    stored = Calendar.from_ical(answer.read())
            except urllib.error.HTTPError:
                time.sleep(1)
        assert stored is not None, "the push job wrote the meeting within 40 seconds"
        assert "METHOD" not in stored and str(event_of(stored)["SUMMARY"]) == "Pushed to my calendar"
        assert event_of(stored).decoded("DTSTART") == start
    finally:
        service.stop()
        radicale.terminate()
        radicale.wait(timeout=10)
