"""A provider's plan on their money page, in a real browser: Free to begin with; subscribing without a saved card is
refused with the reason; with one, Pro is charged at once and its invoice listed; moving to Free keeps Pro to the end
of the month paid, and keeping Pro undoes it."""
from selenium.webdriver.common.by import By
from browsing import click, wait  # noqa: E402
from test_projects import sign_in  # noqa: E402


def plan_button(browser, text):
    return wait(browser).until(lambda driver: driver.find_element(By.XPATH, "//*[@id='plan-options']//button[text()='%s']" % text))


def test_a_provider_subscribes_to_pro_and_moves_back_to_free(service, browser):
    sign_in(service, browser, service.provider_email, "/settings/money/")
    wait(browser).until(lambda driver: "Free plan" in driver.find_element(By.ID, "plan-current").text)
    pro = browser.find_element(By.ID, "plan-pro").text
    assert "€19" in pro and "25 % less commission on every release" in pro

    click(browser, plan_button(browser, "Subscribe to Pro"))
    wait(browser).until(lambda driver: "save a card first" in driver.find_element(By.ID, "form-alert").text)

    provider = service.sign_in(service.provider_email, service.DEMO_PASSWORD)
    service.api("POST", "/payment-methods", provider, {"number": "4242424242424242", "expiry_month": 12, "expiry_year": 2034, "security_code": "123"})
    browser.refresh()
    click(browser, plan_button(browser, "Subscribe to Pro"))
    wait(browser).until(lambda driver: "You are on Pro: it renews on" in driver.find_element(By.ID, "plan-current").text)
    assert "paid with Visa •••• 4242" in browser.find_element(By.ID, "invoice-rows").text
    assert "current" in browser.find_element(By.ID, "plan-pro").get_attribute("class")

    click(browser, plan_button(browser, "Move to Free at the end of the month"))
    wait(browser).until(lambda driver: "then on Free" in driver.find_element(By.ID, "plan-current").text)
    click(browser, plan_button(browser, "Keep Pro"))
    wait(browser).until(lambda driver: "it renews on" in driver.find_element(By.ID, "plan-current").text)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#invoice-rows tr")) == 1, "keeping Pro charged nothing more"
