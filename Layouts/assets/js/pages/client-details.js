/* /settings/details/ (clients): what providers see of the client on their orders — the company, the country and a
 * photo (`GET|PUT /api/users/identity`, the photo through `Agora.photoCropper.picker`), with a preview of the card
 * providers are shown. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var page = document.querySelector('[data-guard]');
  var form = document.getElementById('details-form');
  var countries = JSON.parse(document.getElementById('countries-data').textContent || '[]');
  var initials = '';

  countries.forEach(function (country) {
    var option = element('option', null, country.name);
    option.value = country.code;
    document.getElementById('country').appendChild(option);
  });

  function show(identity) {
    document.getElementById('company').value = identity.company;
    document.getElementById('country').value = identity.country || '';
    Agora.clientCard(document.getElementById('client-preview'), identity);
    photo.show(identity.photo);
  }

  var photo = Agora.photoCropper.picker({
    path: '/users/identity/photo',
    initials: function () { return initials; },
    done: function (identity, removed) {
      show(identity);
      forms.showAlert(removed ? 'Your photo is removed.' : 'Your photo is saved: providers see it on your orders.', 'success');
    },
    failed: function (result) { forms.showProblem(form, result); }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    var body = { company: document.getElementById('company').value, country: document.getElementById('country').value };
    Agora.api('PUT', '/users/identity', { body: body }).then(function (result) {
      if (!result.ok) return forms.showProblem(form, result);
      show(result.data);
      forms.showAlert('Saved: providers see this on your orders.', 'success');
    });
  });

  Agora.auth.requireSignIn(['client']).then(function () {
    var user = Agora.auth.user() || {};
    initials = ((user.first_name || '').charAt(0) + (user.last_name || '').charAt(0)).toUpperCase();
    page.hidden = false;
    return Agora.api('GET', '/users/identity');
  }).then(function (result) {
    if (!result || !result.ok) return forms.showAlert((result && result.data && result.data.detail) || 'Your details could not be read.', 'error');
    show(result.data);
  });
})();
