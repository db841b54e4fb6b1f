/* /settings/money/: the wallet per currency (in escrow; for providers also on hold, available and paid out, with a
 * payout button), the payout account (the IBAN shown masked once saved; saving it may ask for the password or code
 * again), and the payouts. Every rule — the hold, the smallest payout, the IBAN's check — is the API's; the page
 * shows its answers. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var page = document.querySelector('[data-guard]');
  var accountForm = document.getElementById('account-form');
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

  function load() {
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
      var rows = document.getElementById('payout-rows');
      rows.textContent = '';
      result.data.payouts.forEach(function (payout) {
        var row = element('tr');
        row.appendChild(element('td', null, days.format(new Date(payout.created_at))));
        row.appendChild(element('td', null, payout.amount.formatted));
        row.appendChild(element('td', null, payout.iban_masked));
        row.appendChild(element('td', null, payout.status === 'failed' && payout.failure ? 'failed: ' + payout.failure.message : payout.status));
        rows.appendChild(row);
      });
      document.getElementById('payouts-table').hidden = !result.data.payouts.length;
      document.getElementById('payouts-empty').hidden = result.data.payouts.length > 0;
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
    load();
  });
})();
