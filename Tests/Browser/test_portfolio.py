"""The portfolio manager and the provider page's gallery in a real browser: the demo provider adds an item, drops an
image on the page and chooses another, captions one, publishes the item, adds a second one and moves it up; the
public page shows both in that order within seconds, and its lightbox opens, steps with the arrow keys and gives
focus back when it closes."""
import os
import sys
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from test_accounts import login  # noqa: E402
from browsing import click, wait  # noqa: E402

IMAGES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "AgoraTestSupport", "Images"))

# Drops a 640 × 400 PNG drawn on a canvas onto the drop zone, as a file dragged from the desktop would arrive.
DROP_AN_IMAGE = """
const done = arguments[arguments.length - 1];
const canvas = document.createElement('canvas');
canvas.width = 640; canvas.height = 400;
const context = canvas.getContext('2d');
context.fillStyle = '#1d6f42'; context.fillRect(0, 0, 640, 400);
canvas.toBlob(function (blob) {
  const transfer = new DataTransfer();
  transfer.items.add(new File([blob], 'dropped.png', { type: 'image/png' }));
  const zone = document.getElementById('drop-zone');
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  done(true);
}, 'image/png');
"""


@pytest.fixture(scope="module")
def service():
    running = AgoraService()
    yield running
    running.stop()


def images_in_editor(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#item-images .image-row")


def test_a_provider_builds_a_portfolio_that_the_public_page_shows_in_a_lightbox(service, browser):
    login(service, browser, service.provider_email, service.DEMO_PASSWORD)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)
    browser.get(service.base + "/settings/profile/")
    page = wait(browser).until(lambda driver: driver.find_element(By.ID, "public-page").get_attribute("href") or None)
    click(browser, browser.find_element(By.LINK_TEXT, "your portfolio"))
    wait(browser).until(lambda driver: "0 of 30" in driver.find_element(By.ID, "items-count").text)
    assert browser.find_element(By.ID, "items-empty").is_displayed()

    # A title too short is named beside its field.
    browser.find_element(By.ID, "new-title").send_keys("ab")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#new-item button"))
    wait(browser).until(lambda driver: "3 to 120" in driver.find_element(By.ID, "new-title-error").text)
    browser.find_element(By.ID, "new-title").send_keys("c shop front")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#new-item button"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "item-editor").is_displayed())
    assert "A draft" in browser.find_element(By.ID, "item-status").text
    browser.find_element(By.ID, "description").send_keys("Signs and a <b>menu board</b> for a corner shop.")
    browser.find_element(By.ID, "client_name").send_keys("Corner Shop")
    click(browser, browser.find_element(By.ID, "shows_client"))

    # One image dropped on the page, one chosen; the second gets a caption.
    browser.execute_async_script(DROP_AN_IMAGE)
    wait(browser).until(lambda driver: len(images_in_editor(driver)) == 1)
    browser.find_element(By.ID, "image-files").send_keys(os.path.join(IMAGES, "wide.png"))
    wait(browser).until(lambda driver: len(images_in_editor(driver)) == 2)
    assert not browser.find_elements(By.CSS_SELECTOR, "#uploads li"), "finished uploads leave no progress line"
    caption = images_in_editor(browser)[1].find_element(By.TAG_NAME, "input")
    caption.send_keys("The menu board")
    caption.send_keys(Keys.TAB)
    wait(browser).until(lambda driver: "Caption saved" in driver.find_element(By.ID, "form-alert").text)
    # Not an image: refused by name, the rest stays.
    fake = os.path.join(service.scratch, "notes.png")
    with open(fake, "w") as file:
        file.write("not an image")
    browser.find_element(By.ID, "image-files").send_keys(fake)
    wait(browser).until(lambda driver: "not an image we accept" in driver.find_element(By.ID, "uploads").text)
    assert len(images_in_editor(browser)) == 2

    click(browser, browser.find_element(By.ID, "publish-item"))
    wait(browser).until(lambda driver: "on your public page" in driver.find_element(By.ID, "form-alert").text)
    assert "Published" in browser.find_element(By.ID, "item-status").text

    # A second item, published and moved to the top.
    browser.find_element(By.ID, "new-title").send_keys("Logo for a bakery")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#new-item button"))
    wait(browser).until(lambda driver: "Logo for a bakery" in driver.find_element(By.ID, "editor-title").text)
    click(browser, browser.find_element(By.ID, "publish-item"))
    wait(browser).until(lambda driver: "Published" in driver.find_element(By.ID, "item-status").text)
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Move Logo for a bakery up']"))
    wait(browser).until(lambda driver: driver.execute_script("return document.querySelector('#portfolio-items .portfolio-row-title').textContent") == "Logo for a bakery")

    # The public page, rewritten by the site worker.
    deadline = time.time() + 15
    html = ""
    # The worker may publish the item and its move in two builds: wait for the page that shows both in order.
    def shown_in_order(text):
        return "Logo for a bakery" in text and "The menu board" in text and text.index("Logo for a bakery") < text.index("c shop front")
    while time.time() < deadline and not shown_in_order(html):
        with urllib.request.urlopen(page) as answer:
            html = answer.read().decode()
        time.sleep(0.2)
    assert html.index("Logo for a bakery") < html.index("c shop front"), "in the provider's order"
    assert "&lt;b&gt;menu board&lt;/b&gt;" in html or "&lt;b>menu board&lt;/b>" in html, html[html.index("portfolio-heading"):][:3000]
    browser.get(page)
    titles = [heading.text for heading in browser.find_elements(By.CSS_SELECTOR, ".portfolio-item h3")]
    assert titles == ["Logo for a bakery", "abc shop front"]
    assert "For Corner Shop" in browser.find_element(By.CSS_SELECTOR, ".portfolio-grid").text

    cover = browser.find_element(By.CSS_SELECTOR, ".portfolio-cover")
    wait(browser).until(lambda driver: driver.execute_script("return arguments[0].querySelector('img').complete && arguments[0].querySelector('img').naturalWidth", cover) > 0)
    click(browser, cover)
    dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog.lightbox[open]"))
    assert "1 of 2" in dialog.find_element(By.CLASS_NAME, "lightbox-counter").text
    dialog.send_keys(Keys.ARROW_RIGHT)
    wait(browser).until(lambda driver: "2 of 2" in driver.find_element(By.CLASS_NAME, "lightbox-counter").text)
    assert "The menu board" in dialog.find_element(By.TAG_NAME, "figcaption").text
    wait(browser).until(lambda driver: driver.execute_script("const image = document.querySelector('dialog.lightbox img'); return image.complete && image.naturalWidth") == 960)
    dialog.send_keys(Keys.ESCAPE)
    wait(browser).until(lambda driver: not driver.find_elements(By.CSS_SELECTOR, "dialog.lightbox[open]"))
    assert browser.switch_to.active_element == cover, "focus returns to the image that opened it"
