/*
 * The CAPTCHA of the forms that ask for one (registration; sign-in after repeated failures), as the API describes
 * it: a proof of work solved in the background, or the widget of a hosted service (hCaptcha, Turnstile) whose token
 * is the answer. Agora.captcha.start(challenge, status, widget, onAnswered) returns a handle: `pending` settles when
 * a proof of work is solved, `hosted` says a person must answer the widget, `fields()` gives the request's fields.
 */
(function () {
  'use strict';

  function start(challenge, status, widget, onAnswered) {
    var handle = { hosted: false, challenge: null, solution: null, pending: Promise.resolve() };
    handle.fields = function () {
      var fields = {};
      if (handle.challenge) fields.captcha_challenge = handle.challenge;
      if (handle.solution) fields.captcha_solution = handle.solution;
      return fields;
    };
    if (challenge.mode === 'proof-of-work') {
      handle.challenge = challenge.challenge;
      handle.pending = solve(challenge.challenge, challenge.difficulty, status).then(function (solution) {
        handle.solution = solution;
        if (onAnswered) onAnswered();
      });
    } else if (challenge.mode === 'hcaptcha' || challenge.mode === 'turnstile') {
      handle.hosted = true;
      showHostedWidget(challenge.mode, challenge.site_key, widget, function (token) {
        handle.solution = token;
        if (token && onAnswered) onAnswered();
      });
    }
    return handle;
  }

  // hCaptcha or Turnstile: the service's own widget, its script loaded on first use.
  function showHostedWidget(mode, siteKey, element, onToken) {
    function render() {
      var service = mode === 'hcaptcha' ? window.hcaptcha : window.turnstile;
      element.textContent = '';
      service.render(element, { sitekey: siteKey, callback: onToken, 'expired-callback': function () { onToken(null); } });
    }
    if (mode === 'hcaptcha' ? window.hcaptcha : window.turnstile) return render();
    window.agoraCaptchaReady = render;
    var script = document.createElement('script');
    script.src = mode === 'hcaptcha'
      ? 'https://js.hcaptcha.com/1/api.js?render=explicit&onload=agoraCaptchaReady'
      : 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit&onload=agoraCaptchaReady';
    script.async = true;
    document.head.appendChild(script);
  }

  // Proof of work: find a number n such that SHA-256("challenge:n") starts with `difficulty` zero bits.
  function solve(challenge, difficulty, status) {
    var nonce = 0;
    status.textContent = 'Checking that you are a person\u2026';
    return new Promise(function (resolve) {
      function batch() {
        for (var i = 0; i < 5000; i += 1, nonce += 1) {
          if (leadingZeroBits(sha256(challenge + ':' + nonce)) >= difficulty) {
            status.textContent = 'Check done.';
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

  Agora.captcha = { start: start };
})();
