/* /admin/users/ (users.read): search accounts a page at a time and open one (?id=): its facts, sessions, sign-in
 * events and suspensions. With users.suspend, keep it out or let it back in; with users.edit, require a new
 * password or confirm a pending address. All are dangerous actions, so the code may be asked again
 * (Agora.dangerous). */
(function () {
  'use strict';
  var forms = Agora.forms;
  var cell = Agora.admin.cell;
  var search = document.getElementById('user-search');
  var body = document.getElementById('users-body');
  var more = document.getElementById('users-more');
  var detail = document.getElementById('user-detail');
  var suspendForm = document.getElementById('suspend-form');
  var liftForm = document.getElementById('lift-form');
  var accountForm = document.getElementById('account-form');
  var detailsForm = document.getElementById('details-form');
  var messageForm = document.getElementById('message-form');
  var viewForm = document.getElementById('view-form');
  var state = { before: null, userID: null, maySuspend: false, mayEdit: false, searches: 0 };

  function load(append) {
    if (!append) state.before = null;
    // Only the latest search fills the table: an earlier one answering late must not replace it.
    var mine = ++state.searches;
    Agora.api('GET', '/admin/users?' + Agora.admin.formQuery(search, { before: state.before })).then(function (result) {
      if (mine !== state.searches) return;
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The search failed.', 'error');
      if (!append) body.textContent = '';
      result.data.users.forEach(function (user) {
        var row = document.createElement('tr');
        var name = cell(row, '');
        var open = document.createElement('button');
        open.type = 'button';
        open.className = 'link-button';
        open.textContent = user.first_name + ' ' + user.last_name;
        open.addEventListener('click', function () { openUser(user.id); });
        name.appendChild(open);
        cell(row, user.email);
        cell(row, user.user_type);
        cell(row, user.status);
        cell(row, Agora.admin.date(user.created_at));
        body.appendChild(row);
      });
      var bulk = new URLSearchParams(Agora.admin.formQuery(search));
      document.getElementById('bulk-link-anchor').href = Agora.paths.adminBulk + (bulk.toString() ? '?' + bulk.toString() : '');
      state.before = result.data.next_before || null;
      more.hidden = !state.before;
      document.getElementById('users-empty').hidden = body.children.length > 0;
    });
  }

  function list(id, items, describe) {
    var element = document.getElementById(id);
    element.textContent = '';
    if (items.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'None.';
      element.appendChild(none);
    }
    items.forEach(function (item) {
      var entry = document.createElement('li');
      entry.textContent = describe(item);
      element.appendChild(entry);
    });
  }

  function fact(facts, term, value) {
    var dt = document.createElement('dt');
    dt.textContent = term;
    var dd = document.createElement('dd');
    dd.textContent = String(value);
    facts.appendChild(dt);
    facts.appendChild(dd);
  }

  function openUser(id) {
    state.userID = id;
    history.replaceState(null, '', location.pathname + '?id=' + encodeURIComponent(id));
    Agora.api('GET', '/admin/users/' + encodeURIComponent(id)).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'This account could not be opened.', 'error');
      var data = result.data;
      var user = data.user;
      document.getElementById('user-name').textContent = user.first_name + ' ' + user.last_name;
      var facts = document.getElementById('user-facts');
      facts.textContent = '';
      fact(facts, 'Email', user.email);
      fact(facts, 'Type', user.user_type + (data.staff_role ? ' (' + data.staff_role + ')' : ''));
      fact(facts, 'Status', user.status);
      fact(facts, 'Country', user.country || '—');
      fact(facts, 'Registered', Agora.admin.date(user.created_at));
      fact(facts, 'Two-factor sign-in', data.two_factor ? 'on' : 'off');
      fact(facts, 'Orders posted', data.orders);
      fact(facts, 'Proposals sent', data.proposals);
      fact(facts, 'Projects', data.projects);
      fact(facts, 'Reports about what they wrote', data.reports_about);
      fact(facts, 'Reports they made', data.reports_made);
      fact(facts, 'Open disputes', data.open_disputes);
      document.getElementById('user-money-section').hidden = !data.money;
      if (data.money) {
        var totals = {};
        data.money.totals.forEach(function (total) { totals[total.currency] = total; });
        var currencies = data.money.wallets.map(function (wallet) { return wallet.currency; })
          .concat(Object.keys(totals)).filter(function (code, index, all) { return all.indexOf(code) === index; });
        list('user-money', currencies, function (code) {
          var wallet = data.money.wallets.filter(function (item) { return item.currency === code; })[0];
          var total = totals[code];
          var parts = [];
          if (wallet) {
            parts.push('in escrow ' + wallet.in_escrow.formatted, 'on hold ' + wallet.on_hold.formatted, 'available ' + wallet.available.formatted,
              'paid out ' + wallet.paid_out.formatted);
          }
          if (total) {
            parts.push('paid ' + total.paid.formatted, 'refunded ' + total.refunded.formatted, 'earned ' + total.earned.formatted,
              'commission ' + total.commission.formatted, total.transactions + ' transactions');
          }
          return code + ': ' + parts.join(', ');
        });
      }
      list('user-sessions', data.sessions, function (session) {
        return session.device + ', ' + session.ip_address + ', last active ' + Agora.admin.date(session.last_used_at) + (session.second_factor ? ', two factors' : '');
      });
      list('user-events', data.events, function (event) {
        return Agora.admin.date(event.created_at) + ': ' + event.kind + ' ' + event.outcome + (event.detail ? ' (' + event.detail + ')' : '') + ' from ' + event.ip_address;
      });
      list('user-suspensions', data.suspensions, function (suspension) {
        var until = suspension.ends_at ? ' until ' + Agora.admin.date(suspension.ends_at) : ' for good';
        var lifted = suspension.lifted_at ? '; lifted ' + Agora.admin.date(suspension.lifted_at) + ' (' + suspension.lift_reason + ')' : '';
        return (suspension.kind === 'ban' ? 'Banned' : 'Suspended') + until + ': ' + suspension.reason + lifted;
      });
      var isStaff = Boolean(data.staff_role);
      suspendForm.hidden = !state.maySuspend || isStaff || user.status === 'suspended';
      liftForm.hidden = !state.maySuspend || user.status !== 'suspended';
      accountForm.hidden = !state.mayEdit || isStaff;
      detailsForm.hidden = !state.mayEdit || isStaff;
      viewForm.hidden = !state.mayView || isStaff;
      document.querySelector('#message-scope option[value=user]').disabled = false;
      state.user = user;
      detailsForm.reset();
      document.getElementById('first_name').value = user.first_name;
      document.getElementById('last_name').value = user.last_name;
      document.getElementById('phone').value = user.phone || '';
      document.getElementById('country').value = user.country || '';
      document.getElementById('confirm-address').hidden = user.status !== 'pending';
      detail.hidden = false;
      document.getElementById('user-name').focus();
    });
  }

  document.getElementById('kind').addEventListener('change', function (event) {
    document.getElementById('days-field').hidden = event.target.value === 'ban';
  });

  suspendForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(suspendForm);
    var kind = document.getElementById('kind').value;
    var payload = { user_id: state.userID, kind: kind, reason: document.getElementById('reason').value };
    if (kind === 'suspend') payload.days = Number(document.getElementById('days').value);
    forms.busy(suspendForm, true);
    Agora.dangerous(function () { return Agora.api('POST', '/admin/suspensions', { body: payload }); }).then(function (result) {
      forms.busy(suspendForm, false);
      if (!result.ok) return forms.showProblem(suspendForm, result);
      suspendForm.reset();
      forms.showAlert('The account is kept out, its sessions ended and its owner told.', 'success');
      openUser(state.userID);
      load(false);
    });
  });

  liftForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(liftForm);
    var payload = { reason: document.getElementById('lift_reason').value };
    forms.busy(liftForm, true);
    Agora.dangerous(function () {
      return Agora.api('POST', '/admin/suspensions/' + encodeURIComponent(state.userID) + '/lift', { body: payload });
    }).then(function (result) {
      forms.busy(liftForm, false);
      if (!result.ok) return forms.showProblem(liftForm, result, { reason: 'lift_reason' });
      liftForm.reset();
      forms.showAlert('The account is open again and its owner told.', 'success');
      openUser(state.userID);
      load(false);
    });
  });

  function intervene(path, done) {
    forms.clearErrors(accountForm);
    var payload = { reason: document.getElementById('account_reason').value };
    Agora.dangerous(function () {
      return Agora.api('POST', '/admin/accounts/' + encodeURIComponent(state.userID) + path, { body: payload });
    }).then(function (result) {
      if (!result.ok) return forms.showProblem(accountForm, result, { reason: 'account_reason' });
      accountForm.reset();
      forms.showAlert(done, 'success');
      openUser(state.userID);
    });
  }

  document.getElementById('require-password').addEventListener('click', function () {
    intervene('/password-reset', 'The password no longer works, the sessions ended, and the owner got a link to choose a new one.');
  });
  document.getElementById('confirm-address').addEventListener('click', function () {
    intervene('/verification', 'The address is confirmed.');
  });

  /** Opens the account's own first page in a new tab with a read-only view of it, handed over in the fragment. */
  viewForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(viewForm);
    var payload = { reason: document.getElementById('view_reason').value };
    Agora.dangerous(function () {
      return Agora.api('POST', '/admin/view-as/' + encodeURIComponent(state.userID), { body: payload });
    }).then(function (result) {
      if (!result.ok) return forms.showProblem(viewForm, result, { reason: 'view_reason' });
      var landing = result.data.user.user_type === 'provider' ? Agora.paths.ordersInbox : Agora.paths.orders;
      window.open(landing + '#view-as=' + encodeURIComponent(JSON.stringify(result.data)), '_blank', 'noopener');
      forms.showAlert('The view opened in a new tab.', 'success');
      viewForm.reset();
    });
  });

  /** Sends only the fields that differ from the account as loaded, with the reason. */
  detailsForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(detailsForm);
    var payload = { reason: document.getElementById('details_reason').value };
    [['first_name', 'first_name'], ['last_name', 'last_name'], ['phone', 'phone'], ['country', 'country']].forEach(function (pair) {
      var value = document.getElementById(pair[0]).value.trim();
      if (value && value !== (state.user[pair[1]] || '')) payload[pair[0]] = value;
    });
    Agora.dangerous(function () {
      return Agora.api('PATCH', '/admin/accounts/' + encodeURIComponent(state.userID), { body: payload });
    }).then(function (result) {
      if (!result.ok) return forms.showProblem(detailsForm, result, { reason: 'details_reason', account: 'first_name' });
      forms.showAlert('The details are saved.', 'success');
      openUser(state.userID);
    });
  });

  /** Who a message goes to: the search's filter, or the open account. */
  function messageQuery() {
    if (document.getElementById('message-scope').value === 'user' && state.userID) return 'user=' + encodeURIComponent(state.userID);
    var parameters = new URLSearchParams(Agora.admin.formQuery(search));
    parameters.delete('before');
    return parameters.toString();
  }

  function messagePayload() {
    return { subject: document.getElementById('subject').value, message: document.getElementById('message').value };
  }

  // Sending needs a preview of exactly what goes out: any change to the message or its recipients asks for a new one.
  function previewStale() {
    document.getElementById('message-send').disabled = true;
    document.getElementById('message-preview').hidden = true;
  }
  ['subject', 'message', 'message-scope'].forEach(function (id) { document.getElementById(id).addEventListener('input', previewStale); });
  document.getElementById('message-scope').addEventListener('change', previewStale);
  search.addEventListener('input', previewStale);

  document.getElementById('message-preview-button').addEventListener('click', function () {
    forms.clearErrors(messageForm);
    Agora.api('POST', '/admin/messages/preview?' + messageQuery(), { body: messagePayload() }).then(function (result) {
      if (!result.ok) return forms.showProblem(messageForm, result);
      var data = result.data;
      document.getElementById('message-count').textContent = data.recipients === 0
        ? 'No confirmed account matches: nothing would be sent.'
        : 'Goes to ' + Agora.admin.accounts(data.recipients) + ': ' + data.sample.join(', ') + (data.recipients > data.sample.length ? ' and others.' : '.');
      document.getElementById('message-text').textContent = 'Subject: ' + data.subject + '\n\n' + data.text;
      document.getElementById('message-preview').hidden = false;
      document.getElementById('message-send').disabled = data.recipients === 0;
    });
  });

  messageForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.busy(messageForm, true);
    Agora.dangerous(function () {
      return Agora.api('POST', '/admin/messages?' + messageQuery(), { body: messagePayload() });
    }).then(function (result) {
      forms.busy(messageForm, false);
      if (!result.ok) return forms.showProblem(messageForm, result);
      forms.showAlert('Sent to ' + Agora.admin.accounts(result.data.recipients) + '.', 'success');
      messageForm.reset();
      previewStale();
    });
  });

  search.addEventListener('submit', function (event) {
    event.preventDefault();
    load(false);
  });
  more.addEventListener('click', function () { load(true); });

  Agora.admin.start('users').then(function (access) {
    state.maySuspend = access.areas.indexOf('suspensions') >= 0;
    state.mayEdit = access.areas.indexOf('accounts') >= 0;
    messageForm.hidden = access.areas.indexOf('messages') < 0;
    state.mayView = access.areas.indexOf('view-as') >= 0;
    document.getElementById('bulk-link').hidden = access.areas.indexOf('bulk') < 0;
    load(false);
    var id = new URLSearchParams(location.search).get('id');
    if (id && /^[0-9]+$/.test(id)) openUser(Number(id));
  });
})();
