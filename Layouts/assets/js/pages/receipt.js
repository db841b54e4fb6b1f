/* /settings/money/receipt/?id=payment-12: the receipt of one of the member's transactions (`GET /api/receipts/{id}`),
 * laid out to print: who issued it and to whom, its lines (they add up to the total), how it was paid and where it
 * stands. */
(function () {
  'use strict';
  var element = Agora.element;
  var page = document.querySelector('[data-guard]');
  var article = document.getElementById('receipt');
  var when = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });
  var states = { completed: 'Done', pending: 'Waiting for the payment processor', failed: 'Failed' };

  function fact(list, term, value) {
    if (!value) return;
    list.appendChild(element('dt', null, term));
    list.appendChild(element('dd', null, value));
  }

  function show(receipt) {
    var transaction = receipt.transaction;
    article.textContent = '';
    document.getElementById('receipt-title').textContent = receipt.title + ' receipt';
    var facts = element('dl', 'receipt-facts');
    fact(facts, 'Number', receipt.number);
    fact(facts, 'Date', when.format(new Date(transaction.occurred_at)));
    fact(facts, 'Issued to', receipt.issued_to);
    fact(facts, 'Address', receipt.address);
    fact(facts, 'Country', receipt.country);
    fact(facts, 'Tax number', receipt.tax_number);
    fact(facts, transaction.kind === 'earning' ? 'From' : 'Provider', transaction.counterpart_name);
    fact(facts, 'Project', transaction.project && transaction.project.title);
    fact(facts, ['payment', 'week-payment', 'plan'].indexOf(transaction.kind) >= 0 ? 'Paid with' : transaction.kind === 'payout' ? 'Paid to' : 'Reason', transaction.detail);
    fact(facts, 'Status', transaction.state === 'failed' && transaction.failure ? 'Failed: ' + transaction.failure.message : states[transaction.state]);
    article.appendChild(facts);
    var table = element('table', 'data-table receipt-lines');
    var body = element('tbody');
    receipt.lines.forEach(function (line) {
      var row = element('tr');
      row.appendChild(element('td', null, line.label));
      row.appendChild(element('td', 'amount', line.amount.formatted));
      body.appendChild(row);
    });
    table.appendChild(body);
    var foot = element('tfoot');
    var total = element('tr');
    total.appendChild(element('th', null, transaction.direction === 'in' ? 'Total to you' : 'Total'));
    total.appendChild(element('td', 'amount', transaction.total.formatted));
    foot.appendChild(total);
    table.appendChild(foot);
    article.appendChild(table);
    article.appendChild(element('p', 'muted', 'Amounts in ' + transaction.total.currency + '.' +
      (transaction.tax_note ? ' Tax on the platform\'s fee: ' + transaction.tax_note + '.' : '')));
    article.setAttribute('aria-busy', 'false');
    document.title = receipt.title + ' receipt ' + receipt.number;
  }

  document.getElementById('print').addEventListener('click', function () { window.print(); });
  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    var id = new URLSearchParams(location.search).get('id') || '';
    return Agora.api('GET', '/receipts/' + encodeURIComponent(id)).then(function (result) {
      if (!result.ok) {
        article.textContent = '';
        article.setAttribute('aria-busy', 'false');
        return Agora.forms.showAlert((result.data && result.data.detail) || 'The receipt could not be read.', 'error');
      }
      show(result.data);
    });
  });
})();
