/* /reset-password/?token=…: sets a new password; every session of the account ends. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var form = document.getElementById('reset-form');
  var token = new URLSearchParams(location.search).get('token') || '';
  forms.passwordToggles(form);
  var password = forms.passwordMeter(form, document.getElementById('password'));
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    var value = document.getElementById('password').value;
    if (value !== document.getElementById('confirm').value) {
      forms.fieldError('confirm', 'does not match the new password');
      forms.showAlert('Please correct the field marked below.', 'error');
      return;
    }
    if (!password().valid) {
      forms.fieldError('password', 'does not meet every rule yet');
      forms.showAlert('Please correct the field marked below.', 'error');
      return;
    }
    forms.busy(form, true);
    Agora.api('POST', '/auth/reset-password', { body: { token: token, password: value }, auth: false }).then(function (result) {
      forms.busy(form, false);
      if (result.ok) {
        form.hidden = true;
        document.getElementById('reset-done').hidden = false;
        forms.showAlert('Your password is changed. Every device was signed out; sign in with the new password.', 'success');
      } else if (result.status === 410 || result.status === 400) {
        forms.showAlert((result.data && result.data.detail) + ' You can ask for a new link on the "Forgot your password?" page.', 'error');
      } else {
        forms.showProblem(form, result);
      }
    });
  });
})();
