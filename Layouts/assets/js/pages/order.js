/*
 * /orders/view/?id= (signed in): one order. Its client sees the history, changes, publishes or cancels it, and
 * compares the proposals in a table with accept, reject and counter-offer. A provider reads it and sends a
 * proposal, or follows theirs: its negotiation, a revision, a withdrawal.
 */
(function () {
  'use strict';
  var forms = Agora.forms;
  var page = document.querySelector('[data-guard]');
  var orderID = new URLSearchParams(location.search).get('id');
  var termsForm = document.getElementById('terms-form');
  var dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  var order = null;
  var user = null;
  // What the terms form does when sent: propose, revise (provider) or counter (client).
  var termsAction = null;

  var eventWords = {
    created: 'Order created', published: 'Published', updated: 'Changed', cancelled: 'Cancelled', expired: 'Expired',
    awarded: 'Awarded', started: 'Work started', completed: 'Completed', routed: 'Offered to matching providers', proposal_received: 'Proposal received',
    proposal_countered: 'Counter-offer sent', proposal_revised: 'Proposal revised', proposal_withdrawn: 'Proposal withdrawn',
    proposal_rejected: 'Proposal declined', file_attached: 'File attached', file_removed: 'File removed',
    route_added: 'Offered by hand', route_removed: 'Offer withdrawn'
  };

  var element = Agora.element;

  function button(text, className, onClick) {
    var node = element('button', className, text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  function failed(result) {
    forms.showAlert((result.data && result.data.detail) || 'That did not work. Try again in a moment.');
  }

  function fact(list, term, value) {
    list.appendChild(element('dt', null, term));
    list.appendChild(element('dd', null, value));
  }

  function drawOrder() {
    document.title = order.title;
    document.getElementById('order-title').textContent = order.title;
    document.getElementById('order-reference').textContent = order.reference_number;
    var status = document.getElementById('order-status');
    status.textContent = order.status.replace('_', ' ');
    status.className = 'status status-' + order.status;
    var facts = document.getElementById('order-facts');
    facts.textContent = '';
    fact(facts, 'Category', order.category.name || '');
    fact(facts, 'Budget', order.budget.min.formatted + ' – ' + order.budget.max.formatted);
    fact(facts, 'Due', order.deadline.local.replace('T', ' ') + ' (' + order.deadline.time_zone.replace(/_/g, ' ') + ')');
    fact(facts, 'Priority', order.priority);
    var where = order.location.kind === 'remote' ? 'Anywhere (remote)' : order.location.kind === 'country'
      ? 'In ' + order.location.country : 'Within ' + order.location.radius_km + ' km of ' + order.location.latitude + ', ' + order.location.longitude;
    fact(facts, 'Where', where);
    // Providers see who posted it; its client (who reads its history) knows.
    var client = document.getElementById('order-client');
    client.hidden = !order.client || (order.events !== undefined && order.events !== null);
    if (order.client) Agora.clientCard(document.getElementById('order-client-card'), order.client);
    document.getElementById('under-review').hidden = !order.under_review;
    document.getElementById('project-link').hidden = !order.project_url;
    if (order.project_url) document.getElementById('project-link-anchor').href = order.project_url;
    // The service's Markdown engine escapes text and drops raw HTML: its output is safe to insert.
    document.getElementById('order-description').innerHTML = order.description_html;
    var skills = document.getElementById('order-skills');
    skills.textContent = '';
    order.skills.forEach(function (skill) { skills.appendChild(element('li', 'tag', skill)); });
    var requirements = document.getElementById('order-requirements');
    requirements.textContent = '';
    order.requirements.forEach(function (text) { requirements.appendChild(element('li', null, text)); });
    document.getElementById('requirements-title').hidden = order.requirements.length === 0;
    drawFiles();
  }

  function drawFiles() {
    var list = document.getElementById('order-files');
    list.textContent = '';
    (order.files || []).forEach(function (file) {
      var item = element('li', 'file-item');
      item.appendChild(button(file.file_name, 'link-button', function () { Agora.download(file.url, file.file_name); }));
      item.appendChild(element('span', 'muted', Math.ceil(file.byte_size / 1024) + ' KB'));
      list.appendChild(item);
    });
    document.getElementById('files-title').hidden = !(order.files || []).length;
  }

  function drawHistory() {
    var list = document.getElementById('order-history');
    list.textContent = '';
    (order.events || []).forEach(function (event) {
      var item = element('li');
      item.appendChild(element('time', 'muted', dates.format(new Date(event.at))));
      var words = eventWords[event.kind] || event.kind;
      if (event.kind === 'updated' && event.detail.fields) words += ': ' + event.detail.fields.split(',').join(', ');
      if (event.kind === 'file_attached' || event.kind === 'file_removed') words += ': ' + event.detail.file_name;
      item.appendChild(element('span', null, ' ' + words));
      list.appendChild(item);
    });
    document.getElementById('history-card').hidden = !order.events;
  }

  function drawClientActions() {
    var mine = order.events !== undefined && order.events !== null && user.user_type === 'client';
    document.getElementById('client-actions').hidden = !mine;
    if (!mine) return;
    var openState = order.status === 'draft' || order.status === 'open';
    document.getElementById('edit-order').hidden = !openState;
    document.getElementById('edit-order').href = Agora.paths.newOrder + '?edit=' + encodeURIComponent(order.id);
    document.getElementById('publish-order').hidden = order.status !== 'draft';
    document.getElementById('cancel-order').hidden = !openState;
  }

  function move(action, confirmText) {
    if (confirmText && !window.confirm(confirmText)) return;
    Agora.api('POST', '/orders/' + order.id + '/' + action).then(function (result) {
      if (!result.ok) { failed(result); return; }
      order = result.data;
      document.getElementById('status-line').textContent = action === 'publish' ? 'The order is open.' : 'The order is cancelled.';
      redraw();
    });
  }

  // The client's comparison table.
  function loadProposals() {
    var sort = document.getElementById('proposal-sort').value;
    return Agora.api('GET', '/orders/' + order.id + '/proposals?sort=' + sort).then(function (result) {
      if (!result.ok) { failed(result); return; }
      var body = document.getElementById('proposals-body');
      body.textContent = '';
      result.data.proposals.forEach(function (proposal) { body.appendChild(proposalRow(proposal)); });
      var empty = result.data.proposals.length === 0;
      document.getElementById('proposals-empty').hidden = !empty;
      document.getElementById('proposals-table').hidden = empty;
    });
  }

  function proposalRow(proposal) {
    var row = element('tr');
    var provider = proposal.provider;
    var who = element('td');
    if (provider.url) {
      var link = element('a', null, provider.name);
      link.href = provider.url;
      who.appendChild(link);
    } else {
      who.textContent = provider.name;
    }
    who.appendChild(element('p', 'muted proposal-message', proposal.terms.message));
    row.appendChild(who);
    row.appendChild(element('td', null, provider.rating.count ? provider.rating.displayed.toFixed(1) + ' ★ (' + provider.rating.count + ')' : 'New'));
    row.appendChild(element('td', null, String(provider.completed_projects)));
    row.appendChild(element('td', null, provider.response_time_minutes === null || provider.response_time_minutes === undefined ? '—' : Math.max(1, Math.round(provider.response_time_minutes / 60)) + ' h'));
    var price = element('td', null, termsPrice(proposal.terms));
    if (proposal.terms.milestones.length) price.appendChild(element('p', 'muted', proposal.terms.milestones.length + ' milestones'));
    row.appendChild(price);
    row.appendChild(element('td', null, proposal.terms.timeline_days + ' days'));
    row.appendChild(element('td', null, proposal.status));
    var actions = element('td', 'row-actions');
    var canDecide = order.status === 'open';
    if (canDecide && (proposal.status === 'submitted' || proposal.status === 'revised')) {
      actions.appendChild(button('Accept', 'button button-primary small', function () {
        if (!window.confirm('Accept ' + provider.name + '’s proposal for ' + termsPrice(proposal.terms) + '? The other proposals will be declined.')) return;
        Agora.api('POST', '/proposals/' + proposal.id + '/accept').then(function (result) {
          if (!result.ok) { failed(result); return; }
          document.getElementById('status-line').textContent = 'Accepted: the project with ' + provider.name + ' is created.';
          reload();
        });
      }));
      actions.appendChild(button('Counter-offer', 'button button-secondary small', function () { openTerms('counter', proposal); }));
    }
    if (canDecide && ['submitted', 'countered', 'revised'].indexOf(proposal.status) >= 0) {
      actions.appendChild(button('Decline', 'link-button', function () {
        Agora.api('POST', '/proposals/' + proposal.id + '/reject').then(function (result) { if (result.ok) loadProposals(); else failed(result); });
      }));
    }
    actions.appendChild(button('Report', 'link-button', function () {
      Agora.report('proposal', proposal.id).then(function (received) {
        if (received) forms.showAlert('Thank you: a moderator will look at this proposal.', 'success');
      });
    }));
    row.appendChild(actions);
    return row;
  }

  /** What the terms cost, in words: the price, or the rate and the weekly limit of hourly work. */
  function termsPrice(terms) {
    return terms.billing === 'hourly' ? terms.hourly_rate.formatted + ' an hour, up to ' + terms.weekly_limit_hours + ' h a week' : terms.price.formatted;
  }

  /** Shows the fields of the billing chosen: a price and milestones, or a rate and a weekly limit. */
  function showBilling(billing) {
    var hourly = billing === 'hourly';
    termsForm.querySelectorAll('input[name="billing"]').forEach(function (radio) { radio.checked = radio.value === billing; });
    document.getElementById('price-field').hidden = hourly;
    document.getElementById('rate-field').hidden = !hourly;
    document.getElementById('limit-field').hidden = !hourly;
    document.getElementById('milestones-fieldset').hidden = hourly;
    document.getElementById('price').required = !hourly;
    document.getElementById('hourly_rate').required = hourly;
    document.getElementById('weekly_limit_hours').required = hourly;
  }

  // The terms form: a new proposal, a provider's revision, or a client's counter-offer.
  function milestoneRow(values) {
    var rows = document.getElementById('milestone-rows');
    var index = rows.children.length;
    var row = element('div', 'field-row milestone-row');
    [['title', 'What is delivered', 'text'], ['amount', 'Amount', 'text'], ['due_in_days', 'Due after (days)', 'number']].forEach(function (spec) {
      var field = element('div', 'field');
      var id = 'milestone-' + index + '-' + spec[0];
      var label = element('label', null, spec[1]);
      label.htmlFor = id;
      var input = element('input');
      input.id = id;
      input.type = spec[2];
      input.dataset.key = spec[0];
      input.value = values && values[spec[0]] !== undefined ? values[spec[0]] : '';
      field.appendChild(label);
      field.appendChild(input);
      var error = element('p', 'field-error');
      error.id = 'milestones[' + index + '].' + spec[0] + '-error';
      field.appendChild(error);
      row.appendChild(field);
    });
    row.appendChild(button('Remove', 'link-button', function () { row.remove(); }));
    rows.appendChild(row);
  }

  function openTerms(action, proposal) {
    termsAction = { action: action, proposal: proposal };
    var card = document.getElementById('terms-card');
    card.hidden = false;
    document.getElementById('terms-title').textContent = action === 'counter' ? 'Counter-offer to ' + proposal.provider.name
      : action === 'revise' ? 'Revise your proposal' : 'Send a proposal';
    document.getElementById('terms-submit').textContent = action === 'counter' ? 'Send the counter-offer'
      : action === 'revise' ? 'Send the new terms' : 'Send the proposal';
    document.getElementById('terms-cancel').hidden = action === 'propose';
    document.getElementById('price-currency').textContent = '(' + order.budget.min.currency + ')';
    document.getElementById('rate-currency').textContent = '(' + order.budget.min.currency + ')';
    document.getElementById('milestone-rows').textContent = '';
    termsForm.hidden = false;
    showBilling(proposal ? proposal.terms.billing : 'fixed');
    if (proposal) {
      document.getElementById('message').value = '';
      document.getElementById('price').value = proposal.terms.price ? proposal.terms.price.amount : '';
      document.getElementById('hourly_rate').value = proposal.terms.hourly_rate ? proposal.terms.hourly_rate.amount : '';
      document.getElementById('weekly_limit_hours').value = proposal.terms.weekly_limit_hours || '';
      document.getElementById('timeline_days').value = proposal.terms.timeline_days;
    }
    document.getElementById('message').focus();
  }

  function termsBody() {
    var values = forms.values(termsForm);
    var body = { message: document.getElementById('message').value, billing: values.billing, timeline_days: Number(values.timeline_days) || null };
    if (values.billing === 'hourly') {
      body.hourly_rate = values.hourly_rate;
      body.weekly_limit_hours = Number(values.weekly_limit_hours) || null;
      return body;
    }
    body.price = values.price;
    var milestones = Array.prototype.map.call(document.querySelectorAll('.milestone-row'), function (row) {
      var milestone = {};
      row.querySelectorAll('input').forEach(function (input) {
        milestone[input.dataset.key] = input.dataset.key === 'due_in_days' ? Number(input.value) || null : input.value.trim();
      });
      return milestone;
    });
    if (milestones.length) body.milestones = milestones;
    return body;
  }

  function sendTerms(event) {
    event.preventDefault();
    forms.clearErrors(termsForm);
    forms.busy(termsForm, true);
    var action = termsAction.action;
    var route = action === 'propose' ? 'orders/' + order.id + '/proposals' : 'proposals/' + termsAction.proposal.id + '/' + action;
    Agora.api('POST', '/' + route, { body: termsBody() }).then(function (result) {
      forms.busy(termsForm, false);
      if (!result.ok) { forms.showProblem(termsForm, result, {}); return; }
      document.getElementById('status-line').textContent = action === 'counter' ? 'Your counter-offer is sent.' : 'Your proposal is sent.';
      termsForm.reset();
      reload();
    });
  }

  // The provider's side: their proposal and its negotiation, or the form to propose.
  function loadOwnProposal() {
    return Agora.api('GET', '/orders/' + order.id + '/proposals').then(function (result) {
      var card = document.getElementById('terms-card');
      var own = document.getElementById('own-proposal');
      own.textContent = '';
      var live = result.ok ? result.data.proposals.filter(function (proposal) { return ['submitted', 'countered', 'revised', 'accepted'].indexOf(proposal.status) >= 0; })[0] : null;
      if (!live) {
        card.hidden = order.status !== 'open';
        if (order.status === 'open') openTerms('propose', null);
        return;
      }
      card.hidden = false;
      termsForm.hidden = true;
      document.getElementById('terms-title').textContent = 'Your proposal';
      return Agora.api('GET', '/proposals/' + live.id).then(function (detail) {
        if (!detail.ok) return;
        var proposal = detail.data;
        own.appendChild(element('p', 'status-line', 'Status: ' + proposal.status + ' · ' + termsPrice(proposal.terms) + ' · ' + proposal.terms.timeline_days + ' days'));
        var steps = element('ol', 'timeline');
        proposal.revisions.forEach(function (revision) {
          var item = element('li');
          item.appendChild(element('strong', null, (revision.party === 'client' ? 'Client' : 'You') + ': ' + termsPrice(revision.terms) + ', ' + revision.terms.timeline_days + ' days'));
          item.appendChild(element('p', 'muted', revision.terms.message));
          steps.appendChild(item);
        });
        own.appendChild(steps);
        if (['submitted', 'countered', 'revised'].indexOf(proposal.status) >= 0 && order.status === 'open') {
          var actions = element('div', 'order-actions');
          actions.appendChild(button(proposal.status === 'countered' ? 'Answer the counter-offer' : 'Revise', 'button button-primary small', function () {
            openTerms('revise', proposal);
          }));
          actions.appendChild(button('Withdraw', 'button button-secondary small', function () {
            if (!window.confirm('Withdraw your proposal?')) return;
            Agora.api('POST', '/proposals/' + proposal.id + '/withdraw').then(function (answer) { if (answer.ok) reload(); else failed(answer); });
          }));
          own.appendChild(actions);
        }
      });
    });
  }

  function redraw() {
    drawOrder();
    drawHistory();
    drawClientActions();
    var isClient = order.events !== undefined && order.events !== null;
    document.getElementById('report-order').hidden = isClient;
    document.getElementById('proposals-card').hidden = !isClient || order.status === 'draft';
    if (isClient && order.status !== 'draft') loadProposals();
    if (user.user_type === 'provider') loadOwnProposal();
  }

  function reload() {
    return Agora.api('GET', '/orders/' + encodeURIComponent(orderID)).then(function (result) {
      if (!result.ok) {
        document.getElementById('order-title').textContent = result.status === 404 ? 'Order not found' : 'Order';
        failed(result.status === 404 ? { data: { detail: 'This order does not exist, or it is not shown to your account.' } } : result);
        return;
      }
      order = result.data;
      redraw();
    });
  }

  Agora.auth.requireSignIn().then(function (signedIn) {
    user = signedIn;
    page.hidden = false;
    if (!orderID || !/^[0-9]+$/.test(orderID)) { failed({ data: { detail: 'This link does not name an order.' } }); return; }
    reload();
  });
  document.getElementById('publish-order').addEventListener('click', function () { move('publish'); });
  document.getElementById('report-order').addEventListener('click', function () {
    Agora.report('order', order.id).then(function (received) {
      if (received) forms.showAlert('Thank you: a moderator will look at this order.', 'success');
    });
  });
  document.getElementById('cancel-order').addEventListener('click', function () {
    move('cancel', 'Cancel this order? Open proposals on it will be closed.');
  });
  document.getElementById('proposal-sort').addEventListener('change', loadProposals);
  document.getElementById('milestone-add').addEventListener('click', function () { milestoneRow(null); });
  document.getElementById('terms-cancel').addEventListener('click', function () { document.getElementById('terms-card').hidden = user.user_type !== 'provider'; termsForm.hidden = user.user_type === 'provider'; if (user.user_type === 'provider') reload(); });
  termsForm.querySelectorAll('input[name="billing"]').forEach(function (radio) {
    radio.addEventListener('change', function () { showBilling(radio.value); });
  });
  termsForm.addEventListener('submit', sendTerms);
})();
