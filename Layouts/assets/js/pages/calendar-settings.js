/* /settings/calendar/ (signed in): the private feed's address to subscribe to, copied in one click, and a new
 * address when the old one was shared too widely (the old one stops at once); and the CalDAV connection to the
 * person's own calendar: connect (checked by the server first), test, disconnect, and how the last push went. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var input = document.getElementById('feed-url');

  function shown(result) {
    if (!result.ok) return Agora.forms.showAlert((result.data && result.data.detail) || 'Your feed could not be read. Try again.');
    input.value = result.data.url;
  }

  document.getElementById('feed-copy').addEventListener('click', function () {
    input.select();
    if (navigator.clipboard) navigator.clipboard.writeText(input.value);
    Agora.forms.showAlert('The address is copied.', 'success');
  });
  document.getElementById('feed-rotate').addEventListener('click', function () {
    if (!window.confirm('Make a new address? Calendars subscribed to the old one stop receiving your meetings.')) return;
    Agora.api('POST', '/calendar/feed/rotate').then(function (result) {
      shown(result);
      if (result.ok) Agora.forms.showAlert('A new address: the old one no longer works. Subscribe again with this one.', 'success');
    });
  });

  var caldav = document.getElementById('caldav-form');

  function showConnection(connection) {
    var state = document.getElementById('caldav-state');
    document.getElementById('caldav-test').hidden = !connection.connected;
    document.getElementById('caldav-disconnect').hidden = !connection.connected;
    if (!connection.connected) {
      state.textContent = 'No calendar is connected.';
      return;
    }
    document.getElementById('caldav-url').value = connection.url;
    document.getElementById('caldav-username').value = connection.username;
    state.textContent = connection.status === 'failing'
      ? 'Connected to ' + connection.url + ', but the last change did not go through: ' + connection.last_error + '. ' + connection.waiting + ' waiting; we keep trying.'
      : 'Connected to ' + connection.url + (connection.waiting ? '; ' + connection.waiting + ' change(s) on their way.' : '; every change is written.');
  }

  caldav.addEventListener('submit', function (event) {
    event.preventDefault();
    Agora.forms.clearErrors(caldav);
    Agora.forms.busy(caldav, true);
    var body = { url: document.getElementById('caldav-url').value, username: document.getElementById('caldav-username').value, password: document.getElementById('caldav-password').value };
    Agora.api('PUT', '/calendar/caldav', { body: body }).then(function (result) {
      Agora.forms.busy(caldav, false);
      if (!result.ok) return Agora.forms.showProblem(caldav, result, { url: 'caldav-url', username: 'caldav-username', password: 'caldav-password' });
      document.getElementById('caldav-password').value = '';
      showConnection(result.data);
      Agora.forms.showAlert('Your calendar is connected: your meetings are on their way to it.', 'success');
    });
  });
  document.getElementById('caldav-test').addEventListener('click', function () {
    Agora.api('POST', '/calendar/caldav/test').then(function (result) {
      if (!result.ok) return Agora.forms.showAlert((result.data && result.data.detail) || 'The test did not run.');
      Agora.forms.showAlert(result.data.ok ? 'The connection works.' : 'The connection does not work: ' + result.data.error + '.', result.data.ok ? 'success' : 'error');
    });
  });
  document.getElementById('caldav-disconnect').addEventListener('click', function () {
    if (!window.confirm('Disconnect your calendar? The meetings already written stay there, but no further change will be.')) return;
    Agora.api('DELETE', '/calendar/caldav').then(function (result) {
      if (!result.ok) return Agora.forms.showAlert('That did not work. Try again.');
      showConnection({ connected: false });
      Agora.forms.showAlert('Your calendar is disconnected.', 'success');
    });
  });

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    Agora.api('GET', '/calendar/feed').then(shown);
    Agora.api('GET', '/calendar/caldav').then(function (result) { if (result.ok) showConnection(result.data); });
  });
})();
