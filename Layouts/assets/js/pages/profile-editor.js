/* /settings/profile/ (providers): the provider's own profile. The form is filled from the working copy and saved as a
 * new version starting from the one it was read at; while the profile is not public it saves itself a moment after
 * each change. The service's field errors show beside their fields; completeness, publishing and the versions follow
 * each answer. The photo is chosen, cropped (`Agora.photoCropper`) and sent on its own, outside the versions; the
 * experience, education and certifications lists are `Agora.backgroundEditor`s. A profile never saved starts with
 * the guided first run (`Agora.profileGuide`); "Preview your page" draws it as clients will see it
 * (`Agora.profilePreview`). */
(function () {
  'use strict';
  var forms = Agora.forms;
  var page = document.querySelector('[data-guard]');
  var form = document.getElementById('profile-form');
  var rows = document.getElementById('language-rows');
  var backgrounds = {};
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
  var state = { version: 0, status: 'draft', slug: null, timer: null, saving: false, initials: '', name: '', photo: null };

  var element = Agora.element;

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
      availability: value('availability')
    };
    Object.keys(backgrounds).forEach(function (field) { body[field] = backgrounds[field].values(); });
    if (value('hourly_rate').trim() || value('currency')) {
      body.hourly_rate = value('hourly_rate').trim();
      body.currency = value('currency');
    }
    if (value('available_from')) body.available_from = value('available_from');
    if (value('weekly_hours')) body.weekly_hours = Number(value('weekly_hours'));
    return body;
  }

  /** Suggests cities of the list as the provider types (`GET /api/cities`), fills an empty country from the one
   * chosen, and says whether the city is on the map, which searches by distance need. */
  var cities = { timer: null, found: [], asked: 0 };
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  }
  function cityHint() {
    var city = fold(document.getElementById('city').value);
    var country = document.getElementById('country').value.toUpperCase();
    var hint = document.getElementById('city-hint');
    if (!city) { hint.textContent = ''; return; }
    var listed = cities.found.filter(function (found) { return fold(found.name) === city && (!country || found.country === country); });
    hint.textContent = listed.length === 1 && country ? 'On the map: clients searching near ' + listed[0].name + ' find you.' :
      listed.length > 1 || (listed.length === 1 && !country) ? 'Choose the country too.' :
      'Not in our list of cities: you keep it as written, but searches by distance will not find you. Pick a suggestion if your city is there.';
  }
  function suggestCities() {
    clearTimeout(cities.timer);
    var typed = document.getElementById('city').value.trim();
    cities.asked += 1;
    if (typed.length < 2) { cities.found = []; cityHint(); return; }
    cities.timer = setTimeout(function () {
      var country = document.getElementById('country').value.trim();
      var query = '?q=' + encodeURIComponent(typed) + (/^[A-Za-z]{2}$/.test(country) ? '&country=' + country.toUpperCase() : '');
      // Only the latest question's answer counts: an earlier one arriving late must not fill the country.
      var asked = ++cities.asked;
      Agora.api('GET', '/cities' + query).then(function (result) {
        if (!result.ok || asked !== cities.asked) return;
        cities.found = result.data.cities;
        var list = document.getElementById('city-suggestions');
        list.textContent = '';
        cities.found.forEach(function (found) {
          var option = element('option');
          option.value = found.name;
          option.label = found.name + ', ' + found.country_name;
          list.appendChild(option);
        });
        var country = document.getElementById('country');
        var exact = cities.found.filter(function (found) { return fold(found.name) === fold(typed); });
        if (!country.value && exact.length === 1) country.value = exact[0].country;
        cityHint();
      });
    }, 250);
  }

  /** Offers skills of the catalogue (`GET /api/skills`): those of the chosen categories, or those starting with
   * the word being typed; a click adds one. Skills already listed are not offered. */
  var skillTimer = null;
  var skillsAsked = 0;
  function suggestSkills() {
    clearTimeout(skillTimer);
    skillsAsked += 1;
    skillTimer = setTimeout(function () {
      var field = document.getElementById('skills');
      var typed = field.value.split(',').pop().trim();
      var chosen = Array.prototype.filter.call(document.getElementById('categories').options, function (option) { return option.selected; })
        .map(function (option) { return option.value; });
      var query = '?' + (typed ? 'q=' + encodeURIComponent(typed) + '&' : '') + (chosen.length ? 'categories=' + chosen.join(',') : '');
      if (!typed && !chosen.length) return;
      // Only the latest question's answer fills the chips.
      var asked = ++skillsAsked;
      Agora.api('GET', '/skills' + query.replace(/[?&]$/, '')).then(function (result) {
        if (!result.ok || asked !== skillsAsked) return;
        var listed = list(field.value).map(function (skill) { return skill.toLowerCase(); });
        var target = document.getElementById('skill-suggestions');
        target.textContent = '';
        result.data.skills.filter(function (skill) { return listed.indexOf(skill.toLowerCase()) < 0; }).forEach(function (skill) {
          var item = element('li');
          var add = element('button', 'chip', '+ ' + skill);
          add.type = 'button';
          add.setAttribute('aria-label', 'Add ' + skill);
          add.addEventListener('click', function () {
            var kept = list(field.value);
            if (typed && kept.length && kept[kept.length - 1].toLowerCase() === typed.toLowerCase()) kept.pop();
            kept.push(skill);
            field.value = kept.join(', ');
            item.remove();
            changed();
          });
          item.appendChild(add);
          target.appendChild(item);
        });
      });
    }, 200);
  }

  /** The day work resumes is asked only of a provider not available now. */
  function showAvailability() {
    var available = document.getElementById('availability').value === 'available';
    document.getElementById('available_from').closest('.field').hidden = available;
    if (available) document.getElementById('available_from').value = '';
  }

  function fill(content) {
    ['title', 'bio', 'city', 'country', 'availability'].forEach(function (id) {
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
    if (content.city) suggestCities();
    suggestSkills();
    Object.keys(backgrounds).forEach(function (field) { backgrounds[field].fill(content[field] || []); });
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
    var optional = profile.completeness.missing.filter(function (part) { return profile.completeness.missing_for_publication.indexOf(part) < 0; });
    document.getElementById('completeness-extra').textContent = optional.length ? 'Also worth adding: ' + optional.join(', ').replace(/_/g, ' ') + '.' : '';
    var canPublish = ['draft', 'rejected', 'unpublished'].indexOf(profile.status) >= 0;
    document.getElementById('publish').hidden = !canPublish;
    document.getElementById('publish').disabled = profile.completeness.missing_for_publication.length > 0;
    document.getElementById('unpublish').hidden = ['published', 'pending'].indexOf(profile.status) < 0;
    document.getElementById('unpublish').textContent = profile.status === 'pending' ? 'Withdraw from review' : 'Take offline';
    var link = document.getElementById('public-page');
    link.hidden = profile.status !== 'published';
    link.href = profile.page_path;
    document.getElementById('save').textContent = profile.status === 'published' ? 'Save and publish the changes' : 'Save the draft';
    state.photo = profile.photo;
    photo.show(profile.photo);
  }

  var photo = Agora.photoCropper.picker({
    path: '/users/profile/photo',
    initials: function () { return state.initials; },
    done: function (profile, removed) {
      show(profile);
      forms.showAlert(removed ? 'Your photo is removed.' : state.status === 'published' ? 'Your new photo is on your public page.' : 'Your photo is saved.', 'success');
    },
    failed: function (result) { forms.showProblem(form, result); }
  });

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
  /** The page as clients will see it, from what the form holds now. */
  function showPreview() {
    var categories = {};
    Array.prototype.forEach.call(document.getElementById('categories').options, function (option) { categories[option.value] = option.textContent.trim(); });
    Agora.profilePreview.draw(document.getElementById('preview-page'), payload(), {
      name: state.name, initials: state.initials, photo: state.photo, categories: categories
    });
    var panel = document.getElementById('profile-preview');
    panel.hidden = false;
    panel.focus();
  }
  document.getElementById('preview-open').addEventListener('click', showPreview);
  document.getElementById('preview-close').addEventListener('click', function () {
    document.getElementById('profile-preview').hidden = true;
    document.getElementById('preview-open').focus();
  });
  document.getElementById('add-language').addEventListener('click', function () { addLanguage('', 'fluent').focus(); });
  document.querySelectorAll('[data-background]').forEach(function (fieldset) {
    backgrounds[fieldset.getAttribute('data-background')] = Agora.backgroundEditor.attach(fieldset, changed);
  });
  document.getElementById('availability').addEventListener('change', showAvailability);
  document.getElementById('skills').addEventListener('input', suggestSkills);
  document.getElementById('categories').addEventListener('change', suggestSkills);
  document.getElementById('city').addEventListener('input', suggestCities);
  document.getElementById('country').addEventListener('input', suggestCities);
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    save(false);
  });

  Agora.auth.requireSignIn(['provider']).then(function () {
    var user = Agora.auth.user() || {};
    state.initials = ((user.first_name || '').charAt(0) + (user.last_name || '').charAt(0)).toUpperCase();
    state.name = [user.first_name, user.last_name].filter(Boolean).join(' ');
    page.hidden = false;
    return Agora.categoryOptions(document.getElementById('categories'));
  }).then(function () {
    return Agora.api('GET', '/users/profile');
  }).then(function (result) {
    if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Your profile could not be read.', 'error');
    show(result.data);
    fill(result.data.content);
    loadVersions();
    // A profile never saved starts with the guide.
    if (result.data.version === 0 && result.data.status === 'draft') Agora.profileGuide.start(function () { return save(false); });
  });
})();
