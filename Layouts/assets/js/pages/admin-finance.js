/* /admin/finance/ (finance.read): per currency what each kind of ledger account holds now and what moved in the
 * period (`GET /api/admin/finance/summary`), what waits (open disputes, refunds and payouts the processor has not
 * paid, payouts that failed), any payment opened by its number (`GET /api/admin/payments/{id}`) and refunded outside
 * a dispute by staff who may (`POST /api/admin/payments/{id}/refunds`, finance.refund), and the ledger's verification
 * on demand (`GET /api/admin/ledger/verify`). */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var admin = Agora.admin;
  var period = document.getElementById('finance-period');
  var lookup = document.getElementById('payment-lookup');
  var refundForm = document.getElementById('refund-form');
  var mayRefund = false;
  var openPayment = null;
  var accounts = {
    'escrow': 'Held in escrow for milestones', 'week-escrow': 'Held in escrow for hourly weeks', 'provider-payable': 'Owed to providers (on hold or available)', 'provider-paid': 'Payouts on their way',
    'refunds': 'Refunds on their way', 'platform-revenue': 'Platform revenue', 'tax-payable': 'Tax owed',
    'processor-clearing': 'Processor clearing (money in, less money out)', 'client-funds': 'Client funds'
  };
  var moved = [['paid', 'Paid by clients'], ['service_fees', 'Service fees kept'], ['refunded', 'Refunded'], ['earned', 'Released to providers'],
    ['commission', 'Commission'], ['tax_on_fees', 'Tax on fees'], ['paid_out', 'Paid out']];

  function table(caption, rows) {
    var drawn = element('table', 'data-table');
    drawn.appendChild(element('caption', null, caption));
    var body = element('tbody');
    rows.forEach(function (pair) {
      var row = element('tr');
      row.appendChild(element('th', null, pair[0])).setAttribute('scope', 'row');
      row.appendChild(element('td', 'amount', pair[1]));
      body.appendChild(row);
    });
    drawn.appendChild(body);
    return drawn;
  }

  function show(summary) {
    document.getElementById('finance-period-text').textContent = 'Moved from ' + admin.date(summary.from) + ' to ' + admin.date(summary.to) + ' (UTC days).';
    var waiting = document.getElementById('finance-waiting');
    waiting.textContent = '';
    admin.figure(waiting, 'Open disputes', summary.open_disputes);
    admin.figure(waiting, 'Refunds waiting for the processor', summary.pending_refunds);
    admin.figure(waiting, 'Payouts waiting for the processor', summary.pending_payouts);
    admin.figure(waiting, 'Payouts that failed in the period', summary.failed_payouts);
    var container = document.getElementById('finance-currencies');
    container.textContent = '';
    summary.currencies.forEach(function (currency) {
      var card = element('section', 'settings-card');
      card.appendChild(element('h2', null, currency.currency));
      card.appendChild(table('What the accounts hold now', Object.keys(accounts).filter(function (kind) {
        return currency.balances[kind] && currency.balances[kind].amount_minor !== 0;
      }).map(function (kind) { return [accounts[kind], currency.balances[kind].formatted]; })));
      card.appendChild(table('Moved in the period (' + currency.volume.transactions + ' transactions)', moved.map(function (pair) {
        return [pair[1], currency.volume[pair[0]].formatted];
      })));
      container.appendChild(card);
    });
    document.getElementById('finance-empty').hidden = summary.currencies.length > 0;
  }

  function load() {
    forms.clearErrors(period);
    return Agora.api('GET', '/admin/finance/summary?' + forms.query(period)).then(function (result) {
      if (!result.ok) return forms.showProblem(period, result);
      show(result.data);
    });
  }

  function showPayment(found) {
    openPayment = found.payment.id;
    var facts = document.getElementById('payment-facts');
    facts.textContent = '';
    admin.fact(facts, 'Project', found.project_title + ' (' + found.project_status + ')');
    admin.fact(facts, 'Milestone', found.milestone_title + ' (' + found.milestone_status + ')');
    admin.fact(facts, 'Paid', found.payment.total.formatted + ' (' + found.payment.status + ')');
    admin.fact(facts, 'Held now', found.held.formatted);
    found.refunds.forEach(function (refund) {
      admin.fact(facts, 'Refunded ' + admin.date(refund.created_at), refund.total.formatted + ' (' + refund.status + '): ' + refund.reason);
    });
    document.getElementById('payment-detail').hidden = false;
    refundForm.hidden = !mayRefund || found.held.amount_minor === 0;
  }

  function loadPayment() {
    forms.clearErrors(lookup);
    var id = document.getElementById('payment-id').value.trim();
    if (!/^[1-9][0-9]*$/.test(id)) return forms.fieldError('payment-id', 'Type the payment\'s number, such as 12.');
    return Agora.api('GET', '/admin/payments/' + id).then(function (result) {
      if (!result.ok) {
        document.getElementById('payment-detail').hidden = true;
        return forms.showAlert((result.data && result.data.detail) || 'The payment could not be opened.', 'error');
      }
      showPayment(result.data);
    });
  }

  lookup.addEventListener('submit', function (event) {
    event.preventDefault();
    loadPayment();
  });
  refundForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(refundForm);
    var body = { reason: document.getElementById('reason').value };
    var amount = document.getElementById('amount').value.trim();
    if (amount) body.amount = amount;
    forms.busy(refundForm, true);
    Agora.api('POST', '/admin/payments/' + openPayment + '/refunds', { body: body, idempotencyKey: Agora.idempotencyKey() }).then(function (result) {
      forms.busy(refundForm, false);
      if (!result.ok) return forms.showProblem(refundForm, result);
      refundForm.reset();
      var said = result.data.total.formatted + (result.data.status === 'succeeded' ? ' was refunded to the client\'s card.' : ' is refunded; the processor pays it back shortly.');
      // Reloading clears the page's alert, so the refund is told once both have answered.
      Promise.all([loadPayment(), load()]).then(function () { forms.showAlert(said, 'success'); });
    });
  });

  document.getElementById('verify-ledger').addEventListener('click', function () {
    var button = this;
    var result = document.getElementById('verify-result');
    var problems = document.getElementById('verify-problems');
    button.disabled = true;
    result.textContent = 'Verifying…';
    problems.textContent = '';
    Agora.api('GET', '/admin/ledger/verify').then(function (answer) {
      button.disabled = false;
      if (!answer.ok) {
        result.textContent = '';
        return forms.showAlert((answer.data && answer.data.detail) || 'The ledger could not be verified. Try again.', 'error');
      }
      var check = answer.data;
      result.textContent = (check.sound ? 'Sound: ' : 'Not sound: ' + check.problems.length + ' differences in ') + check.transactions.toLocaleString() +
        ' transactions and ' + check.entries.toLocaleString() + ' entries, checked in ' + check.milliseconds.toLocaleString() + ' ms.';
      result.className = check.sound ? 'verify-sound' : 'verify-broken';
      check.problems.forEach(function (problem) { problems.appendChild(element('li', null, problem)); });
    });
  });
  period.addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });

  admin.start('finance').then(function (access) {
    mayRefund = access.permissions.indexOf('finance.refund') >= 0;
    return load();
  });
})();
