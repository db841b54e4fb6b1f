/* /admin/settings/ (settings.edit): one form per platform setting, made from its type (a checkbox, a number within
 * its range, a line of text, a rate, a country code, a list or a table of rates one entry per line), grouped; each saves the next version with an optional
 * reason (a dangerous action: the code may be asked again), and shows its history with a way back to any earlier
 * value. A form made from an older version is refused by the API, and the page reloads the settings. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var cell = Agora.admin.cell;
  var groups = document.getElementById('settings-groups');
  var GROUP_NAMES = { site: 'Site', features: 'Features', quotas: 'Quotas', routing: 'Order routing', moderation: 'Moderation', projects: 'Projects',
    payments: 'Payments', fees: 'Fees', tax: 'Tax' };

  function describe(value) {
    if (value === true) return 'on';
    if (value === false) return 'off';
    if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
    if (value === '') return '(empty)';
    return String(value);
  }

  function input(setting, id) {
    var element;
    if (setting.kind === 'choices') {
      element = document.createElement('fieldset');
      element.className = 'choice-list';
      var legend = document.createElement('legend');
      legend.textContent = setting.title;
      element.appendChild(legend);
      setting.options.forEach(function (option) {
        var label = document.createElement('label');
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.value = option;
        box.checked = setting.value.indexOf(option) >= 0;
        box.disabled = setting.overridden;
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + option));
        element.appendChild(label);
      });
      element.id = id;
      return element;
    }
    if (setting.kind === 'flag') {
      element = document.createElement('input');
      element.type = 'checkbox';
      element.checked = setting.value === true;
    } else if (setting.kind === 'list' || setting.kind === 'rates') {
      element = document.createElement('textarea');
      element.rows = setting.kind === 'rates' ? 6 : 4;
      element.value = setting.value.join('\n');
    } else {
      element = document.createElement('input');
      if (setting.kind === 'number') {
        element.type = 'number';
        element.min = setting.minimum;
        element.max = setting.maximum;
        element.step = 1;
      } else {
        element.type = 'text';
        if (setting.maximum_length) element.maxLength = setting.maximum_length;
        if (setting.kind === 'country') element.maxLength = 2;
      }
      element.value = String(setting.value);
    }
    element.id = id;
    element.name = 'value';
    element.disabled = setting.overridden;
    return element;
  }

  function valueOf(setting, element) {
    if (setting.kind === 'flag') return element.checked;
    if (setting.kind === 'number') return element.value.trim() === '' ? null : Number(element.value);
    if (setting.kind === 'choices') {
      return Array.prototype.filter.call(element.querySelectorAll('input'), function (box) { return box.checked; })
        .map(function (box) { return box.value; });
    }
    if (setting.kind === 'list' || setting.kind === 'rates') return element.value.split('\n').map(function (line) { return line.trim(); }).filter(Boolean);
    return element.value;
  }

  function history(setting, box) {
    Agora.api('GET', '/admin/settings/' + encodeURIComponent(setting.key) + '/history').then(function (result) {
      box.textContent = '';
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The history could not be loaded.', 'error');
      if (!result.data.versions.length) {
        cell(box, 'Never changed: the default (' + describe(setting.default_value) + ') holds.', 'p');
        return;
      }
      var table = document.createElement('table');
      table.className = 'data-table';
      var head = table.createTHead().insertRow();
      ['Version', 'Value', 'When', 'By', 'Reason', ''].forEach(function (title) { cell(head, title, 'th').scope = 'col'; });
      var body = table.createTBody();
      result.data.versions.forEach(function (version) {
        var row = body.insertRow();
        cell(row, version.version);
        cell(row, describe(version.value));
        cell(row, Agora.admin.date(version.changed_at));
        cell(row, version.changed_by ? '#' + version.changed_by : '');
        cell(row, version.reason);
        var actions = cell(row, '');
        if (version.version !== setting.version && !setting.overridden) {
          var restore = document.createElement('button');
          restore.type = 'button';
          restore.className = 'button button-secondary small';
          restore.textContent = 'Restore';
          restore.setAttribute('aria-label', 'Restore version ' + version.version + ' of ' + setting.title);
          restore.addEventListener('click', function () {
            restore.disabled = true;
            Agora.dangerous(function () {
              return Agora.api('POST', '/admin/settings/' + encodeURIComponent(setting.key) + '/revert',
                { body: { restore: version.version, version: setting.version } });
            }).then(function (answer) {
              if (!answer.ok) {
                restore.disabled = false;
                return forms.showAlert((answer.data && answer.data.detail) || 'Nothing changed.', 'error');
              }
              changed(setting.title + ': version ' + version.version + ' is back, as version ' + answer.data.version + '.');
            });
          });
          actions.appendChild(restore);
        }
      });
      box.appendChild(table);
    });
  }

  function settingForm(setting) {
    var form = document.createElement('form');
    form.className = 'setting-form stack-form';
    form.noValidate = true;
    form.id = 'setting-' + setting.key.replace(/\./g, '-');
    var id = form.id + '-value';
    var field = document.createElement('div');
    field.className = setting.kind === 'flag' ? 'field checkbox' : 'field';
    var label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = setting.title + (setting.unit ? ' (' + setting.unit + ')' : '');
    var control = input(setting, id);
    var help = document.createElement('p');
    help.className = 'muted setting-help';
    help.id = id + '-hint';
    help.textContent = setting.summary + (setting.format ? ' Write ' + setting.format + '.' : '') + ' Default: ' + describe(setting.default_value) + '. Version ' + setting.version +
      (setting.changed_at ? ', changed ' + Agora.admin.date(setting.changed_at) : '') + '.';
    if (setting.overridden) {
      help.textContent += ' ' + setting.environment_variable + ' sets it to ' + describe(setting.effective) + ' in the environment, which wins.';
    }
    control.setAttribute('aria-describedby', help.id);
    if (setting.kind === 'flag') {
      field.appendChild(control);
      field.appendChild(label);
    } else if (setting.kind === 'choices') {
      field.appendChild(control);
    } else {
      field.appendChild(label);
      field.appendChild(control);
    }
    field.appendChild(help);
    var error = document.createElement('p');
    error.className = 'field-error';
    error.id = id + '-error';
    field.appendChild(error);
    form.appendChild(field);
    var reasonField = document.createElement('div');
    reasonField.className = 'field';
    var reasonLabel = document.createElement('label');
    reasonLabel.htmlFor = form.id + '-reason';
    reasonLabel.textContent = 'Reason (optional, kept in the history and the audit log)';
    var reason = document.createElement('input');
    reason.type = 'text';
    reason.id = form.id + '-reason';
    reason.name = 'reason';
    reason.maxLength = 2000;
    reason.disabled = setting.overridden;
    reasonField.appendChild(reasonLabel);
    reasonField.appendChild(reason);
    form.appendChild(reasonField);
    var buttons = document.createElement('div');
    buttons.className = 'button-row';
    var save = document.createElement('button');
    save.type = 'submit';
    save.className = 'button button-primary small';
    save.textContent = 'Save';
    save.disabled = setting.overridden;
    var show = document.createElement('button');
    show.type = 'button';
    show.className = 'button button-secondary small';
    show.textContent = 'History';
    show.setAttribute('aria-expanded', 'false');
    buttons.appendChild(save);
    buttons.appendChild(show);
    form.appendChild(buttons);
    var box = document.createElement('div');
    box.className = 'setting-history';
    box.hidden = true;
    form.appendChild(box);
    show.addEventListener('click', function () {
      box.hidden = !box.hidden;
      show.setAttribute('aria-expanded', String(!box.hidden));
      if (!box.hidden) history(setting, box);
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      forms.busy(form, true);
      var body = { value: valueOf(setting, control), version: setting.version, reason: reason.value };
      Agora.dangerous(function () {
        return Agora.api('PUT', '/admin/settings/' + encodeURIComponent(setting.key), { body: body });
      }).then(function (result) {
        forms.busy(form, false);
        if (!result.ok) {
          if (result.status === 409) load();
          return forms.showProblem(form, result, { value: id, reason: reason.id });
        }
        changed(setting.title + ' is now ' + describe(result.data.effective) + ' (version ' + result.data.version + ').');
      });
    });
    return form;
  }

  /** After a change, the notice the browser keeps for a minute is asked for again, so that the person who changed it
   * sees it on the next page at once (visitors see it within the minute); then the page says it is done. */
  function changed(message) {
    var done = function () {
      forms.showAlert(message, 'success');
      load();
    };
    fetch('/api/public/notice', { cache: 'reload', headers: { Accept: 'application/json' } }).then(done, done);
  }

  function load() {
    Agora.api('GET', '/admin/settings').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The settings could not be loaded.', 'error');
      groups.textContent = '';
      Object.keys(GROUP_NAMES).forEach(function (group) {
        var members = result.data.settings.filter(function (setting) { return setting.group === group; });
        if (!members.length) return;
        var section = document.createElement('section');
        section.className = 'settings-group';
        section.setAttribute('aria-labelledby', 'group-' + group);
        var heading = document.createElement('h2');
        heading.id = 'group-' + group;
        heading.textContent = GROUP_NAMES[group];
        section.appendChild(heading);
        members.forEach(function (setting) { section.appendChild(settingForm(setting)); });
        groups.appendChild(section);
      });
    });
  }

  Agora.admin.start('settings').then(load);
})();
