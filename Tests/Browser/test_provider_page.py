"""A provider's public page and the header of every page, in a real browser: a visitor sees "Sign in" and "Join",
plain share links and a "Request a proposal" link, and is sent to sign in by "Favourite"; the demo client, signed in,
sees the account menu on the static pages, keeps the provider among their favourites across a reload, and reaches
the order wizard with the provider invited. No Content-Security-Policy violation on the way."""
import os
import sys
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from test_accounts import login  # noqa: E402
from browsing import click, wait  # noqa: E402


@pytest.fixture(scope="module")
def service():
    running = AgoraService()
    yield running
    running.stop()


def a_provider_page(service, browser):
    browser.get(service.base + "/")
    link = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, ".provider-card-link"))
    address = link.get_attribute("href")
    browser.get(address)
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, ".profile-actions"))
    return address


def test_a_visitor_and_a_client_use_the_provider_page_and_the_account_menu(service, browser):
    page = a_provider_page(service, browser)
    assert browser.find_element(By.ID, "account-links").is_displayed()
    assert [link.text for link in browser.find_elements(By.CSS_SELECTOR, "#account-links a")] == ["Sign in", "Join"]
    assert not browser.find_element(By.ID, "account-menu").is_displayed()
    name = browser.find_element(By.TAG_NAME, "h1").text

    request = browser.find_element(By.LINK_TEXT, "Request a proposal").get_attribute("href")
    query = urllib.parse.parse_qs(urllib.parse.urlparse(request).query)
    assert query["name"] == [name] and query["provider"][0].isdigit()
    click(browser, browser.find_element(By.CSS_SELECTOR, ".share-menu summary"))
    linkedin = browser.find_element(By.LINK_TEXT, "LinkedIn")
    assert urllib.parse.parse_qs(urllib.parse.urlparse(linkedin.get_attribute("href")).query)["url"] == [page]
    assert linkedin.get_attribute("rel") == "noopener nofollow"
    assert page in urllib.parse.unquote(browser.find_element(By.LINK_TEXT, "Email").get_attribute("href"))
    assert browser.find_element(By.ID, "copy-link").is_displayed()

    favourite = browser.find_element(By.ID, "favourite")
    click(browser, favourite)
    wait(browser).until(lambda driver: "/login/" in driver.current_url)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(browser.current_url).query)["next"] == [urllib.parse.urlparse(page).path]

    login(service, browser, service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    browser.get(page)
    menu = wait(browser).until(lambda driver: driver.find_element(By.ID, "account-menu") if driver.find_element(By.ID, "account-menu").is_displayed() else None)
    assert not browser.find_element(By.ID, "account-links").is_displayed()
    click(browser, menu.find_element(By.TAG_NAME, "summary"))
    entries = [link.text for link in menu.find_elements(By.TAG_NAME, "a")]
    assert entries == ["Your projects", "Meetings", "Calendar feed", "Your orders", "Post an order", "What providers see", "Money", "Saved", "Notifications", "Security and sign-out"], entries

    favourite = wait(browser).until(lambda driver: driver.find_element(By.ID, "favourite"))
    click(browser, favourite)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "favourite").get_attribute("aria-pressed") == "true")
    browser.refresh()
    wait(browser).until(lambda driver: driver.find_element(By.ID, "favourite").get_attribute("aria-pressed") == "true")

    click(browser, browser.find_element(By.LINK_TEXT, "Request a proposal"))
    wait(browser).until(lambda driver: "also be sent to " + name in driver.find_element(By.TAG_NAME, "main").text)
    violations = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert violations == []


def a_provider_page_in_a_busy_category(service, browser):
    """The page of a homepage provider whose primary category holds more than five providers (not every demo
    category does): the one whose page shows four similar providers."""
    browser.get(service.base + "/")
    addresses = [link.get_attribute("href") for link in wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, ".provider-card-link"))]
    for address in addresses:
        browser.get(address)
        if len(browser.find_elements(By.CSS_SELECTOR, ".similar-providers .provider-card")) == 4:
            return address
    raise AssertionError("no homepage provider is in a category of more than five providers")


def test_similar_providers_are_cards_of_the_same_category_that_fit_and_lead_to_their_pages(service, browser):
    """Four cards below the profile, each a provider of the page's primary category, whose actions stay inside the
    card at phone and desktop widths; a card opens that provider's page, in the same category, with its own four."""
    a_provider_page_in_a_busy_category(service, browser)
    primary = browser.find_elements(By.CSS_SELECTOR, ".breadcrumbs a")[-1].text
    name = browser.find_element(By.TAG_NAME, "h1").text
    for width in (390, 1280):
        browser.set_window_size(width, 900)
        cards = browser.find_elements(By.CSS_SELECTOR, ".similar-providers .provider-card")
        assert len(cards) == 4
        assert name not in [card.find_element(By.CLASS_NAME, "provider-name").text for card in cards]
        for card in cards:
            assert not browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", card), width
    first = browser.find_element(By.CSS_SELECTOR, ".similar-providers .provider-card-link")
    chosen = first.find_element(By.CLASS_NAME, "provider-name").text
    click(browser, first)
    wait(browser).until(lambda driver: driver.find_element(By.TAG_NAME, "h1").text == chosen)
    assert browser.find_elements(By.CSS_SELECTOR, ".breadcrumbs a")[-1].text == primary, "a neighbour in the same category"
    names = [element.text for element in browser.find_elements(By.CSS_SELECTOR, ".similar-providers .provider-name")]
    assert len(names) == 4 and chosen not in names
