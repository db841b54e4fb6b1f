/* /login/: signs in and goes back to ?next= (same site only). After repeated failures for an address the API asks
 * for a CAPTCHA: a proof of work is solved here and the sign-in sent again by itself; a hosted widget is shown for
 * the person to answer. Explains a network's waiting time and an unconfirmed address with a way to get a new link. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var form = document.getElementById('login-form');
  forms.passwordToggles(form);

  // Sign-in through Google comes back here with ?error= when it could not finish.
  var reasons = {
    'oidc-denied': 'Google sign-in was cancelled. You can sign in with your email and password instead.',
    'oidc-failed': 'Google sign-in could not be completed. Please try again.',
    'oidc-link-required': 'An account already uses this address. Sign in with your password, then link Google from your security settings.',
    'oidc-already-linked': 'This Google account is already linked to another account.',
    'oidc-unverified-email': 'Google has not confirmed this address yet. Confirm it with Google, or register with your email and a password.',
    'oidc-disabled': 'Sign-in with Google is not available on this site.'
  };
  var error = new URLSearchParams(location.search).get('error');
  if (reasons[error]) forms.showAlert(reasons[error], 'error');
  Agora.api('GET', '/auth/registration-form', { auth: false }).then(function (result) {
    if (result.ok && result.data.social_sign_in.indexOf('google') >= 0) {
      document.getElementById('google-sign-in').href = '/api/auth/google?next=' + encodeURIComponent(Agora.auth.nextPath(Agora.paths.securitySettings));
      document.getElementById('social-sign-in').hidden = false;
    }
  });
  var captcha = null;
  var captchaField = document.getElementById('captcha-field');

  function askForCaptcha(challenge, resend) {
    captchaField.hidden = false;
    captcha = Agora.captcha.start(challenge, document.getElementById('captcha-status'), document.getElementById('captcha-widget'));
    if (captcha.hosted) {
      forms.showAlert('Several sign-ins to this address failed. Complete the check below, then sign in again.', 'error');
    } else {
      forms.showAlert('Several sign-ins to this address failed, so a quick check runs first; then your sign-in is sent again.', 'info');
      if (resend) captcha.pending.then(function () { submit(false); });
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit(true);
  });

  // `retry`: whether a request for a CAPTCHA may send the sign-in again once a proof of work is solved (only once).
  function submit(retry) {
    forms.clearErrors(form);
    var values = forms.values(form);
    var missing = false;
    if (!values.email) { forms.fieldError('email', 'is required'); missing = true; }
    if (!document.getElementById('password').value) { forms.fieldError('password', 'is required'); missing = true; }
    if (missing) {
      forms.showAlert('Please fill in your email and password.', 'error');
      return;
    }
    if (captcha && captcha.hosted && !captcha.solution) {
      forms.fieldError('captcha', 'complete the check above the button first');
      return;
    }
    var body = { email: values.email, password: document.getElementById('password').value, remember_me: document.getElementById('remember_me').checked };
    if (captcha) Object.assign(body, captcha.fields());
    captcha = null;
    forms.busy(form, true);
    Agora.api('POST', '/auth/login', { auth: false, body: body }).then(function (result) {
      forms.busy(form, false);
      if (result.ok) {
        Agora.auth.signIn(result.data);
        location.assign(Agora.auth.nextPath(Agora.paths.securitySettings));
        return;
      }
      captchaField.hidden = true;
      var type = (result.data && result.data.type) || '';
      if (/captcha-required$/.test(type)) {
        askForCaptcha(result.data.captcha, retry);
      } else if (/rate-limited$/.test(type)) {
        var minutes = Math.max(1, Math.ceil(result.retryAfter / 60));
        forms.showAlert('Too many failed sign-ins from your network. Try again in ' + minutes + (minutes === 1 ? ' minute.' : ' minutes.'), 'error');
      } else if (/email-not-verified$/.test(type)) {
        forms.showAlert('Confirm your email address first: open the link we sent you, or get a new one on the next page.', 'error');
        setTimeout(function () { location.assign(Agora.paths.checkInbox + '?email=' + encodeURIComponent(values.email)); }, 2500);
      } else if (/invalid-credentials$/.test(type)) {
        forms.showAlert('The email or the password is wrong.', 'error');
        document.getElementById('password').select();
      } else {
        forms.showProblem(form, result);
      }
    });
  }
})();
