/* /admin/reviews/ (moderation.decide): the reviews held for their fraud signals, reported, or appealed, oldest
 * first; one opened with its text, each signal with its explanation, the reports and the appeal; and the decisions
 * its status allows (release a held one, hide, restore a hidden one, dismiss the claims, remove for good), each with
 * a reason. The
 * service checks each decision against the review's status and audits it. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var form = document.getElementById('review-decision');
  var queue = document.getElementById('review-queue');
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var decisions = {
    held: [['release', 'Release: publish it'], ['hide', 'Hide it'], ['remove', 'Remove for good']],
    published: [['hide', 'Hide it'], ['dismiss', 'Dismiss the claims'], ['remove', 'Remove for good']],
    hidden: [['restore', 'Restore it'], ['dismiss', 'Dismiss the claims'], ['remove', 'Remove for good']]
  };
  var current = null;

  function list(id, items, empty) {
    var target = document.getElementById(id);
    target.textContent = '';
    items.forEach(function (text) { target.appendChild(element('li', null, text)); });
    if (!items.length) target.appendChild(element('li', 'muted', empty));
  }

  function show(found) {
    current = found;
    var review = found.review;
    var detail = document.getElementById('review-detail');
    detail.hidden = false;
    document.getElementById('review-title').textContent = 'Review #' + review.id + ' of “' + review.project_title + '”';
    document.getElementById('review-facts').textContent = review.rating + ' of 5 by ' + review.reviewer.name + ' · written ' +
      days.format(new Date(review.created_at)) + ' · ' + review.status + ' · fraud score ' + found.fraud_score;
    document.getElementById('review-comment').textContent = review.comment || '(no comment)';
    list('review-signals', found.signals.map(function (signal) { return signal.explanation + ' (' + signal.points + ')'; }), 'No signal.');
    list('review-reports', found.reports.map(function (report) {
      return report.reason.replace(/_/g, ' ') + (report.note ? ': ' + report.note : '') + ' — ' + report.status;
    }), 'No report.');
    document.getElementById('review-appeal').textContent = found.appeal ? found.appeal.reason + ' — ' + found.appeal.status : 'No appeal.';
    var buttons = document.getElementById('review-decisions');
    buttons.textContent = '';
    (decisions[review.status] || []).forEach(function (choice) {
      var button = element('button', 'button button-secondary', choice[1]);
      button.type = 'button';
      button.addEventListener('click', function () {
        if (choice[0] === 'remove' && !window.confirm('Remove this review for good? It can never be restored.')) return;
        decide(choice[0]);
      });
      buttons.appendChild(button);
    });
    form.reset();
    forms.clearErrors(form);
    detail.focus();
  }

  function decide(decision) {
    forms.clearErrors(form);
    Agora.api('POST', '/admin/reviews/' + current.review.id + '/' + decision, { body: { reason: document.getElementById('reason').value } }).then(function (result) {
      if (!result.ok) return forms.showProblem(form, result);
      forms.showAlert('Done: the review is ' + result.data.review.status + '.', 'success');
      document.getElementById('review-detail').hidden = true;
      load();
    });
  }

  function load() {
    return Agora.api('GET', '/admin/reviews?limit=100&queue=' + encodeURIComponent(queue.value)).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The reviews could not be loaded.', 'error');
      var rows = document.getElementById('review-rows');
      rows.textContent = '';
      result.data.reviews.forEach(function (found) {
        var review = found.review;
        var row = element('tr');
        row.appendChild(element('td', null, days.format(new Date(review.created_at))));
        row.appendChild(element('td', null, review.project_title));
        row.appendChild(element('td', null, String(review.rating)));
        row.appendChild(element('td', null, String(found.fraud_score)));
        row.appendChild(element('td', null, review.status));
        var actions = element('td');
        var open = element('button', 'link-button', 'Open');
        open.type = 'button';
        open.setAttribute('aria-label', 'Open the review of ' + review.project_title);
        open.addEventListener('click', function () { show(found); });
        actions.appendChild(open);
        row.appendChild(actions);
        rows.appendChild(row);
      });
      document.getElementById('review-empty').hidden = result.data.reviews.length > 0;
    });
  }

  queue.addEventListener('change', load);
  Agora.admin.start('reviews').then(load);
})();
