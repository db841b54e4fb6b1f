"""The homepage's islands in a real browser: live figures and the testimonials carousel; the feed it announces, read
by a feed reader's parser."""
import json
import urllib.request

import feedparser

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from browsing import wait  # noqa: E402


def visible_slide(browser):
    slides = [slide for slide in browser.find_elements(By.CSS_SELECTOR, "#carousel-slides .testimonial") if slide.is_displayed()]
    assert len(slides) == 1
    return slides[0].get_attribute("aria-label")


def test_figures_reach_the_live_statistics(service, browser):
    with urllib.request.urlopen(service.base + "/api/public/stats") as answer:
        stats = json.load(answer)
    browser.get(service.base + "/")
    providers = browser.find_element(By.CSS_SELECTOR, "[data-stat=providers]")
    wait(browser).until(lambda driver: providers.text == f"{stats['providers']:,}")
    countries = sum(1 for country in stats["countries"] if country["providers"] > 0)
    assert browser.find_element(By.CSS_SELECTOR, "[data-stat=countries]").text == str(countries)


def test_the_carousel_pauses_and_moves_with_buttons_and_arrow_keys(service, browser):
    browser.get(service.base + "/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "testimonials").is_displayed())
    assert visible_slide(browser) == "1 of 6"
    pause = browser.find_element(By.ID, "carousel-pause")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", pause)
    pause.click()
    assert pause.get_attribute("aria-pressed") == "true"
    assert pause.text == "Play"
    assert browser.find_element(By.ID, "carousel-slides").get_attribute("aria-live") == "polite"
    browser.find_element(By.ID, "carousel-next").click()
    assert visible_slide(browser) == "2 of 6"
    browser.find_element(By.ID, "carousel-next").send_keys(Keys.ARROW_LEFT)
    assert visible_slide(browser) == "1 of 6"
    browser.find_element(By.ID, "carousel-previous").click()
    assert visible_slide(browser) == "6 of 6"
    # Featured testimonials come first; the text is shown as text.
    quotes = [quote.get_attribute("textContent") for quote in browser.find_elements(By.CSS_SELECTOR, "#carousel-slides .testimonial blockquote")]
    assert {quote.split(" ")[0] for quote in quotes[:2]} == {"We", "Clients"}


def test_a_feed_reader_finds_the_feed_on_the_homepage_and_reads_the_markdown_pages(service, browser):
    browser.get(service.base + "/")
    link = browser.find_element(By.CSS_SELECTOR, "link[rel=alternate][type='application/atom+xml']")
    with urllib.request.urlopen(link.get_attribute("href")) as answer:
        feed = feedparser.parse(answer.read())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == browser.find_element(By.CSS_SELECTOR, "meta[property='og:site_name']").get_attribute("content")
    links = [entry.link for entry in feed.entries]
    assert {service.base + "/about/", service.base + "/how-it-works/", service.base + "/legal/terms/"} <= set(links)
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    browser.get(links[0])
    assert browser.title.startswith(feed.entries[0].title)
