/* /meetings/join/?id=ID: where a calendar's join link lands. Signs the member in, asks the service for the room's
 * address (a participant's only, while the room is open) and goes there; otherwise says why and links to the
 * meeting's page. */
(function () {
  'use strict';
  var id = new URLSearchParams(location.search).get('id') || '';
  var message = document.getElementById('join-message');
  document.getElementById('join-meeting').href = Agora.paths.meeting + '?id=' + encodeURIComponent(id);
  Agora.auth.requireSignIn().then(function () {
    message.textContent = 'Opening the room…';
    Agora.api('GET', '/meetings/' + encodeURIComponent(id) + '/join').then(function (result) {
      if (!result.ok) {
        document.getElementById('join-title').textContent = 'You cannot join now';
        message.textContent = (result.data && result.data.detail) || 'The room could not be opened. Try again in a moment.';
        return;
      }
      location.replace(result.data.url);
    });
  });
})();
