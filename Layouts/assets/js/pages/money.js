/* /settings/money/: the wallet per currency (in escrow; for providers also on hold, available and paid out, with a
 * payout button), the provider's plan (Free or Pro, its invoices), the fees that apply and the billing details receipts are made out to (their country and tax
 * number decide the tax on the platform's fees), the payout account (the IBAN shown masked once saved; saving it may ask for the password or code
 * again), and the payouts. Every rule — the hold, the smallest payout, the IBAN's check — is the API's; the page
 * shows its answers. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var page = document.querySelector('[data-guard]');
  var accountForm = document.getElementById('account-form');
  var billingForm = document.getElementById('billing-form');
  var cardForm = document.getElementById('card-form');
  var provider = false;

  function payOut(currency, button) {
    button.disabled = true;
    Agora.api('POST', '/payouts', { body: { currency: currency }, idempotencyKey: Agora.idempotencyKey() }).then(function (result) {
      button.disabled = false;
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Nothing was paid out. Try again.', 'error');
      var payout = result.data;
      forms.showAlert(payout.status === 'paid'
        ? payout.amount.formatted + ' is on its way to ' + payout.iban_masked + '.'
        : 'The payout of ' + payout.amount.formatted + ' came back: ' + (payout.failure ? payout.failure.message : 'try again later.'), payout.status === 'paid' ? 'success' : 'error');
      load();
    });
  }

  function drawWallet(data) {
    var rows = document.getElementById('wallet-rows');
    rows.textContent = '';
    data.wallets.forEach(function (wallet) {
      var row = element('tr');
      row.appendChild(element('th', null, wallet.currency)).setAttribute('scope', 'row');
      row.appendChild(element('td', null, wallet.in_escrow.formatted));
      if (provider) {
        row.appendChild(element('td', null, wallet.on_hold.formatted));
        row.appendChild(element('td', null, wallet.available.formatted));
        row.appendChild(element('td', null, wallet.paid_out.formatted));
        var cell = element('td');
        var button = element('button', 'button small button-primary', 'Pay out ' + wallet.available.formatted);
        button.type = 'button';
        button.disabled = !wallet.available.amount_minor;
        button.addEventListener('click', function () { payOut(wallet.currency, button); });
        cell.appendChild(button);
        row.appendChild(cell);
      }
      rows.appendChild(row);
    });
    document.getElementById('wallet-table').hidden = !data.wallets.length;
    document.getElementById('wallet-empty').hidden = data.wallets.length > 0;
    document.getElementById('wallet-rules').textContent = 'Released money is on hold for ' + data.hold_days + ' days, then available. A payout sends everything available in a currency, at least ' +
      data.minimum_payout + ' whole units of it.';
  }

  function describeFees(fees) {
    var tiers = fees.commission_tiers.map(function (tier) {
      return tier.up_to === null ? tier.percent + ' beyond' : tier.percent + ' up to ' + tier.up_to;
    }).join(', ');
    var text = 'Clients pay a service fee of ' + fees.client_service_fee_percent + ' on what they fund. Providers pay a commission on what is released to them, by what they have billed the same client: ' +
      tiers + (fees.minimum_commission ? ', at least ' + fees.minimum_commission + ' whole units per release' : '') + '. ';
    if (fees.category_rates.length) {
      text += 'Some categories pay one rate instead: ' + fees.category_rates.map(function (rate) { return rate.category + ' ' + rate.percent; }).join(', ') + '. ';
    }
    text += 'Tax on the platform\'s fees for you: ' + fees.tax.note + '.';
    document.getElementById('fees-summary').textContent = text;
  }

  /** Draws `items` as the rows of a table, or its "nothing yet" line when there are none. */
  function fillTable(name, items, draw) {
    var rows = document.getElementById(name + '-rows');
    rows.textContent = '';
    items.forEach(function (item) { rows.appendChild(draw(item)); });
    document.getElementById(name + 's-table').hidden = !items.length;
    document.getElementById(name + 's-empty').hidden = items.length > 0;
  }

  function cardAction(label, name, run) {
    var button = element('button', 'button button-secondary small', label);
    button.type = 'button';
    button.setAttribute('aria-label', name);
    button.addEventListener('click', function () {
      button.disabled = true;
      run().then(function (result) {
        if (!result.ok) {
          button.disabled = false;
          return forms.showAlert((result.data && result.data.detail) || 'Nothing changed.', 'error');
        }
        loadCards();
      });
    });
    return button;
  }

  function loadCards() {
    Agora.api('GET', '/payment-methods').then(function (result) {
      if (!result.ok) return;
      fillTable('card', result.data.payment_methods, function (card) {
        var row = element('tr');
        row.appendChild(element('td', null, card.label + (card.is_default ? ' (default)' : '')));
        row.appendChild(element('td', null, card.expiry_month + '/' + card.expiry_year));
        var actions = element('td');
        if (!card.is_default) {
          actions.appendChild(cardAction('Make default', 'Make ' + card.label + ' the default', function () {
            return Agora.api('POST', '/payment-methods/' + card.id + '/default');
          }));
        }
        actions.appendChild(cardAction('Remove', 'Remove ' + card.label, function () {
          return Agora.api('DELETE', '/payment-methods/' + card.id);
        }));
        row.appendChild(actions);
        return row;
      });
    });
  }

  /* A new card: the local processor's fields in the form, or Stripe's card element in their place (once signed in). */
  var cardEntry = null;

  function prepareCardEntry() {
    cardEntry = Agora.cardEntry.prepare().then(function (prepared) {
      var holder = document.getElementById(prepared.kind === 'stripe' ? 'card-processor' : 'card-fields');
      holder.hidden = false;
      return prepared.mount(holder, function () {
        return {
          focus: cardForm.elements.number,
          read: function () {
            return {
              number: cardForm.elements.number.value, security_code: cardForm.elements.security_code.value,
              expiry_month: Number(cardForm.elements.expiry_month.value) || null, expiry_year: Number(cardForm.elements.expiry_year.value) || null
            };
          }
        };
      });
    }, function (message) {
      forms.showAlert(String(message), 'error');
      return Promise.reject(message);
    });
  }

  cardForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(cardForm);
    if (!cardEntry) return;
    cardEntry.then(function (entry) { return entry.read(); }).then(function (card) {
      card['default'] = cardForm.elements['default'].checked;
      return Agora.api('POST', '/payment-methods', { body: card });
    }).then(function (result) {
      if (!result.ok) return forms.showProblem(cardForm, result);
      cardForm.reset();
      forms.showAlert(result.data.label + ' is saved.', 'success');
      loadCards();
    }, function (message) {
      forms.showAlert(String(message), 'error');
    });
  });

  function loadBilling() {
    Agora.api('GET', '/fees').then(function (result) { if (result.ok) describeFees(result.data); });
    Agora.api('GET', '/billing-details').then(function (result) {
      document.getElementById('billing-current').textContent = result.ok
        ? 'Receipts are made out to ' + result.data.name + ', ' + result.data.country_name + (result.data.tax_number ? ' (tax number ' + result.data.tax_number + ')' : '') + '.'
        : 'Receipts are made out to your account\'s name until you add billing details; without them the platform\'s own country\'s tax applies.';
      if (!result.ok) return;
      document.getElementById('billing-name').value = result.data.name;
      document.getElementById('billing-country').value = result.data.country;
      document.getElementById('billing-region').value = result.data.region || '';
      document.getElementById('billing-address').value = result.data.address;
      document.getElementById('billing-tax-number').value = result.data.tax_number || '';
    });
  }

  billingForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(billingForm);
    Agora.api('PUT', '/billing-details', { body: forms.values(billingForm) }).then(function (result) {
      if (!result.ok) return forms.showProblem(billingForm, result);
      forms.showAlert('Billing details saved: they apply to payments and releases from now on.', 'success');
      loadBilling();
    });
  });

  /* The provider's plan: Free or Pro (its state and next date), the plans to choose from, and the invoices. */
  function loadPlan() {
    Agora.api('GET', '/subscriptions').then(function (result) {
      if (!result.ok) return;
      var data = result.data;
      var subscription = data.subscription;
      var current = document.getElementById('plan-current');
      if (data.plan === 'free') {
        current.textContent = 'You are on the Free plan.';
      } else if (subscription.status === 'past_due') {
        current.textContent = 'You are on Pro, but its renewal was declined (' + (subscription.failure ? subscription.failure.message : '') + ') It is tried again on ' +
          days.format(new Date(subscription.next_attempt_at)) + '.';
      } else if (subscription.cancel_at_period_end) {
        current.textContent = 'You are on Pro until ' + days.format(new Date(subscription.current_period_end)) + ', then on Free.';
      } else {
        current.textContent = 'You are on Pro: it renews on ' + days.format(new Date(subscription.current_period_end)) + ' for ' + subscription.price.formatted + ' before tax.';
      }
      var options = document.getElementById('plan-options');
      options.textContent = '';
      data.plans.forEach(function (plan) {
        var card = element('div', 'plan-option' + (plan.plan === data.plan ? ' current' : ''));
        card.id = 'plan-' + plan.plan;
        card.appendChild(element('h3', null, plan.label + (plan.monthly_price.amount_minor ? ' · ' + plan.monthly_price.formatted + ' a month' : ' · no charge')));
        var perks = element('ul');
        plan.perks.forEach(function (perk) { perks.appendChild(element('li', null, perk)); });
        card.appendChild(perks);
        var action = planAction(plan, data, subscription);
        if (action) card.appendChild(action);
        options.appendChild(card);
      });
      fillTable('invoice', data.invoices, function (invoice) {
        var row = element('tr');
        row.appendChild(element('td', null, days.format(new Date(invoice.period_start)) + ' – ' + days.format(new Date(invoice.period_end))));
        row.appendChild(element('td', null, invoice.total.formatted));
        row.appendChild(element('td', null, invoice.tax.amount_minor ? invoice.tax.formatted + ' (' + invoice.tax_note + ')' : invoice.tax_note));
        row.appendChild(element('td', null, invoice.status === 'paid' ? 'paid' + (invoice.card ? ' with ' + invoice.card : '')
          : (invoice.status === 'void' ? 'not paid' : 'waiting') + (invoice.failure ? ': ' + invoice.failure.message : '')));
        return row;
      });
    });
  }

  /** The button that moves to `plan`: subscribe to Pro, keep a Pro that is ending, or end Pro with its month. */
  function planAction(plan, data, subscription) {
    var ending = subscription && subscription.cancel_at_period_end && data.plan === 'pro';
    var label = plan.plan === 'pro'
      ? (data.plan === 'free' ? 'Subscribe to Pro' : (ending ? 'Keep Pro' : null))
      : (data.plan === 'pro' && !ending ? 'Move to Free at the end of the month' : null);
    if (!label) return null;
    var button = element('button', 'button ' + (plan.plan === 'pro' ? 'button-primary' : 'button-secondary'), label);
    button.type = 'button';
    button.addEventListener('click', function () {
      button.disabled = true;
      Agora.api('POST', '/subscriptions', { body: { plan: plan.plan }, idempotencyKey: Agora.idempotencyKey() }).then(function (result) {
        button.disabled = false;
        if (!result.ok) {
          var errors = (result.data && result.data.errors) || [];
          var first = errors[0];
          return forms.showAlert(first ? 'The card ' + first.message + '.' : (result.data && result.data.detail) || 'Nothing changed. Try again.', 'error');
        }
        forms.showAlert(result.data.plan === 'pro' ? (plan.plan === 'pro' ? 'You are on Pro.' : 'Pro ends with the month you paid for.') : 'You are on Free.', 'success');
        loadPlan();
      });
    });
    return button;
  }

  function load() {
    loadBilling();
    loadCards();
    if (provider) loadPlan();
    Agora.api('GET', '/wallet').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The wallet could not be loaded.', 'error');
      drawWallet(result.data);
    });
    if (!provider) return;
    Agora.api('GET', '/payout-account').then(function (result) {
      document.getElementById('account-current').textContent = result.ok
        ? 'Payouts go to ' + result.data.holder_name + ', ' + result.data.iban_masked + ' (' + result.data.bic + '). Save another account to replace it.'
        : 'Add the bank account your money is paid out to.';
      if (result.ok) document.getElementById('schedule').value = result.data.schedule;
    });
    Agora.api('GET', '/payouts?limit=50').then(function (result) {
      if (!result.ok) return;
      fillTable('payout', result.data.payouts, function (payout) {
        var row = element('tr');
        row.appendChild(element('td', null, days.format(new Date(payout.created_at))));
        row.appendChild(element('td', null, payout.amount.formatted));
        row.appendChild(element('td', null, payout.iban_masked));
        row.appendChild(element('td', null, payout.status === 'failed' && payout.failure ? 'failed: ' + payout.failure.message : payout.status));
        return row;
      });
    });
  }

  accountForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(accountForm);
    var body = forms.values(accountForm);
    // Where the money goes is a dangerous change: the API may ask for a fresh proof of who is asking first.
    Agora.dangerous(function () { return Agora.api('PUT', '/payout-account', { body: body }); }).then(function (result) {
      if (!result.ok) return forms.showProblem(accountForm, result);
      accountForm.reset();
      forms.showAlert('Payouts go to ' + result.data.iban_masked + ' now.', 'success');
      load();
    });
  });

  Agora.auth.requireSignIn(['client', 'provider']).then(function (user) {
    provider = user.user_type === 'provider';
    document.querySelectorAll('[data-provider]').forEach(function (node) { node.hidden = !provider; });
    page.hidden = false;
    prepareCardEntry();
    load();
  });
})();
