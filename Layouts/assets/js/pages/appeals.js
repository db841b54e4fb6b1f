/* /appeals/ (signed in): the moderators' decisions on what the person wrote, each with its reason, and a form to
 * appeal the ones still open to it. Text reaches the page through textContent only. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var list = document.getElementById('decisions-list');
  var NOUNS = { order: 'Your order', proposal: 'Your proposal', testimonial: 'Your testimonial' };
  var WORDS = { edit: 'edited', remove: 'removed', warn: 'a warning', suspend: 'removed, and the account suspended' };
  var OUTCOMES = { upheld: 'The decision stands.', overturned: 'The decision was undone.' };

  function text(parent, tag, content, className) {
    var node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    parent.appendChild(node);
    return node;
  }

  function appealForm(item, decision) {
    var form = document.createElement('form');
    form.className = 'stack-form';
    form.noValidate = true;
    var id = 'statement-' + decision.id;
    var field = document.createElement('div');
    field.className = 'field';
    var label = text(field, 'label', 'Why is this decision wrong?');
    label.htmlFor = id;
    var area = document.createElement('textarea');
    area.id = id;
    area.name = 'statement';
    area.rows = 3;
    area.maxLength = 2000;
    area.setAttribute('aria-describedby', id + '-error');
    field.appendChild(area);
    text(field, 'p', '', 'field-error').id = id + '-error';
    form.appendChild(field);
    var submit = text(form, 'button', 'Send my appeal', 'button button-secondary');
    submit.type = 'submit';
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      Agora.forms.busy(form, true);
      Agora.api('POST', '/moderation/decisions/' + decision.id + '/appeal', { body: { statement: area.value } }).then(function (result) {
        Agora.forms.busy(form, false);
        if (!result.ok) return Agora.forms.showProblem(form, result, { statement: id });
        Agora.forms.showAlert('Your appeal was sent. Another moderator will hear it.', 'success');
        load();
      });
    });
    item.appendChild(form);
  }

  function load() {
    Agora.api('GET', '/moderation/decisions').then(function (result) {
      list.textContent = '';
      if (!result.ok) return Agora.forms.showAlert((result.data && result.data.detail) || 'The decisions could not be loaded.');
      result.data.decisions.forEach(function (decision) {
        var item = document.createElement('li');
        item.className = 'moderation-item';
        text(item, 'h2', NOUNS[decision.subject] + ': ' + (WORDS[decision.decision] || decision.decision));
        text(item, 'blockquote', decision.excerpt, 'item-excerpt');
        text(item, 'p', 'Reason: ' + decision.reason);
        if (decision.appeal_statement) {
          text(item, 'p', 'Your appeal: ' + decision.appeal_statement, 'muted');
          text(item, 'p', decision.appeal_outcome ? OUTCOMES[decision.appeal_outcome] + ' ' + decision.appeal_reason : 'Waiting for another moderator.');
        } else if (decision.appealable) {
          appealForm(item, decision);
        } else {
          text(item, 'p', 'The time to appeal has passed.', 'muted');
        }
        list.appendChild(item);
      });
      document.getElementById('decisions-empty').hidden = result.data.decisions.length > 0;
    });
  }

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    load();
  });
})();
