"""Money in the project room, in a real browser: the client's billing details and the fees they pay; a declined card and one whose authentication fails leave the
milestone unfunded with the reason shown; the processor's authentication page funds it; the client releases part of
what is held and the provider refunds part, each with the figures shown on the milestone and in the feed; then
each side's transactions, a receipt that adds up, the year's chart and the printable statement."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from browsing import click, wait  # noqa: E402
from test_projects import fund, milestone, sign_in, status_of  # noqa: E402


def test_checkout_declines_authentication_release_and_refund(service, browser):
    project = service.accepted_project()
    room = "/projects/view/?id=%d" % project
    provider = service.sign_in(service.provider_email, service.DEMO_PASSWORD)
    on_hold_before = sum(wallet["on_hold"]["amount_minor"] for wallet in service.api("GET", "/wallet", provider)["wallets"])

    # The client's billing details: a tax number is checked against the country; saved, the receipts use them.
    sign_in(service, browser, service.CLIENT_EMAIL, "/settings/money/")
    wait(browser).until(lambda driver: "service fee of 3 %" in driver.find_element(By.ID, "fees-summary").text)
    browser.find_element(By.ID, "billing-name").send_keys("Ada Bakery SARL")
    browser.find_element(By.ID, "billing-country").send_keys("FR")
    browser.find_element(By.ID, "billing-tax-number").send_keys("DE123")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#billing-form button[type=submit]"))
    wait(browser).until(lambda driver: "tax number of France" in driver.find_element(By.ID, "tax_number-error").text)
    browser.find_element(By.ID, "billing-tax-number").clear()
    browser.find_element(By.ID, "billing-tax-number").send_keys("FR 12 345678901")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#billing-form button[type=submit]"))
    wait(browser).until(lambda driver: "Ada Bakery SARL, France (tax number FR12345678901)" in driver.find_element(By.ID, "billing-current").text)
    assert "No tax on fees in France" in browser.find_element(By.ID, "fees-summary").text
    browser.get(service.base + room)

    # The checkout names the test cards and the fee; a declined card is said in the dialog and nothing is funded.
    dialog = fund(browser, "Design", "4000 0000 0000 0002")
    assert "4242 4242 4242 4242 is paid" in dialog.text and "€18" in dialog.text and "No tax on fees in France" in dialog.text
    wait(browser).until(lambda driver: "declined" in dialog.find_element(By.CSS_SELECTOR, ".field-error").text)
    dialog.find_element(By.ID, "card-number").clear()
    dialog.find_element(By.ID, "card-number").send_keys("4242 4242 4242 4241")
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: "check digit" in dialog.find_element(By.CSS_SELECTOR, ".field-error").text)
    click(browser, dialog.find_element(By.XPATH, ".//button[text()='Cancel']"))
    assert status_of(browser, "Design") == "Not funded"

    # A card that asks for authentication goes to the processor's page; a failed confirmation comes back unfunded.
    fund(browser, "Design", "4000 0025 0000 3155")
    wait(browser).until(lambda driver: "/payments/authenticate/" in driver.current_url)
    wait(browser).until(lambda driver: "€618" in driver.find_element(By.ID, "authentication-summary").text)
    click(browser, browser.find_element(By.ID, "authentication-fail"))
    wait(browser).until(lambda driver: "/projects/view/" in driver.current_url)
    assert status_of(browser, "Design") == "Not funded"

    fund(browser, "Design", "4000 0025 0000 3155")
    wait(browser).until(lambda driver: "/payments/authenticate/" in driver.current_url)
    click(browser, wait(browser).until(lambda driver: driver.find_element(By.ID, "authentication-complete") if driver.find_element(By.ID, "authentication-actions").is_displayed() else None))
    wait(browser).until(lambda driver: "/projects/view/" in driver.current_url)
    wait(browser).until(lambda driver: status_of(driver, "Design") == "Funded")
    assert "€600 held in escrow" in milestone(browser, "Design").text

    # The client releases part of it; a bad amount is refused in the dialog.
    click(browser, milestone(browser, "Design").find_element(By.XPATH, ".//button[text()='Release payment']"))
    dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog[open]"))
    dialog.find_element(By.ID, "release-amount").send_keys("6000")
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: "at most" in dialog.find_element(By.CSS_SELECTOR, ".field-error").text)
    dialog.find_element(By.ID, "release-amount").clear()
    dialog.find_element(By.ID, "release-amount").send_keys("200")
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: "€200 released" in milestone(driver, "Design").text)
    assert "€400 held in escrow" in milestone(browser, "Design").text
    assert "Payment released" in browser.find_element(By.ID, "project-activity").text

    # The provider refunds part of what is left, with a reason the client reads.
    sign_in(service, browser, service.provider_email, room)
    click(browser, milestone(browser, "Design").find_element(By.XPATH, ".//button[text()='Refund']"))
    dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog[open]"))
    dialog.find_element(By.ID, "refund-amount").send_keys("100")
    dialog.find_element(By.ID, "refund-reason").send_keys("The mobile layouts are left out.")
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: "€100 refunded" in milestone(driver, "Design").text)
    assert "€300 held in escrow" in milestone(browser, "Design").text
    assert "refunded to your card" in service.emails_to(service.CLIENT_EMAIL, "Refund")

    # The provider's money: the released part on hold (beside what other tests released), nothing available yet; the payout account's IBAN is checked.
    browser.get(service.base + "/settings/money/")
    row = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#wallet-rows tr") if driver.find_elements(By.CSS_SELECTOR, "#wallet-rows tr") else None)
    cells = [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
    assert cells[:5] == ["EUR", "€300", "€%d" % (on_hold_before // 100 + 160), "€0", "€0"], cells
    assert not row.find_element(By.TAG_NAME, "button").is_enabled(), "nothing available during the security hold"
    browser.find_element(By.ID, "holder_name").send_keys("Paula Provider")
    browser.find_element(By.ID, "iban").send_keys("DE89 3704 0044 0532 0130 01")
    browser.find_element(By.ID, "bic").send_keys("COBADEFFXXX")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#account-form button[type=submit]"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "iban").get_attribute("aria-invalid") == "true")
    browser.find_element(By.ID, "iban").clear()
    browser.find_element(By.ID, "iban").send_keys("DE89 3704 0044 0532 0130 00")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#account-form button[type=submit]"))
    wait(browser).until(lambda driver: "DE •••• 3000" in driver.find_element(By.ID, "account-current").text)

    # The client's money page shows what is held for their milestones, without payouts.
    sign_in(service, browser, service.CLIENT_EMAIL, "/settings/money/")
    row = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#wallet-rows tr") if driver.find_elements(By.CSS_SELECTOR, "#wallet-rows tr") else None)
    assert [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")] == ["EUR", "€300"]
    assert not browser.find_element(By.ID, "account-form").is_displayed()

    # The client's transactions: the refund is the newest, with the fee share that came back; its receipt adds up.
    browser.get(service.base + "/settings/money/transactions/")
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#transaction-rows tr"))
    Select(browser.find_element(By.ID, "kind")).select_by_value("refund")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#transaction-filters button[type=submit]"))
    wait(browser).until(lambda driver: all("Refund" in row.text for row in driver.find_elements(By.CSS_SELECTOR, "#transaction-rows tr")))
    newest = browser.find_element(By.CSS_SELECTOR, "#transaction-rows tr")
    cells = [cell.text for cell in newest.find_elements(By.TAG_NAME, "td")]
    assert cells[3:7] == ["€100", "service fee €3", "+ €103", "done"], cells
    assert "Design" in cells[1] and "The mobile layouts are left out." in cells[1]
    click(browser, newest.find_element(By.LINK_TEXT, "Receipt"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "receipt-title").text == "Refund receipt")
    lines = [row.text for row in browser.find_elements(By.CSS_SELECTOR, ".receipt-lines tr")]
    assert lines == ["Refund for milestone: Design €100", "Service fee returned €3", "No tax on fees in France, returned €0", "Total to you €103"], lines
    receipt = browser.find_element(By.ID, "receipt").text
    assert "Ada Bakery SARL" in receipt and "FR12345678901" in receipt and "Tax on the platform's fee: No tax on fees in France" in receipt

    # The year: a chart of each month and the printable statement.
    browser.get(service.base + "/settings/money/transactions/")
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#year-chart svg rect.chart-spent"))
    assert "Refunded to you" in browser.find_element(By.ID, "year-totals").text
    click(browser, browser.find_element(By.ID, "statement-link"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "statement-title").text.startswith("Statement for 20"))
    assert browser.find_elements(By.CSS_SELECTOR, "#statement .statement-table tbody tr")

    # The provider's earning: the released €200 less the €40 commission.
    sign_in(service, browser, service.provider_email, "/settings/money/transactions/")
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#transaction-rows tr"))
    Select(browser.find_element(By.ID, "kind")).select_by_value("earning")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#transaction-filters button[type=submit]"))
    wait(browser).until(lambda driver: all("Earning" in row.text for row in driver.find_elements(By.CSS_SELECTOR, "#transaction-rows tr")))
    cells = [cell.text for cell in browser.find_element(By.CSS_SELECTOR, "#transaction-rows tr").find_elements(By.TAG_NAME, "td")]
    assert cells[3:6] == ["€200", "commission €40", "+ €160"], cells


def test_saved_cards_pay_in_one_click(service, browser):
    """The client saves cards on their money page (a declined one is refused, the first is the default), makes
    another the default and removes one; the checkout then pays with the saved card in one click."""
    project = service.accepted_project()
    sign_in(service, browser, service.CLIENT_EMAIL, "/settings/money/")
    form = wait(browser).until(lambda driver: driver.find_element(By.ID, "card-form"))

    def save(number):
        for field, value in (("card-number", number), ("card-month", "12"), ("card-year", "34"), ("card-code", "123")):
            browser.find_element(By.ID, field).clear()
            browser.find_element(By.ID, field).send_keys(value)
        click(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))

    save("4000 0000 0000 0002")
    wait(browser).until(lambda driver: "declined" in driver.find_element(By.ID, "number-error").text)
    save("4242 4242 4242 4242")
    wait(browser).until(lambda driver: "Visa •••• 4242 (default)" in driver.find_element(By.ID, "card-rows").text)
    save("5555 5555 5555 4444")
    wait(browser).until(lambda driver: "Mastercard •••• 4444" in driver.find_element(By.ID, "card-rows").text)
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Make Mastercard •••• 4444 the default']"))
    wait(browser).until(lambda driver: "Mastercard •••• 4444 (default)" in driver.find_element(By.ID, "card-rows").text)
    click(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Remove Mastercard •••• 4444']"))
    wait(browser).until(lambda driver: "Mastercard" not in driver.find_element(By.ID, "card-rows").text)
    assert "Visa •••• 4242 (default)" in browser.find_element(By.ID, "card-rows").text

    browser.get(service.base + "/projects/view/?id=%d" % project)
    click(browser, wait(browser).until(lambda driver: milestone(driver, "Design")).find_element(By.XPATH, ".//button[text()='Fund']"))
    dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog[open]"))
    chosen = dialog.find_element(By.CSS_SELECTOR, "input[name=payment-method]:checked")
    assert "Visa •••• 4242" in chosen.find_element(By.XPATH, "..").text
    assert not dialog.find_element(By.ID, "card-number").is_displayed(), "a saved card needs no fields"
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: status_of(driver, "Design") == "Funded")
