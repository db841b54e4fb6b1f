/* /settings/security/ (signed in only): change the password, see the open sessions and end them. */
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

  Agora.auth.requireSignIn().then(function (user) {
    document.getElementById('account-email').textContent = user.email;
    page.hidden = false;
    loadSessions();
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
