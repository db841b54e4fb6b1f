/* /login/: signs in and goes back to ?next= (same site only). After repeated failures for an address the API asks
 * for a CAPTCHA: a proof of work is solved here and the sign-in sent again by itself; a hosted widget is shown for
 * the person to answer. Explains a network's waiting time and an unconfirmed address with a way to get a new link.
 * An account with two factors is asked for its code next; other ways in (Google, a sign-in link) arrive here with
 * the challenge in the fragment (#challenge=…), which no server sees. */
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
    'oidc-disabled': 'Sign-in with Google is not available on this site.',
    'oidc-registration-closed': 'New accounts cannot sign up at the moment. Existing accounts can still sign in.'
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
  var secondFactorForm = document.getElementById('second-factor-form');
  var challenge = null;

  function signedIn(data) {
    Agora.auth.signIn(data);
    location.assign(Agora.auth.nextPath(Agora.paths.securitySettings));
  }

  function askForSecondFactor(token) {
    challenge = token;
    form.hidden = true;
    document.getElementById('social-sign-in').hidden = true;
    secondFactorForm.hidden = false;
    forms.clearErrors(secondFactorForm);
    document.getElementById('code').focus();
  }

  var fragment = /^#challenge=([A-Za-z0-9_-]{43})$/.exec(location.hash);
  if (fragment) {
    history.replaceState(null, '', location.pathname + location.search);
    askForSecondFactor(fragment[1]);
  }

  secondFactorForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(secondFactorForm);
    var code = document.getElementById('code').value.trim();
    if (!code) {
      forms.fieldError('code', 'is required');
      return;
    }
    forms.busy(secondFactorForm, true);
    Agora.api('POST', '/auth/login/second-factor', { auth: false, body: { challenge: challenge, code: code } }).then(function (result) {
      forms.busy(secondFactorForm, false);
      if (result.ok) return signedIn(result.data);
      var type = (result.data && result.data.type) || '';
      if (/challenge-ended$/.test(type)) {
        secondFactorForm.hidden = true;
        form.hidden = false;
        forms.showAlert('This sign-in expired or had too many wrong codes. Sign in again.', 'error');
      } else if (/invalid-second-factor$/.test(type)) {
        forms.fieldError('code', 'is not right: check the code in your app (your phone\'s clock must be set automatically) or use a recovery code');
        document.getElementById('code').select();
      } else {
        forms.showProblem(secondFactorForm, result);
      }
    });
  });

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
      if (result.ok) return signedIn(result.data);
      captchaField.hidden = true;
      var type = (result.data && result.data.type) || '';
      if (/second-factor-required$/.test(type)) {
        askForSecondFactor(result.data.second_factor.challenge);
      } else if (/captcha-required$/.test(type)) {
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
