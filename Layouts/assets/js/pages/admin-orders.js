/* /admin/orders/ (orders.route): every order by words, reference or status, a page at a time; for the chosen order,
 * how each routing batch did and who it was offered to, with an offer added or withdrawn by hand. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var cell = Agora.admin.cell;
  var search = document.getElementById('order-search');
  var body = document.getElementById('orders-body');
  var more = document.getElementById('orders-more');
  var chosen = null;
  var nextBefore = null;
  var loads = 0;

  function load(append) {
    var mine = ++loads;
    var query = Agora.admin.formQuery(search, { before: append ? nextBefore : null });
    Agora.api('GET', '/admin/orders?' + query).then(function (result) {
      if (mine !== loads) return;
      if (!result.ok) return forms.showProblem(search, result);
      if (!append) body.textContent = '';
      result.data.orders.forEach(function (order) {
        var row = body.insertRow();
        var open = document.createElement('button');
        open.type = 'button';
        open.className = 'link-button';
        open.textContent = order.reference_number;
        open.addEventListener('click', function () { choose(order); });
        cell(row, '').appendChild(open);
        cell(row, order.title + (order.under_review ? ' (under review)' : ''));
        cell(row, order.status.replace('_', ' '));
        cell(row, order.proposal_count);
        cell(row, Agora.admin.date(order.published_at || order.created_at));
      });
      nextBefore = result.data.next_before || null;
      more.hidden = !nextBefore;
      document.getElementById('orders-empty').hidden = body.rows.length > 0;
    });
  }

  function choose(order) {
    chosen = order;
    document.getElementById('routing').hidden = false;
    document.getElementById('routing-title').textContent = order.reference_number + ' — ' + order.title;
    routes().then(function () { document.getElementById('routing-title').focus(); });
  }

  function routes() {
    return Agora.api('GET', '/admin/orders/' + chosen.id + '/routes').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The offers could not be loaded.', 'error');
      var batches = document.getElementById('batches-body');
      batches.textContent = '';
      result.data.batches.forEach(function (batch) {
        var row = batches.insertRow();
        [batch.batch, batch.offered, batch.viewed, batch.proposals].forEach(function (value) { cell(row, value); });
      });
      var offers = document.getElementById('routes-body');
      offers.textContent = '';
      result.data.routes.forEach(function (route) {
        var row = offers.insertRow();
        cell(row, route.provider_name + ' (#' + route.provider_id + ')');
        cell(row, route.batch);
        cell(row, route.source === 'matched' ? route.reason : route.source);
        cell(row, route.score.toFixed(2));
        cell(row, route.viewed_at ? Agora.admin.date(route.viewed_at) : 'no');
        cell(row, route.removed_at ? 'withdrawn' : route.proposal_id ? 'proposed' : route.expired_at ? 'expired' : 'offered');
        var actions = cell(row, '');
        if (!route.removed_at) {
          var withdraw = document.createElement('button');
          withdraw.type = 'button';
          withdraw.className = 'link-button';
          withdraw.textContent = 'Withdraw';
          withdraw.setAttribute('aria-label', 'Withdraw the offer to ' + route.provider_name);
          withdraw.addEventListener('click', function () {
            Agora.api('DELETE', '/admin/orders/' + chosen.id + '/routes/' + route.provider_id).then(function (answer) {
              if (!answer.ok) return forms.showAlert((answer.data && answer.data.detail) || 'Nothing changed.', 'error');
              forms.showAlert('The offer to ' + route.provider_name + ' is withdrawn.', 'success');
              routes();
            });
          });
          actions.appendChild(withdraw);
        }
      });
    });
  }

  search.addEventListener('submit', function (event) {
    event.preventDefault();
    load(false);
  });
  more.addEventListener('click', function () { load(true); });
  document.getElementById('offer-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var provider = Number(document.getElementById('offer-provider').value);
    Agora.api('POST', '/admin/orders/' + chosen.id + '/routes', { body: { provider_id: provider } }).then(function (result) {
      if (!result.ok) return forms.showProblem(form, result, { provider_id: 'offer-provider' });
      forms.showAlert('Offered: the provider is told.', 'success');
      form.reset();
      routes();
    });
  });

  Agora.admin.start('orders').then(function () { load(false); });
})();
