/* /admin/verifications/ (users.edit): the verification requests waiting for staff, oldest first (or those of one
 * status), each with the provider's note, the document (opened in a new tab from the service, never cached), the
 * appeal's statement, and approve or refuse; refusing needs a reason, which the provider is emailed. Audited. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var list = document.getElementById('verification-list');
  var filter = document.getElementById('status-filter');
  var dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  var element = Agora.element;

  function decide(request, decision, reason) {
    Agora.api('POST', '/admin/verifications/' + request.id + '/' + decision, { body: reason ? { reason: reason } : {} }).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Nothing changed.', 'error');
      forms.showAlert(request.kind_title + ' of account ' + request.user_id + ': ' + (decision === 'approve' ? 'approved.' : 'refused, and told why.'), 'success');
      load();
    });
  }

  function openDocument(request) {
    fetch(request.document.url, { headers: { Authorization: 'Bearer ' + Agora.auth.token() } }).then(function (response) {
      if (!response.ok) throw new Error('status ' + response.status);
      return response.blob();
    }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      window.open(url, '_blank', 'noopener');
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }).catch(function () { forms.showAlert('The document could not be opened.', 'error'); });
  }

  function entry(request) {
    var item = element('li', 'moderation-item');
    var heading = element('h2', null, request.kind_title + ' — account ' + request.user_id + (request.status === 'appealed' ? ' (appeal)' : ''));
    heading.id = 'verification-' + request.id;
    item.appendChild(heading);
    var facts = element('dl', 'facts');
    Agora.admin.fact(facts, 'Status', request.status);
    Agora.admin.fact(facts, 'Sent', dates.format(new Date(request.created_at)));
    Agora.admin.fact(facts, 'Note', request.note);
    Agora.admin.fact(facts, 'Earlier reason', request.status === 'appealed' ? request.reason : '');
    Agora.admin.fact(facts, 'Appeal', request.appeal_statement);
    Agora.admin.fact(facts, 'Document', request.document ? request.document.name + ' (' + request.document.type + ', ' + Math.ceil(request.document.byte_size / 1024) + ' KB)' : '');
    item.appendChild(facts);
    var row = element('div', 'button-row');
    if (request.document && request.document.url) {
      var open = element('button', 'button button-secondary small', 'Open the document');
      open.type = 'button';
      open.setAttribute('aria-describedby', heading.id);
      open.addEventListener('click', function () { openDocument(request); });
      row.appendChild(open);
    }
    if (request.status === 'pending' || request.status === 'appealed') {
      row.appendChild(Agora.admin.decisionRow({ id: request.id, describedBy: heading.id, what: 'the document', maxLength: 500 }, function (decision, reason) {
        decide(request, decision, reason);
      }));
    }
    item.appendChild(row);
    return item;
  }

  function load() {
    var query = filter.value ? '?status=' + encodeURIComponent(filter.value) : '';
    Agora.api('GET', '/admin/verifications' + query).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The requests could not be loaded.', 'error');
      list.textContent = '';
      result.data.verifications.forEach(function (request) { list.appendChild(entry(request)); });
      document.getElementById('verifications-empty').hidden = result.data.verifications.length > 0;
    });
  }

  filter.addEventListener('change', load);
  Agora.admin.start('verifications').then(load);
})();
