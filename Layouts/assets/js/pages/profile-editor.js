/* /settings/profile/ (providers): the provider's own profile. The form is filled from the working copy and saved as a
 * new version starting from the one it was read at; while the profile is not public it saves itself a moment after
 * each change. The service's field errors show beside their fields; completeness, publishing and the versions follow
 * each answer. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var page = document.querySelector('[data-guard]');
  var form = document.getElementById('profile-form');
  var rows = document.getElementById('language-rows');
  var levels = ['native', 'fluent', 'conversational', 'basic'];
  var times = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
  var dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  var statusText = {
    draft: 'A draft: only you see it.',
    pending: 'Waiting for review: an administrator looks at every first publication.',
    rejected: 'Not published: the review asked for changes.',
    published: 'Published: clients find you in search, and your page is online.',
    unpublished: 'Offline: only you see it; publish it again whenever you like.'
  };
  var state = { version: 0, status: 'draft', slug: null, timer: null, saving: false };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addLanguage(code, level) {
    var item = element('li', 'field-row');
    var codeField = element('input');
    codeField.type = 'text';
    codeField.maxLength = 2;
    codeField.size = 4;
    codeField.value = code || '';
    codeField.setAttribute('aria-label', 'Language code, such as fr');
    codeField.className = 'language-code';
    var levelField = element('select');
    levelField.className = 'language-level';
    levelField.setAttribute('aria-label', 'Level');
    levels.forEach(function (name) {
      var option = element('option', null, name);
      option.value = name;
      levelField.appendChild(option);
    });
    levelField.value = level || 'fluent';
    var remove = element('button', 'link-button', 'Remove');
    remove.type = 'button';
    remove.addEventListener('click', function () { item.remove(); changed(); });
    item.appendChild(codeField);
    item.appendChild(levelField);
    item.appendChild(remove);
    rows.appendChild(item);
    return codeField;
  }

  function list(text) {
    return text.split(',').map(function (part) { return part.trim(); }).filter(Boolean);
  }

  function payload() {
    var value = function (id) { return document.getElementById(id).value; };
    var body = {
      version: state.version, title: value('title'), bio: value('bio'), skills: list(value('skills')),
      categories: Array.prototype.filter.call(document.getElementById('categories').options, function (option) { return option.selected; })
        .map(function (option) { return option.value; }),
      languages: Array.prototype.map.call(rows.children, function (item) {
        return { code: item.querySelector('.language-code').value.trim().toLowerCase(), level: item.querySelector('.language-level').value };
      }).filter(function (language) { return language.code; }),
      city: value('city'), country: value('country'), remote: document.getElementById('remote').checked,
      availability: value('availability'), experience: value('experience'), education: value('education'), certifications: value('certifications')
    };
    if (value('hourly_rate').trim() || value('currency')) {
      body.hourly_rate = value('hourly_rate').trim();
      body.currency = value('currency');
    }
    if (value('available_from')) body.available_from = value('available_from');
    if (value('weekly_hours')) body.weekly_hours = Number(value('weekly_hours'));
    return body;
  }

  /** The day work resumes is asked only of a provider not available now. */
  function showAvailability() {
    var available = document.getElementById('availability').value === 'available';
    document.getElementById('available_from').closest('.field').hidden = available;
    if (available) document.getElementById('available_from').value = '';
  }

  function fill(content) {
    ['title', 'bio', 'city', 'country', 'availability', 'experience', 'education', 'certifications'].forEach(function (id) {
      document.getElementById(id).value = content[id] || (id === 'availability' ? 'available' : '');
    });
    document.getElementById('skills').value = content.skills.join(', ');
    document.getElementById('hourly_rate').value = content.hourly_rate || '';
    document.getElementById('currency').value = content.currency || '';
    document.getElementById('remote').checked = content.remote;
    document.getElementById('available_from').value = content.available_from || '';
    document.getElementById('weekly_hours').value = content.weekly_hours || '';
    Array.prototype.forEach.call(document.getElementById('categories').options, function (option) {
      option.selected = content.categories.indexOf(option.value) >= 0;
    });
    rows.textContent = '';
    content.languages.forEach(function (language) { addLanguage(language.code, language.level); });
    showAvailability();
  }

  /** Shows where the profile stands: status, review notes, completeness and what publishing needs. */
  function show(profile) {
    state.version = profile.version;
    state.status = profile.status;
    state.slug = profile.slug;
    document.getElementById('profile-status').textContent = statusText[profile.status];
    var held = document.getElementById('profile-held');
    held.hidden = profile.held_for.length === 0;
    held.textContent = 'Your latest changes wait for review (' + profile.held_for.join(', ') + '); the public sees the version before.';
    var refused = document.getElementById('profile-refused');
    refused.hidden = profile.status !== 'rejected' || !profile.refused_for;
    refused.textContent = 'The review said: ' + profile.refused_for;
    document.getElementById('completeness-meter').value = profile.completeness.score;
    document.getElementById('completeness-text').textContent = profile.completeness.score + '% complete.' +
      (profile.completeness.missing_for_publication.length ? ' To publish, add:' : '');
    var missing = document.getElementById('completeness-missing');
    missing.textContent = '';
    profile.completeness.missing_for_publication.forEach(function (part) { missing.appendChild(element('li', null, part.replace('_', ' '))); });
    var canPublish = ['draft', 'rejected', 'unpublished'].indexOf(profile.status) >= 0;
    document.getElementById('publish').hidden = !canPublish;
    document.getElementById('publish').disabled = profile.completeness.missing_for_publication.length > 0;
    document.getElementById('unpublish').hidden = ['published', 'pending'].indexOf(profile.status) < 0;
    document.getElementById('unpublish').textContent = profile.status === 'pending' ? 'Withdraw from review' : 'Take offline';
    var link = document.getElementById('public-page');
    link.hidden = profile.status !== 'published';
    link.href = profile.page_path;
    document.getElementById('save').textContent = profile.status === 'published' ? 'Save and publish the changes' : 'Save the draft';
  }

  function save(automatic) {
    clearTimeout(state.timer);
    if (state.saving) return Promise.resolve(false);
    state.saving = true;
    forms.clearErrors(form);
    return Agora.api('PUT', '/users/profile', { body: payload() }).then(function (result) {
      state.saving = false;
      var saved = document.getElementById('save-state');
      if (!result.ok) {
        saved.textContent = '';
        if (result.status === 409) forms.showAlert('Your profile was saved from another tab or device. Reload the page to go on from that version.', 'error');
        else if (!automatic) forms.showProblem(form, result);
        return false;
      }
      show(result.data.profile);
      var outcome = { saved: 'Draft saved at ', live: 'Published at ', held: 'Saved for review at ' }[result.data.outcome];
      saved.textContent = outcome + times.format(new Date()) + '.';
      loadVersions();
      return true;
    });
  }

  /** While the profile is not public, a change saves itself a moment later. */
  function changed() {
    if (state.status === 'published' || state.status === 'pending') return;
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { save(true); }, 1500);
  }

  function loadVersions() {
    return Agora.api('GET', '/users/profile/versions').then(function (result) {
      if (!result.ok) return;
      var listing = document.getElementById('versions');
      listing.textContent = '';
      result.data.versions.forEach(function (version) {
        var item = element('li', null, 'Version ' + version.number + ', ' + dates.format(new Date(version.created_at)) + ': ' + version.state +
          (version.changed_fields.length ? ' (' + version.changed_fields.join(', ').replace(/_/g, ' ') + ')' : ''));
        if (version.number !== state.version) {
          var restore = element('button', 'link-button', 'Restore');
          restore.type = 'button';
          restore.setAttribute('aria-label', 'Restore version ' + version.number);
          restore.addEventListener('click', function () {
            Agora.api('POST', '/users/profile/versions/' + version.id + '/restore', { body: { version: state.version } }).then(function (answer) {
              if (!answer.ok) return forms.showProblem(form, answer);
              show(answer.data.profile);
              fill(answer.data.profile.content);
              forms.showAlert('Version ' + version.number + ' is back, as version ' + answer.data.profile.version + '.', 'success');
              loadVersions();
            });
          });
          item.appendChild(document.createTextNode(' '));
          item.appendChild(restore);
        }
        listing.appendChild(item);
      });
    });
  }

  function loadCategories() {
    return Agora.api('GET', '/categories', { auth: false }).then(function (result) {
      if (!result.ok) return;
      var select = document.getElementById('categories');
      result.data.categories.forEach(function (root) {
        var group = element('optgroup');
        group.label = root.name;
        (root.children || []).forEach(function (child) {
          var option = element('option', null, child.name);
          option.value = child.slug;
          group.appendChild(option);
        });
        select.appendChild(group);
      });
    });
  }

  function act(path, done) {
    forms.clearErrors(form);
    Agora.api('POST', '/users/profile/' + path).then(function (result) {
      if (!result.ok) return forms.showProblem(form, result);
      show(result.data);
      forms.showAlert(done[result.data.status] || 'Done.', 'success');
    });
  }

  document.getElementById('publish').addEventListener('click', function () {
    save(false).then(function (saved) {
      if (saved) act('publish', { pending: 'Sent for review: you will get an email when it is decided.', published: 'Your profile is public again.' });
    });
  });
  document.getElementById('unpublish').addEventListener('click', function () {
    act('unpublish', { unpublished: 'Your profile is offline.', draft: 'Withdrawn from review: it is a draft again.' });
  });
  document.getElementById('add-language').addEventListener('click', function () { addLanguage('', 'fluent').focus(); });
  document.getElementById('availability').addEventListener('change', showAvailability);
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    save(false);
  });

  Agora.auth.requireSignIn(['provider']).then(function () {
    page.hidden = false;
    return loadCategories();
  }).then(function () {
    return Agora.api('GET', '/users/profile');
  }).then(function (result) {
    if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Your profile could not be read.', 'error');
    show(result.data);
    fill(result.data.content);
    loadVersions();
  });
})();
