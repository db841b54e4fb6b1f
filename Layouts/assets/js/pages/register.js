/*
 * /register/: live checks with the rules the API applies (written into the page from the domain module, and the
 * legal versions and CAPTCHA read from GET /api/auth/registration-form), a strength meter, the country and
 * dial-code picker, phone formatting as you type, and the proof-of-work CAPTCHA solved in the background.
 */
(function () {
  'use strict';
  var forms = Agora.forms;
  var form = document.getElementById('register-form');
  var countries = JSON.parse(document.getElementById('countries-data').textContent || '[]');
  var settings = null;
  var captcha = { solution: null, challenge: null };
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

  // Proof of work: find a number n such that SHA-256("challenge:n") starts with `difficulty` zero bits.
  function solve(challenge, difficulty) {
    var nonce = 0;
    captchaStatus.textContent = 'Checking that you are a person\u2026';
    return new Promise(function (resolve) {
      function batch() {
        for (var i = 0; i < 5000; i += 1, nonce += 1) {
          if (leadingZeroBits(sha256(challenge + ':' + nonce)) >= difficulty) {
            captchaStatus.textContent = 'Check done.';
            return resolve(String(nonce));
          }
        }
        setTimeout(batch, 0);
      }
      batch();
    });
  }

  function leadingZeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i += 1) {
      if (bytes[i] === 0) { bits += 8; continue; }
      return bits + Math.clz32(bytes[i]) - 24;
    }
    return bits;
  }

  var K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
    0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
    0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ]);
  var encoder = new TextEncoder();
  var words = new Uint32Array(64);

  function sha256(text) {
    var data = encoder.encode(text);
    var length = ((data.length + 9 + 63) >> 6) << 6;
    var padded = new Uint8Array(length);
    padded.set(data);
    padded[data.length] = 0x80;
    var bits = data.length * 8;
    padded[length - 4] = bits >>> 24; padded[length - 3] = bits >>> 16; padded[length - 2] = bits >>> 8; padded[length - 1] = bits;
    var h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    for (var offset = 0; offset < length; offset += 64) {
      for (var t = 0; t < 16; t += 1) {
        var j = offset + t * 4;
        words[t] = (padded[j] << 24) | (padded[j + 1] << 16) | (padded[j + 2] << 8) | padded[j + 3];
      }
      for (t = 16; t < 64; t += 1) {
        var a15 = words[t - 15], a2 = words[t - 2];
        var s0 = ((a15 >>> 7) | (a15 << 25)) ^ ((a15 >>> 18) | (a15 << 14)) ^ (a15 >>> 3);
        var s1 = ((a2 >>> 17) | (a2 << 15)) ^ ((a2 >>> 19) | (a2 << 13)) ^ (a2 >>> 10);
        words[t] = (words[t - 16] + s0 + words[t - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (t = 0; t < 64; t += 1) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var temp1 = (k + S1 + ch + K[t] + words[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var temp2 = (S0 + maj) | 0;
        k = g; g = f; f = e; e = (d + temp1) | 0; d = c; c = b; b = a; a = (temp1 + temp2) | 0;
      }
      h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
    }
    var out = new Uint8Array(32);
    for (var i = 0; i < 8; i += 1) {
      out[i * 4] = h[i] >>> 24; out[i * 4 + 1] = h[i] >>> 16; out[i * 4 + 2] = h[i] >>> 8; out[i * 4 + 3] = h[i];
    }
    return out;
  }

  var ready = Agora.api('GET', '/auth/registration-form', { auth: false }).then(function (result) {
    if (!result.ok) {
      forms.showAlert('Registration is unavailable right now. Try again in a moment.', 'error');
      return;
    }
    settings = result.data;
    var challenge = settings.captcha;
    if (challenge.mode === 'proof-of-work') {
      captcha.challenge = challenge.challenge;
      captcha.pending = solve(challenge.challenge, challenge.difficulty).then(function (solution) { captcha.solution = solution; });
    } else if (challenge.mode === 'hcaptcha' || challenge.mode === 'turnstile') {
      captcha.hosted = true;
      loadHostedWidget(challenge.mode, challenge.site_key);
    }
  });

  // hCaptcha or Turnstile: the service's own widget; its token is the solution the API checks with the service.
  function loadHostedWidget(mode, siteKey) {
    window.agoraCaptchaReady = function () {
      var service = mode === 'hcaptcha' ? window.hcaptcha : window.turnstile;
      service.render(document.getElementById('captcha-widget'), {
        sitekey: siteKey,
        callback: function (token) { captcha.solution = token; forms.fieldError('captcha', ''); },
        'expired-callback': function () { captcha.solution = null; }
      });
    };
    var script = document.createElement('script');
    script.src = mode === 'hcaptcha'
      ? 'https://js.hcaptcha.com/1/api.js?render=explicit&onload=agoraCaptchaReady'
      : 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit&onload=agoraCaptchaReady';
    script.async = true;
    document.head.appendChild(script);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    var values = forms.values(form);
    var country = selectedCountry();
    var terms = document.getElementById('accepted_terms_version').checked;
    var privacy = document.getElementById('accepted_privacy_version').checked;
    forms.busy(form, true);
    ready.then(function () { return captcha.pending; }).then(function () {
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
      if (captcha.challenge) body.captcha_challenge = captcha.challenge;
      if (captcha.solution) body.captcha_solution = captcha.solution;
      return Agora.api('POST', '/auth/register', { body: body, auth: false }).then(function (result) {
        forms.busy(form, false);
        if (result.ok) {
          location.assign(Agora.paths.checkInbox + '?email=' + encodeURIComponent(result.data.email));
          return;
        }
        if (result.status === 422 && result.data && (result.data.errors || []).some(function (e) { return e.field === 'captcha'; })) {
          Agora.api('GET', '/auth/registration-form', { auth: false }).then(function (again) {
            if (again.ok && again.data.captcha.mode === 'proof-of-work') {
              captcha.challenge = again.data.captcha.challenge;
              captcha.solution = null;
              captcha.pending = solve(captcha.challenge, again.data.captcha.difficulty).then(function (s) { captcha.solution = s; });
            }
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
