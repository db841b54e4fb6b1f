/* /meetings/invitation/#token=…: a guest invited by email, without an account. The token stays in the fragment,
 * which no server log or Referer receives, and reaches the service in request bodies only. The guest reads the
 * meeting in their own zone, answers it, and joins from ten minutes before. */
(function () {
  'use strict';
  var words = JSON.parse(document.getElementById('meeting-words').textContent);
  var token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var format = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
  var meeting = null;

  function failed(result) {
    Agora.forms.showAlert((result.data && result.data.detail) || 'That did not work. Try again in a moment.');
  }

  function show(data) {
    meeting = data;
    document.getElementById('invitation-title').textContent = data.title;
    var next = data.occurrences[0];
    document.getElementById('invitation-when').textContent = data.status !== 'scheduled' ? 'This meeting is ' + words.statuses[data.status].toLowerCase() + '.'
      : next ? format.format(new Date(next.starts_at)) + ' (your time, ' + zone + '), ' + data.duration_minutes + ' minutes' + (data.recurrence ? ', repeating' : '') : 'No meeting is left.';
    document.getElementById('invitation-agenda').textContent = data.agenda;
    document.getElementById('invitation-answer').textContent = words.responses[data.your_response];
    document.getElementById('invitation-body').hidden = false;
    var join = document.getElementById('invitation-join');
    join.disabled = !next || data.status !== 'scheduled' || Date.now() < new Date(next.join_opens_at).getTime();
    document.getElementById('invitation-join-note').textContent = next && join.disabled && data.status === 'scheduled'
      ? 'The room opens ' + words.roomOpensMinutes + ' minutes before.' : '';
  }

  document.querySelectorAll('[data-answer]').forEach(function (button) {
    button.addEventListener('click', function () {
      Agora.api('POST', '/meeting-invitations/rsvp', { auth: false, body: { token: token, response: button.getAttribute('data-answer') } }).then(function (result) {
        if (!result.ok) return failed(result);
        show(result.data);
        Agora.forms.showAlert('Your answer is saved; the organiser is told.', 'success');
      });
    });
  });
  document.getElementById('invitation-join').addEventListener('click', function () {
    Agora.api('POST', '/meeting-invitations/join', { auth: false, body: { token: token } }).then(function (result) {
      if (!result.ok) return failed(result);
      location.assign(result.data.url);
    });
  });

  Agora.api('POST', '/meeting-invitations/read', { auth: false, body: { token: token } }).then(function (result) {
    if (!result.ok) {
      document.getElementById('invitation-title').textContent = 'This invitation does not work';
      document.getElementById('invitation-when').textContent = (result.data && result.data.detail) || 'Open the link from the email again.';
      return;
    }
    show(result.data);
    setInterval(function () { if (meeting) show(meeting); }, 30000);
  });
})();
