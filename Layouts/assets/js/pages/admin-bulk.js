/* /admin/bulk/ (users.suspend; users.edit to confirm addresses): one action on every account a filter of the users
 * page finds. A preview counts them first, and starting needs a preview of exactly what is asked; the operation then
 * runs in the service, and this page follows its progress until it ends, with an undo where the action allows.
 * Starting and undoing are dangerous actions, so the code may be asked again (Agora.dangerous). */
(function () {
  'use strict';
  var forms = Agora.forms;
  var cell = Agora.admin.cell;
  var form = document.getElementById('bulk-form');
  var filter = document.getElementById('bulk-filter');
  var startButton = document.getElementById('bulk-start');
  var progress = document.getElementById('bulk-progress');
  var undoForm = document.getElementById('undo-form');
  var filterNames = ['q', 'type', 'status', 'country', 'from', 'to'];
  var titles = { 'suspend': 'Suspend or ban', 'lift-suspension': 'Lift suspensions', 'verify-address': 'Confirm addresses' };
  var following = null;
  var timer = null;

  /** The filter as the users page writes it: only the fields filled in. */
  function filterQuery() {
    var parameters = new URLSearchParams();
    filterNames.forEach(function (name) {
      var value = filter.querySelector('[name="' + name + '"]').value.trim();
      if (value) parameters.set(name, value);
    });
    return parameters.toString();
  }

  function payload() {
    var action = document.getElementById('action').value;
    var body = { action: action, reason: document.getElementById('reason').value };
    if (action === 'suspend') {
      body.kind = document.getElementById('kind').value;
      if (body.kind === 'suspend') body.days = Number(document.getElementById('days').value);
    }
    return body;
  }

  function showFields() {
    var suspending = document.getElementById('action').value === 'suspend';
    document.getElementById('suspension-fields').hidden = !suspending;
    document.getElementById('days-field').hidden = !suspending || document.getElementById('kind').value === 'ban';
  }

  // Starting needs a preview of exactly which accounts: any change to the filter or the action asks for a new one.
  function previewStale() {
    startButton.disabled = true;
    document.getElementById('bulk-preview').hidden = true;
  }
  filter.addEventListener('input', previewStale);
  filter.addEventListener('change', previewStale);
  document.getElementById('action').addEventListener('change', previewStale);
  form.addEventListener('change', showFields);

  document.getElementById('bulk-preview-button').addEventListener('click', function () {
    forms.clearErrors(form);
    Agora.api('POST', '/admin/bulk/preview?' + filterQuery(), { body: { action: document.getElementById('action').value } }).then(function (result) {
      if (!result.ok) return forms.showProblem(form, result);
      var data = result.data;
      var count = 'The filter finds ' + Agora.admin.accounts(data.matching) + '; ' + titles[data.action].toLowerCase() + ' applies to ' + Agora.admin.accounts(data.applicable) + '.';
      if (data.applicable > 0) count += data.undoable ? ' It can be undone afterwards.' : ' It cannot be undone.';
      document.getElementById('bulk-count').textContent = count;
      var sample = document.getElementById('bulk-sample');
      sample.textContent = '';
      data.sample.forEach(function (account) {
        var item = document.createElement('li');
        item.textContent = account.name + ' <' + account.email + '>';
        sample.appendChild(item);
      });
      if (data.applicable > data.sample.length) {
        var others = document.createElement('li');
        others.textContent = 'and ' + Agora.admin.accounts(data.applicable - data.sample.length) + ' more';
        sample.appendChild(others);
      }
      document.getElementById('bulk-preview').hidden = false;
      startButton.disabled = data.applicable === 0;
    });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    forms.busy(form, true);
    Agora.dangerous(function () {
      return Agora.api('POST', '/admin/bulk?' + filterQuery(), { body: payload() });
    }).then(function (result) {
      forms.busy(form, false);
      if (!result.ok) return forms.showProblem(form, result);
      previewStale();
      follow(result.data);
      loadList();
    });
  });

  /** Shows how far the operation got, and asks again every second while it runs. */
  function follow(operation) {
    following = operation.id;
    clearTimeout(timer);
    var undoing = operation.status === 'undoing' || operation.status === 'undone';
    var title = document.getElementById('bulk-progress-title');
    title.textContent = (undoing ? 'Undoing: ' : '') + titles[operation.action] + ' (operation ' + operation.id + ')';
    var meter = document.getElementById('bulk-meter');
    var done = undoing ? operation.reverted + operation.revert_skipped : operation.changed + operation.skipped;
    var of = undoing ? operation.changed : operation.total;
    meter.max = Math.max(of, 1);
    meter.value = done;
    var text;
    switch (operation.status) {
      case 'running': text = done.toLocaleString() + ' of ' + Agora.admin.accounts(of) + ' handled…'; break;
      case 'undoing': text = done.toLocaleString() + ' of ' + Agora.admin.accounts(of) + ' put back…'; break;
      case 'completed': text = 'Done: ' + Agora.admin.accounts(operation.changed) + ' changed' + (operation.skipped ? ', ' + operation.skipped + ' skipped (no longer applicable)' : '') + '.'; break;
      default: text = 'Undone: ' + Agora.admin.accounts(operation.reverted) + ' put back' + (operation.revert_skipped ? ', ' + operation.revert_skipped + ' were back already' : '') + '.';
    }
    if (operation.last_error) text += ' The last attempt failed and will be tried again: ' + operation.last_error;
    document.getElementById('bulk-progress-text').textContent = text;
    undoForm.hidden = !operation.can_be_undone;
    progress.hidden = false;
    if (operation.status === 'running' || operation.status === 'undoing') {
      timer = setTimeout(function () { refresh(operation.id); }, 1000);
    } else {
      loadList();
    }
  }

  function refresh(id) {
    Agora.api('GET', '/admin/bulk/' + encodeURIComponent(id)).then(function (result) {
      if (following !== id) return;
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The operation could not be read.', 'error');
      follow(result.data);
    });
  }

  undoForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(undoForm);
    var id = following;
    Agora.dangerous(function () {
      return Agora.api('POST', '/admin/bulk/' + encodeURIComponent(id) + '/undo', { body: { reason: document.getElementById('undo_reason').value } });
    }).then(function (result) {
      if (!result.ok) return forms.showProblem(undoForm, result, { reason: 'undo_reason' });
      undoForm.reset();
      follow(result.data);
      loadList();
    });
  });

  function loadList() {
    Agora.api('GET', '/admin/bulk').then(function (result) {
      if (!result.ok) return;
      var body = document.getElementById('operations-body');
      body.textContent = '';
      result.data.operations.forEach(function (operation) {
        var row = body.insertRow();
        var open = document.createElement('button');
        open.type = 'button';
        open.className = 'link-button';
        open.textContent = Agora.admin.date(operation.created_at);
        open.addEventListener('click', function () { follow(operation); document.getElementById('bulk-progress-title').focus(); });
        cell(row, '').appendChild(open);
        cell(row, titles[operation.action] + (operation.kind === 'ban' ? ' (ban)' : operation.days ? ' (' + operation.days + ' days)' : ''));
        cell(row, operation.changed.toLocaleString() + ' of ' + operation.total.toLocaleString());
        cell(row, operation.filter || 'every account');
        cell(row, operation.status);
        cell(row, operation.reason);
      });
      document.getElementById('operations-empty').hidden = body.rows.length > 0;
    });
  }

  Agora.admin.start('bulk').then(function () {
    // The users page links here with its search: the filter arrives in the address.
    var given = new URLSearchParams(location.search);
    filterNames.forEach(function (name) {
      if (given.get(name)) filter.querySelector('[name="' + name + '"]').value = given.get(name);
    });
    showFields();
    loadList();
  });
})();
