"""A project run to completion in a real browser by its two members: the dashboard's quick step, deliveries with a
note and a file, a request for changes, a pause, approvals, a proposed milestone refused beside its field, the
timeline and the feed; hostile text stays text."""
import os
import struct
import tempfile
import zlib

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from browsing import click, wait  # noqa: E402

HOSTILE = '<img src=x onerror="document.title=\'owned\'">Wireframes are in the shared folder.'


def tiny_png():
    """A real PNG of one pixel."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x80\x00")) + chunk(b"IEND", b""))


def sign_in(service, browser, email, path, password=None):
    browser.delete_all_cookies()
    browser.get(service.base + "/login/?next=" + path.replace("/", "%2F").replace("?", "%3F").replace("=", "%3D"))
    browser.find_element(By.ID, "email").send_keys(email)
    field = browser.find_element(By.ID, "password")
    field.send_keys(password or service.DEMO_PASSWORD)
    field.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)


def milestone(browser, title):
    return wait(browser).until(lambda driver: next((item for item in driver.find_elements(By.CSS_SELECTOR, "#milestone-list > li")
                                                    if item.find_element(By.TAG_NAME, "h3").text.endswith(title)), None))


def take(browser, title, step_label, note=None):
    """Takes a step on a milestone from its buttons, writing the note when the step asks for one."""
    item = milestone(browser, title)
    click(browser, item.find_element(By.XPATH, ".//button[text()='%s']" % step_label))
    if step_label == "Approve":
        browser.switch_to.alert.accept()
    if note is not None:
        field = wait(browser).until(lambda driver: milestone(driver, title).find_element(By.TAG_NAME, "textarea"))
        field.send_keys(note)
        click(browser, milestone(browser, title).find_element(By.CSS_SELECTOR, "button[type=submit]"))


def status_of(browser, title):
    return milestone(browser, title).find_element(By.CSS_SELECTOR, ".status").text


def fund(browser, title, card="4242 4242 4242 4242"):
    """The client funds a milestone from its Fund button, typing a card into the checkout (another card than the
    saved ones, when they have some)."""
    click(browser, milestone(browser, title).find_element(By.XPATH, ".//button[text()='Fund']"))
    dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog[open]"))
    for other in dialog.find_elements(By.ID, "payment-method-new"):
        click(browser, other)
    for field, value in (("card-number", card), ("card-month", "12"), ("card-year", "34"), ("card-code", "123")):
        dialog.find_element(By.ID, field).send_keys(value)
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    return dialog


def test_client_and_provider_run_a_project_to_completion(service, browser):
    project = service.accepted_project()
    room = "/projects/view/?id=%d" % project

    # The client funds both milestones: work starts on funded milestones only.
    sign_in(service, browser, service.CLIENT_EMAIL, room)
    for title in ("Design", "Launch"):
        fund(browser, title)
        wait(browser).until(lambda driver: status_of(driver, title) == "Funded")
    assert "held in escrow" in milestone(browser, "Design").text

    # The provider starts the first milestone from the dashboard, where it waits for them.
    sign_in(service, browser, service.provider_email, "/projects/")
    waiting = wait(browser).until(lambda driver: [item for item in driver.find_elements(By.CSS_SELECTOR, "#awaiting-list li") if "Design" in item.text])[0]
    click(browser, waiting.find_element(By.XPATH, ".//button[text()='Start work']"))
    wait(browser).until(lambda driver: "Design: in progress." in driver.find_element(By.ID, "status-line").text)
    card = wait(browser).until(lambda driver: [each for each in driver.find_elements(By.CSS_SELECTOR, "#project-cards .project-card") if "bakery's booking site" in each.text])[0]
    click(browser, card.find_element(By.TAG_NAME, "a"))

    # In the room: a file for the delivery, sent with its progress; a delivery needs a note; the note is hostile and
    # stays text.
    wait(browser).until(lambda driver: driver.find_element(By.ID, "project-title").text == "A bakery's booking site")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline-chart svg circle"), "the timeline draws the milestones"
    attachment = os.path.join(tempfile.mkdtemp(), "wireframes.pdf")
    with open(attachment, "wb") as handle:
        handle.write(b"%PDF-1.7\n" + b"0" * 50_000 + b"\n%%EOF\n")
    milestone(browser, "Design").find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(attachment)
    wait(browser).until(lambda driver: "wireframes.pdf attached." in milestone(driver, "Design").text)
    assert milestone(browser, "Design").find_element(By.XPATH, ".//button[text()='Remove']")
    take(browser, "Design", "Deliver")
    click(browser, milestone(browser, "Design").find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: milestone(driver, "Design").find_element(By.CSS_SELECTOR, ".field-error").text)
    milestone(browser, "Design").find_element(By.TAG_NAME, "textarea").send_keys(HOSTILE)
    click(browser, milestone(browser, "Design").find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: status_of(driver, "Design") == "Submitted")
    assert "Delivered for review" in browser.find_element(By.ID, "project-activity").text

    # A milestone proposed with a bad amount is refused beside its field.
    browser.find_element(By.ID, "milestone-title").send_keys("Photography")
    browser.find_element(By.ID, "milestone-amount").send_keys("a lot")
    browser.execute_script("document.getElementById('milestone-due').value = '2027-01-10'")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#propose-form button[type=submit]"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "milestone-amount").get_attribute("aria-invalid") == "true")
    assert browser.find_element(By.ID, "milestone-amount-error").text

    # The client reads the delivery (as text), asks for changes, then approves the second delivery.
    sign_in(service, browser, service.CLIENT_EMAIL, room)
    item = milestone(browser, "Design")
    assert HOSTILE in item.text
    assert item.find_element(By.XPATH, ".//button[text()='wireframes.pdf']"), "the delivery carries its file"
    assert not item.find_elements(By.XPATH, ".//button[text()='Remove']")
    assert not browser.find_elements(By.CSS_SELECTOR, "#milestone-list img") and browser.title != "owned"
    assert "Waiting for review" in browser.find_element(By.ID, "project-health").text
    take(browser, "Design", "Ask for changes", "Short")
    wait(browser).until(lambda driver: milestone(driver, "Design").find_element(By.CSS_SELECTOR, ".field-error").text)
    milestone(browser, "Design").find_element(By.TAG_NAME, "textarea").send_keys(" of it: add the mobile layouts.")
    click(browser, milestone(browser, "Design").find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: status_of(driver, "Design") == "Waiting for changes")

    sign_in(service, browser, service.provider_email, room)
    take(browser, "Design", "Deliver", "Mobile layouts added.")
    wait(browser).until(lambda driver: status_of(driver, "Design") == "Submitted")
    take(browser, "Launch", "Start work")
    wait(browser).until(lambda driver: status_of(driver, "Launch") == "In progress")
    take(browser, "Launch", "Deliver", "The site is live.")
    wait(browser).until(lambda driver: status_of(driver, "Launch") == "Submitted")

    sign_in(service, browser, service.CLIENT_EMAIL, "/projects/")
    wait(browser).until(lambda driver: [item for item in driver.find_elements(By.CSS_SELECTOR, "#awaiting-list li") if "Design" in item.text])
    browser.get(service.base + room)

    # A pause stops everything until the client resumes.
    reason = wait(browser).until(lambda driver: driver.find_element(By.ID, "pause-reason") if driver.find_element(By.ID, "pause-card").is_displayed() else None)
    reason.send_keys("Waiting for the photos.")
    click(browser, browser.find_element(By.ID, "pause-submit"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "paused-note").is_displayed())
    assert not browser.find_elements(By.CSS_SELECTOR, "#milestone-list .button-row button")
    assert "Waiting for the photos." in browser.find_element(By.ID, "project-activity").text
    click(browser, browser.find_element(By.ID, "pause-submit"))
    wait(browser).until(lambda driver: not driver.find_element(By.ID, "paused-note").is_displayed())

    take(browser, "Design", "Approve")
    wait(browser).until(lambda driver: status_of(driver, "Design") == "Approved")
    assert "€600 released" in milestone(browser, "Design").text, "approval releases the escrow"
    take(browser, "Launch", "Approve")
    wait(browser).until(lambda driver: "the project is complete" in driver.find_element(By.ID, "status-line").text)
    assert browser.find_element(By.CSS_SELECTOR, "#project-status .status").text == "Completed"
    assert browser.find_element(By.CSS_SELECTOR, "#project-progress progress").get_attribute("value") == "100"
    assert "Project completed" in browser.find_element(By.ID, "project-activity").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#milestone-list .button-row button"), "nothing left to do"

    # The order leads to the project.
    click(browser, browser.find_element(By.ID, "project-order"))
    link = wait(browser).until(lambda driver: driver.find_element(By.ID, "project-link-anchor") if driver.find_element(By.ID, "project-link").is_displayed() else None)
    assert link.get_attribute("href").endswith(room)


def test_project_pages_keep_others_out(service, browser):
    sign_in(service, browser, service.CLIENT_EMAIL, "/projects/view/?id=999999")
    wait(browser).until(lambda driver: "No project of yours" in driver.find_element(By.ID, "form-alert").text)
    sign_in(service, browser, service.ADMIN_EMAIL, "/projects/", service.ADMIN_PASSWORD)
    wait(browser).until(lambda driver: "/unauthorized/" in driver.current_url)


def test_members_chat_live_in_the_room(service, browser):
    from conftest import new_browser
    project = service.accepted_project()
    room = "/projects/view/?id=%d" % project
    sign_in(service, browser, service.CLIENT_EMAIL, room)
    provider = new_browser()
    try:
        sign_in(service, provider, service.provider_email, room)
        wait(browser).until(lambda driver: "Provider is here" in driver.find_element(By.ID, "chat-presence").text)

        # The client writes, with formatting and an emoji from the picker; the provider sees "typing", then the message.
        body = browser.find_element(By.ID, "chat-body")
        body.send_keys("Hello ")
        wait(provider).until(lambda driver: "Client is typing" in driver.find_element(By.ID, "chat-typing").text)
        click(browser, browser.find_element(By.ID, "chat-emoji-toggle"))
        click(browser, browser.find_element(By.CSS_SELECTOR, "#chat-emoji button"))
        body.send_keys(" <img src=x onerror=\"document.title='owned'\"> ")
        click(browser, browser.find_element(By.CSS_SELECTOR, "[data-wrap='**']"))
        body.send_keys(Keys.ENTER)
        wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#chat-log .chat-mine .chat-body strong").text == "text")
        received = wait(provider).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#chat-log .chat-message:not(.chat-mine)").text)
        assert "Hello 😀" in received, "the message arrives live, its raw HTML dropped"
        assert not provider.find_elements(By.CSS_SELECTOR, "#chat-log img") and provider.title != "owned"
        assert provider.find_element(By.ID, "chat-log").get_attribute("role") == "log"

        # The provider has it on screen: the client sees it was seen. The provider answers; the client searches.
        wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#chat-log .chat-seen"))
        answer = provider.find_element(By.ID, "chat-body")
        answer.send_keys("The mockups arrive on Thursday.")
        answer.send_keys(Keys.ENTER)
        wait(browser).until(lambda driver: "Thursday" in driver.find_element(By.ID, "chat-log").text)
        browser.find_element(By.ID, "chat-search-text").send_keys("MOCKUPS")
        click(browser, browser.find_element(By.CSS_SELECTOR, "#chat-search button"))
        wait(browser).until(lambda driver: "Thursday" in driver.find_element(By.ID, "chat-results").text)

        # The client shares a picture: the provider sees its preview and can download it.
        picture = os.path.join(tempfile.mkdtemp(), "shop front.png")
        with open(picture, "wb") as handle:
            handle.write(tiny_png())
        browser.find_element(By.ID, "chat-file").send_keys(picture)
        wait(browser).until(lambda driver: "shop front.png" in driver.find_element(By.ID, "chat-log").text)
        preview = wait(provider).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#chat-log .chat-preview"))
        assert preview.get_attribute("alt") == "shop front.png" and preview.get_attribute("src").startswith("blob:")
        wait(provider).until(lambda driver: driver.execute_script("return arguments[0].naturalWidth", preview) == 1)

        # The client reports the provider's answer from its Report button.
        answer_item = [item for item in browser.find_elements(By.CSS_SELECTOR, "#chat-log .chat-message:not(.chat-mine)") if "Thursday" in item.text][0]
        click(browser, answer_item.find_element(By.XPATH, ".//button[text()='Report']"))
        dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog[open]"))
        Select(dialog.find_element(By.ID, "report-reason")).select_by_value("spam")
        click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        wait(browser).until(lambda driver: "a moderator will look at this message" in driver.find_element(By.ID, "form-alert").text)
        assert not [item for item in provider.find_elements(By.CSS_SELECTOR, "#chat-log .chat-mine") if "Report" in item.text], "nobody reports their own"

        # A milestone step on one side redraws the other side's room: the client's funding, the provider's start.
        provider.get(service.base + room)
        wait(provider).until(lambda driver: status_of(driver, "Design") == "Not funded")
        fund(browser, "Design")
        wait(provider).until(lambda driver: status_of(driver, "Design") == "Funded")
        take(provider, "Design", "Start work")
        wait(browser).until(lambda driver: status_of(driver, "Design") == "In progress")
    finally:
        provider.quit()
