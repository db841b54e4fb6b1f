/* /admin/disputes/ (finance.resolve-dispute): the disputes in a status, oldest first; one opened with both sides'
 * case, and the decision that splits what is held. The decision moves money, so it carries an Idempotency-Key,
 * kept while the form is not changed (a second click sends the same request). The service checks and audits it. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var form = document.getElementById('decision-form');
  var statusChoice = document.getElementById('dispute-status');
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var current = null;
  var decisionKey = null;

  function show(dispute) {
    current = dispute;
    decisionKey = Agora.idempotencyKey();
    var detail = document.getElementById('dispute-detail');
    detail.hidden = false;
    document.getElementById('dispute-title').textContent = 'Dispute #' + dispute.id + ': “' + dispute.milestone_title + '”';
    document.getElementById('dispute-facts').textContent = 'Opened by the ' + dispute.opened_by + ' on ' + days.format(new Date(dispute.created_at)) +
      ' · ' + dispute.reason_label + ' · ' + dispute.held.formatted + ' held · ' + dispute.status;
    document.getElementById('dispute-statement').textContent = dispute.statement;
    var list = document.getElementById('dispute-evidence');
    list.textContent = '';
    dispute.evidence.forEach(function (entry) {
      var item = element('li');
      item.appendChild(element('p', 'muted', 'The ' + entry.author + ', ' + days.format(new Date(entry.created_at))));
      item.appendChild(element('p', 'preserve-lines', entry.body));
      list.appendChild(item);
    });
    if (!dispute.evidence.length) list.appendChild(element('li', 'muted', 'Neither side added evidence.'));
    var files = document.getElementById('dispute-files');
    files.textContent = '';
    dispute.files.forEach(function (file) {
      var item = element('li');
      var button = element('button', 'link-button', file.file_name);
      button.type = 'button';
      // Staff read a dispute's files through the admin route, which needs the dispute permission, not membership.
      button.addEventListener('click', function () { Agora.download('/api/admin/disputes/' + dispute.id + '/files/' + file.id, file.file_name); });
      item.appendChild(button);
      item.appendChild(element('span', 'muted', ' — the ' + file.uploaded_by + ', ' + days.format(new Date(file.created_at))));
      files.appendChild(item);
    });
    var decision = document.getElementById('dispute-decision');
    decision.hidden = !dispute.decision;
    if (dispute.decision) {
      decision.textContent = 'Decided on ' + days.format(new Date(dispute.decision.decided_at)) + ': ' + dispute.decision.provider_amount.formatted +
        ' to the provider, ' + dispute.decision.client_amount.formatted + ' back to the client' + (dispute.decision.closes_project ? ', and the project ended' : '') +
        '. “' + dispute.decision.note + '”';
    }
    form.hidden = dispute.status !== 'open';
    form.reset();
    forms.clearErrors(form);
    document.getElementById('decision-currency').textContent = dispute.held.currency + ', at most ' + dispute.held.formatted;
    detail.focus();
  }

  function load() {
    return Agora.api('GET', '/admin/disputes?limit=100&status=' + encodeURIComponent(statusChoice.value)).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The disputes could not be loaded.', 'error');
      var rows = document.getElementById('dispute-rows');
      rows.textContent = '';
      result.data.disputes.forEach(function (dispute) {
        var row = element('tr');
        row.appendChild(element('td', null, days.format(new Date(dispute.created_at))));
        row.appendChild(element('td', null, dispute.milestone_title));
        row.appendChild(element('td', null, dispute.opened_by));
        row.appendChild(element('td', null, dispute.reason_label));
        row.appendChild(element('td', null, dispute.held.formatted));
        var actions = element('td');
        var open = element('button', 'link-button', 'Open');
        open.type = 'button';
        open.setAttribute('aria-label', 'Open the dispute about ' + dispute.milestone_title);
        open.addEventListener('click', function () { show(dispute); });
        actions.appendChild(open);
        row.appendChild(actions);
        rows.appendChild(row);
      });
      document.getElementById('dispute-empty').hidden = result.data.disputes.length > 0;
    });
  }

  form.addEventListener('input', function () { decisionKey = Agora.idempotencyKey(); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    var body = {
      provider_amount: document.getElementById('provider_amount').value.trim(),
      note: document.getElementById('note').value,
      close_project: document.getElementById('close_project').checked
    };
    Agora.api('POST', '/admin/disputes/' + current.id + '/resolve', { body: body, idempotencyKey: decisionKey }).then(function (result) {
      if (!result.ok) return forms.showProblem(form, result);
      show(result.data);
      forms.showAlert('Decided: ' + result.data.decision.provider_amount.formatted + ' to the provider, ' + result.data.decision.client_amount.formatted + ' back to the client.', 'success');
      load();
    });
  });
  statusChoice.addEventListener('change', load);

  Agora.admin.start('disputes').then(load);
})();
