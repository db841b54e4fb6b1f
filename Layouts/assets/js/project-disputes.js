/*
 * The project room's disputes (`Agora.disputes.show(project)`): with money held and no dispute open, a member may
 * open one on a milestone; while one is open, both sides read the case and the evidence and add to their side, and
 * the opener may withdraw it; once decided, the decision is shown. The rules (who may, when, how long) are the API's.
 */
(function () {
  'use strict';
  var element = Agora.element;
  var forms = Agora.forms;
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var card = document.getElementById('dispute-card');
  var openForm = document.getElementById('dispute-form');
  var evidenceForm = document.getElementById('evidence-form');
  var project = null;
  var current = null;
  var onChanged = function () {};

  function failed(result) {
    forms.showAlert((result.data && result.data.detail) || 'That did not work. Try again in a moment.', 'error');
  }

  function drawOpen(dispute) {
    document.getElementById('dispute-view').hidden = false;
    document.getElementById('dispute-summary').textContent = 'The ' + dispute.opened_by + ' disputes the ' + dispute.held.formatted + ' held for “' +
      dispute.milestone_title + '” (' + dispute.reason_label.toLowerCase() + '), since ' + days.format(new Date(dispute.created_at)) +
      '. The money stays held until an administrator decides.';
    document.getElementById('dispute-case').textContent = dispute.statement;
    var list = document.getElementById('dispute-evidence');
    list.textContent = '';
    dispute.evidence.forEach(function (entry) {
      var item = element('li');
      item.appendChild(element('p', 'muted', (entry.author === project.role ? 'You' : 'The ' + entry.author) + ', ' + days.format(new Date(entry.created_at))));
      item.appendChild(element('p', 'preserve-lines', entry.body));
      list.appendChild(item);
    });
    drawFiles(document.getElementById('dispute-files'), dispute, function (file) { return file.uploaded_by === project.role ? 'You' : 'The ' + file.uploaded_by; });
    document.getElementById('dispute-withdraw').hidden = dispute.opened_by !== project.role;
  }

  /** The dispute's files, each a button that downloads it with the member's token. */
  function drawFiles(list, dispute, who) {
    list.textContent = '';
    dispute.files.forEach(function (file) {
      var item = element('li');
      var button = element('button', 'link-button', file.file_name);
      button.type = 'button';
      button.addEventListener('click', function () { Agora.download(file.url, file.file_name); });
      item.appendChild(button);
      item.appendChild(element('span', 'muted', ' — ' + who(file) + ', ' + days.format(new Date(file.created_at))));
      list.appendChild(item);
    });
  }

  function drawOutcome(dispute) {
    var outcome = document.getElementById('dispute-outcome');
    outcome.hidden = !dispute;
    if (!dispute) return;
    outcome.textContent = dispute.status === 'withdrawn'
      ? 'The dispute about “' + dispute.milestone_title + '” was withdrawn.'
      : 'Decided on ' + days.format(new Date(dispute.decision.decided_at)) + ' about “' + dispute.milestone_title + '”: ' +
        dispute.decision.provider_amount.formatted + ' to the provider, ' + dispute.decision.client_amount.formatted + ' back to the client. “' +
        dispute.decision.note + '”';
  }

  function drawForm() {
    var held = project.milestones.filter(function (milestone) { return milestone.escrow && milestone.escrow.remaining.amount_minor > 0; });
    var canOpen = !current && held.length > 0 && (project.status === 'active' || project.status === 'paused');
    openForm.hidden = !canOpen;
    var select = document.getElementById('dispute-milestone');
    select.textContent = '';
    held.forEach(function (milestone) {
      var option = element('option', null, milestone.title + ' (' + milestone.escrow.remaining.formatted + ' held)');
      option.value = milestone.id;
      select.appendChild(option);
    });
  }

  function show(shown, changed) {
    project = shown;
    if (changed) onChanged = changed;
    return Agora.api('GET', '/projects/' + encodeURIComponent(project.id) + '/disputes').then(function (result) {
      if (!result.ok) return;
      current = result.data.disputes.filter(function (dispute) { return dispute.status === 'open'; })[0] || null;
      document.getElementById('dispute-view').hidden = true;
      if (current) drawOpen(current);
      drawOutcome(current ? null : result.data.disputes[0]);
      drawForm();
      card.hidden = !current && openForm.hidden && !result.data.disputes.length;
    });
  }

  openForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(openForm);
    var body = {
      milestone_id: Number(document.getElementById('dispute-milestone').value),
      reason: document.getElementById('dispute-reason').value,
      statement: document.getElementById('dispute-statement').value
    };
    Agora.api('POST', '/projects/' + encodeURIComponent(project.id) + '/disputes', { body: body }).then(function (result) {
      if (!result.ok) return forms.showProblem(openForm, result, { milestone_id: 'dispute-milestone', reason: 'dispute-reason', statement: 'dispute-statement' });
      openForm.reset();
      forms.showAlert('The dispute is open: the money stays held until an administrator decides.', 'success');
      onChanged();
    });
  });

  evidenceForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(evidenceForm);
    Agora.api('POST', '/disputes/' + current.id + '/evidence', { body: { body: document.getElementById('evidence-body').value } }).then(function (result) {
      if (!result.ok) return forms.showProblem(evidenceForm, result, { body: 'evidence-body' });
      evidenceForm.reset();
      current = result.data;
      drawOpen(current);
    });
  });

  document.getElementById('dispute-file').addEventListener('change', function () {
    var input = this;
    var file = input.files[0];
    if (!file) return;
    var progress = document.getElementById('dispute-file-progress');
    forms.fieldError('dispute-file', '');
    progress.hidden = false;
    Agora.upload('/disputes/' + current.id + '/files', file, function (fraction) { progress.value = fraction; }).then(function (result) {
      progress.hidden = true;
      input.value = '';
      if (!result.ok) return forms.fieldError('dispute-file', (result.data && result.data.detail) || 'The file could not be added. Try again.');
      return Agora.api('GET', '/disputes/' + current.id).then(function (answer) {
        if (!answer.ok) return failed(answer);
        current = answer.data;
        drawOpen(current);
      });
    });
  });

  document.getElementById('dispute-withdraw').addEventListener('click', function () {
    if (!window.confirm('Withdraw the dispute? The project goes on and the money stays held.')) return;
    Agora.api('POST', '/disputes/' + current.id + '/withdraw').then(function (result) {
      if (!result.ok) return failed(result);
      forms.showAlert('The dispute is withdrawn: the project goes on.', 'success');
      onChanged();
    });
  });

  window.Agora.disputes = { show: show };
})();
