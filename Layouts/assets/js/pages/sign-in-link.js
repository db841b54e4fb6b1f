/* /sign-in-link/?token=…: the one-time link emailed after repeated failed sign-ins. It signs in only when the person
 * presses the button, so that a mail scanner opening the link does not use it up. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var form = document.getElementById('link-form');
  var title = document.getElementById('link-title');
  var message = document.getElementById('link-message');
  var token = Agora.linkToken();
  function fail(heading, text) {
    title.textContent = heading;
    message.textContent = text;
    form.hidden = true;
    document.getElementById('link-retry').hidden = false;
  }
  if (!token) {
    fail('This link is not complete', 'Open the link from the email again, or copy all of it into the address bar.');
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.busy(form, true);
    Agora.api('POST', '/auth/sign-in-link', { body: { token: token }, auth: false }).then(function (result) {
      forms.busy(form, false);
      if (result.ok) {
        Agora.auth.signIn(result.data);
        history.replaceState(null, '', location.pathname);
        location.assign(Agora.paths.securitySettings);
      } else if (result.data && /second-factor-required$/.test(result.data.type)) {
        location.assign(Agora.paths.login + '#challenge=' + result.data.second_factor.challenge);
      } else if (result.status === 410) {
        fail('This link has expired', 'Sign in with your password, or reset it.');
      } else {
        fail('This link does not work', (result.data && result.data.detail) || 'It may have been used already.');
      }
    });
  });
})();
