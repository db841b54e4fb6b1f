/* /settings/notifications/ (signed in only): a grid of categories by channel (in the app, email, digest), security
 * notices shown on and locked, whether the address takes optional email at all, the digest's frequency, and quiet
 * hours in the person's time zone. Saving sends the whole set. The service names each bad field. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var form = document.getElementById('preferences-form');
  var element = Agora.element;
  var shownChannels = ['in_app', 'email', 'digest'];
  var channelNames = { in_app: 'in the app', email: 'email', digest: 'digest' };
  var current = null;

  function box(category, channel, checked, locked) {
    var input = element('input');
    input.type = 'checkbox';
    input.checked = checked;
    input.disabled = locked;
    input.setAttribute('data-category', category.category);
    input.setAttribute('data-channel', channel);
    input.setAttribute('aria-label', category.label + ': ' + channelNames[channel] + (locked ? ' (always on)' : ''));
    return input;
  }

  function draw(preferences) {
    current = preferences;
    var rows = document.getElementById('preference-rows');
    rows.textContent = '';
    preferences.categories.forEach(function (category) {
      var row = element('tr');
      row.appendChild(element('th', null, category.label + (category.critical ? ' (always on)' : ''))).setAttribute('scope', 'row');
      shownChannels.forEach(function (channel) {
        var cell = element('td');
        // Security notices are never held for a digest: their row has no digest box.
        if (category.critical && channel === 'digest') return row.appendChild(cell);
        cell.appendChild(box(category, channel, category.channels.indexOf(channel) >= 0, category.critical));
        row.appendChild(cell);
      });
      rows.appendChild(row);
    });
    var zones = document.getElementById('time_zone');
    if (!zones.options.length) {
      var names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
      if (names.indexOf('UTC') < 0) names = ['UTC'].concat(names);
      names.forEach(function (name) {
        var option = element('option', null, name);
        option.value = name;
        zones.appendChild(option);
      });
    }
    var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    zones.value = preferences.quiet_hours || preferences.time_zone !== 'UTC' ? preferences.time_zone : (browserZone || 'UTC');
    document.getElementById('digest').value = preferences.digest;
    document.getElementById('optional_mail').checked = preferences.optional_mail;
    document.getElementById('quiet-on').checked = Boolean(preferences.quiet_hours);
    if (preferences.quiet_hours) {
      document.getElementById('quiet_hours.start').value = preferences.quiet_hours.start;
      document.getElementById('quiet_hours.end').value = preferences.quiet_hours.end;
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Agora.forms.clearErrors(form);
    var channels = {};
    current.categories.forEach(function (category) {
      if (category.critical) return;
      var kept = category.channels.filter(function (channel) { return shownChannels.indexOf(channel) < 0; });
      shownChannels.forEach(function (channel) {
        var input = form.querySelector('input[data-category="' + category.category + '"][data-channel="' + channel + '"]');
        if (input.checked) kept.push(channel);
      });
      channels[category.category] = kept;
    });
    var quiet = document.getElementById('quiet-on').checked
      ? { start: document.getElementById('quiet_hours.start').value, end: document.getElementById('quiet_hours.end').value }
      : null;
    Agora.forms.busy(form, true);
    Agora.api('PUT', '/notification-preferences', {
      body: { channels: channels, quiet_hours: quiet, time_zone: document.getElementById('time_zone').value, digest: document.getElementById('digest').value,
        optional_mail: document.getElementById('optional_mail').checked }
    }).then(function (result) {
      Agora.forms.busy(form, false);
      if (!result.ok) return Agora.forms.showProblem(form, result);
      draw(result.data);
      Agora.forms.showAlert('Your preferences are saved.', 'success');
    });
  });

  Agora.auth.requireSignIn().then(function () {
    return Agora.api('GET', '/notification-preferences');
  }).then(function (result) {
    if (!result.ok) return Agora.forms.showAlert('Your preferences could not be loaded.', 'error');
    draw(result.data);
    page.hidden = false;
  });
})();
