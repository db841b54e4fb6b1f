/* /orders/ (clients): the client's orders, newest first, with their status, proposals and deadline. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var filter = document.getElementById('status-filter');
  var more = document.getElementById('orders-more');
  var dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var next = null;

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function load(append) {
    var query = '?limit=20' + (filter.value ? '&status=' + encodeURIComponent(filter.value) : '') + (append && next ? '&before=' + next : '');
    return Agora.api('GET', '/orders' + query).then(function (result) {
      if (!result.ok) { Agora.forms.showAlert((result.data && result.data.detail) || 'Your orders could not be loaded.'); return; }
      var body = document.getElementById('orders-body');
      if (!append) body.textContent = '';
      result.data.orders.forEach(function (order) {
        var row = document.createElement('tr');
        cell(row, order.reference_number);
        var title = cell(row, '');
        var link = document.createElement('a');
        link.href = Agora.orderPath(order.id);
        link.textContent = order.title;
        title.appendChild(link);
        var status = cell(row, '');
        var badge = document.createElement('span');
        badge.className = 'status status-' + order.status;
        badge.textContent = order.status.replace('_', ' ');
        status.appendChild(badge);
        cell(row, String(order.proposal_count || 0));
        cell(row, dates.format(new Date(order.deadline.at)));
        body.appendChild(row);
      });
      next = result.data.next_before || null;
      more.hidden = !next;
      var empty = body.children.length === 0;
      document.getElementById('orders-empty').hidden = !empty;
      document.getElementById('orders-table').hidden = empty;
    });
  }

  Agora.auth.requireSignIn(['client']).then(function () {
    page.hidden = false;
    load(false);
  });
  filter.addEventListener('change', function () { next = null; load(false); });
  more.addEventListener('click', function () { load(true); });
})();
