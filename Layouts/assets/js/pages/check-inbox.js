/* /check-inbox/: shows where the link went and sends a new one on request (the answer never says whether the
 * address has an account). */
(function () {
  'use strict';
  var forms = Agora.forms;
  var form = document.getElementById('resend-form');
  var email = new URLSearchParams(location.search).get('email');
  if (email) {
    document.getElementById('inbox-email').textContent = email;
    document.getElementById('email').value = email;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    forms.busy(form, true);
    Agora.api('POST', '/auth/resend-verification', { body: { email: forms.values(form).email }, auth: false }).then(function (result) {
      forms.busy(form, false);
      if (result.ok) forms.showAlert(result.data.message, 'success');
      else forms.showProblem(form, result);
    });
  });
})();
