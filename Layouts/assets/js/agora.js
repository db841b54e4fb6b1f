/*
 * The shared part of every island: the API client, the sign-in state and the form helpers.
 *
 * The access token lives in this page's memory only; the refresh token is an HttpOnly cookie the script never
 * sees. A page that needs the account asks for a fresh access token on load (silent refresh), renews it a minute
 * before it expires, and signs every tab out when a refresh fails. In a tab where a staff member views an account
 * (kept by notice.js in this tab's storage), the view's read-only token is used instead and the refresh cookie, which
 * is the staff member's, is never touched. Text from the API reaches the page through textContent only.
 */
(function () {
  'use strict';

  var state = { accessToken: null, user: null, timer: null, refreshing: null };
  // The site's paths, written into every app page by the generator from the same list the service links with.
  var paths = JSON.parse(document.getElementById('agora-paths').textContent);

  /** One order's page. */
  function orderPath(id) {
    return paths.order + '?id=' + encodeURIComponent(id);
  }

  /** One project's room. */
  function projectPath(id) {
    return paths.project + '?id=' + encodeURIComponent(id);
  }
  var channel = 'BroadcastChannel' in window ? new BroadcastChannel('agora-auth') : null;
  var listeners = [];

  function notify(event) {
    listeners.forEach(function (listener) { listener(event, state.user); });
  }

  function parse(response) {
    var type = response.headers.get('Content-Type') || '';
    if (response.status === 204 || !/json/.test(type)) return Promise.resolve(null);
    return response.json().catch(function () { return null; });
  }

  /** A new Idempotency-Key for one money-moving action: its retries send the same key, a new action a new one. */
  function idempotencyKey() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2);
  }

  /** Calls the API. Resolves to { ok, status, data, retryAfter }; a 401 on a signed-in call refreshes once and retries. */
  function request(method, path, options) {
    options = options || {};
    var headers = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.auth !== false && state.accessToken) headers.Authorization = 'Bearer ' + state.accessToken;
    // A money-moving call names itself, so that its retries (after a refreshed sign-in) move nothing twice.
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    return fetch('/api' + path, {
      method: method,
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin'
    }).then(function (response) {
      if (response.status === 401 && options.auth !== false && state.accessToken && !options.retried) {
        return refresh().then(function (signedIn) {
          if (!signedIn) return { ok: false, status: 401, data: null };
          return request(method, path, Object.assign({}, options, { retried: true }));
        });
      }
      return parse(response).then(function (data) {
        return {
          ok: response.ok,
          status: response.status,
          data: data,
          retryAfter: Number(response.headers.get('Retry-After')) || (data && data.retry_after) || 0
        };
      });
    }, function () {
      return { ok: false, status: 0, data: { detail: 'The connection failed. Check your network and try again.' } };
    });
  }

  /**
   * Sends one file as multipart/form-data (part `file`, after the text parts of `fields`), reporting progress as a
   * fraction. Resolves like `request`. XMLHttpRequest rather than fetch, because only it reports upload progress.
   */
  function upload(path, file, onProgress, fields) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/api' + path);
      xhr.setRequestHeader('Accept', 'application/json');
      if (state.accessToken) xhr.setRequestHeader('Authorization', 'Bearer ' + state.accessToken);
      xhr.upload.onprogress = function (event) { if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total); };
      xhr.onload = function () {
        var data = null;
        try { data = JSON.parse(xhr.responseText); } catch (error) { data = null; }
        resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, data: data });
      };
      xhr.onerror = function () { resolve({ ok: false, status: 0, data: { detail: 'The upload failed. Check your network and try again.' } }); };
      var form = new FormData();
      Object.keys(fields || {}).forEach(function (name) { form.append(name, fields[name]); });
      form.append('file', file, file.name);
      xhr.send(form);
    });
  }

  function schedule(expiresIn) {
    clearTimeout(state.timer);
    var delay = Math.max((expiresIn - 60) * 1000, 5000);
    state.timer = setTimeout(refresh, delay);
  }

  /** What the account menu of the static pages reads (`account-menu.js`): a first name and a kind, never a token. */
  var accountHint = 'agora.account';

  /** Keeps the answer of a sign-in (login, verification, refresh) in memory and schedules the next refresh. */
  function signIn(data) {
    state.accessToken = data.access_token;
    state.user = data.user;
    if (data.user && !viewing()) {
      try { localStorage.setItem(accountHint, JSON.stringify({ name: data.user.first_name, type: data.user.user_type })); } catch (error) { /* storage off */ }
    }
    schedule(data.expires_in || 900);
    notify('signed-in');
  }

  function forget(broadcast) {
    clearTimeout(state.timer);
    state.accessToken = null;
    state.user = null;
    if (!viewing()) {
      try { localStorage.removeItem(accountHint); } catch (error) { /* storage off */ }
    }
    if (broadcast && channel) channel.postMessage('signed-out');
    notify('signed-out');
  }

  /** The staff member's read-only view of an account in this tab, while it lasts. */
  function viewing() {
    try {
      var view = JSON.parse(sessionStorage.getItem('agora.viewAs') || 'null');
      return view && view.access_token && Date.parse(view.expires_at) > Date.now() ? view : null;
    } catch (error) {
      return null;
    }
  }

  /** Exchanges the refresh cookie for a new access token. Concurrent callers share one request. */
  function refresh() {
    var view = viewing();
    if (view) {
      state.accessToken = view.access_token;
      state.user = { id: view.user.id, first_name: view.user.first_name, last_name: view.user.last_name, email: view.user.email, user_type: view.user.user_type };
      return Promise.resolve(true);
    }
    if (sessionStorage.getItem('agora.viewAs')) {
      // The view ended: this tab signs nobody in, least of all the staff member whose cookie it holds.
      state.accessToken = null;
      return Promise.resolve(false);
    }
    if (state.refreshing) return state.refreshing;
    state.refreshing = fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return parse(response).then(function (data) {
          if (response.ok && data) {
            signIn(data);
            return true;
          }
          var hadSession = state.accessToken !== null;
          forget(hadSession);
          return false;
        });
      }, function () { return state.accessToken !== null; })
      .then(function (result) { state.refreshing = null; return result; });
    return state.refreshing;
  }

  function signOut(everywhere) {
    if (sessionStorage.getItem('agora.viewAs')) {
      sessionStorage.removeItem('agora.viewAs');
      forget(false);
      return Promise.resolve();
    }
    return request('POST', everywhere ? '/auth/logout-all' : '/auth/logout').then(function () { forget(true); });
  }

  /** A same-site path to go to after signing in, from ?next=, or the fallback. */
  /* Where to go after signing in: ?next= when it is a path on this site, else the fallback. The service applies the
   * same rule (SameSiteRedirect): browsers drop tabs and newlines and read a backslash as a slash, so any control
   * character or backslash refuses the target before it is resolved against this origin. */
  function nextPath(fallback) {
    var next = new URLSearchParams(location.search).get('next');
    if (next && next.charAt(0) === '/' && next.length <= 500 && !/[\u0000-\u001f\u007f\\]/.test(next)) {
      var resolved = new URL(next, location.origin);
      if (resolved.origin === location.origin) return resolved.pathname + resolved.search + resolved.hash;
    }
    return fallback || '/';
  }

  /** For app pages: resolves with the user when signed in; otherwise sends the visitor to the sign-in page. */
  function requireSignIn(roles) {
    return (state.accessToken ? Promise.resolve(true) : refresh()).then(function (signedIn) {
      if (!signedIn) {
        location.replace(paths.login + '?next=' + encodeURIComponent(location.pathname + location.search));
        return new Promise(function () {});
      }
      if (roles && roles.indexOf(state.user.user_type) < 0) {
        location.replace(paths.unauthorized);
        return new Promise(function () {});
      }
      return state.user;
    });
  }

  if (channel) {
    channel.onmessage = function (event) {
      if (event.data === 'signed-out' && state.accessToken && !viewing()) {
        forget(false);
        if (document.querySelector('[data-guard]')) location.replace(paths.login + '?next=' + encodeURIComponent(location.pathname));
      }
    };
  }

  // Forms: errors next to their fields, announced, and a summary the keyboard lands on.

  function alertBox(form) {
    return document.getElementById('form-alert');
  }

  function clearErrors(form) {
    form.querySelectorAll('[aria-invalid="true"]').forEach(function (input) { input.removeAttribute('aria-invalid'); });
    form.querySelectorAll('.field-error').forEach(function (element) { element.textContent = ''; });
    var alert = alertBox(form);
    if (alert) {
      alert.hidden = true;
      alert.textContent = '';
      alert.className = 'form-alert';
    }
  }

  function fieldError(name, message) {
    var element = document.getElementById(name + '-error');
    var input = document.getElementById(name) || document.querySelector('[name="' + name + '"]');
    if (input) input.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (element) element.textContent = message ? capitalize(message) : '';
    return Boolean(element);
  }

  function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function showAlert(message, kind) {
    var alert = document.getElementById('form-alert');
    if (!alert) return;
    alert.textContent = message;
    alert.className = 'form-alert ' + (kind || 'error');
    alert.hidden = false;
    alert.focus();
  }

  /** Shows a problem document: each field error beside its field, and a summary at the top. */
  function showProblem(form, result, fieldNames) {
    var data = result.data || {};
    var shown = 0;
    (data.errors || []).forEach(function (error) {
      var name = (fieldNames && fieldNames[error.field]) || error.field;
      if (fieldError(name, error.message)) shown += 1;
    });
    var message = data.detail || 'Something went wrong. Try again.';
    if (shown > 0) message = shown === 1 ? 'Please correct the field marked below.' : 'Please correct the ' + shown + ' fields marked below.';
    showAlert(message, 'error');
    var firstInvalid = form.querySelector('[aria-invalid="true"]');
    if (firstInvalid && shown > 0) firstInvalid.focus();
  }

  function busy(form, isBusy) {
    form.querySelectorAll('button[type="submit"]').forEach(function (button) {
      button.disabled = isBusy;
      button.setAttribute('aria-busy', String(isBusy));
    });
  }

  function passwordToggles(root) {
    (root || document).querySelectorAll('[data-toggle-password]').forEach(function (button) {
      button.addEventListener('click', function () {
        var input = document.getElementById(button.getAttribute('data-toggle-password'));
        var show = input.type === 'password';
        input.type = show ? 'text' : 'password';
        button.textContent = show ? 'Hide' : 'Show';
        button.setAttribute('aria-pressed', String(show));
      });
    });
  }

  /** Checks a password against the rules the page carries (written from the domain module) and rates it. */
  function passwordCheck(form, password) {
    var min = Number(form.getAttribute('data-password-min')) || 12;
    var maxBytes = Number(form.getAttribute('data-password-max-bytes')) || 72;
    var rules = {
      length: password.length >= min,
      upper: /\p{Lu}/u.test(password),
      lower: /\p{Ll}/u.test(password),
      digit: /\p{N}/u.test(password),
      symbol: /[^\p{L}\p{N}\s]/u.test(password)
    };
    var bytes = new TextEncoder().encode(password).length;
    var met = Object.keys(rules).filter(function (key) { return rules[key]; }).length;
    var score = met + Math.min(Math.floor(Math.max(password.length - min, 0) / 4), 3);
    return { rules: rules, tooLong: bytes > maxBytes, maxBytes: maxBytes, score: password ? score : 0, valid: met === 5 && bytes <= maxBytes };
  }

  /** Wires a password field to its rule list and strength meter. */
  function passwordMeter(form, input) {
    var bar = document.getElementById('strength-bar');
    var label = document.getElementById('strength-label');
    function update() {
      var check = passwordCheck(form, input.value);
      Object.keys(check.rules).forEach(function (rule) {
        var item = form.querySelector('[data-rule="' + rule + '"]');
        if (item) item.classList.toggle('met', check.rules[rule]);
      });
      var words = ['', 'Very weak', 'Very weak', 'Weak', 'Fair', 'Good', 'Strong', 'Very strong', 'Excellent'];
      var level = Math.min(check.score, 8);
      if (bar) {
        bar.style.width = (level / 8 * 100) + '%';
        bar.setAttribute('data-level', String(level));
      }
      if (label) label.textContent = check.tooLong ? 'Too long: at most ' + check.maxBytes + ' bytes' : (input.value ? 'Strength: ' + words[level] : '');
    }
    input.addEventListener('input', update);
    update();
    return function () { return passwordCheck(form, input.value); };
  }

  /** The filled-in fields of a search form as a query string, with `extra` pairs that have a value. */
  function formQuery(form, extra) {
    var parameters = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (String(value).trim()) parameters.set(key, String(value).trim()); });
    Object.keys(extra || {}).forEach(function (key) { if (extra[key]) parameters.set(key, extra[key]); });
    return parameters.toString();
  }

  function formValues(form) {
    var values = {};
    new FormData(form).forEach(function (value, key) { values[key] = typeof value === 'string' ? value.trim() : value; });
    return values;
  }

  /** Runs a dangerous request (`send` returns the request's promise). When the API asks for a recent proof of who is
   * asking (403 reauthentication-required), asks for the authenticator code, or the password for an account without
   * two factors, proves it, and sends the request again; a cancelled proof answers the first refusal. */
  function dangerous(send) {
    return send().then(function (result) {
      if (!(result.status === 403 && result.data && /reauthentication-required$/.test(result.data.type))) return result;
      return askForProof().then(function (proved) { return proved ? send() : result; });
    });
  }

  /** A modal form: its title and text, the fields `build` adds (given the form), an error line, a submit and a
   * cancel button. `send(done, fail, aside)` runs on submit: `done()` closes the dialog with success, `fail(message)`
   * shows the message, `aside(work)` steps the dialog aside while `work` (a function returning a promise) runs. Resolves with whether it succeeded once the dialog closes. */
  function modalForm(options) {
    return new Promise(function (resolve) {
      var dialog = document.createElement('dialog');
      dialog.className = 'reauth-dialog';
      dialog.setAttribute('aria-labelledby', options.id + '-title');
      var form = document.createElement('form');
      form.className = 'stack-form';
      form.noValidate = true;
      var title = document.createElement('h2');
      title.id = options.id + '-title';
      title.textContent = options.title;
      var text = document.createElement('p');
      text.textContent = options.text;
      form.appendChild(title);
      form.appendChild(text);
      var first = options.build(form);
      var error = document.createElement('p');
      error.className = 'field-error';
      error.id = options.id + '-error';
      error.setAttribute('aria-live', 'polite');
      first.setAttribute('aria-describedby', error.id);
      var submit = document.createElement('button');
      submit.type = 'submit';
      submit.className = 'button button-primary';
      submit.textContent = options.submit;
      var cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.className = 'button button-secondary';
      cancel.textContent = 'Cancel';
      [error, submit, cancel].forEach(function (element) { form.appendChild(element); });
      dialog.appendChild(form);
      var succeeded = false;
      var asideNow = false;
      cancel.addEventListener('click', function () { dialog.close(); });
      dialog.addEventListener('close', function () {
        if (asideNow) return;
        dialog.remove();
        resolve(succeeded);
      });
      /* A step another script shows over the page (a payment processor's card authentication) cannot be used while
       * this dialog keeps the rest of the page inert: the dialog closes for the step and opens again after it. */
      function aside(work) {
        asideNow = true;
        dialog.close();
        var finish = function () { asideNow = false; dialog.showModal(); };
        return Promise.resolve().then(work).then(function (value) { finish(); return value; }, function (reason) { finish(); return Promise.reject(reason); });
      }
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        submit.disabled = true;
        options.send(function () {
          succeeded = true;
          dialog.close();
        }, function (message) {
          submit.disabled = false;
          error.textContent = message;
          if (first.select) first.select();
        }, aside);
      });
      document.body.appendChild(dialog);
      dialog.showModal();
      first.focus();
    });
  }

  /** A labelled field added to a modal form; returns the control. */
  function modalField(form, id, label, control) {
    var text = document.createElement('label');
    text.htmlFor = id;
    text.textContent = label;
    control.id = id;
    form.appendChild(text);
    form.appendChild(control);
    return control;
  }

  function askForProof() {
    return request('GET', '/auth/two-factor').then(function (state) {
      var usesCode = state.ok && state.data.enabled;
      var input;
      return modalForm({
        id: 'reauth', title: 'Confirm it is you', submit: 'Confirm',
        text: usesCode ? 'Enter the code from your authenticator app (or a recovery code) to go on.' : 'Enter your password to go on.',
        build: function (form) {
          input = document.createElement('input');
          input.type = usesCode ? 'text' : 'password';
          input.autocomplete = usesCode ? 'one-time-code' : 'current-password';
          input.maxLength = usesCode ? 40 : 200;
          return modalField(form, 'reauth-input', usesCode ? 'Code' : 'Password', input);
        },
        send: function (done, fail) {
          var value = input.value.trim();
          if (!value) return fail('Required');
          request('POST', '/auth/reauthenticate', { body: usesCode ? { code: value } : { password: input.value } }).then(function (answer) {
            if (answer.ok) done(); else fail((answer.data && answer.data.detail) || 'That did not work. Try again.');
          });
        }
      });
    });
  }

  var REPORT_REASONS = [
    ['spam', 'Spam or advertising'], ['fraud', 'Fraud or a scam'], ['off-platform', 'Asks to pay or talk outside the platform'],
    ['abusive', 'Abusive or hateful'], ['inappropriate', 'Inappropriate'], ['copyright', 'Copies someone else\'s work'], ['other', 'Something else']
  ];

  /** Asks, in a dialog, why the person reports something (`subject`: order, proposal or testimonial), and sends the
   * report. Resolves with whether it was received. */
  function report(subject, id) {
    var reason;
    var detail;
    return modalForm({
      id: 'report', title: 'Report this ' + subject, submit: 'Send the report',
      text: 'A moderator will look at it. The author is not told who reported it.',
      build: function (form) {
        reason = document.createElement('select');
        REPORT_REASONS.forEach(function (pair) {
          var option = document.createElement('option');
          option.value = pair[0];
          option.textContent = pair[1];
          reason.appendChild(option);
        });
        modalField(form, 'report-reason', 'What is wrong', reason);
        detail = document.createElement('textarea');
        detail.rows = 3;
        detail.maxLength = 1000;
        modalField(form, 'report-detail', 'Details (optional)', detail);
        return reason;
      },
      send: function (done, fail) {
        request('POST', '/reports', { body: { subject: subject, id: id, reason: reason.value, detail: detail.value } }).then(function (answer) {
          if (answer.ok) done(); else fail((answer.data && answer.data.detail) || 'The report could not be sent. Try again.');
        });
      }
    });
  }

  /** The ?token= of an emailed link (43 URL-safe base64 characters), or null when it is missing or cut short. */
  function linkToken() {
    var token = new URLSearchParams(location.search).get('token') || '';
    return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
  }

  /** Fills a `<select>` with the open categories, a group per top-level category, each option a category's slug. */
  function categoryOptions(select) {
    return request('GET', '/categories', { auth: false }).then(function (result) {
      if (!result.ok) return;
      result.data.categories.forEach(function (root) {
        var group = document.createElement('optgroup');
        group.label = root.name;
        (root.children || []).forEach(function (child) {
          var option = document.createElement('option');
          option.textContent = child.name;
          option.value = child.slug;
          group.appendChild(option);
        });
        select.appendChild(group);
      });
    });
  }

  /** A new element with a class and text (text is always text, never markup). */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** A new SVG element with these attributes (text goes in through textContent, never markup). */
  function svg(tag, attributes) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, String(attributes[name])); });
    return node;
  }

  /** Bars side by side for each group on one shared scale, as an SVG drawing made here (no chart library, nothing
   * loaded from elsewhere). `groups`: `{ label, values }` along the bottom, one value per series; `series`: each
   * bar's CSS class; `title`: what the drawing says to a screen reader; `tip(group, index, value)`: each bar's title;
   * `scaleLabel(highest)`: the top of the scale's text; `labels`: how many groups may carry a label (8 by default). */
  function barChart(options) {
    var width = 720;
    var height = 220;
    var bottom = 24;
    var top = 12;
    var groups = options.groups;
    var count = options.series.length;
    var highest = Math.max(1, Math.max.apply(null, groups.map(function (group) { return Math.max.apply(null, group.values); })));
    var slot = width / Math.max(1, groups.length);
    var bar = Math.max(1, slot * 0.8 / count);
    var drawing = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart' });
    var title = svg('title', {});
    title.textContent = options.title;
    drawing.appendChild(title);
    var scale = function (value) { return (height - bottom - top) * Math.max(0, value) / highest; };
    drawing.appendChild(svg('line', { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: 'chart-axis' }));
    var highestLabel = svg('text', { x: 2, y: top - 2, class: 'chart-label' });
    highestLabel.textContent = options.scaleLabel ? options.scaleLabel(highest) : String(highest);
    drawing.appendChild(highestLabel);
    var every = Math.ceil(groups.length / (options.labels || 8));
    groups.forEach(function (group, index) {
      var x = index * slot + (slot - count * bar) / 2;
      options.series.forEach(function (className, offset) {
        var value = group.values[offset];
        var rectangle = svg('rect', { x: x + offset * bar, y: height - bottom - scale(value), width: bar, height: scale(value), class: className });
        var tip = svg('title', {});
        tip.textContent = options.tip(group, offset, value);
        rectangle.appendChild(tip);
        drawing.appendChild(rectangle);
      });
      if (index % every === 0) {
        var text = svg('text', { x: index === 0 ? 0 : index * slot + slot / 2, y: height - 6, 'text-anchor': index === 0 ? 'start' : 'middle', class: 'chart-label' });
        text.textContent = group.label;
        drawing.appendChild(text);
      }
    });
    return drawing;
  }

  /** A file the API serves to the signed-in account, as a blob with the name its Content-Disposition gives. */
  function fetchFile(url, name) {
    return fetch(url, { headers: { Authorization: 'Bearer ' + state.accessToken }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('download');
      var disposition = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      return response.blob().then(function (blob) { return { blob: blob, name: disposition ? disposition[1] : name }; });
    });
  }

  /** Saves a file the API serves to members only: the request carries the access token, so it goes through fetch
   * and a temporary link to the bytes. `name` is the name it is saved under when the answer does not give one. */
  function download(url, name) {
    return fetchFile(url, name).then(function (file) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(file.blob);
      link.download = file.name;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      return true;
    }).catch(function () { showAlert('The file could not be downloaded.'); return false; });
  }

  /** A client as providers see them (`ClientIdentityBody`): photo or initials, short name, company and country, since
   * when they are a member and what providers' reviews of them say, written into `container`. */
  function clientCard(container, identity) {
    container.textContent = '';
    var avatar = element('div', 'avatar');
    if (identity.photo) {
      var image = element('img');
      image.src = identity.photo.url;
      image.alt = '';
      image.width = 56;
      image.height = 56;
      avatar.appendChild(image);
    } else {
      avatar.textContent = identity.name.split(' ').map(function (part) { return part.charAt(0); }).join('').toUpperCase();
    }
    container.appendChild(avatar);
    var text = element('div');
    text.appendChild(element('strong', null, identity.name));
    var where = [identity.company, identity.country_name].filter(Boolean).join(' · ');
    if (where) text.appendChild(element('p', 'muted', where));
    text.appendChild(element('p', 'muted', 'Member since ' + new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' })
      .format(new Date(identity.member_since))));
    text.appendChild(element('p', 'muted', identity.rating_count
      ? '★ ' + identity.rating.toFixed(1) + ' from ' + identity.rating_count + ' provider review' + (identity.rating_count === 1 ? '' : 's')
      : 'No reviews from providers yet'));
    container.appendChild(text);
  }

  /**
   * The live socket (`/api/ws`): signs in with the first frame, answers the service's heartbeat (a tab that stops
   * answering for 90 seconds is disconnected), and after a drop connects again with a fresh token, waiting longer each
   * time. `handlers.ready()` runs each time it is signed in (the moment to subscribe), `handlers.frame(frame)` for every
   * other frame, `handlers.closed()` after a drop. Answers `send(frame)`, which drops a frame while it is not connected.
   */
  function live(handlers) {
    var socket = null;
    var retry = 0;
    function send(frame) {
      if (socket && socket.readyState === 1) socket.send(JSON.stringify(frame));
    }
    function connect() {
      socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/ws');
      socket.onopen = function () { send({ type: 'auth', token: state.accessToken }); };
      socket.onmessage = function (event) {
        var frame = JSON.parse(event.data);
        if (frame.type === 'ping') return send({ type: 'pong' });
        if (frame.type === 'ready') {
          retry = 0;
          return handlers.ready();
        }
        handlers.frame(frame);
      };
      socket.onclose = function () {
        socket = null;
        if (handlers.closed) handlers.closed();
        retry = Math.min(retry + 1, 6);
        setTimeout(function () { refresh().then(connect, connect); }, 500 * Math.pow(2, retry - 1));
      };
    }
    connect();
    return send;
  }

  window.Agora = {
    live: live,
    element: element,
    svg: svg,
    barChart: barChart,
    download: download,
    fetchFile: fetchFile,
    clientCard: clientCard,
    paths: paths,
    categoryOptions: categoryOptions,
    linkToken: linkToken,
    orderPath: orderPath,
    projectPath: projectPath,
    api: request,
    idempotencyKey: idempotencyKey,
    dangerous: dangerous,
    report: report,
    upload: upload,
    modal: { form: modalForm, field: modalField },
    auth: {
      signIn: signIn,
      signOut: signOut,
      refresh: refresh,
      requireSignIn: requireSignIn,
      nextPath: nextPath,
      user: function () { return state.user; },
      token: function () { return state.accessToken; },
      onChange: function (listener) { listeners.push(listener); }
    },
    forms: {
      clearErrors: clearErrors,
      fieldError: fieldError,
      showAlert: showAlert,
      showProblem: showProblem,
      busy: busy,
      passwordToggles: passwordToggles,
      passwordMeter: passwordMeter,
      values: formValues,
      query: formQuery
    }
  };
})();
