/* /settings/profile/export/ (providers): everything the provider wrote about themselves, read from
 * `GET /api/users/profile/export`, laid out to read and print (the print style hides the site's frame and the
 * buttons), and downloadable as the same JSON file. Every value is set as text. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var target = document.getElementById('export');
  var element = Agora.element;
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
  var moments = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  var exported = null;

  function section(title) {
    var part = element('section', 'export-section');
    part.appendChild(element('h2', null, title));
    target.appendChild(part);
    return part;
  }

  function facts(part, pairs) {
    var list = element('dl', 'facts');
    pairs.filter(function (pair) { return pair[1]; }).forEach(function (pair) {
      list.appendChild(element('dt', null, pair[0]));
      list.appendChild(element('dd', null, pair[1]));
    });
    part.appendChild(list);
  }

  function paragraphs(part, text) {
    (text || '').split(/\n\s*\n/).filter(function (block) { return block.trim(); }).forEach(function (block) {
      part.appendChild(element('p', null, block.trim()));
    });
  }

  function month(text) {
    if (!text) return '';
    var parts = text.split('-');
    return new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1, 1)));
  }

  function background(title, entries, openEnd) {
    if (!entries.length) return;
    var part = section(title);
    var list = element('ol', 'background');
    entries.forEach(function (entry) {
      var item = element('li');
      item.appendChild(element('h3', null, entry.title));
      if (entry.organisation) item.appendChild(element('p', 'background-where', entry.organisation));
      if (entry.start) item.appendChild(element('p', 'muted', month(entry.start) + ' – ' + (entry.end ? month(entry.end) : openEnd)));
      paragraphs(item, entry.description);
      if (entry.link) item.appendChild(element('p', null, entry.link));
      list.appendChild(item);
    });
    part.appendChild(list);
  }

  function show(data) {
    var profile = data.profile;
    var content = profile.content;
    target.textContent = '';
    target.appendChild(element('h1', 'print-only', 'Provider profile'));
    var heading = element('h2', null, data.account.name);
    target.appendChild(heading);
    if (content.title) target.appendChild(element('p', 'lead', content.title));
    facts(target, [
      ['Email', data.account.email],
      ['Status', profile.status + ', version ' + profile.version + ', ' + profile.completeness.score + '% complete'],
      ['Public page', profile.status === 'published' ? location.origin + profile.page_path : ''],
      ['Location', content.city ? content.city + ', ' + content.country : ''],
      ['Works remotely', content.remote ? 'Yes' : 'No'],
      ['Hourly rate', content.hourly_rate ? content.hourly_rate + ' ' + content.currency : ''],
      ['Availability', content.availability.replace('_', ' ') + (content.available_from ? ', from ' + content.available_from : '')],
      ['Hours a week', content.weekly_hours ? String(content.weekly_hours) : ''],
      ['Languages', content.languages.map(function (language) { return language.code + ' (' + language.level + ')'; }).join(', ')],
      ['Categories', content.categories.join(', ')],
      ['Skills', content.skills.join(', ')],
      ['Member since', days.format(new Date(data.account.member_since))]
    ]);
    if (content.bio) paragraphs(section('About'), content.bio);
    background('Experience', content.experience, 'present');
    background('Education', content.education, 'present');
    background('Certifications', content.certifications, 'no expiry');
    if (data.portfolio.length) {
      var portfolio = section('Portfolio');
      data.portfolio.forEach(function (item) {
        var entry = element('div', 'export-item');
        entry.appendChild(element('h3', null, item.title + ' (' + item.status + ')'));
        paragraphs(entry, item.description);
        if (item.link) entry.appendChild(element('p', null, item.link));
        (item.images || []).forEach(function (image) {
          var picture = element('img');
          picture.src = image.url;
          picture.width = 240;
          picture.alt = image.caption || item.title;
          picture.loading = 'lazy';
          entry.appendChild(picture);
        });
        portfolio.appendChild(entry);
      });
    }
    if (data.verifications.length) {
      var verifications = section('Verification requests');
      var list = element('ul');
      data.verifications.forEach(function (request) {
        list.appendChild(element('li', null, request.kind_title + ': ' + request.status + ', sent ' + days.format(new Date(request.created_at)) +
          (request.reason ? ' — ' + request.reason : '')));
      });
      verifications.appendChild(list);
    }
    var versions = section('Saved versions');
    var history = element('ol', 'plain-list');
    data.versions.forEach(function (version) {
      history.appendChild(element('li', null, 'Version ' + version.number + ', ' + moments.format(new Date(version.created_at)) + ': ' + version.state +
        (version.changed_fields.length ? ' (' + version.changed_fields.join(', ').replace(/_/g, ' ') + ')' : '')));
    });
    versions.appendChild(history);
    target.appendChild(element('p', 'muted', 'Exported on ' + moments.format(new Date(data.exported_at)) + '.'));
    target.setAttribute('aria-busy', 'false');
  }

  document.getElementById('download').addEventListener('click', function () {
    if (!exported) return;
    var file = new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' });
    var link = element('a');
    link.href = URL.createObjectURL(file);
    link.download = 'agora-profile-' + exported.profile.slug + '-' + exported.exported_at.slice(0, 10) + '.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });
  document.getElementById('print').addEventListener('click', function () { window.print(); });

  Agora.auth.requireSignIn(['provider']).then(function () {
    page.hidden = false;
    return Agora.api('GET', '/users/profile/export');
  }).then(function (result) {
    if (!result.ok) {
      target.textContent = '';
      return Agora.forms.showAlert((result.data && result.data.detail) || 'Your profile could not be read.', 'error');
    }
    exported = result.data;
    show(result.data);
  });
})();
