"""The checkout with Stripe as the processor, in a real browser: `agora serve` speaks to localstripe on loopback and the
pages load localstripe's stand-in for Stripe.js, which sends its signed webhook events back to the service. A card is
typed into Stripe's element (never into the platform's fields); a card asking for authentication is answered in
Stripe.js's own dialog; a saved card is set up the same way; and a payment whose authentication the payer finished
with Stripe, without coming back, is recorded from Stripe's event."""
import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from browsing import click, wait  # noqa: E402
from test_projects import milestone, sign_in, status_of  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Support"))
from agora_service import AgoraService, ROOT, free_port  # noqa: E402

SECRET_KEY = "sk_test_browser_checkout"
PUBLISHABLE_KEY = "pk_test_browser_checkout"
WEBHOOK_SECRET = "whsec_browser_checkout_0123"


def stripe_call(base, method, path, form=None, json_body=None):
    """What Stripe.js or Stripe's dashboard would send to localstripe."""
    data = None
    headers = {"Authorization": "Bearer " + SECRET_KEY}
    if form is not None:
        data = "&".join("%s=%s" % pair for pair in form.items()).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif json_body is not None:
        data = json.dumps(json_body).encode()
    with urllib.request.urlopen(urllib.request.Request(base + path, method=method, data=data, headers=headers)) as answer:
        return json.load(answer)


@pytest.fixture(scope="module")
def stripe_service():
    port = free_port()
    localstripe = subprocess.Popen([os.path.join(ROOT, ".build", "venv", "bin", "python"), os.path.join(ROOT, "Tests", "Support", "stripe-server.py"),
                                    "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert "ready" in localstripe.stdout.readline()
    stripe = "http://127.0.0.1:%d" % port
    service = AgoraService(AGORA_PAYMENT_PROCESSOR="stripe", AGORA_STRIPE_SECRET_KEY=SECRET_KEY, AGORA_STRIPE_PUBLISHABLE_KEY=PUBLISHABLE_KEY,
                           AGORA_STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET, AGORA_STRIPE_API_URL=stripe, AGORA_STRIPE_JS_URL=stripe + "/js.stripe.com/v3/")
    service.stripe = stripe
    request = urllib.request.Request(stripe + "/_config/webhooks/agora", method="POST",
                                     data=json.dumps({"url": service.base + "/api/webhooks/stripe", "secret": WEBHOOK_SECRET}).encode())
    urllib.request.urlopen(request).close()
    yield service
    service.stop()
    localstripe.terminate()
    localstripe.wait(timeout=10)


def type_into_stripe(browser, number):
    """Types a test card into Stripe's element (localstripe's stand-in: number, month, year, code, postal code)."""
    holder = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "#stripe-card input[placeholder=number]"))
    for field, value in (("number", number), ("exp_month", "12"), ("exp_year", "34"), ("cvc", "123"), ("postal_code", "75001")):
        holder.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, "input[placeholder=%s]" % field).send_keys(value)


def complete_authentication(browser):
    """Answers Stripe.js's authentication dialog (the checkout's own dialog steps aside for it), and waits until it is gone."""
    button = wait(browser).until(lambda driver: driver.find_element(By.XPATH, "//button[text()='Complete authentication']"))
    click(browser, button)
    wait(browser).until(staleness_of(button))


def test_checkout_and_saved_cards_through_stripe(stripe_service, browser):
    service = stripe_service
    project = service.accepted_project()
    room = "/projects/view/?id=%d" % project
    sign_in(service, browser, service.CLIENT_EMAIL, room)

    # A plain card: typed into Stripe's element, the platform's card fields are not there at all.
    click(browser, milestone(browser, "Design").find_element(By.XPATH, ".//button[text()='Fund']"))
    dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog[open]"))
    assert not dialog.find_elements(By.ID, "card-number") and "test cards" not in dialog.text
    type_into_stripe(browser, "4242424242424242")
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(browser).until(lambda driver: status_of(driver, "Design") == "Funded")
    assert "€600 held in escrow" in milestone(browser, "Design").text

    # A card asking for authentication: Stripe.js asks when the card is set up and again for the payment.
    click(browser, milestone(browser, "Launch").find_element(By.XPATH, ".//button[text()='Fund']"))
    dialog = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, "dialog[open]"))
    type_into_stripe(browser, "4000002500003155")
    click(browser, dialog.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    complete_authentication(browser)
    assert status_of(browser, "Launch") == "Not funded", "the card's setup was authenticated; the payment is not yet"
    complete_authentication(browser)
    wait(browser).until(lambda driver: status_of(driver, "Launch") == "Funded")

    # A saved card, set up through Stripe's element on the money page.
    browser.get(service.base + "/settings/money/")
    wait(browser).until(lambda driver: driver.find_element(By.ID, "card-processor").is_displayed())
    assert not browser.find_element(By.ID, "card-fields").is_displayed()
    type_into_stripe(browser, "5555555555554444")
    click(browser, browser.find_element(By.CSS_SELECTOR, "#card-form button[type=submit]"))
    wait(browser).until(lambda driver: "4444" in driver.find_element(By.ID, "card-rows").text)
    errors = [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert errors == []


def test_a_payment_finished_with_stripe_alone_is_recorded_from_its_event(stripe_service):
    service = stripe_service
    project = service.accepted_project()
    client = service.sign_in(service.CLIENT_EMAIL, service.DEMO_PASSWORD)
    design = service.api("GET", "/projects/%d" % project, client)["milestones"][0]["id"]
    opened = service.api("POST", "/milestones/%d/fund" % design, client, idempotency_key=str(uuid.uuid4()))
    method = stripe_call(service.stripe, "POST", "/v1/payment_methods", form={
        "type": "card", "card[number]": "4000002500003155", "card[exp_month]": "12", "card[exp_year]": "2034", "card[cvc]": "123"})
    asked = service.api("POST", "/payments/%d/confirm" % opened["id"], client, {"processor_method_id": method["id"]},
                        idempotency_key=str(uuid.uuid4()))
    assert asked["status"] == "requires_action" and asked["next_action"]["type"] == "use_stripe_sdk"

    # The payer completes the step with Stripe and closes the tab: nobody tells the service but Stripe.
    intent = opened["client_secret"].split("_secret_")[0]
    stripe_call(service.stripe, "POST", "/v1/payment_intents/%s/_authenticate?success=true" % intent,
                json_body={"key": PUBLISHABLE_KEY, "client_secret": opened["client_secret"]})
    deadline = time.time() + 20
    while time.time() < deadline and service.api("GET", "/payments/%d" % opened["id"], client)["status"] != "succeeded":
        time.sleep(0.5)
    assert service.api("GET", "/payments/%d" % opened["id"], client)["status"] == "succeeded"
    milestone_now = [m for m in service.api("GET", "/projects/%d" % project, client)["milestones"] if m["id"] == design][0]
    assert milestone_now["status"] == "funded"
