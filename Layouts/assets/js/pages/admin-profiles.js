/* /admin/profiles/ (moderation.decide): the profiles waiting for review, oldest first — first publications and held
 * changes — each shown as the provider wrote it (text only), with approve and refuse; refusing needs a reason, which
 * the provider is emailed. Each decision is audited. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var list = document.getElementById('profile-list');

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fact(facts, term, value) {
    if (!value) return;
    facts.appendChild(element('dt', null, term));
    facts.appendChild(element('dd', null, value));
  }

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
    fact(facts, 'Title', content.title);
    fact(facts, 'About', content.bio);
    fact(facts, 'Categories', content.categories.join(', '));
    fact(facts, 'Skills', content.skills.join(', '));
    fact(facts, 'Rate', content.hourly_rate ? content.hourly_rate + ' ' + content.currency + ' an hour' : '');
    fact(facts, 'Experience', content.experience);
    fact(facts, 'Changed', profile.version.changed_fields.join(', ').replace(/_/g, ' '));
    item.appendChild(facts);
    var approve = element('button', 'button button-primary small', 'Approve');
    approve.type = 'button';
    approve.setAttribute('aria-describedby', heading.id);
    approve.addEventListener('click', function () { decide(profile, 'approve'); });
    var reasonLabel = element('label', null, 'Reason to refuse (the provider is told)');
    var reason = element('input');
    reason.type = 'text';
    reason.id = 'reason-' + profile.user_id;
    reason.maxLength = 2000;
    reasonLabel.htmlFor = reason.id;
    var refuse = element('button', 'button button-secondary small', 'Refuse');
    refuse.type = 'button';
    refuse.setAttribute('aria-describedby', heading.id);
    refuse.addEventListener('click', function () {
      if (!reason.value.trim()) {
        forms.showAlert('Say why the profile is refused: the provider is told.', 'error');
        return reason.focus();
      }
      decide(profile, 'reject', reason.value.trim());
    });
    var row = element('div', 'button-row');
    row.appendChild(approve);
    row.appendChild(reasonLabel);
    row.appendChild(reason);
    row.appendChild(refuse);
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
