/* /settings/security/ (signed in only): change the password, turn two-factor sign-in on (a QR code from the API,
 * confirmed by a code; recovery codes shown once) or off, see the open sessions and end them. Turning it off and new
 * recovery codes are dangerous actions: `Agora.dangerous` asks for the code again when the sign-in is not recent. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var page = document.querySelector('[data-guard]');
  var form = document.getElementById('change-form');
  forms.passwordToggles(form);
  var password = forms.passwordMeter(form, document.getElementById('password'));
  var dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function loadSessions() {
    return Agora.api('GET', '/auth/sessions').then(function (result) {
      var body = document.getElementById('sessions-body');
      body.textContent = '';
      if (!result.ok) return;
      result.data.sessions.forEach(function (session) {
        var row = document.createElement('tr');
        var device = cell(row, session.device);
        if (session.current) {
          var badge = document.createElement('span');
          badge.className = 'badge';
          badge.textContent = 'This device';
          device.appendChild(document.createTextNode(' '));
          device.appendChild(badge);
        }
        cell(row, session.ip_address);
        cell(row, dates.format(new Date(session.created_at)));
        cell(row, dates.format(new Date(session.last_used_at)));
        var actions = cell(row, '');
        if (!session.current) {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'link-button';
          button.textContent = 'Sign out';
          button.setAttribute('aria-label', 'Sign out ' + session.device);
          button.addEventListener('click', function () {
            Agora.api('DELETE', '/auth/sessions/' + encodeURIComponent(session.id)).then(function (ended) {
              if (ended.ok) forms.showAlert(session.device + ' was signed out.', 'success');
              loadSessions();
            });
          });
          actions.appendChild(button);
        }
        body.appendChild(row);
      });
    });
  }

  var twoFactor = {
    state: document.getElementById('two-factor-state'),
    start: document.getElementById('two-factor-start'),
    enrol: document.getElementById('two-factor-enrol'),
    actions: document.getElementById('two-factor-actions'),
    codes: document.getElementById('recovery-codes'),
    off: document.getElementById('two-factor-off')
  };

  function loadTwoFactor() {
    return Agora.api('GET', '/auth/two-factor').then(function (result) {
      if (!result.ok) return;
      var status = result.data;
      if (status.enabled) {
        twoFactor.state.textContent = 'On: signing in asks for a code from your authenticator app. Recovery codes left: ' + status.recovery_codes_left + '.';
      } else if (status.required) {
        twoFactor.state.textContent = 'Staff accounts must sign in with two factors: set up an authenticator app to use the administration.';
      } else {
        twoFactor.state.textContent = 'Off. Add a code from an authenticator app to your password, so that a stolen password is not enough.';
      }
      twoFactor.start.hidden = status.enabled;
      twoFactor.actions.hidden = !status.enabled;
      twoFactor.off.hidden = status.required;
    });
  }

  function showRecoveryCodes(codes) {
    var list = document.getElementById('recovery-codes-list');
    list.textContent = '';
    codes.forEach(function (code) {
      var item = document.createElement('li');
      var text = document.createElement('code');
      text.textContent = code;
      item.appendChild(text);
      list.appendChild(item);
    });
    twoFactor.codes.hidden = false;
  }

  twoFactor.start.addEventListener('click', function () {
    Agora.api('POST', '/auth/two-factor/enrolment').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Two-factor sign-in cannot be set up right now.', 'error');
      document.getElementById('two-factor-qr').src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(result.data.qr_code_svg);
      document.getElementById('two-factor-secret').textContent = result.data.secret.replace(/(.{4})/g, '$1 ').trim();
      twoFactor.start.hidden = true;
      twoFactor.enrol.hidden = false;
      document.getElementById('enrol_code').focus();
    });
  });

  var confirmForm = document.getElementById('two-factor-confirm-form');
  confirmForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(confirmForm);
    var code = document.getElementById('enrol_code').value.trim();
    if (!/^[0-9]{6}$/.test(code)) {
      forms.fieldError('enrol_code', 'is the 6 digits your app shows');
      return;
    }
    forms.busy(confirmForm, true);
    Agora.api('POST', '/auth/two-factor/enrolment/confirm', { body: { code: code } }).then(function (result) {
      forms.busy(confirmForm, false);
      if (!result.ok) return forms.showProblem(confirmForm, result, { code: 'enrol_code' });
      twoFactor.enrol.hidden = true;
      confirmForm.reset();
      showRecoveryCodes(result.data.recovery_codes);
      forms.showAlert('Two-factor sign-in is on. Save your recovery codes now.', 'success');
      loadTwoFactor();
    });
  });

  document.getElementById('recovery-codes-new').addEventListener('click', function () {
    Agora.dangerous(function () { return Agora.api('POST', '/auth/two-factor/recovery-codes'); }).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'No new codes were made.', 'error');
      showRecoveryCodes(result.data.recovery_codes);
      forms.showAlert('New recovery codes: the old ones no longer work.', 'success');
      loadTwoFactor();
    });
  });

  twoFactor.off.addEventListener('click', function () {
    Agora.dangerous(function () { return Agora.api('DELETE', '/auth/two-factor'); }).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Two-factor sign-in is still on.', 'error');
      twoFactor.codes.hidden = true;
      forms.showAlert('Two-factor sign-in is off.', 'success');
      loadTwoFactor();
    });
  });

  Agora.auth.requireSignIn().then(function (user) {
    document.getElementById('account-email').textContent = user.email;
    page.hidden = false;
    loadSessions();
    loadTwoFactor();
    if (new URLSearchParams(location.search).get('linked') === 'google') {
      forms.showAlert('Your Google account is linked: you can now sign in with it.', 'success');
    }
    Agora.api('GET', '/auth/registration-form', { auth: false }).then(function (result) {
      if (result.ok && result.data.social_sign_in.indexOf('google') >= 0) document.getElementById('google-card').hidden = false;
    });
  });

  document.getElementById('link-google').addEventListener('click', function () {
    Agora.api('POST', '/auth/google/link').then(function (result) {
      if (result.ok) location.assign(result.data.url);
      else forms.showAlert((result.data && result.data.detail) || 'Linking is not available right now.', 'error');
    });
  });

  document.getElementById('logout').addEventListener('click', function () {
    Agora.auth.signOut(false).then(function () { location.assign('/'); });
  });
  document.getElementById('logout-all').addEventListener('click', function () {
    Agora.auth.signOut(true).then(function () { location.assign(Agora.paths.login); });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    if (!password().valid) {
      forms.fieldError('new_password', 'does not meet every rule yet');
      forms.showAlert('Please correct the field marked below.', 'error');
      return;
    }
    forms.busy(form, true);
    Agora.api('PUT', '/auth/change-password', {
      body: { current_password: document.getElementById('current_password').value, new_password: document.getElementById('password').value }
    }).then(function (result) {
      forms.busy(form, false);
      if (result.ok) {
        form.reset();
        forms.showAlert('Your password is changed. Your other devices were signed out.', 'success');
        loadSessions();
      } else {
        forms.showProblem(form, result);
      }
    });
  });
})();
