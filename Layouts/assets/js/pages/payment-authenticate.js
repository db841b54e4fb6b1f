/*
 * /payments/authenticate/?payment=ID: the local processor's stand-in for a bank's 3-D Secure page. The payer
 * confirms the payment or lets the confirmation fail; either way they go back to the project room, where the
 * milestone shows as funded or the checkout can be tried again.
 */
(function () {
  'use strict';
  var forms = Agora.forms;
  var paymentID = new URLSearchParams(location.search).get('payment');
  var page = document.querySelector('[data-guard]');

  function answer(completed) {
    document.getElementById('authentication-complete').disabled = true;
    document.getElementById('authentication-fail').disabled = true;
    Agora.api('POST', '/payments/' + encodeURIComponent(paymentID) + '/authenticate', {
      body: { completed: completed }, idempotencyKey: Agora.idempotencyKey()
    }).then(function (result) {
      if (!result.ok) {
        forms.showAlert((result.data && result.data.detail) || 'The answer did not reach the processor. Try again.');
        document.getElementById('authentication-complete').disabled = false;
        document.getElementById('authentication-fail').disabled = false;
        return;
      }
      location.href = Agora.projectPath(result.data.project_id) + '#milestone-' + result.data.milestone_id;
    });
  }

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    Agora.api('GET', '/payments/' + encodeURIComponent(paymentID || '0')).then(function (result) {
      var summary = document.getElementById('authentication-summary');
      if (!result.ok) {
        summary.textContent = 'No payment of yours has this address.';
        return;
      }
      var payment = result.data;
      document.getElementById('authentication-back').href = Agora.projectPath(payment.project_id);
      if (payment.status !== 'requires_action') {
        summary.textContent = 'This payment waits for no confirmation: it is ' + payment.status.replace(/_/g, ' ') + '.';
        return;
      }
      var brand = payment.card ? payment.card.brand.charAt(0).toUpperCase() + payment.card.brand.slice(1) : '';
      summary.textContent = payment.total.formatted + (payment.card ? ' on the ' + brand + ' card ending in ' + payment.card.last_four : '') + '.';
      document.getElementById('authentication-actions').hidden = false;
      document.getElementById('authentication-complete').addEventListener('click', function () { answer(true); });
      document.getElementById('authentication-fail').addEventListener('click', function () { answer(false); });
    });
  });
})();
