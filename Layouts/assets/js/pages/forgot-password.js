/* /forgot-password/: asks for a reset link; the answer is the same whether the address has an account or not. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var form = document.getElementById('forgot-form');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    forms.busy(form, true);
    Agora.api('POST', '/auth/forgot-password', { body: { email: forms.values(form).email }, auth: false }).then(function (result) {
      forms.busy(form, false);
      if (result.ok) forms.showAlert(result.data.message + ' The link works for one hour.', 'success');
      else forms.showProblem(form, result);
    });
  });
})();
