/* /admin/finance/ (finance.read): per currency what each kind of ledger account holds now and what moved in the
 * period (`GET /api/admin/finance/summary`), what waits (open disputes, refunds and payouts the processor has not
 * paid, payouts that failed), and the ledger's verification on demand (`GET /api/admin/ledger/verify`). */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var admin = Agora.admin;
  var period = document.getElementById('finance-period');
  var accounts = {
    'escrow': 'Held in escrow', 'provider-payable': 'Owed to providers (on hold or available)', 'provider-paid': 'Payouts on their way',
    'refunds': 'Refunds on their way', 'platform-revenue': 'Platform revenue', 'tax-payable': 'Tax owed',
    'processor-clearing': 'Processor clearing (money in, less money out)', 'client-funds': 'Client funds'
  };
  var moved = [['paid', 'Paid by clients'], ['service_fees', 'Service fees kept'], ['refunded', 'Refunded'], ['earned', 'Released to providers'],
    ['commission', 'Commission'], ['paid_out', 'Paid out']];

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

  admin.start('finance').then(load);
})();
