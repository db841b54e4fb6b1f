/* /settings/calendar/ (signed in): the private feed's address to subscribe to, copied in one click, and a new
 * address when the old one was shared too widely (the old one stops at once). */
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

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    Agora.api('GET', '/calendar/feed').then(shown);
  });
})();
