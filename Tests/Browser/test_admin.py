"""The administration in a real browser: a staff member signed in with a password alone is sent to set up two
factors; once that is done the dashboard, users, staff, settings and audit-log pages work with the keyboard and the mouse, and
each change lands in the audit log. A client is turned away."""
import json
import os
import re
import sys
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService  # noqa: E402
from test_two_factor import totp  # noqa: E402
from browsing import click, wait  # noqa: E402


@pytest.fixture(scope="module")
def service():
    running = AgoraService()
    yield running
    running.stop()


def sign_in(service, browser, email, password, next_path):
    browser.get(service.base + "/login/?next=" + next_path)
    browser.find_element(By.ID, "email").send_keys(email)
    field = browser.find_element(By.ID, "password")
    field.send_keys(password)
    field.send_keys(Keys.ENTER)


def enrol_two_factor(browser):
    """On the security settings page of a session signed in with a password: turns two factors on, which makes the
    session one opened with two factors."""
    wait(browser).until(lambda driver: driver.current_url.endswith("/settings/security/"))
    start = wait(browser).until(lambda driver: driver.find_element(By.ID, "two-factor-start") if driver.find_element(By.ID, "two-factor-start").is_displayed() else None)
    click(browser, start)
    secret = wait(browser).until(lambda driver: driver.find_element(By.ID, "two-factor-secret").text.replace(" ", ""))
    code = browser.find_element(By.ID, "enrol_code")
    code.send_keys(totp(secret))
    code.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#recovery-codes-list code"))


def administrator_with_two_factors(service, browser, page):
    """Signs the demo administrator in with a password, follows the administration's refusal to the security settings,
    turns two factors on, and opens `page` of the administration."""
    browser.delete_all_cookies()
    sign_in(service, browser, service.ADMIN_EMAIL, service.ADMIN_PASSWORD, "/admin/")
    refusal = wait(browser).until(lambda driver: driver.find_element(By.ID, "admin-refusal") if driver.find_element(By.ID, "admin-refusal").is_displayed() else None)
    click(browser, refusal.find_element(By.TAG_NAME, "a"))
    enrol_two_factor(browser)
    browser.get(service.base + page)


def banner_version(browser):
    """The version the maintenance banner's form was drawn from, as its hint says."""
    found = re.search(r"Version (\d+)", browser.find_element(By.ID, "setting-site-maintenance-banner-value-hint").text)
    return int(found.group(1)) if found else None


def alert(browser):
    wait(browser).until(lambda driver: driver.find_element(By.ID, "form-alert").is_displayed())
    return browser.find_element(By.ID, "form-alert").text


def test_a_client_is_turned_away(service, browser):
    sign_in(service, browser, service.CLIENT_EMAIL, service.DEMO_PASSWORD, "/admin/")
    wait(browser).until(lambda driver: driver.current_url.endswith("/unauthorized/"))


def test_the_administration_with_two_factors(service, browser):
    sign_in(service, browser, service.ADMIN_EMAIL, service.ADMIN_PASSWORD, "/admin/")
    refusal = wait(browser).until(lambda driver: driver.find_element(By.ID, "admin-refusal") if driver.find_element(By.ID, "admin-refusal").is_displayed() else None)
    assert "two factors" in refusal.text
    assert not browser.find_element(By.CSS_SELECTOR, "[data-admin-page]").is_displayed()
    click(browser, refusal.find_element(By.TAG_NAME, "a"))
    enrol_two_factor(browser)

    # The dashboard: figures, the chart, the navigation the owner's role opens.
    browser.get(service.base + "/admin/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "figures").is_displayed())
    figures = browser.find_element(By.ID, "figure-grid").text
    assert "Clients" in figures and "Providers" in figures
    assert len(browser.find_elements(By.CSS_SELECTOR, "#signups-chart rect")) == 30
    assert len(browser.find_elements(By.CSS_SELECTOR, "#active-chart rect")) == 30
    assert len(browser.find_elements(By.CSS_SELECTOR, "#cohort-table tbody tr")) == 8
    assert browser.find_elements(By.CSS_SELECTOR, "#cohort-table tbody tr")[-1].find_elements(By.CSS_SELECTOR, ".cohort-cell")[0].text.endswith("%")
    visible = [link.text for link in browser.find_elements(By.CSS_SELECTOR, "#admin-nav a") if link.is_displayed()]
    assert visible == ["Dashboard", "Users", "Bulk operations", "Staff", "Moderation", "Profiles", "Reviews", "Verifications", "Testimonials", "Orders", "Disputes", "Finance", "Categories", "Skills", "Search analytics", "Notifications", "Email templates", "Settings", "Audit log"]
    assert browser.find_element(By.CSS_SELECTOR, "#admin-nav a[aria-current=page]").text == "Dashboard"

    # The theme follows the toggle and stays chosen.
    before = browser.execute_script("return document.documentElement.getAttribute('data-theme')")
    click(browser, browser.find_element(By.ID, "theme-toggle"))
    after = browser.execute_script("return document.documentElement.getAttribute('data-theme')")
    assert {before, after} == {"light", "dark"}
    browser.refresh()
    wait(browser).until(lambda driver: driver.execute_script("return document.documentElement.getAttribute('data-theme')") == after)

    # Finance: what waits, and the ledger's check on demand.
    browser.get(service.base + "/admin/finance/")
    wait(browser).until(lambda driver: "Open disputes" in driver.find_element(By.ID, "finance-waiting").text)
    click(browser, browser.find_element(By.ID, "verify-ledger"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "verify-result").text.startswith("Sound: "))
    assert not browser.find_elements(By.CSS_SELECTOR, "#verify-problems li")

    # Users: find the client, suspend them for three days, then lift it.
    browser.get(service.base + "/admin/users/")
    query = wait(browser).until(lambda driver: driver.find_element(By.ID, "user-q") if driver.find_element(By.ID, "user-q").is_displayed() else None)
    query.send_keys(service.CLIENT_EMAIL)
    query.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#users-body tr")) == 1
                        and service.CLIENT_EMAIL in driver.find_element(By.ID, "users-body").text)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#users-body button"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "suspend-form").is_displayed())
    assert "Projects" in browser.find_element(By.ID, "user-facts").text and "Open disputes" in browser.find_element(By.ID, "user-facts").text
    assert browser.find_element(By.ID, "user-money-section").is_displayed(), "the owner reads the account's money"
    days = browser.find_element(By.ID, "days")
    days.clear()
    days.send_keys("3")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#suspend-form button[type=submit]"))
    wait(browser).until(lambda driver: "required" in driver.find_element(By.ID, "reason-error").text)
    browser.find_element(By.ID, "reason").send_keys("Asked a provider to pay outside the platform.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#suspend-form button[type=submit]"))
    assert "kept out" in alert(browser)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "lift-form").is_displayed())
    assert "Suspended until" in browser.find_element(By.ID, "user-suspensions").text
    browser.find_element(By.ID, "lift_reason").send_keys("Talked it through.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#lift-form button[type=submit]"))
    wait(browser).until(lambda driver: "open again" in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "suspend-form").is_displayed())

    # The provider must choose a new password: the reason is required, then the owner is emailed a link.
    query = browser.find_element(By.ID, "user-q")
    query.clear()
    query.send_keys(service.provider_email)
    query.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#users-body tr")) == 1
                        and service.provider_email in driver.find_element(By.ID, "users-body").text)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#users-body button"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "account-form").is_displayed()
                        and service.provider_email in driver.find_element(By.ID, "user-facts").text)
    assert not browser.find_element(By.ID, "confirm-address").is_displayed(), "a confirmed address has nothing to confirm"
    click(browser, browser.find_element(By.ID, "require-password"))
    wait(browser).until(lambda driver: "required" in driver.find_element(By.ID, "account_reason-error").text)
    browser.find_element(By.ID, "account_reason").send_keys("The password was found in a public breach.")
    click(browser, browser.find_element(By.ID, "require-password"))
    wait(browser).until(lambda driver: "got a link to choose a new one" in driver.find_element(By.ID, "form-alert").text)
    assert "found in a public breach" in service.emails_to(service.provider_email, "new")
    last = browser.find_element(By.ID, "last_name")
    last.clear()
    last.send_keys("Okafor-Smith")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#details-form button[type=submit]"))
    wait(browser).until(lambda driver: "required" in driver.find_element(By.ID, "details_reason-error").text)
    browser.find_element(By.ID, "details_reason").send_keys("Name changed after marriage.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#details-form button[type=submit]"))
    wait(browser).until(lambda driver: "The details are saved." in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "user-name").text.endswith("Okafor-Smith"))
    # A message to the open account: previewed first, then sent.
    Select(browser.find_element(By.ID, "message-scope")).select_by_value("user")
    browser.find_element(By.ID, "subject").send_keys("Your new name")
    browser.find_element(By.ID, "message").send_keys("We changed the name on your account as you asked.")
    assert not browser.find_element(By.ID, "message-send").is_enabled(), "sending waits for a preview"
    click(browser, browser.find_element(By.ID, "message-preview-button"))
    wait(browser).until(lambda driver: "Goes to 1 account: " + service.provider_email in driver.find_element(By.ID, "message-count").text)
    click(browser, browser.find_element(By.ID, "message-send"))
    wait(browser).until(lambda driver: "Sent to 1 account." in driver.find_element(By.ID, "form-alert").text)
    assert "We changed the name on your account as you asked." in service.emails_to(service.provider_email, "Your new name")
    # The provider's own pages, read-only, in a new tab; the banner says whose they are and leads back.
    admin_tab = browser.current_window_handle
    browser.find_element(By.ID, "view_reason").send_keys("Ticket 812: the inbox looks empty to them.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#view-form button[type=submit]"))
    wait(browser).until(lambda driver: len(driver.window_handles) == 2)
    browser.switch_to.window([handle for handle in browser.window_handles if handle != admin_tab][0])
    view = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, ".view-banner"))
    assert service.provider_email in view.text and "read-only" in view.text
    wait(browser).until(lambda driver: driver.current_url.endswith("/orders/inbox/"))
    assert "#view-as" not in browser.current_url, "the token leaves the address at once"
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "[data-guard]").is_displayed())
    click(browser, browser.find_element(By.ID, "view-stop"))
    wait(browser).until(lambda driver: "/admin/users/" in driver.current_url)
    browser.close()
    browser.switch_to.window(admin_tab)

    # Staff: invite a moderator, make them support, take them out of the staff.
    browser.get(service.base + "/admin/staff/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "invite-form").is_displayed())
    browser.find_element(By.ID, "first_name").send_keys("Nia")
    browser.find_element(By.ID, "last_name").send_keys("Moderator")
    browser.find_element(By.ID, "email").send_keys("nia.moderator@example.com")
    Select(browser.find_element(By.ID, "role")).select_by_value("moderator")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#invite-form button[type=submit]"))
    assert "Invitation sent to nia.moderator@example.com" in alert(browser)
    assert "as moderator. Choose your password" in service.emails_to("nia.moderator@example.com", "staff")
    row = wait(browser).until(lambda driver: [tr for tr in driver.find_elements(By.CSS_SELECTOR, "#staff-body tr") if "nia.moderator@example.com" in tr.text])[0]
    Select(row.find_element(By.TAG_NAME, "select")).select_by_value("support")
    wait(browser).until(lambda driver: "Nia is now support" in driver.find_element(By.ID, "form-alert").text)
    row = [tr for tr in browser.find_elements(By.CSS_SELECTOR, "#staff-body tr") if "nia.moderator@example.com" in tr.text][0]
    click(browser, row.find_element(By.CSS_SELECTOR, "button"))
    browser.switch_to.alert.accept()
    wait(browser).until(lambda driver: "no longer staff" in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: "nia.moderator@example.com" not in driver.find_element(By.ID, "staff-body").text)

    # The audit log has each of those changes; a filter narrows it.
    browser.get(service.base + "/admin/audit-log/")
    wait(browser).until(lambda driver: "user.suspend" in driver.find_element(By.ID, "audit-body").text)
    text = browser.find_element(By.ID, "audit-body").text
    for action in ("user.lift-suspension", "user.force-password-reset", "user.edit", "user.message", "user.view-as", "staff.invite", "staff.change-role", "staff.remove"):
        assert action in text
    Select(browser.find_element(By.ID, "action")).select_by_value("staff.invite")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#audit-search button[type=submit]"))
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#audit-body tr")) == 1)
    assert "role: — → moderator" in browser.find_element(By.ID, "audit-body").text

    # Testimonials: a client's testimonial waits; the owner publishes it, then features it.
    token = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    submitted = urllib.request.Request(service.base + "/api/testimonials", method="POST",
                                       data=json.dumps({"content": "Found a great translator within a day, and paid only for the work done.", "rating": 5}).encode(),
                                       headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(submitted) as answer:
        assert answer.status == 201
    browser.get(service.base + "/admin/testimonials/")
    item = wait(browser).until(lambda driver: [li for li in driver.find_elements(By.CSS_SELECTOR, "#testimonial-list li") if "great translator" in li.text])[0]
    click(browser, [button for button in item.find_elements(By.TAG_NAME, "button") if button.text == "Publish"][0])
    assert "Publish: done." in alert(browser)
    Select(browser.find_element(By.ID, "status")).select_by_value("approved")
    item = wait(browser).until(lambda driver: [li for li in driver.find_elements(By.CSS_SELECTOR, "#testimonial-list li") if "great translator" in li.text])[0]
    click(browser, [button for button in item.find_elements(By.TAG_NAME, "button") if button.text == "Feature"][0])
    wait(browser).until(lambda driver: "Feature: done." in driver.find_element(By.ID, "form-alert").text)

    # Search analytics: the three tables over the chosen days.
    browser.get(service.base + "/admin/search/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "analytics-since").text.startswith("Since "))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#categories-body tr")) >= 1

    # Settings: a bad value is refused beside its field; the maintenance banner shows on the public pages as text;
    # the history brings an earlier value back.
    browser.get(service.base + "/admin/settings/")
    batch = wait(browser).until(lambda driver: driver.find_element(By.ID, "setting-routing-batch-size-value"))
    batch.clear()
    batch.send_keys("0")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#setting-routing-batch-size button[type=submit]"))
    wait(browser).until(lambda driver: "from 1 to 100" in driver.find_element(By.ID, "setting-routing-batch-size-value-error").text)
    assert batch.get_attribute("aria-invalid") == "true"
    banner = "Planned maintenance tonight <b>22:00</b> UTC"
    for version, text in enumerate((banner, "Back to normal")):
        # The forms are drawn again after each change: wait for the one showing the version this change starts from.
        wait(browser).until(lambda driver: banner_version(driver) == version)
        field = browser.find_element(By.ID, "setting-site-maintenance-banner-value")
        field.clear()
        field.send_keys(text)
        browser.find_element(By.ID, "setting-site-maintenance-banner-reason").send_keys("planned work")
        click(browser, browser.find_element(By.CSS_SELECTOR, "#setting-site-maintenance-banner button[type=submit]"))
        wait(browser).until(lambda driver: "Maintenance banner is now " + text in driver.find_element(By.ID, "form-alert").text)
    wait(browser).until(lambda driver: banner_version(driver) == 2)
    form = browser.find_element(By.ID, "setting-site-maintenance-banner")
    click(browser, [button for button in form.find_elements(By.TAG_NAME, "button") if button.text == "History"][0])
    row = wait(browser).until(lambda driver: [tr for tr in driver.find_elements(By.CSS_SELECTOR, "#setting-site-maintenance-banner tbody tr") if tr.text.startswith("1 ")])[0]
    assert "planned work" in row.text
    click(browser, row.find_element(By.TAG_NAME, "button"))
    wait(browser).until(lambda driver: "version 1 is back, as version 3" in driver.find_element(By.ID, "form-alert").text)
    browser.get(service.base + "/")
    notice = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, ".site-notice"))
    assert notice.text == banner, "the banner is text, markup and all"
    assert not browser.find_elements(By.CSS_SELECTOR, ".site-notice b")
    browser.get(service.base + "/admin/audit-log/")
    wait(browser).until(lambda driver: "setting.revert" in driver.find_element(By.ID, "audit-body").text)
    assert "setting.change" in browser.find_element(By.ID, "audit-body").text

    # Orders and routing: find an order by words of its title, see who it was offered to, offer it by hand.
    token = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    categories = json.load(urllib.request.urlopen(service.base + "/api/categories"))["categories"]
    order = {"title": "Translate our bakery menu", "description": "Forty dishes from French into English and German, by Friday.",
             "category_id": categories[0]["id"], "budget_min": 100, "budget_max": 300, "currency": "EUR",
             "deadline": "2027-06-20T17:00", "time_zone": "Europe/Paris"}
    posted = urllib.request.Request(service.base + "/api/orders", method="POST", data=json.dumps(order).encode(),
                                    headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(posted) as answer:
        assert answer.status == 201
    browser.get(service.base + "/admin/orders/")
    words = wait(browser).until(lambda driver: driver.find_element(By.ID, "order-q") if driver.find_element(By.ID, "order-q").is_displayed() else None)
    words.send_keys("bakery menu")
    words.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#orders-body tr")) == 1)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#orders-body button"))
    wait(browser).until(lambda driver: "Translate our bakery menu" in driver.find_element(By.ID, "routing-title").text)
    offer = browser.find_element(By.ID, "offer-provider")
    offer.send_keys("999999")
    offer.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: driver.find_element(By.ID, "form-alert").is_displayed() and "Offered" not in driver.find_element(By.ID, "form-alert").text)

    # Categories: a new one, then renamed; a bad slug is refused beside its field.
    browser.get(service.base + "/admin/categories/")
    name = wait(browser).until(lambda driver: driver.find_element(By.ID, "name") if driver.find_element(By.ID, "name").is_displayed() else None)
    name.send_keys("Bakery tools")
    browser.find_element(By.ID, "slug").send_keys("Not a slug!")
    click(browser, browser.find_element(By.ID, "category-save"))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "slug-error").text)
    browser.find_element(By.ID, "slug").clear()
    click(browser, browser.find_element(By.ID, "category-save"))
    wait(browser).until(lambda driver: "Created: Bakery tools" in driver.find_element(By.ID, "form-alert").text)
    row = wait(browser).until(lambda driver: [tr for tr in driver.find_elements(By.CSS_SELECTOR, "#categories-body tr") if "bakery-tools" in tr.text])[0]
    click(browser, row.find_element(By.TAG_NAME, "button"))
    name = browser.find_element(By.ID, "name")
    name.clear()
    name.send_keys("Bakery equipment")
    click(browser, browser.find_element(By.ID, "category-save"))
    wait(browser).until(lambda driver: "Saved: Bakery equipment" in driver.find_element(By.ID, "form-alert").text)

    # Bulk operations: from a search of the users page, suspend every account it finds, follow it, then undo it.
    browser.get(service.base + "/admin/users/")
    query = wait(browser).until(lambda driver: driver.find_element(By.ID, "user-q") if driver.find_element(By.ID, "user-q").is_displayed() else None)
    query.send_keys(service.CLIENT_EMAIL)
    query.send_keys(Keys.ENTER)
    wait(browser).until(lambda driver: len(driver.find_elements(By.CSS_SELECTOR, "#users-body tr")) == 1)
    click(browser, wait(browser).until(lambda driver: driver.find_element(By.ID, "bulk-link-anchor") if "q=" in driver.find_element(By.ID, "bulk-link-anchor").get_attribute("href") else None))
    wait(browser).until(lambda driver: driver.find_element(By.ID, "bulk-q").get_attribute("value") == service.CLIENT_EMAIL)
    assert not browser.find_element(By.ID, "bulk-start").is_enabled(), "starting waits for a preview"
    days = browser.find_element(By.ID, "days")
    days.clear()
    days.send_keys("2")
    click(browser, browser.find_element(By.ID, "bulk-preview-button"))
    wait(browser).until(lambda driver: "applies to 1 account. It can be undone afterwards." in driver.find_element(By.ID, "bulk-count").text)
    assert service.CLIENT_EMAIL in browser.find_element(By.ID, "bulk-sample").text
    click(browser, browser.find_element(By.ID, "bulk-start"))
    wait(browser).until(lambda driver: "required" in driver.find_element(By.ID, "reason-error").text)
    browser.find_element(By.ID, "reason").send_keys("Card testing from one network <script>")
    click(browser, browser.find_element(By.ID, "bulk-start"))
    wait(browser).until(lambda driver: "Done: 1 account changed." in driver.find_element(By.ID, "bulk-progress-text").text)
    assert "Card testing from one network <script>" in service.emails_to(service.CLIENT_EMAIL, "suspended", containing="Card testing")
    assert "Card testing from one network <script>" in browser.find_element(By.ID, "operations-body").text, "the reason is text"
    click(browser, browser.find_element(By.CSS_SELECTOR, "#undo-form button[type=submit]"))
    wait(browser).until(lambda driver: "required" in driver.find_element(By.ID, "undo_reason-error").text)
    browser.find_element(By.ID, "undo_reason").send_keys("The network was a school.")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#undo-form button[type=submit]"))
    wait(browser).until(lambda driver: "Undone: 1 account put back." in driver.find_element(By.ID, "bulk-progress-text").text)
    assert not browser.find_element(By.ID, "undo-form").is_displayed()
    wait(browser).until(lambda driver: "undone" in driver.find_element(By.ID, "operations-body").text)

    # The skills catalogue: a skill is added, refused twice, found and removed.
    browser.get(service.base + "/admin/skills/")
    wait(browser).until(lambda driver: "skills." in driver.find_element(By.ID, "skill-count").text)
    before = browser.find_element(By.ID, "skill-count").text
    browser.find_element(By.ID, "name").send_keys("Sourdough <b>baking</b>")
    Select(browser.find_element(By.ID, "categories")).select_by_index(1)
    click(browser, browser.find_element(By.CSS_SELECTOR, "#skill-form button[type=submit]"))
    wait(browser).until(lambda driver: "is in the catalogue" in alert(driver))
    browser.find_element(By.ID, "name").send_keys("SOURDOUGH <B>BAKING</B>")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#skill-form button[type=submit]"))
    wait(browser).until(lambda driver: "already" in driver.find_element(By.ID, "name-error").text)
    browser.find_element(By.ID, "skill-filter").send_keys("sourdough")
    row = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#skill-rows tr"))
    assert row.find_element(By.TAG_NAME, "td").text == "Sourdough <b>baking</b>", "text stays text"
    click(browser, row.find_element(By.TAG_NAME, "button"))
    browser.switch_to.alert.accept()
    wait(browser).until(lambda driver: "removed from the catalogue" in alert(driver))
    browser.find_element(By.ID, "skill-filter").clear()
    browser.find_element(By.ID, "skill-filter").send_keys(" ")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "skill-count").text.split(" of ")[1] == before.split(" of ")[1])
