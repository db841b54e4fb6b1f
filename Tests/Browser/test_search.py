"""The search page in a real browser: suggestions with the keyboard, filters and sorting kept in the URL, more
results, the back button, and hostile text shown as text."""
import json
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from browsing import click, wait  # noqa: E402


def cards(browser):
    return [card.get_attribute("data-slug") for card in browser.find_elements(By.CSS_SELECTOR, "#search-results .provider-card")]


def settled(browser):
    """Waits until the results stopped loading and returns the count line."""
    wait(browser).until(lambda driver: driver.find_element(By.ID, "search-results").get_attribute("aria-busy") == "false"
                        and driver.find_element(By.ID, "result-count").text != "")
    return browser.find_element(By.ID, "result-count").text


def parameters(browser):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlparse(browser.current_url).query))


def api(service, query):
    with urllib.request.urlopen(service.base + "/api/search/providers?" + query) as answer:
        return json.load(answer)


def test_pick_a_suggestion_with_the_keyboard_then_filter_sort_and_page(service, browser):
    browser.get(service.base + "/search/")
    total = settled(browser)
    assert total == "200 providers"
    assert len(cards(browser)) == 20

    box = browser.find_element(By.ID, "search-q")
    box.send_keys("Web Dev")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "search-suggestions").is_displayed())
    assert box.get_attribute("aria-expanded") == "true"
    first = browser.find_element(By.CSS_SELECTOR, "#search-suggestions [role=option]")
    assert first.text.startswith("Web Development")
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: parameters(driver).get("category") == "web-development")
    in_category = settled(browser)
    assert Select(browser.find_element(By.ID, "filter-category")).first_selected_option.get_attribute("value") == "web-development"
    expected = api(service, "category=web-development&limit=20")
    assert in_category == f"{expected['total']} providers"
    assert cards(browser) == [provider["slug"] for provider in expected["providers"]]

    click(browser, browser.find_element(By.XPATH, "//summary[text()='Availability and record']"))
    click(browser, browser.find_element(By.ID, "filter-available"))
    wait(browser).until(lambda driver: parameters(driver).get("available") == "now")
    settled(browser)
    Select(browser.find_element(By.ID, "search-sort")).select_by_value("price_asc")
    wait(browser).until(lambda driver: parameters(driver).get("sort") == "price_asc")
    settled(browser)
    expected = api(service, "category=web-development&available=now&sort=price_asc&limit=20")
    wait(browser).until(lambda driver: cards(driver) == [provider["slug"] for provider in expected["providers"]])

    # The back button returns to the previous filters, and the form follows.
    browser.back()
    wait(browser).until(lambda driver: "sort" not in parameters(driver))
    wait(browser).until(lambda driver: Select(driver.find_element(By.ID, "search-sort")).first_selected_option.get_attribute("value") == "relevance")
    assert browser.find_element(By.ID, "filter-available").is_selected()
    browser.back()
    wait(browser).until(lambda driver: "available" not in parameters(driver))
    wait(browser).until(lambda driver: not driver.find_element(By.ID, "filter-available").is_selected())
    assert settled(browser) == in_category


def test_more_results_append_without_repeats(service, browser):
    browser.get(service.base + "/search/?sort=rating")
    settled(browser)
    first_page = cards(browser)
    assert len(first_page) == 20
    more = browser.find_element(By.ID, "load-more")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", more)
    wait(browser).until(lambda driver: len(cards(driver)) >= 40)
    shown = cards(browser)
    assert shown[:20] == first_page
    assert len(set(shown)) == len(shown)
    expected = api(service, "sort=rating&limit=40")
    assert shown[:40] == [provider["slug"] for provider in expected["providers"]]


def test_no_results_offer_suggestions_and_hostile_text_stays_text(service, browser):
    hostile = '<img src=x onerror="document.title=\'owned\'">devlopment'
    browser.get(service.base + "/search/?q=" + urllib.parse.quote(hostile))
    assert settled(browser) == "0 providers"
    wait(browser).until(lambda driver: driver.find_element(By.ID, "no-results").is_displayed())
    assert browser.find_element(By.ID, "search-q").get_attribute("value") == hostile
    assert browser.title != "owned"
    assert not browser.find_elements(By.CSS_SELECTOR, "#search-page img[src=x]")
    suggestion = wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#no-results-suggestions button"))
    assert any(button.text == "Clear every filter" for button in suggestion)


def test_a_bad_link_explains_the_problem(service, browser):
    browser.get(service.base + "/search/?min_rate=90&max_rate=10")
    alert = wait(browser).until(lambda driver: driver.find_element(By.ID, "form-alert") if driver.find_element(By.ID, "form-alert").is_displayed() else None)
    assert "max_rate must not be less than min_rate" in alert.text


def test_compare_three_providers_side_by_side(service, browser):
    browser.get(service.base + "/search/")
    settled(browser)
    toggles = browser.find_elements(By.CSS_SELECTOR, "#search-results .compare-toggle")
    for toggle in toggles[:3]:
        browser.execute_script("arguments[0].click()", toggle)
    assert browser.find_element(By.ID, "compare-count").text == "3 of 3"
    browser.execute_script("arguments[0].click()", toggles[3])
    assert "three providers at a time" in browser.find_element(By.ID, "form-alert").text
    browser.execute_script("arguments[0].click()", browser.find_element(By.ID, "compare-open"))
    table = browser.find_element(By.ID, "compare-table")
    assert len(table.find_elements(By.CSS_SELECTOR, "tr:first-child th[scope=col]")) == 3
    assert "Hourly rate" in table.text


def test_card_actions_stay_inside_their_cards_on_a_desktop_and_a_phone(service, browser):
    overflowing = """
        return Array.from(document.querySelectorAll('#search-results .provider-card')).filter(function (card) {
          var box = card.getBoundingClientRect();
          return Array.from(card.querySelectorAll('.card-actions button')).some(function (button) {
            var edge = button.getBoundingClientRect();
            return edge.right > box.right + 0.5 || edge.left < box.left - 0.5;
          });
        }).length;
    """
    for width, height in ((1280, 1000), (390, 844)):
        browser.set_window_size(width, height)
        browser.get(service.base + "/search/")
        settled(browser)
        assert browser.find_elements(By.CSS_SELECTOR, "#search-results .provider-card")
        assert browser.execute_script(overflowing) == 0, f"a card's actions overflow it at {width} px"
    toggle = browser.find_element(By.CSS_SELECTOR, "#search-results .compare-toggle")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", toggle)
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true", "a person can click Compare itself"


def test_signed_in_favourites_and_saved_searches(service, browser):
    browser.get(service.base + "/login/")
    browser.find_element(By.ID, "email").send_keys(service.ADMIN_EMAIL)
    password = browser.find_element(By.ID, "password")
    password.send_keys(service.ADMIN_PASSWORD)
    password.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    browser.get(service.base + "/search/?q=designer")
    settled(browser)
    wait(browser).until(lambda driver: not driver.find_element(By.ID, "saved-signed-in").get_attribute("hidden"))
    first = browser.find_element(By.CSS_SELECTOR, "#search-results .provider-card")
    slug = first.get_attribute("data-slug")
    favourite = first.find_element(By.CSS_SELECTOR, ".favorite-toggle")
    click(browser, favourite)
    wait(browser).until(lambda driver: favourite.get_attribute("aria-pressed") == "true")

    browser.refresh()
    settled(browser)
    pressed = lambda driver: driver.find_element(By.CSS_SELECTOR, f"#search-results [data-slug='{slug}'] .favorite-toggle").get_attribute("aria-pressed")
    wait(browser).until(lambda driver: pressed(driver) == "true")

    click(browser, browser.find_element(By.CSS_SELECTOR, "#saved-searches summary"))
    browser.find_element(By.ID, "saved-name").send_keys("Designers")
    click(browser, browser.find_element(By.ID, "saved-alert"))
    click(browser, browser.find_element(By.ID, "saved-save"))
    wait(browser).until(lambda driver: "Saved “Designers”" in driver.find_element(By.ID, "saved-status").text)
    link = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#saved-list a"))
    assert link.text == "Designers"
    assert link.get_attribute("href").endswith("/search/?q=designer")


def test_signed_out_favourite_asks_to_sign_in(service, browser):
    browser.get(service.base + "/search/?q=designer")
    settled(browser)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#search-results .favorite-toggle"))
    wait(browser).until(lambda driver: "/login/?next=" in driver.current_url)
    assert urllib.parse.unquote(browser.current_url.split("next=")[1]) == "/search/?q=designer"


def test_the_saved_page_lists_changes_and_removes(service, browser):
    browser.get(service.base + "/saved/")
    wait(browser).until(lambda driver: "/login/" in driver.current_url)
    browser.find_element(By.ID, "email").send_keys(service.ADMIN_EMAIL)
    password = browser.find_element(By.ID, "password")
    password.send_keys(service.ADMIN_PASSWORD)
    password.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: driver.current_url.endswith("/saved/"))
    browser.get(service.base + "/search/?q=translator")
    settled(browser)
    wait(browser).until(lambda driver: not driver.find_element(By.ID, "saved-signed-in").get_attribute("hidden"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "#search-results .favorite-toggle"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "#saved-searches summary"))
    browser.find_element(By.ID, "saved-name").send_keys("Translators")
    click(browser, browser.find_element(By.ID, "saved-save"))
    wait(browser).until(lambda driver: "Saved “Translators”" in driver.find_element(By.ID, "saved-status").text)

    browser.get(service.base + "/saved/")
    item = wait(browser).until(lambda driver: [li for li in driver.find_elements(By.CSS_SELECTOR, "#saved-searches-list li") if "Translators" in li.text])[0]
    alert = item.find_element(By.CSS_SELECTOR, "input[type=checkbox]")
    assert not alert.is_selected()
    click(browser, alert)
    wait(browser).until(lambda driver: "will be emailed" in driver.find_element(By.ID, "saved-page-status").text)
    browser.refresh()
    saved = lambda driver: [li for li in driver.find_elements(By.CSS_SELECTOR, "#saved-searches-list li") if "Translators" in li.text]
    wait(browser).until(lambda driver: saved(driver) and saved(driver)[0].find_element(By.CSS_SELECTOR, "input[type=checkbox]").is_selected())
    item = saved(browser)[0]
    favourites = wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#favorites-list li"))
    count = len(favourites)
    click(browser, favourites[0].find_element(By.TAG_NAME, "button"))
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#favorites-list li")) == count - 1)
    click(browser, item.find_element(By.TAG_NAME, "button"))
    wait(browser).until(lambda driver: not [li for li in driver.find_elements(By.CSS_SELECTOR, "#saved-searches-list li") if "Translators" in li.text])
