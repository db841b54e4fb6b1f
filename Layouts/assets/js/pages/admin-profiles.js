/* /admin/profiles/ (moderation.decide): the profiles waiting for review, oldest first — first publications and held
 * changes — each shown as the provider wrote it (text only), with approve and refuse; refusing needs a reason, which
 * the provider is emailed. Each decision is audited. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var list = document.getElementById('profile-list');

  var element = Agora.element;

  function decide(profile, decision, reason) {
    return Agora.api('POST', '/admin/profiles/' + profile.user_id + '/' + decision, { body: reason ? { reason: reason } : {} }).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Nothing changed.', 'error');
      forms.showAlert(profile.name + ': ' + (decision === 'approve' ? 'approved.' : 'refused, and told why.'), 'success');
      load();
    });
  }

  function entry(profile) {
    var content = profile.version.content;
    var item = element('li', 'moderation-item');
    var heading = element('h2', null, profile.name + ' — ' + (profile.first_publication ? 'first publication' : 'a change held for ' + profile.version.review_reasons.join(', ')));
    heading.id = 'profile-' + profile.user_id;
    item.appendChild(heading);
    var facts = element('dl', 'facts');
    Agora.admin.fact(facts, 'Title', content.title);
    Agora.admin.fact(facts, 'About', content.bio);
    Agora.admin.fact(facts, 'Categories', content.categories.join(', '));
    Agora.admin.fact(facts, 'Skills', content.skills.join(', '));
    Agora.admin.fact(facts, 'Rate', content.hourly_rate ? content.hourly_rate + ' ' + content.currency + ' an hour' : '');
    [['Experience', content.experience], ['Education', content.education], ['Certifications', content.certifications]].forEach(function (pair) {
      Agora.admin.fact(facts, pair[0], pair[1].map(function (line) {
        return [line.title, line.organisation, line.description, line.link].filter(Boolean).join(' — ');
      }).join('\n'));
    });
    Agora.admin.fact(facts, 'Changed', profile.version.changed_fields.join(', ').replace(/_/g, ' '));
    item.appendChild(facts);
    var row = Agora.admin.decisionRow({ id: profile.user_id, describedBy: heading.id, what: 'the profile', maxLength: 2000 }, function (decision, reason) {
      decide(profile, decision, reason);
    });
    item.appendChild(row);
    return item;
  }

  function load() {
    Agora.api('GET', '/admin/profiles').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The profiles could not be loaded.', 'error');
      list.textContent = '';
      result.data.profiles.forEach(function (profile) { list.appendChild(entry(profile)); });
      document.getElementById('profiles-empty').hidden = result.data.profiles.length > 0;
    });
  }

  Agora.admin.start('profiles').then(load);
})();
