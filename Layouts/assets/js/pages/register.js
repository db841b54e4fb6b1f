/*
 * /register/: live checks with the rules the API applies (written into the page from the domain module, and the
 * legal versions and CAPTCHA read from GET /api/auth/registration-form), a strength meter, the country and
 * dial-code picker, phone formatting as you type, and the CAPTCHA (Agora.captcha) solved in the background.
 */
(function () {
  'use strict';
  var forms = Agora.forms;
  var form = document.getElementById('register-form');
  var countries = JSON.parse(document.getElementById('countries-data').textContent || '[]');
  var settings = null;
  var captcha = null;
  var countryInput = document.getElementById('country');
  var phoneInput = document.getElementById('phone');
  var emailInput = document.getElementById('email');
  var dialCode = document.getElementById('dial-code');
  var captchaStatus = document.getElementById('captcha-status');
  var nameMax = Number(form.getAttribute('data-name-max')) || 100;

  forms.passwordToggles(form);
  var password = forms.passwordMeter(form, document.getElementById('password'));

  var options = document.getElementById('country-options');
  countries.forEach(function (country) {
    var option = document.createElement('option');
    option.value = country.name + ' (+' + country.dial + ')';
    options.appendChild(option);
  });

  function selectedCountry() {
    var text = countryInput.value.trim().toLowerCase();
    return countries.find(function (country) {
      return (country.name + ' (+' + country.dial + ')').toLowerCase() === text || country.name.toLowerCase() === text
        || country.code.toLowerCase() === text;
    }) || null;
  }

  var guess = (navigator.language || '').split('-')[1];
  var guessed = guess && countries.find(function (country) { return country.code === guess.toUpperCase(); });
  if (guessed) countryInput.value = guessed.name + ' (+' + guessed.dial + ')';

  // Groups the digits as they are typed: pairs where national numbers have at most 9 digits (06 12 34 56 78),
  // 3-3-4 where they have 10 (415 555 0123), threes otherwise. A number typed with + is left as typed.
  function formatPhone() {
    var country = selectedCountry();
    dialCode.textContent = country ? '+' + country.dial : '+';
    var digits = phoneInput.value.replace(/[^\d+]/g, '');
    if (digits.charAt(0) === '+' || !digits) return;
    var longest = country ? country.lengths[1] : 9;
    var groups;
    if (longest <= 9) groups = digits.match(/.{1,2}/g);
    else if (longest === 10 && digits.charAt(0) !== '0') groups = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)].filter(Boolean);
    else groups = digits.match(/.{1,3}/g);
    var formatted = groups.join(' ');
    if (formatted !== phoneInput.value) phoneInput.value = formatted;
  }
  phoneInput.addEventListener('input', formatPhone);
  countryInput.addEventListener('change', formatPhone);
  formatPhone();

  function checkPhone() {
    var country = selectedCountry();
    if (!country) return forms.fieldError('country', 'choose a country from the list');
    forms.fieldError('country', '');
    var raw = phoneInput.value.replace(/[\s().\/-]/g, '');
    if (!raw) return forms.fieldError('phone', 'is required');
    var international = raw.charAt(0) === '+' || raw.slice(0, 2) === '00';
    var digits = raw.replace(/^\+|^00/, '');
    if (!/^\d+$/.test(digits)) return forms.fieldError('phone', 'may hold only digits, spaces, dashes and a leading +');
    if (international && digits.indexOf(country.dial) !== 0) {
      return forms.fieldError('phone', 'starts with a dial code that is not ' + country.name + '\u2019s (+' + country.dial + ')');
    }
    var national = international ? digits.slice(country.dial.length) : digits.replace(/^0+/, '');
    if (national.length < country.lengths[0] || national.length > country.lengths[1]) {
      var expected = country.lengths[0] === country.lengths[1] ? country.lengths[0] : country.lengths[0] + ' to ' + country.lengths[1];
      return forms.fieldError('phone', 'must have ' + expected + ' digits after +' + country.dial + ' for ' + country.name);
    }
    forms.fieldError('phone', '');
  }
  phoneInput.addEventListener('blur', checkPhone);
  countryInput.addEventListener('blur', function () {
    // The phone is checked against the country only once it holds something: no error for a field not reached yet.
    if (phoneInput.value.trim()) checkPhone();
    else forms.fieldError('country', selectedCountry() ? '' : 'choose a country from the list');
  });

  ['first_name', 'last_name'].forEach(function (name) {
    var input = document.getElementById(name);
    input.addEventListener('blur', function () {
      var value = input.value.trim();
      if (!value) forms.fieldError(name, 'is required');
      else if (value.length > nameMax) forms.fieldError(name, 'must be at most ' + nameMax + ' characters');
      else if (!/^[\p{L}\p{M} '\u2019.,-]+$/u.test(value)) forms.fieldError(name, 'may hold only letters, spaces, apostrophes, hyphens and dots');
      else forms.fieldError(name, '');
    });
  });

  var emailTimer = null;
  emailInput.addEventListener('input', function () {
    clearTimeout(emailTimer);
    emailTimer = setTimeout(checkEmail, 600);
  });
  function checkEmail() {
    var value = emailInput.value.trim();
    if (!value) return;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return forms.fieldError('email', 'must be an address like name@example.com');
    Agora.api('GET', '/auth/email-available?email=' + encodeURIComponent(value), { auth: false }).then(function (result) {
      if (result.ok && result.data && result.data.available === false) {
        forms.fieldError('email', 'already has an account: sign in or reset your password instead');
      } else {
        forms.fieldError('email', '');
      }
    });
  }

  document.getElementById('password').addEventListener('blur', function () {
    var check = password();
    if (check.tooLong) forms.fieldError('password', 'must be at most ' + check.maxBytes + ' bytes (bcrypt ignores anything longer)');
    else forms.fieldError('password', check.valid || !this.value ? '' : 'does not meet every rule yet');
  });

  var ready = Agora.api('GET', '/auth/registration-form', { auth: false }).then(function (result) {
    if (!result.ok) {
      forms.showAlert('Registration is unavailable right now. Try again in a moment.', 'error');
      return;
    }
    settings = result.data;
    startCaptcha(settings.captcha);
  });

  function startCaptcha(challenge) {
    captcha = Agora.captcha.start(challenge, captchaStatus, document.getElementById('captcha-widget'), function () {
      forms.fieldError('captcha', '');
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    var values = forms.values(form);
    var country = selectedCountry();
    var terms = document.getElementById('accepted_terms_version').checked;
    var privacy = document.getElementById('accepted_privacy_version').checked;
    forms.busy(form, true);
    ready.then(function () { return captcha && captcha.pending; }).then(function () {
      if (!settings) { forms.busy(form, false); return; }
      var body = {
        first_name: values.first_name,
        last_name: values.last_name,
        email: values.email,
        password: document.getElementById('password').value,
        phone: phoneInput.value,
        country: country ? country.code : countryInput.value.trim(),
        user_type: values.user_type,
        accepted_terms_version: terms ? settings.legal.terms : '',
        accepted_privacy_version: privacy ? settings.legal.privacy : ''
      };
      if (captcha.hosted && !captcha.solution) {
        forms.busy(form, false);
        forms.fieldError('captcha', 'complete the check above the button first');
        forms.showAlert('Please complete the check marked below.', 'error');
        return;
      }
      Object.assign(body, captcha.fields());
      return Agora.api('POST', '/auth/register', { body: body, auth: false }).then(function (result) {
        forms.busy(form, false);
        if (result.ok) {
          location.assign(Agora.paths.checkInbox + '?email=' + encodeURIComponent(result.data.email));
          return;
        }
        if (result.status === 422 && result.data && (result.data.errors || []).some(function (e) { return e.field === 'captcha'; })) {
          Agora.api('GET', '/auth/registration-form', { auth: false }).then(function (again) {
            if (again.ok && again.data.captcha.mode === 'proof-of-work') startCaptcha(again.data.captcha);
          });
        }
        forms.showProblem(form, result, {
          accepted_terms_version: 'accepted_terms_version',
          accepted_privacy_version: 'accepted_privacy_version'
        });
        if (!country) forms.fieldError('country', 'choose a country from the list');
      });
    });
  });
})();
