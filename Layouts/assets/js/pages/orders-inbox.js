/* /orders/inbox/ (providers): the orders offered to them (with the reason), those they proposed on, and open orders. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var categoryFilter = document.getElementById('category-filter');
  var more = document.getElementById('open-more');
  var dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var next = null;

  var element = Agora.element;

  /** One order as a list entry: title linked to its page, budget, deadline, and a note. */
  function entry(order, note) {
    var item = element('li', 'order-entry');
    var heading = element('h3');
    var link = element('a', null, order.title);
    link.href = Agora.orderPath(order.id);
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(element('p', 'muted', order.category.name + ' · ' + order.budget.min.formatted + '–' + order.budget.max.formatted +
      ' · due ' + dates.format(new Date(order.deadline.at)) + ' · ' + order.priority + ' priority'));
    if (note) item.appendChild(element('p', 'order-note', note));
    return item;
  }

  function loadInbox() {
    return Agora.api('GET', '/orders/inbox?limit=50').then(function (result) {
      if (!result.ok) { Agora.forms.showAlert((result.data && result.data.detail) || 'Your inbox could not be loaded.'); return; }
      var list = document.getElementById('inbox-list');
      list.textContent = '';
      result.data.entries.forEach(function (row) {
        var note = row.proposal_status ? 'Your proposal: ' + row.proposal_status : (row.reason ? 'Offered to you: ' + row.reason : '');
        list.appendChild(entry(row.order, note));
      });
      document.getElementById('inbox-empty').hidden = result.data.entries.length > 0;
    });
  }

  function loadOpen(append) {
    var query = '?limit=20' + (categoryFilter.value ? '&category=' + encodeURIComponent(categoryFilter.value) : '') + (append && next ? '&before=' + next : '');
    return Agora.api('GET', '/orders/open' + query).then(function (result) {
      if (!result.ok) return;
      var list = document.getElementById('open-list');
      if (!append) list.textContent = '';
      result.data.orders.forEach(function (order) { list.appendChild(entry(order, (order.proposal_count || 0) + ' proposals so far')); });
      next = result.data.next_before || null;
      more.hidden = !next;
      document.getElementById('open-empty').hidden = list.children.length > 0;
    });
  }

  function loadCategories() {
    return Agora.api('GET', '/categories', { auth: false }).then(function (result) {
      if (!result.ok) return;
      result.data.categories.forEach(function (root) {
        var option = element('option', null, root.name);
        option.value = root.slug;
        categoryFilter.appendChild(option);
      });
    });
  }

  Agora.auth.requireSignIn(['provider']).then(function () {
    page.hidden = false;
    loadCategories();
    loadInbox();
    loadOpen(false);
  });
  categoryFilter.addEventListener('change', function () { next = null; loadOpen(false); });
  more.addEventListener('click', function () { loadOpen(true); });
})();
