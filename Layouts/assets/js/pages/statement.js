/* /settings/money/statement/?year=2026: the member's year (`GET /api/statements/{year}`) laid out to print: the
 * year's totals per currency, then each month's. */
(function () {
  'use strict';
  var element = Agora.element;
  var page = document.querySelector('[data-guard]');
  var article = document.getElementById('statement');
  var monthName = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' });
  var figures = [['paid', 'Paid'], ['refunded', 'Refunded'], ['net_spent', 'Spent'], ['earned', 'Earned'], ['commission', 'Commission'],
    ['tax_on_fees', 'Tax on fees'], ['net_earned', 'Earned after commission and tax'], ['paid_out', 'Paid out'], ['plans', 'Pro plan']];

  function table(caption, rows) {
    var drawn = element('table', 'data-table statement-table');
    drawn.appendChild(element('caption', null, caption));
    var head = element('tr');
    head.appendChild(element('th', null, ''));
    figures.forEach(function (figure) { head.appendChild(element('th', null, figure[1])).setAttribute('scope', 'col'); });
    var thead = element('thead');
    thead.appendChild(head);
    drawn.appendChild(thead);
    var body = element('tbody');
    rows.forEach(function (entry) {
      var row = element('tr');
      row.appendChild(element('th', null, entry.label)).setAttribute('scope', 'row');
      figures.forEach(function (figure) { row.appendChild(element('td', 'amount', entry.totals[figure[0]].formatted)); });
      body.appendChild(row);
    });
    drawn.appendChild(body);
    return drawn;
  }

  function show(statement) {
    article.textContent = '';
    document.getElementById('statement-title').textContent = 'Statement for ' + statement.year;
    article.appendChild(element('p', 'muted', 'Every payment, refund, earning and payout of yours from 1 January to 31 December ' + statement.year +
      ' (UTC). Payments include the service fee; earnings are shown before the commission taken from them.'));
    if (!statement.totals.length) article.appendChild(element('p', null, 'No money moved in this year.'));
    statement.totals.forEach(function (yearly) {
      article.appendChild(element('h2', null, yearly.currency));
      article.appendChild(table('The year in ' + yearly.currency, [{ label: String(statement.year), totals: yearly }]));
      var monthly = statement.months.map(function (month) {
        var totals = month.totals.filter(function (entry) { return entry.currency === yearly.currency; })[0];
        return { label: monthName.format(new Date(Date.UTC(statement.year, month.month - 1, 1))), totals: totals };
      }).filter(function (entry) { return entry.totals && entry.totals.transactions > 0; });
      article.appendChild(table('Month by month in ' + yearly.currency, monthly));
    });
    article.setAttribute('aria-busy', 'false');
    document.title = 'Statement for ' + statement.year;
  }

  document.getElementById('print').addEventListener('click', function () { window.print(); });
  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    var year = new URLSearchParams(location.search).get('year') || String(new Date().getUTCFullYear());
    return Agora.api('GET', '/statements/' + encodeURIComponent(year)).then(function (result) {
      if (!result.ok) {
        article.textContent = '';
        article.setAttribute('aria-busy', 'false');
        return Agora.forms.showAlert((result.data && result.data.detail) || 'The statement could not be read.', 'error');
      }
      show(result.data);
    });
  });
})();
