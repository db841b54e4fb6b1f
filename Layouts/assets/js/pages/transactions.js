/* /settings/money/transactions/: the member's year (`GET /api/statements/{year}`) as a chart of what they spent and
 * earned each month and its totals, with the printable statement and the year as CSV; then their transactions
 * (`GET /api/transactions`) filtered, a page at a time, each with its receipt, and the same list as CSV. Every figure
 * is the API's. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var page = document.querySelector('[data-guard]');
  var filters = document.getElementById('transaction-filters');
  var rows = document.getElementById('transaction-rows');
  var more = document.getElementById('transactions-more');
  var yearSelect = document.getElementById('year');
  var currencySelect = document.getElementById('chart-currency');
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var months = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
  var kinds = { payment: 'Payment', refund: 'Refund', earning: 'Earning', payout: 'Payout', 'week-payment': 'Hourly week', 'week-earning': 'Hourly earning', plan: 'Pro plan' };
  var states = { completed: 'done', pending: 'waiting for the processor', failed: 'failed' };
  var statement = null;
  var before = null;
  var listings = 0;

  function totalsOf(entry) {
    return (entry.totals || []).filter(function (totals) { return totals.currency === currencySelect.value; })[0];
  }

  function drawYear() {
    var yearly = totalsOf(statement);
    document.getElementById('year-empty').hidden = Boolean(yearly);
    document.getElementById('year-figure').hidden = !yearly;
    var list = document.getElementById('year-totals');
    list.textContent = '';
    var target = document.getElementById('year-chart');
    target.textContent = '';
    if (!yearly) return;
    var groups = statement.months.map(function (month) {
      var totals = totalsOf(month);
      return {
        label: months.format(new Date(Date.UTC(statement.year, month.month - 1, 1))),
        values: [totals ? totals.net_spent.amount_minor : 0, totals ? totals.net_earned.amount_minor : 0],
        totals: totals
      };
    });
    target.appendChild(Agora.barChart({
      title: 'Spent and earned each month of ' + statement.year + ' in ' + yearly.currency + ': spent ' + yearly.net_spent.formatted +
        ', earned ' + yearly.net_earned.formatted + '.',
      groups: groups,
      series: ['chart-spent', 'chart-earned'],
      labels: 12,
      scaleLabel: function (highest) {
        var format = new Intl.NumberFormat(undefined, { style: 'currency', currency: yearly.currency });
        return format.format(highest / Math.pow(10, format.resolvedOptions().maximumFractionDigits));
      },
      tip: function (group, series) {
        if (!group.totals) return group.label + ': nothing';
        return group.label + ': ' + (series ? 'earned ' + group.totals.net_earned.formatted : 'spent ' + group.totals.net_spent.formatted);
      }
    }));
    [['Paid', yearly.paid], ['of which service fees', yearly.service_fees], ['Refunded to you', yearly.refunded], ['Spent', yearly.net_spent],
      ['Earned', yearly.earned], ['Commission', yearly.commission], ['Tax on fees', yearly.tax_on_fees],
      ['Earned after commission and tax', yearly.net_earned], ['Paid out', yearly.paid_out]]
      .filter(function (pair) { return pair[1].amount_minor !== 0; })
      .forEach(function (pair) {
        list.appendChild(element('dt', null, pair[0]));
        list.appendChild(element('dd', null, pair[1].formatted));
      });
  }

  function loadYear() {
    var year = yearSelect.value;
    document.getElementById('statement-link').href = Agora.paths.statement + '?year=' + year;
    return Agora.api('GET', '/statements/' + year).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The year could not be read.', 'error');
      statement = result.data;
      var currencies = statement.totals.map(function (totals) { return totals.currency; });
      var chosen = currencies.indexOf(currencySelect.value) >= 0 ? currencySelect.value : currencies[0];
      currencySelect.textContent = '';
      currencies.forEach(function (code) { currencySelect.appendChild(new Option(code, code)); });
      currencySelect.value = chosen || '';
      document.getElementById('chart-currency-field').hidden = currencies.length < 2;
      var years = statement.years.indexOf(statement.year) >= 0 ? statement.years : [statement.year].concat(statement.years);
      if (yearSelect.options.length !== years.length) {
        yearSelect.textContent = '';
        years.forEach(function (item) { yearSelect.appendChild(new Option(String(item), String(item))); });
        yearSelect.value = String(statement.year);
      }
      drawYear();
    });
  }

  function row(transaction) {
    var line = element('tr');
    line.appendChild(element('td', null, days.format(new Date(transaction.occurred_at))));
    var what = element('td', null, kinds[transaction.kind] || transaction.kind);
    var about = [transaction.milestone && transaction.milestone.title, transaction.counterpart_name, transaction.detail].filter(Boolean).join(' · ');
    if (about) what.appendChild(element('span', 'muted block', about));
    line.appendChild(what);
    var project = element('td');
    if (transaction.project) {
      var link = element('a', null, transaction.project.title);
      link.href = Agora.projectPath(transaction.project.id);
      project.appendChild(link);
    }
    line.appendChild(project);
    line.appendChild(element('td', null, transaction.amount.formatted));
    line.appendChild(element('td', null, transaction.fee.amount_minor
      ? transaction.fee_label + ' ' + transaction.fee.formatted + (transaction.tax.amount_minor ? ' + tax ' + transaction.tax.formatted : '')
      : '—'));
    line.appendChild(element('td', 'money-' + transaction.direction, (transaction.direction === 'in' ? '+ ' : '− ') + transaction.total.formatted));
    line.appendChild(element('td', null, transaction.state === 'failed' && transaction.failure ? 'failed: ' + transaction.failure.message : states[transaction.state]));
    var receipt = element('td');
    var receiptLink = element('a', null, 'Receipt');
    receiptLink.href = transaction.receipt_url;
    receipt.appendChild(receiptLink);
    line.appendChild(receipt);
    return line;
  }

  function loadList(append) {
    if (!append) before = null;
    forms.clearErrors(filters);
    // Only the latest listing fills the table: an earlier one answering late must not replace it.
    var mine = ++listings;
    return Agora.api('GET', '/transactions?' + forms.query(filters, { before: append ? before : null })).then(function (result) {
      if (mine !== listings) return;
      if (!result.ok) return forms.showProblem(filters, result);
      if (!append) rows.textContent = '';
      result.data.transactions.forEach(function (transaction) { rows.appendChild(row(transaction)); });
      before = result.data.next_before || null;
      more.hidden = !before;
      document.getElementById('transactions-table').hidden = rows.children.length === 0;
      document.getElementById('transactions-empty').hidden = rows.children.length > 0;
    });
  }

  filters.addEventListener('submit', function (event) {
    event.preventDefault();
    loadList(false);
  });
  more.addEventListener('click', function () { loadList(true); });
  document.getElementById('transactions-csv').addEventListener('click', function () {
    Agora.download('/api/transactions?' + forms.query(filters, { format: 'csv' }), 'transactions.csv');
  });
  document.getElementById('statement-csv').addEventListener('click', function () {
    Agora.download('/api/statements/' + yearSelect.value + '?format=csv', 'statement.csv');
  });
  yearSelect.addEventListener('change', loadYear);
  currencySelect.addEventListener('change', drawYear);

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    var thisYear = String(new Date().getUTCFullYear());
    yearSelect.appendChild(new Option(thisYear, thisYear));
    return Promise.all([loadYear(), loadList(false)]);
  });
})();
