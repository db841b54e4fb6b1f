/* /settings/verification/ (providers): the verification centre. Lists what can be verified and whether a request can
 * be sent now, sends a document (kind, note, file) with its progress, and shows each request's status, the
 * reviewer's reason, the document while it is kept, and — for a refusal within its window — the appeal form. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var page = document.querySelector('[data-guard]');
  var form = document.getElementById('send-form');
  var dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var statusText = {
    pending: 'Waiting for review',
    appealed: 'Appealed: waiting for review',
    approved: 'Approved',
    rejected: 'Refused',
    expired: 'Expired: send a new document'
  };

  var element = Agora.element;

  function showKinds(kinds) {
    var list = document.getElementById('kinds');
    list.textContent = '';
    var select = document.getElementById('kind');
    kinds.forEach(function (kind) {
      var line = element('li', null, kind.title + ': ' + (kind.blocked_by || 'you can send a document'));
      list.appendChild(line);
      var option = select.querySelector('option[value="' + kind.kind + '"]');
      if (option) option.disabled = Boolean(kind.blocked_by);
    });
    var firstOpen = select.querySelector('option:not([disabled])');
    if (select.selectedOptions[0] && select.selectedOptions[0].disabled && firstOpen) select.value = firstOpen.value;
  }

  function appealForm(request) {
    var box = element('form', 'stack-form');
    box.noValidate = true;
    var label = element('label', null, 'Why the decision should change (until ' + dates.format(new Date(request.appealable_until)) + ')');
    var statement = element('textarea');
    statement.id = 'statement-' + request.id;
    statement.rows = 3;
    statement.maxLength = Number(page.getAttribute('data-statement-maximum')) || 2000;
    label.htmlFor = statement.id;
    var error = element('p', 'field-error');
    error.id = statement.id + '-error';
    error.setAttribute('aria-live', 'polite');
    statement.setAttribute('aria-describedby', error.id);
    var send = element('button', 'button button-secondary small', 'Appeal');
    send.type = 'submit';
    box.appendChild(label);
    box.appendChild(statement);
    box.appendChild(error);
    box.appendChild(send);
    box.addEventListener('submit', function (event) {
      event.preventDefault();
      Agora.api('POST', '/verifications/' + request.id + '/appeal', { body: { statement: statement.value } }).then(function (result) {
        if (!result.ok) return forms.showProblem(box, result, { statement: statement.id });
        forms.showAlert('Your appeal is sent: other staff look at it.', 'success');
        load();
      });
    });
    return box;
  }

  function download(request) {
    var link = element('button', 'link-button', 'Open the document (' + request.document.name + ')');
    link.type = 'button';
    link.addEventListener('click', function () {
      fetch(request.document.url, { headers: { Authorization: 'Bearer ' + Agora.auth.token() } }).then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.blob();
      }).then(function (blob) {
        var url = URL.createObjectURL(blob);
        var anchor = element('a');
        anchor.href = url;
        anchor.download = request.document.name;
        document.body.appendChild(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      }).catch(function () { forms.showAlert('The document could not be downloaded.', 'error'); });
    });
    return link;
  }

  function showRequests(requests) {
    var list = document.getElementById('requests');
    list.textContent = '';
    document.getElementById('requests-empty').hidden = requests.length > 0;
    requests.forEach(function (request) {
      var item = element('li', 'moderation-item');
      item.appendChild(element('h3', null, request.kind_title + ' — ' + statusText[request.status]));
      var facts = element('p', 'muted', 'Sent ' + dates.format(new Date(request.created_at)) +
        (request.decided_at ? ', decided ' + dates.format(new Date(request.decided_at)) : '') +
        (request.expires_at && request.status === 'approved' ? ', holds until ' + dates.format(new Date(request.expires_at)) : '') + '.');
      item.appendChild(facts);
      if (request.reason) item.appendChild(element('p', null, 'The reviewer said: ' + request.reason));
      if (request.appeal_statement) item.appendChild(element('p', null, 'Your appeal: ' + request.appeal_statement));
      if (request.document && request.document.url) item.appendChild(download(request));
      else if (request.document) item.appendChild(element('p', 'muted', 'The document was deleted after the decision.'));
      if (request.appealable_until) item.appendChild(appealForm(request));
      list.appendChild(item);
    });
  }

  function load() {
    return Agora.api('GET', '/verifications').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Your requests could not be read.', 'error');
      showKinds(result.data.kinds);
      showRequests(result.data.requests);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    var file = document.getElementById('file').files[0];
    if (!file) {
      forms.fieldError('file', 'Choose the document to send.');
      return document.getElementById('file').focus();
    }
    var progress = document.getElementById('send-progress');
    progress.hidden = false;
    progress.value = 0;
    forms.busy(form, true);
    var fields = { kind: document.getElementById('kind').value };
    if (document.getElementById('note').value.trim()) fields.note = document.getElementById('note').value.trim();
    Agora.upload('/verifications', file, function (fraction) { progress.value = fraction; }, fields).then(function (result) {
      forms.busy(form, false);
      progress.hidden = true;
      if (!result.ok) {
        if (result.status === 415) forms.fieldError('file', (result.data && result.data.detail) || 'This file is not accepted.');
        return forms.showProblem(form, result);
      }
      form.reset();
      forms.showAlert('Sent: staff check it, and you will get an email with their decision.', 'success');
      load();
    });
  });

  Agora.auth.requireSignIn(['provider']).then(function () {
    page.hidden = false;
    return load();
  });
})();
