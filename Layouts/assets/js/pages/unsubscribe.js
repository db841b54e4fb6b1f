/* /unsubscribe/?token=…: says what the emailed link stops — every optional email, one category's emails or the
   digest — and stops it when the person confirms. The API changes nothing on GET, so a link scanner that opens the
   page unsubscribes nobody. */
(function () {
  'use strict';
  var title = document.getElementById('unsubscribe-title');
  var message = document.getElementById('unsubscribe-message');
  var form = document.getElementById('unsubscribe-form');
  var token = new URLSearchParams(location.search).get('token') || '';
  var path = '/email/unsubscribe?token=' + encodeURIComponent(token);
  function fail(text) {
    title.textContent = 'This link does not work';
    message.textContent = text;
  }
  if (!token) {
    fail('Open the link from the email again, or copy all of it into the address bar.');
    return;
  }
  Agora.api('GET', path, { auth: false }).then(function (result) {
    if (!result.ok) {
      fail((result.data && result.data.detail) || 'It may have been cut short.');
      return;
    }
    title.textContent = 'Unsubscribe from ' + result.data.label;
    message.textContent = 'Stop ' + result.data.label + ' to ' + result.data.email + '?';
    form.hidden = false;
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = document.getElementById('unsubscribe-button');
    button.disabled = true;
    Agora.api('POST', path, { auth: false }).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        message.textContent = (result.data && result.data.detail) || 'That did not work. Please try again.';
        return;
      }
      title.textContent = 'You are unsubscribed';
      message.textContent = result.data.message;
      form.hidden = true;
      document.getElementById('unsubscribe-after').hidden = false;
    });
  });
})();
