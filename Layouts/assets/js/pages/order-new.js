/*
 * /orders/new/ (clients): the order wizard. Category → details (Markdown with the service's own preview) → files
 * (drag and drop, each with its progress) → budget and deadline in a time zone → requirements → review. Everything
 * typed is kept in this browser as it changes, so a closed tab loses nothing; files are sent once the order exists
 * (as a draft), and the order is opened when they are all in. With ?edit=ID it changes an order instead.
 */
(function () {
  'use strict';
  var forms = Agora.forms;
  var page = document.querySelector('[data-guard]');
  var form = document.getElementById('order-form');
  var steps = Array.prototype.slice.call(form.querySelectorAll('.wizard-step'));
  var stepLinks = Array.prototype.slice.call(document.querySelectorAll('[data-step-link]'));
  var storageKey = 'agora-order-draft';
  var query = new URLSearchParams(location.search);
  var editID = query.get('edit');
  // Quick request from a provider's card: the order also goes to that provider.
  var invitedID = /^[0-9]+$/.test(query.get('provider') || '') ? Number(query.get('provider')) : null;
  var current = 0;
  var files = [];
  var existingFiles = [];
  var requirements = [];
  var limits = {
    maxFiles: Number(form.dataset.maxFiles),
    maxBytes: Number(form.dataset.maxFileMb) * 1048576,
    maxRequirements: Number(form.dataset.maxRequirements)
  };
  // The step that holds each field, to open it when the service names the field.
  var stepOfField = {
    category_id: 0, title: 1, description: 1, skills: 1, priority: 1, visibility: 1, file: 2,
    budget_min: 3, budget_max: 3, currency: 3, deadline: 3, time_zone: 3, location: 3, country: 3, latitude: 3,
    longitude: 3, radius_km: 3, requirements: 4
  };

  var element = Agora.element;

  function show(index) {
    current = Math.max(0, Math.min(steps.length - 1, index));
    steps.forEach(function (step, position) { step.hidden = position !== current; });
    stepLinks.forEach(function (link, position) {
      if (position === current) link.setAttribute('aria-current', 'step'); else link.removeAttribute('aria-current');
    });
    document.getElementById('wizard-back').hidden = current === 0;
    document.getElementById('wizard-next').hidden = current === steps.length - 1;
    document.getElementById('wizard-submit').hidden = current !== steps.length - 1;
    document.getElementById('save-draft').hidden = current !== steps.length - 1 || Boolean(editID);
    if (current === steps.length - 1) drawReview();
    var legend = steps[current].querySelector('legend');
    if (legend) { legend.tabIndex = -1; legend.focus(); }
  }

  // Categories: the tree as nested option groups.
  function loadCategories() {
    return Agora.api('GET', '/categories', { auth: false }).then(function (result) {
      if (!result.ok) return;
      var select = document.getElementById('category_id');
      var wanted = query.get('category');
      result.data.categories.forEach(function (root) {
        var group = element('optgroup');
        group.label = root.name;
        group.appendChild(option(root.id, root.name + ' (all)'));
        (root.children || []).forEach(function (child) {
          group.appendChild(option(child.id, child.name));
          if (child.slug === wanted) select.dataset.preselect = String(child.id);
        });
        if (root.slug === wanted) select.dataset.preselect = String(root.id);
        select.appendChild(group);
      });
      if (select.dataset.preselect) select.value = select.dataset.preselect;
    });
  }

  function option(value, label) {
    var node = element('option', null, label);
    node.value = String(value);
    return node;
  }

  function loadTimeZones() {
    var select = document.getElementById('time_zone');
    var own = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    var zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [own, 'UTC'];
    if (zones.indexOf(own) < 0) zones.unshift(own);
    zones.forEach(function (zone) { select.appendChild(option(zone, zone.replace(/_/g, ' '))); });
    select.value = own;
  }

  // Markdown preview, rendered by the service so it matches what providers see.
  var previewTimer = null;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(function () {
      var text = document.getElementById('description').value;
      var target = document.getElementById('description-preview');
      if (!text.trim()) { target.textContent = ''; return; }
      Agora.api('POST', '/markdown/preview', { body: { markdown: text } }).then(function (result) {
        // The service's Markdown engine escapes text and drops raw HTML: its output is safe to insert.
        if (result.ok) target.innerHTML = result.data.html;
      });
    }, 300);
  }

  // Files: chosen or dropped, checked against the limits here, sent after the order is saved.
  function addFiles(list) {
    var error = document.getElementById('file-error');
    error.textContent = '';
    Array.prototype.forEach.call(list, function (file) {
      if (files.length + existingFiles.length >= limits.maxFiles) { error.textContent = 'An order holds at most ' + limits.maxFiles + ' files.'; return; }
      if (file.size === 0) { error.textContent = '“' + file.name + '” is empty.'; return; }
      if (file.size > limits.maxBytes) { error.textContent = '“' + file.name + '” is larger than ' + form.dataset.maxFileMb + ' MB.'; return; }
      files.push({ file: file, progress: null, state: 'waiting' });
    });
    drawFiles();
  }

  function drawFiles() {
    var list = document.getElementById('file-list');
    list.textContent = '';
    existingFiles.forEach(function (file) {
      var item = element('li', 'file-item');
      item.appendChild(element('span', 'file-name', file.file_name));
      item.appendChild(element('span', 'muted', Math.ceil(file.byte_size / 1024) + ' KB, attached'));
      var remove = element('button', 'link-button', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Remove ' + file.file_name);
      remove.addEventListener('click', function () {
        Agora.api('DELETE', '/orders/' + editID + '/files/' + file.id).then(function (answer) {
          if (!answer.ok) { forms.showAlert((answer.data && answer.data.detail) || 'The file was not removed.'); return; }
          existingFiles = existingFiles.filter(function (other) { return other.id !== file.id; });
          drawFiles();
        });
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
    files.forEach(function (entry, index) {
      var item = element('li', 'file-item');
      item.appendChild(element('span', 'file-name', entry.file.name));
      var bar = element('progress');
      bar.max = 1;
      bar.value = entry.progress || 0;
      bar.setAttribute('aria-label', 'Upload of ' + entry.file.name);
      item.appendChild(bar);
      item.appendChild(element('span', 'file-state muted', entry.state === 'failed' ? entry.error : entry.state === 'sent' ? 'Sent' : Math.ceil(entry.file.size / 1024) + ' KB'));
      if (entry.state !== 'sent') {
        var remove = element('button', 'link-button', 'Remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', 'Remove ' + entry.file.name);
        remove.addEventListener('click', function () { files.splice(index, 1); drawFiles(); });
        item.appendChild(remove);
      }
      list.appendChild(item);
    });
  }

  function drawRequirements() {
    var list = document.getElementById('requirement-list');
    list.textContent = '';
    requirements.forEach(function (text, index) {
      var item = element('li', null, text + ' ');
      var remove = element('button', 'link-button', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Remove ' + text);
      remove.addEventListener('click', function () { requirements.splice(index, 1); drawRequirements(); save(); });
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function addRequirement() {
    var input = document.getElementById('requirement-text');
    var text = input.value.trim();
    if (!text) return;
    if (requirements.length >= limits.maxRequirements) { forms.fieldError('requirements', 'at most ' + limits.maxRequirements + ' requirements'); return; }
    requirements.push(text);
    input.value = '';
    drawRequirements();
    save();
  }

  function toggleLocation() {
    var kind = document.getElementById('location').value;
    document.getElementById('country-field').hidden = kind !== 'country';
    document.getElementById('near-fields').hidden = kind !== 'near';
  }

  // The request body from the form: only the fields the chosen location needs.
  function body() {
    var values = forms.values(form);
    var order = {
      title: values.title, description: document.getElementById('description').value, category_id: Number(values.category_id) || null,
      budget_min: values.budget_min, budget_max: values.budget_max, currency: values.currency,
      deadline: values.deadline, time_zone: values.time_zone, priority: values.priority, visibility: values.visibility,
      location: values.location,
      skills: values.skills ? values.skills.split(',').map(function (skill) { return skill.trim(); }).filter(Boolean) : [],
      requirements: requirements.slice()
    };
    if (values.location === 'country') order.country = values.country;
    if (values.location === 'near') {
      order.latitude = Number(values.latitude);
      order.longitude = Number(values.longitude);
      order.radius_km = Number(values.radius_km);
    }
    return order;
  }

  // Autosave: the fields and the checklist, in this browser only (files cannot be kept).
  function save() {
    if (editID) return;
    var values = forms.values(form);
    values.description = document.getElementById('description').value;
    values.requirements = requirements;
    values.step = current;
    try { localStorage.setItem(storageKey, JSON.stringify(values)); } catch (error) { /* storage full or off: nothing to keep */ }
  }

  function fill(values) {
    Object.keys(values).forEach(function (name) {
      var input = form.elements[name];
      if (input && typeof values[name] === 'string' && input.type !== 'file') input.value = values[name];
    });
    requirements = Array.isArray(values.requirements) ? values.requirements.filter(function (text) { return typeof text === 'string'; }) : [];
    drawRequirements();
    toggleLocation();
    schedulePreview();
  }

  function restore() {
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch (error) { saved = null; }
    if (!saved || typeof saved !== 'object') return;
    fill(saved);
    document.getElementById('draft-note').hidden = false;
    show(Number(saved.step) || 0);
  }

  function loadForEdit() {
    return Agora.api('GET', '/orders/' + encodeURIComponent(editID)).then(function (result) {
      if (!result.ok) { forms.showAlert((result.data && result.data.detail) || 'This order cannot be opened.'); return; }
      var order = result.data;
      document.getElementById('wizard-title').textContent = 'Change order ' + order.reference_number;
      document.getElementById('wizard-lead').textContent = 'Change what you need; the order keeps a history of every change.';
      document.getElementById('wizard-submit').textContent = 'Save the changes';
      fill({
        category_id: String(order.category.id), title: order.title, description: order.description, skills: order.skills.join(', '),
        priority: order.priority, visibility: order.visibility, budget_min: order.budget.min.amount,
        budget_max: order.budget.max.amount, currency: order.budget.min.currency,
        deadline: order.deadline.local, time_zone: order.deadline.time_zone, location: order.location.kind,
        country: order.location.country || '', latitude: order.location.latitude ? String(order.location.latitude) : '',
        longitude: order.location.longitude ? String(order.location.longitude) : '', radius_km: order.location.radius_km ? String(order.location.radius_km) : '',
        requirements: order.requirements
      });
      existingFiles = order.files || [];
      drawFiles();
    });
  }

  function drawReview() {
    var review = document.getElementById('review');
    review.textContent = '';
    var order = body();
    var category = document.getElementById('category_id');
    var rows = [
      ['Category', category.selectedIndex > 0 ? category.options[category.selectedIndex].textContent : '—'],
      ['Title', order.title || '—'],
      ['Budget', (order.budget_min || '?') + ' – ' + (order.budget_max || '?') + ' ' + order.currency],
      ['Deadline', (order.deadline || '—').replace('T', ' ') + ' (' + order.time_zone + ')'],
      ['Priority', order.priority],
      ['Skills', order.skills.join(', ') || '—'],
      ['Requirements', order.requirements.length ? order.requirements.join('; ') : '—'],
      ['Files', files.length + existingFiles.length ? files.map(function (entry) { return entry.file.name; }).concat(existingFiles.map(function (file) { return file.file_name; })).join(', ') : '—']
    ];
    rows.forEach(function (row) {
      review.appendChild(element('dt', null, row[0]));
      review.appendChild(element('dd', null, row[1]));
    });
  }

  function showProblem(result) {
    forms.showProblem(form, result, {});
    var first = (result.data && result.data.errors || [])[0];
    if (first) {
      var field = first.field.replace(/\[.*$/, '');
      if (stepOfField[field] !== undefined) show(stepOfField[field]);
    }
  }

  // Files one after another, each with its progress; a refused file is shown with its reason and kept out.
  function sendFiles(orderID) {
    var waiting = files.filter(function (entry) { return entry.state !== 'sent'; });
    return waiting.reduce(function (previous, entry) {
      return previous.then(function (allSent) {
        entry.state = 'sending';
        return Agora.upload('/orders/' + orderID + '/files', entry.file, function (fraction) {
          entry.progress = fraction;
          drawFiles();
        }).then(function (result) {
          entry.state = result.ok ? 'sent' : 'failed';
          entry.progress = result.ok ? 1 : 0;
          if (!result.ok) entry.error = (result.data && result.data.detail) || ((result.data && result.data.errors && result.data.errors[0].message) ? 'File ' + result.data.errors[0].message : 'Not sent');
          drawFiles();
          return allSent && result.ok;
        });
      });
    }, Promise.resolve(true));
  }

  function submit(asDraft) {
    forms.clearErrors(form);
    forms.busy(form, true);
    var request = editID
      ? Agora.api('PATCH', '/orders/' + encodeURIComponent(editID), { body: body() })
      : Agora.api('POST', '/orders', { body: Object.assign(body(), { draft: true }, invitedID ? { invite: [invitedID] } : {}) });
    return request.then(function (result) {
      if (!result.ok) { forms.busy(form, false); showProblem(result); return; }
      var order = result.data;
      try { localStorage.removeItem(storageKey); } catch (error) { /* nothing kept */ }
      return sendFiles(order.id).then(function (allSent) {
        if (!allSent) {
          forms.busy(form, false);
          editID = String(order.id);
          forms.showAlert('The order is saved as a draft, but some files were refused (see below). Remove or replace them, then send again.');
          show(2);
          return;
        }
        if (asDraft || order.status !== 'draft') { location.href = Agora.orderPath(order.id); return; }
        return Agora.api('POST', '/orders/' + order.id + '/publish').then(function (published) {
          if (!published.ok) { forms.busy(form, false); showProblem(published); return; }
          location.href = Agora.orderPath(order.id);
        });
      });
    });
  }

  Agora.auth.requireSignIn(['client']).then(function () {
    page.hidden = false;
    loadTimeZones();
    // The marketplace settles mostly in euros; the client picks another currency when they need one.
    document.getElementById('currency').value = 'EUR';
    return loadCategories();
  }).then(function () {
    if (editID) return loadForEdit();
    restore();
    if (invitedID) {
      var note = document.getElementById('invite-note');
      note.textContent = 'This order will also be sent to ' + (query.get('name') || 'the provider you chose') + '.';
      note.hidden = false;
    }
  });

  stepLinks.forEach(function (link, index) { link.addEventListener('click', function () { show(index); }); });
  document.getElementById('wizard-next').addEventListener('click', function () { show(current + 1); save(); });
  document.getElementById('wizard-back').addEventListener('click', function () { show(current - 1); });
  document.getElementById('save-draft').addEventListener('click', function () { submit(true); });
  form.addEventListener('submit', function (event) { event.preventDefault(); submit(false); });
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  document.getElementById('description').addEventListener('input', schedulePreview);
  document.getElementById('location').addEventListener('change', toggleLocation);
  document.getElementById('requirement-add').addEventListener('click', addRequirement);
  document.getElementById('requirement-text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); addRequirement(); }
  });
  document.getElementById('draft-discard').addEventListener('click', function () {
    try { localStorage.removeItem(storageKey); } catch (error) { /* nothing kept */ }
    location.reload();
  });
  var input = document.getElementById('files');
  input.addEventListener('change', function () { addFiles(input.files); input.value = ''; });
  var zone = document.getElementById('drop-zone');
  zone.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); input.click(); } });
  ['dragenter', 'dragover'].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('dragging'); });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.remove('dragging'); });
  });
  zone.addEventListener('drop', function (event) { addFiles(event.dataTransfer.files); });
  show(0);
})();
