"""The provider's profile editor in a real browser: a new provider writes a draft that saves itself, sees what a
publication needs, publishes it for review and restores an earlier version; the demo provider's published profile
takes a plain change at once and holds one with contact details for review; the demo provider crops a photo that
reaches the public page within seconds; an administrator refuses the first publication with a reason, which the
provider is emailed."""
import os
import sys
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from test_accounts import login, register  # noqa: E402
from test_admin import administrator_with_two_factors  # noqa: E402
from browsing import click, wait  # noqa: E402


@pytest.fixture(scope="module")
def service():
    running = AgoraService()
    yield running
    running.stop()


def editor(service, browser):
    browser.get(service.base + "/settings/profile/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "profile-status").text)


def test_a_new_provider_writes_a_draft_publishes_it_and_restores_a_version(service, browser):
    address = "new.provider@example.com"
    register(service, browser, address, user_type="provider")
    browser.get(service.link_in(service.emails_to(address, "Confirm your email")))
    wait(browser).until(lambda driver: "confirmed" in driver.find_element(By.ID, "verify-title").text)

    editor(service, browser)
    assert "A draft" in browser.find_element(By.ID, "profile-status").text
    assert browser.find_element(By.ID, "publish").get_attribute("disabled"), "an empty draft cannot be published"
    assert "title" in browser.find_element(By.ID, "completeness-missing").text

    # A profile never saved starts with the guide: one part at a time, each saved before the next.
    wait(browser).until(lambda driver: "Step 1 of 6: What you do" in driver.find_element(By.ID, "first-run-step").text)
    assert not browser.find_element(By.ID, "skills").is_displayed(), "the other parts wait their turn"
    assert browser.switch_to.active_element == browser.find_element(By.ID, "title")

    # A bad title is named beside its field, and the guide waits for it.
    browser.find_element(By.ID, "title").send_keys("Hi")
    click(browser, browser.find_element(By.ID, "first-run-next"))
    wait(browser).until(lambda driver: "5 to 120" in driver.find_element(By.ID, "title-error").text)
    assert "Step 1 of 6" in browser.find_element(By.ID, "first-run-step").text
    title = browser.find_element(By.ID, "title")
    title.clear()
    title.send_keys("Translations from Arabic and French")
    browser.find_element(By.ID, "bio").send_keys("I translate contracts, websites and menus between Arabic, French and English, on time and checked twice.")
    select = Select(browser.find_element(By.ID, "categories"))
    select.select_by_index(0)
    click(browser, browser.find_element(By.ID, "first-run-next"))
    wait(browser).until(lambda driver: "Step 2 of 6: Skills and languages" in driver.find_element(By.ID, "first-run-step").text)
    browser.find_element(By.ID, "skills").send_keys("Translation, Proofreading")
    click(browser, browser.find_element(By.ID, "add-language"))
    browser.find_element(By.CSS_SELECTOR, "#language-rows .language-code").send_keys("ar")
    Select(browser.find_element(By.CSS_SELECTOR, "#language-rows .language-level")).select_by_value("native")
    click(browser, browser.find_element(By.ID, "first-run-next"))
    wait(browser).until(lambda driver: "Step 3 of 6" in driver.find_element(By.ID, "first-run-step").text)
    browser.find_element(By.ID, "hourly_rate").send_keys("38")
    Select(browser.find_element(By.ID, "currency")).select_by_value("EUR")

    # The preview draws the page from what the form holds, text kept as text.
    click(browser, browser.find_element(By.ID, "preview-open"))
    preview = wait(browser).until(lambda driver: driver.find_element(By.ID, "preview-page") if driver.find_element(By.ID, "profile-preview").is_displayed() else None)
    assert "Translations from Arabic and French" in preview.text and "38 EUR" in preview.text and "Proofreading" in preview.text
    click(browser, browser.find_element(By.ID, "preview-close"))

    # Skipping the guide shows every field.
    click(browser, browser.find_element(By.ID, "first-run-skip"))
    assert browser.find_element(By.ID, "skills").is_displayed() and not browser.find_element(By.ID, "first-run").is_displayed()
    wait(browser).until(lambda driver: "Draft saved at" in driver.find_element(By.ID, "save-state").text)
    wait(browser).until(lambda driver: not driver.find_element(By.ID, "publish").get_attribute("disabled"))
    assert browser.find_element(By.ID, "completeness-meter").get_attribute("value") not in ("0", None)

    click(browser, browser.find_element(By.ID, "publish"))
    wait(browser).until(lambda driver: "Sent for review" in driver.find_element(By.ID, "form-alert").text)
    assert "Waiting for review" in browser.find_element(By.ID, "profile-status").text

    # The versions list restores an earlier one as the newest.
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#versions button")) >= 1)
    oldest = browser.find_elements(By.CSS_SELECTOR, "#versions li")[-1]
    click(browser, oldest.find_element(By.TAG_NAME, "button"))
    wait(browser).until(lambda driver: "is back, as version" in driver.find_element(By.ID, "form-alert").text)


def test_the_published_demo_profile_goes_live_or_waits_for_review(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    editor(service, browser)
    assert "Published" in browser.find_element(By.ID, "profile-status").text
    assert browser.find_element(By.ID, "public-page").is_displayed()
    title = browser.find_element(By.ID, "title")
    title.clear()
    title.send_keys("Websites for small shops, built to last")
    click(browser, browser.find_element(By.ID, "save"))
    wait(browser).until(lambda driver: "Published at" in driver.find_element(By.ID, "save-state").text)
    bio = browser.find_element(By.ID, "bio")
    bio.send_keys(" Write to me at shop.builder@mail.example <b>now</b>.")
    click(browser, browser.find_element(By.ID, "save"))
    wait(browser).until(lambda driver: "Saved for review at" in driver.find_element(By.ID, "save-state").text)
    held = browser.find_element(By.ID, "profile-held")
    assert held.is_displayed() and "contact-details" in held.text
    assert not browser.find_elements(By.CSS_SELECTOR, "#profile-held b"), "text stays text"


IMAGES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "AgoraTestSupport", "Images"))


def test_the_provider_crops_a_photo_that_reaches_the_public_page(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    editor(service, browser)
    page = browser.find_element(By.ID, "public-page").get_attribute("href")
    assert not browser.find_elements(By.CSS_SELECTOR, "#photo-current img"), "the initials stand in for a photo"

    # Not an image: refused on this device, before anything is sent.
    fake = os.path.join(service.scratch, "notes.jpg")
    with open(fake, "w") as file:
        file.write("not a photo")
    chooser = browser.find_element(By.ID, "photo-file")
    chooser.send_keys(fake)
    wait(browser).until(lambda driver: "cannot be shown" in driver.find_element(By.ID, "photo-error").text)
    assert not browser.find_element(By.ID, "photo-cropper").is_displayed()

    # A camera photo stored on its side: the cropper shows it upright (300 × 400) and the square moves by keyboard.
    chooser.send_keys(os.path.join(IMAGES, "gps-rotated.jpg"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "photo-cropper").is_displayed())
    size = browser.find_element(By.ID, "crop-size")
    assert size.get_attribute("max") == "300"
    size.send_keys(Keys.HOME)
    assert size.get_attribute("value") == "160"
    top = browser.find_element(By.ID, "crop-top")
    top.send_keys(Keys.END)
    assert top.get_attribute("value") == "240"
    click(browser, browser.find_element(By.ID, "photo-use"))
    wait(browser).until(lambda driver: "on your public page" in driver.find_element(By.ID, "form-alert").text)
    image = browser.find_element(By.CSS_SELECTOR, "#photo-current img")
    assert "/media/photos/" in image.get_attribute("src")
    wait(browser).until(lambda driver: driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 0)

    # The site worker rewrites the static page within seconds: the photo, its variants and its share image.
    deadline = time.time() + 15
    html = ""
    while time.time() < deadline and "/media/photos/" not in html:
        with urllib.request.urlopen(page) as answer:
            html = answer.read().decode()
        time.sleep(0.2)
    assert "/media/photos/" in html, "the page shows the photo"
    browser.get(page)
    shown = browser.find_element(By.CSS_SELECTOR, ".profile-header picture img")
    wait(browser).until(lambda driver: driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", shown) > 0)
    assert shown.get_attribute("width") == "120" and shown.get_attribute("height") == "120"
    share = browser.find_element(By.CSS_SELECTOR, "meta[property='og:image']").get_attribute("content")
    assert "/media/photos/" in share and share.endswith(".jpg")

    # Removed: the initials come back.
    editor(service, browser)
    click(browser, wait(browser).until(lambda driver: driver.find_element(By.ID, "photo-remove") if driver.find_element(By.ID, "photo-remove").is_displayed() else None))
    wait(browser).until(lambda driver: "photo is removed" in driver.find_element(By.ID, "form-alert").text)
    assert not browser.find_elements(By.CSS_SELECTOR, "#photo-current img")


def test_an_administrator_reviews_the_first_publication(service, browser):
    administrator_with_two_factors(service, browser, "/admin/profiles/")
    item = wait(browser).until(lambda driver: [li for li in driver.find_elements(By.CSS_SELECTOR, "#profile-list li") if "first publication" in li.text])[0]
    assert "Translations from Arabic and French" in item.text
    click(browser, [button for button in item.find_elements(By.TAG_NAME, "button") if button.text == "Refuse"][0])
    wait(browser).until(lambda driver: "Say why" in driver.find_element(By.ID, "form-alert").text)
    item.find_element(By.TAG_NAME, "input").send_keys("Add the languages you translate from and into.")
    click(browser, [button for button in item.find_elements(By.TAG_NAME, "button") if button.text == "Refuse"][0])
    wait(browser).until(lambda driver: "refused, and told why" in driver.find_element(By.ID, "form-alert").text)
    assert "Add the languages you translate" in service.emails_to("new.provider@example.com", "not approved")
    # The demo provider's change held for contact details is approved: nothing waits any more.
    held = wait(browser).until(lambda driver: [li for li in driver.find_elements(By.CSS_SELECTOR, "#profile-list li") if "held for" in li.text])[0]
    assert "contact-details" in held.text and "first publication" not in browser.find_element(By.ID, "profile-list").text
    click(browser, [button for button in held.find_elements(By.TAG_NAME, "button") if button.text == "Approve"][0])
    wait(browser).until(lambda driver: "approved." in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "profiles-empty").is_displayed())


def set_value(browser, element, value):
    """Sets a month field as a person picking from the browser's month chooser would."""
    browser.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", element, value
    )


def test_the_provider_lists_experience_and_a_certificate_that_reach_the_public_page(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    editor(service, browser)
    page = browser.find_element(By.ID, "public-page").get_attribute("href")
    experience = browser.find_element(By.ID, "experience")
    assert len(experience.find_elements(By.CSS_SELECTOR, ".background-entry")) == 1, "the seeded role"

    # A second role, moved above the first.
    click(browser, experience.find_element(By.CSS_SELECTOR, "[data-add-entry]"))
    role = browser.find_element(By.ID, "experience[1].title")
    assert browser.switch_to.active_element == role
    role.send_keys("Shop websites <i>lead</i>")
    browser.find_element(By.ID, "experience[1].organisation").send_keys("Boulangerie Marcel")
    set_value(browser, browser.find_element(By.ID, "experience[1].start"), "2024-02")
    click(browser, experience.find_elements(By.CSS_SELECTOR, "[data-move='up']")[1])
    assert browser.find_element(By.ID, "experience[0].title").get_attribute("value") == "Shop websites <i>lead</i>"

    # A certificate without its issuer is named beside the field; with it, the change goes live.
    certifications = browser.find_element(By.ID, "certifications")
    for entry in certifications.find_elements(By.CSS_SELECTOR, "[data-move='remove']"):
        click(browser, entry)
    click(browser, certifications.find_element(By.CSS_SELECTOR, "[data-add-entry]"))
    browser.find_element(By.ID, "certifications[0].title").send_keys("CompTIA Security+")
    set_value(browser, browser.find_element(By.ID, "certifications[0].start"), "2023-05")
    browser.find_element(By.ID, "certifications[0].link").send_keys("https://verify.example/comptia/abc")
    click(browser, browser.find_element(By.ID, "save"))
    wait(browser).until(lambda driver: "is required" in driver.find_element(By.ID, "certifications[0].organisation-error").text.lower())
    assert browser.find_element(By.ID, "certifications[0].organisation").get_attribute("aria-invalid") == "true"
    browser.find_element(By.ID, "certifications[0].organisation").send_keys("CompTIA")
    click(browser, browser.find_element(By.ID, "save"))
    wait(browser).until(lambda driver: "Published at" in driver.find_element(By.ID, "save-state").text)

    deadline = time.time() + 15
    html = ""
    while time.time() < deadline and "CompTIA Security+" not in html:
        with urllib.request.urlopen(page) as answer:
            html = answer.read().decode()
        time.sleep(0.2)
    browser.get(page)
    roles = [heading.text for heading in browser.find_elements(By.CSS_SELECTOR, "#experience-heading + ol h3")]
    assert roles[0] == "Shop websites <i>lead</i>" and len(roles) == 2, "in the provider's order, text kept as text"
    certificate = browser.find_element(By.CSS_SELECTOR, "#certification-heading + ol li")
    assert "CompTIA" in certificate.text and "May 2023 – no expiry" in certificate.text
    link = certificate.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("rel") == "nofollow ugc noopener"


def test_the_provider_prints_or_downloads_their_profile(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    editor(service, browser)
    click(browser, browser.find_element(By.LINK_TEXT, "download or print your profile"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "export").get_attribute("aria-busy") == "false")
    shown = browser.find_element(By.ID, "export")
    assert service.provider_email in shown.text
    assert "Shop websites <i>lead</i>" in shown.text and not shown.find_elements(By.TAG_NAME, "i"), "text stays text"
    assert "Saved versions" in shown.text and "CompTIA" in shown.text

    # Printed, only the profile shows: no header, no buttons.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, ".site-header").is_displayed()
        assert not browser.find_element(By.ID, "print").is_displayed()
        assert shown.is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert browser.find_element(By.ID, "download").is_enabled()


def test_the_city_field_suggests_cities_and_says_whether_searches_by_distance_find_it(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    editor(service, browser)
    city = browser.find_element(By.ID, "city")
    country = browser.find_element(By.ID, "country")
    city.clear()
    country.clear()
    city.send_keys("Zürich")
    wait(browser).until(lambda driver: country.get_attribute("value") == "CH")
    options = [option.get_attribute("value") for option in browser.find_elements(By.CSS_SELECTOR, "#city-suggestions option")]
    assert "Zürich" in options
    wait(browser).until(lambda driver: "On the map" in driver.find_element(By.ID, "city-hint").text)
    city.clear()
    city.send_keys("Oberglatt im Tal")
    wait(browser).until(lambda driver: "Not in our list" in driver.find_element(By.ID, "city-hint").text)


def test_the_skills_field_offers_the_catalogue(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    editor(service, browser)
    skills = browser.find_element(By.ID, "skills")
    before = skills.get_attribute("value")
    skills.send_keys(Keys.END + ", re")
    chips = wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#skill-suggestions button") or None)
    offered = chips[0].text.removeprefix("+ ")
    assert offered.lower().startswith("re") and offered not in before.split(", ")
    click(browser, chips[0])
    assert skills.get_attribute("value") == before + ", " + offered, "the word typed becomes the skill chosen"


def test_the_dashboard_counts_views_of_the_public_page(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    editor(service, browser)
    page = browser.find_element(By.ID, "public-page").get_attribute("href")
    browser.get(page)
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "[data-provider-slug]"))
    cookies = {cookie["name"] for cookie in browser.get_cookies()}
    time.sleep(0.5)
    browser.get(service.base + "/settings/dashboard/")
    totals = wait(browser).until(lambda driver: driver.find_element(By.ID, "view-totals").text or None)
    assert int(totals.split(" ")[0]) >= 1, totals
    assert browser.find_elements(By.CSS_SELECTOR, "#view-chart svg rect.chart-profile")
    rows = browser.find_elements(By.CSS_SELECTOR, "#view-table tr")
    assert len(rows) == 30
    Select(browser.find_element(By.ID, "days")).select_by_value("7")
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#view-table tr")) == 7)
    assert not [name for name in cookies if "view" in name.lower()], "no cookie counts views"
