/* /verify-email/?token=…: confirms the address with the API, which signs the person in. */
(function () {
  'use strict';
  var title = document.getElementById('verify-title');
  var message = document.getElementById('verify-message');
  var token = Agora.linkToken();
  function fail(heading, text) {
    title.textContent = heading;
    message.textContent = text;
    document.getElementById('verify-retry').hidden = false;
  }
  if (!token) {
    fail('This link is not complete', 'Open the link from the email again, or copy all of it into the address bar.');
    return;
  }
  Agora.api('GET', '/auth/verify-email/' + encodeURIComponent(token), { auth: false }).then(function (result) {
    if (result.ok) {
      Agora.auth.signIn(result.data);
      title.textContent = 'Your email address is confirmed';
      message.textContent = 'Welcome, ' + result.data.user.first_name + '. Your account is ready and you are signed in.';
      document.getElementById('verify-actions').hidden = false;
      history.replaceState(null, '', location.pathname);
    } else if (result.status === 410) {
      fail('This link has expired', 'Links work for 24 hours. Ask for a new one below.');
    } else {
      fail('This link does not work', (result.data && result.data.detail) || 'It may have been used already.');
    }
  });
})();
