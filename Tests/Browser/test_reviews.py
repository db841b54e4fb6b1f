"""Reviews in a real browser, double-blind: the client rates a completed project with the keyboard (the stars are a
radio group) and writes a hostile comment that stays text; the provider is told a review exists but reads it only
after writing theirs; both publish, the provider answers, and the provider's static page shows the review, the answer
and the stars once the site-changes queue has rebuilt it, with its trend and the island's filters. No
Content-Security-Policy violation on the way."""
import os
import sys
import time
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from browsing import click, wait  # noqa: E402
from test_admin import administrator_with_two_factors  # noqa: E402
from test_projects import sign_in  # noqa: E402

HOSTILE = 'Great booking flow <img src=x onerror="document.title=\'owned\'"> delivered in 12 days, documented step by step.'


@pytest.fixture(scope="module")
def service():
    """A service of its own: the reviews change the demo provider's rating, which other suites read as seeded."""
    running = AgoraService()
    yield running
    running.stop()


def completed_project(service):
    """A project taken to completion through the API as the pages do it: each milestone funded with the test card,
    delivered and approved."""
    project = service.accepted_project()
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    provider = service.sign_in(service.provider_email, service.DEMO_PASSWORD)
    for milestone in service.api("GET", "/projects/%d" % project, client)["milestones"]:
        opened = service.api("POST", "/milestones/%d/fund" % milestone["id"], client, idempotency_key=str(uuid.uuid4()))
        service.api("POST", "/payments/%d/confirm" % opened["id"], client,
                    {"number": "4242424242424242", "expiry_month": 12, "expiry_year": 2034, "security_code": "123"}, idempotency_key=str(uuid.uuid4()))
        service.api("POST", "/milestones/%d/start" % milestone["id"], provider)
        service.api("POST", "/milestones/%d/submit" % milestone["id"], provider, {"note": "Delivered, with the source files."})
        service.api("POST", "/milestones/%d/approve" % milestone["id"], client)
    assert service.api("GET", "/projects/%d" % project, client)["status"] == "completed"
    return project


def rate(browser, group, stars):
    """Chooses stars in a radio group with the keyboard: focus the first, then arrow right."""
    first = browser.find_element(By.CSS_SELECTOR, "input[name='%s'][value='1']" % group)
    browser.execute_script("arguments[0].focus()", first)
    first.send_keys(Keys.SPACE)
    for _ in range(stars - 1):
        browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)


def test_two_parties_review_each_other_blind_and_the_page_follows(service, browser):
    project = completed_project(service)
    room = "/projects/view/?id=%d" % project
    provider_token = service.sign_in(service.provider_email, service.DEMO_PASSWORD)
    page = service.api("GET", "/users/profile", provider_token)["page_path"]

    sign_in(service, browser, service.CLIENT_EMAIL, room)
    card = wait(browser).until(lambda driver: driver.find_element(By.ID, "review-card") if driver.find_element(By.ID, "review-card").is_displayed() else None)
    assert "Neither of you can read the other's first" in card.text
    click(browser, card.find_element(By.CSS_SELECTOR, "#review-form button[type=submit]"))
    wait(browser).until(lambda driver: "required" in driver.find_element(By.ID, "review-rating-error").text)
    rate(browser, "rating", 4)
    assert browser.find_element(By.ID, "review-rating-4").is_selected()
    lit = [label.get_attribute("for") for label in browser.find_elements(By.CSS_SELECTOR, "#review-rating label.is-lit")]
    assert lit == ["review-rating-1", "review-rating-2", "review-rating-3", "review-rating-4"]
    rate(browser, "quality", 5)
    browser.find_element(By.ID, "review-comment").send_keys(HOSTILE)
    browser.find_element(By.ID, "review-feedback").send_keys("The checkout could show the fee earlier.")
    click(browser, card.find_element(By.CSS_SELECTOR, "#review-form button[type=submit]"))
    wait(browser).until(lambda driver: "published when the provider has written theirs" in driver.find_element(By.ID, "review-status").text)
    assert not browser.find_element(By.ID, "review-form").is_displayed()
    mine = browser.find_element(By.ID, "review-mine").text
    assert HOSTILE in mine and "Your private feedback" in mine
    assert browser.title != "owned"

    # The provider is told a review exists, never what it says, until theirs is in.
    assert "Write your review" in service.emails_to(service.provider_email, "reviewed")
    sign_in(service, browser, service.provider_email, room)
    wait(browser).until(lambda driver: "The other side has written their review" in driver.find_element(By.ID, "review-status").text)
    assert not browser.find_element(By.ID, "review-theirs").is_displayed()
    assert "booking flow" not in browser.find_element(By.ID, "review-card").text
    rate(browser, "rating", 5)
    browser.find_element(By.ID, "review-comment").send_keys("A clear brief and quick answers.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#review-form button[type=submit]"))
    theirs = wait(browser).until(lambda driver: driver.find_element(By.ID, "review-theirs") if driver.find_element(By.ID, "review-theirs").is_displayed() else None)
    assert HOSTILE in theirs.text and "Quality 5/5" in theirs.text and "private feedback" not in theirs.text
    assert browser.title != "owned"
    browser.find_element(By.ID, "review-answer").send_keys("Thank you, it was a pleasure to build.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#review-answer-form button[type=submit]"))
    wait(browser).until(lambda driver: "Thank you, it was a pleasure" in driver.find_element(By.ID, "review-theirs").text)
    assert not browser.find_element(By.ID, "review-answer-form").is_displayed()

    # The static page follows through the site-changes queue: the review, the answer, the stars, the island.
    deadline = time.time() + 30
    while time.time() < deadline:
        browser.get(service.base + page)
        if "booking flow" in browser.find_element(By.ID, "reviews").text and "pleasure" in browser.find_element(By.ID, "reviews").text:
            break
        time.sleep(0.5)
    reviews = browser.find_element(By.ID, "reviews")
    assert HOSTILE in reviews.text and "The provider's answer" in reviews.text
    # The demo provider has a record from the demo's work: the count is at least this review.
    assert "4 out of 5" in reviews.text and "out of 5 from" in reviews.text
    # The figure is the displayed rating the API gives, computed with the same prior.
    token = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    rating = service.api("GET", "/users/%s/rating" % reviews.get_attribute("data-reviews-of"), token)
    assert browser.find_element(By.CSS_SELECTOR, "#reviews .rating-value").text == "%.1f" % rating["displayed"]
    assert browser.title != "owned"
    wait(browser).until(lambda driver: driver.find_element(By.ID, "review-controls").is_displayed())
    assert "Reviews per month" in browser.find_element(By.ID, "rating-trend").text
    Select(browser.find_element(By.ID, "review-stars")).select_by_value("1")
    wait(browser).until(lambda driver: "No review matches." in driver.find_element(By.ID, "review-list").text)
    Select(browser.find_element(By.ID, "review-stars")).select_by_value("")
    wait(browser).until(lambda driver: "booking flow" in driver.find_element(By.ID, "review-list").text)
    browser.find_element(By.ID, "review-search").send_keys("documented")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#review-controls button[type=submit]"))
    wait(browser).until(lambda driver: "booking flow" in driver.find_element(By.ID, "review-list").text)
    errors = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert errors == []


def test_a_reported_review_is_hidden_by_a_moderator_and_leaves_the_page(service, browser):
    """Runs after the first test of this module: the client's review of the demo provider is published."""
    provider = service.sign_in(service.provider_email, service.DEMO_PASSWORD)
    page = service.api("GET", "/users/profile", provider)["page_path"]
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    provider_id = service.api("GET", "/auth/me", provider)["id"]
    review = service.api("GET", "/users/%d/reviews" % provider_id, client)["reviews"][0]
    service.api("POST", "/reviews/%d/appeal" % review["id"], provider, {"reason": "The review quotes another provider's delivery dates."})

    administrator_with_two_factors(service, browser, "/admin/reviews/")
    assert wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#admin-nav a[data-area='reviews']").is_displayed())
    Select(browser.find_element(By.ID, "review-queue")).select_by_value("appealed")
    row = wait(browser).until(lambda driver: [each for each in driver.find_elements(By.CSS_SELECTOR, "#review-rows tr") if "booking site" in each.text])[0]
    click(browser, row.find_element(By.XPATH, ".//button[text()='Open']"))
    wait(browser).until(lambda driver: "another provider's delivery dates" in driver.find_element(By.ID, "review-appeal").text)
    assert HOSTILE in browser.find_element(By.ID, "review-comment").text and browser.title != "owned"
    # Removing is for good: the page asks first, and a moderator who says no changes nothing.
    click(browser, browser.find_element(By.XPATH, "//div[@id='review-decisions']/button[text()='Remove for good']"))
    confirmation = wait(browser).until(lambda driver: driver.switch_to.alert)
    assert "never be restored" in confirmation.text
    confirmation.dismiss()
    assert browser.find_element(By.ID, "reason").get_attribute("aria-invalid") != "true"
    click(browser, browser.find_element(By.XPATH, "//div[@id='review-decisions']/button[text()='Hide it']"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "reason").get_attribute("aria-invalid") == "true")
    browser.find_element(By.ID, "reason").send_keys("It describes another provider's work.")
    click(browser, browser.find_element(By.XPATH, "//div[@id='review-decisions']/button[text()='Hide it']"))
    wait(browser).until(lambda driver: "the review is hidden" in driver.find_element(By.ID, "form-alert").text)
    assert "“It describes another provider's work.”" in service.emails_to(service.provider_email, "Your appeal was upheld")

    deadline = time.time() + 30
    while time.time() < deadline:
        browser.get(service.base + page)
        if "booking flow" not in browser.find_element(By.ID, "reviews").text:
            break
        time.sleep(0.5)
    assert "booking flow" not in browser.find_element(By.ID, "reviews").text
    errors = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert errors == []
