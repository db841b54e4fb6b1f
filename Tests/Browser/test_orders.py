"""Orders in a real browser: the wizard (autosave, Markdown preview, a file with its progress, a field error sent
back to its step), the provider's inbox and proposal, and the client's comparison table with acceptance."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from browsing import click, wait  # noqa: E402


def sign_in(service, browser, email, password):
    browser.get(service.base + "/login/")
    browser.find_element(By.ID, "email").send_keys(email)
    field = browser.find_element(By.ID, "password")
    field.send_keys(password)
    field.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: "/login/" not in driver.current_url)


def visible(browser, element_id):
    return wait(browser).until(lambda driver: driver.find_element(By.ID, element_id).is_displayed() and driver.find_element(By.ID, element_id))


def test_post_an_order_then_propose_compare_and_accept(service, browser):
    sign_in(service, browser, service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    browser.get(service.base + "/orders/new/")
    select = visible(browser, "category_id")
    wait(browser).until(lambda driver: len(Select(driver.find_element(By.ID, "category_id")).options) > 1)
    # The busiest category is the demo provider's: pick the first subcategory the provider is offered through routing.
    Select(select).select_by_index(1)
    click(browser, browser.find_element(By.ID, "wizard-next"))

    title = visible(browser, "title")
    title.send_keys("A booking site for our <b>bakery</b>")
    description = browser.find_element(By.ID, "description")
    description.send_keys("We need a **small** site where customers order bread for the next morning. <script>alert(1)</script>")
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#description-preview strong").text == "small")
    assert not browser.find_elements(By.CSS_SELECTOR, "#description-preview script")

    # Autosave: a reload keeps what was typed.
    browser.refresh()
    visible(browser, "draft-note")
    assert browser.find_element(By.ID, "title").get_attribute("value") == "A booking site for our <b>bakery</b>"

    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-step-link='2']"))
    attachment = os.path.join(tempfile.mkdtemp(), "brief.pdf")
    with open(attachment, "wb") as handle:
        handle.write(b"%PDF-1.7\n" + b"0" * 200_000 + b"\n%%EOF\n")
    browser.find_element(By.ID, "files").send_keys(attachment)
    wait(browser).until(lambda driver: "brief.pdf" in driver.find_element(By.ID, "file-list").text)

    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-step-link='3']"))
    visible(browser, "budget_min").send_keys("1500")
    browser.find_element(By.ID, "budget_max").send_keys("900")
    browser.execute_script("document.getElementById('deadline').value = '2099-01-15T17:00'")
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-step-link='4']"))
    visible(browser, "requirement-text").send_keys("Works on phones")
    click(browser, browser.find_element(By.ID, "requirement-add"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-step-link='5']"))
    click(browser, visible(browser, "wizard-submit"))

    # The service refuses the budget and the deadline: the wizard goes back to their step and marks them.
    wait(browser).until(lambda driver: driver.find_element(By.ID, "budget_max").get_attribute("aria-invalid") == "true")
    assert browser.find_element(By.ID, "budget_max-error").text
    budget_max = browser.find_element(By.ID, "budget_max")
    budget_max.clear()
    budget_max.send_keys("2500")
    browser.execute_script("document.getElementById('deadline').value = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 16)")
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-step-link='5']"))
    click(browser, visible(browser, "wizard-submit"))

    wait(browser, 30).until(lambda driver: "/orders/view/" in driver.current_url)
    heading = wait(browser).until(lambda driver: driver.find_element(By.ID, "order-title").text != "Order" and driver.find_element(By.ID, "order-title"))
    assert heading.text == "A booking site for our <b>bakery</b>"
    wait(browser).until(lambda driver: "brief.pdf" in driver.find_element(By.ID, "order-files").text)
    assert browser.find_element(By.ID, "order-status").text == "open"
    assert "Offered to matching providers" in browser.find_element(By.ID, "order-history").text
    order_url = browser.current_url
    reference = browser.find_element(By.ID, "order-reference").text
    assert service.emails_to(service.CLIENT_EMAIL, reference)

    # The provider finds it among the open orders (or offered to them) and proposes.
    browser.delete_all_cookies()
    sign_in(service, browser, service.provider_email, service.DEMO_PASSWORD)
    browser.get(service.base + "/orders/inbox/")
    link = wait(browser).until(lambda driver: driver.find_elements(By.LINK_TEXT, "A booking site for our <b>bakery</b>"))[0]
    click(browser, link)
    message = visible(browser, "message")
    message.send_keys("I have built three booking sites for bakeries.")
    browser.find_element(By.ID, "price").send_keys("2000")
    browser.find_element(By.ID, "timeline_days").send_keys("20")
    click(browser, browser.find_element(By.ID, "terms-submit"))
    wait(browser).until(lambda driver: "Status: submitted" in driver.find_element(By.ID, "own-proposal").text)

    # The client compares and accepts.
    browser.delete_all_cookies()
    sign_in(service, browser, service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    browser.get(order_url)
    row = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#proposals-body tr"))
    assert "€2,000" in row.text
    accept = row.find_element(By.XPATH, ".//button[text()='Accept']")
    click(browser, accept)
    browser.switch_to.alert.accept()
    wait(browser).until(lambda driver: driver.find_element(By.ID, "order-status").text == "in progress")
    assert "project" in browser.find_element(By.ID, "status-line").text


def test_order_pages_keep_other_roles_out(service, browser):
    sign_in(service, browser, service.provider_email, service.DEMO_PASSWORD)
    browser.get(service.base + "/orders/new/")
    wait(browser).until(lambda driver: "/unauthorized/" in driver.current_url)
    browser.get(service.base + "/orders/view/?id=999999")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "order-title").text == "Order not found")


def test_quick_request_opens_the_order_form_for_that_provider(service, browser):
    browser.get(service.base + "/search/?category=web-development")
    card = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#search-results .provider-card"))
    name = card.find_element(By.CSS_SELECTOR, ".provider-name").text
    click(browser, card.find_element(By.XPATH, ".//button[text()='Quick request']"))
    sign_in_link = visible(browser, "quick-request-sign-in")
    assert "next=%2Forders%2Fnew%2F%3Fprovider%3D" in sign_in_link.get_attribute("href")
    click(browser, sign_in_link)
    browser.find_element(By.ID, "email").send_keys(service.CLIENT_EMAIL)
    field = browser.find_element(By.ID, "password")
    field.send_keys(service.DEMO_PASSWORD)
    field.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: "/orders/new/" in driver.current_url)
    note = visible(browser, "invite-note")
    assert name in note.text
    wait(browser).until(lambda driver: Select(driver.find_element(By.ID, "category_id")).first_selected_option.text == "Web Development (all)")
