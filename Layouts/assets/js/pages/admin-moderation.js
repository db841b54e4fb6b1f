/* /admin/moderation/ (moderation.decide): the queue's figures, the queue filtered and sorted, one item with why it is
 * here, and the decisions: claim, decide (approve, edit with corrected text, remove, warn, suspend for some days),
 * escalate, hear an appeal; approve or remove many selected items at once. The keyboard works the queue: j/k move,
 * x selects, c claims, a approves, r removes with the reason typed in the form, e escalates. The API checks each
 * step again (another moderator's claim, escalated items, who decided before an appeal). */
(function () {
  'use strict';
  var forms = Agora.forms;
  var cell = Agora.admin.cell;
  var body = document.getElementById('queue-body');
  var filter = document.getElementById('queue-filter');
  var detail = document.getElementById('item-detail');
  var decisionForm = document.getElementById('decision-form');
  var decision = document.getElementById('decision');
  var appealForm = document.getElementById('appeal-form');
  var items = [];
  var selected = {};
  var current = -1;
  var shown = null;
  var staffID = null;
  var loads = 0;
  var SUBJECTS = { order: 'Order', proposal: 'Proposal', testimonial: 'Testimonial', portfolio: 'Portfolio item', message: 'Chat message' };
  var KINDS = {
    report: 'Report', 'blocked-words': 'Blocked words', 'link-spam': 'Link spam', 'contact-details': 'Contact details',
    'duplicate-content': 'Duplicate', 'abnormal-rate': 'Posting rate', 'pre-approval': 'Waits for approval'
  };

  function problem(result, fallback) {
    forms.showAlert((result.data && result.data.detail) || fallback, 'error');
  }

  /** How long ago a moment was, in the largest whole unit. */
  function age(text) {
    var minutes = Math.max(0, Math.round((Date.now() - new Date(text).getTime()) / 60000));
    if (minutes < 120) return minutes + ' min';
    if (minutes < 48 * 60) return Math.round(minutes / 60) + ' h';
    return Math.round(minutes / 1440) + ' days';
  }

  function figures() {
    Agora.api('GET', '/admin/moderation/analytics?days=30').then(function (result) {
      if (!result.ok) return;
      var grid = document.getElementById('moderation-figures');
      grid.textContent = '';
      var waiting = result.data.waiting;
      Agora.admin.figure(grid, 'New', waiting.pending || 0);
      Agora.admin.figure(grid, 'Escalated', waiting.escalated || 0);
      Agora.admin.figure(grid, 'Appealed', waiting.appealed || 0);
      Agora.admin.figure(grid, 'Longest wait', result.data.oldest_waiting_at ? age(result.data.oldest_waiting_at) : '—');
      Agora.admin.figure(grid, 'Decided in 30 days', result.data.decided);
      Agora.admin.figure(grid, 'Median time to a decision',
        result.data.median_minutes_to_decision === undefined ? '—' : result.data.median_minutes_to_decision + ' min');
    });
  }

  function query() {
    var parameters = new URLSearchParams();
    new FormData(filter).forEach(function (value, key) { if (value) parameters.set(key, String(value)); });
    return parameters.toString();
  }

  function updateBulk() {
    var count = Object.keys(selected).length;
    document.getElementById('bulk-approve').disabled = count === 0;
    document.getElementById('bulk-remove').disabled = count === 0;
  }

  function load() {
    var mine = ++loads;
    Agora.api('GET', '/admin/moderation/items?' + query()).then(function (result) {
      if (mine !== loads) return;
      if (!result.ok) return problem(result, 'The queue could not be loaded.');
      items = result.data.items;
      selected = {};
      body.textContent = '';
      items.forEach(function (item, index) {
        var row = body.insertRow();
        row.id = 'item-row-' + item.id;
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.setAttribute('aria-label', 'Select item ' + item.id);
        box.addEventListener('change', function () {
          if (box.checked) selected[item.id] = true; else delete selected[item.id];
          updateBulk();
        });
        cell(row, '').appendChild(box);
        var link = document.createElement('button');
        link.type = 'button';
        link.className = 'link-button';
        link.textContent = SUBJECTS[item.subject] + ' #' + item.subject_id;
        link.addEventListener('click', function () { focus(index, true); });
        cell(row, '').appendChild(link);
        cell(row, item.excerpt.length > 120 ? item.excerpt.slice(0, 120) + '…' : item.excerpt);
        cell(row, item.score + (item.held ? ' (hidden)' : ''));
        cell(row, item.status + (item.claimed_by ? (item.claimed_by === staffID ? ', claimed by you' : ', claimed') : ''));
        cell(row, Agora.admin.date(item.created_at));
      });
      document.getElementById('queue-empty').hidden = items.length > 0;
      updateBulk();
      current = -1;
      detail.hidden = true;
      if (items.length) focus(0, false);
    });
  }

  function focus(index, open) {
    if (index < 0 || index >= items.length) return;
    if (current >= 0 && body.rows[current]) body.rows[current].removeAttribute('aria-current');
    current = index;
    body.rows[current].setAttribute('aria-current', 'true');
    body.rows[current].scrollIntoView({ block: 'nearest' });
    show(items[current].id, open);
  }

  function show(id, moveFocus) {
    Agora.api('GET', '/admin/moderation/items/' + id).then(function (result) {
      if (!result.ok) return problem(result, 'The item could not be loaded.');
      var item = result.data;
      shown = item;
      detail.hidden = false;
      document.getElementById('item-title').textContent = SUBJECTS[item.subject] + ' #' + item.subject_id + ' — ' + item.status;
      document.getElementById('item-excerpt').textContent = item.excerpt;
      var facts = document.getElementById('item-facts');
      facts.textContent = '';
      [['Score', item.score + ' points' + (item.held ? ', hidden until decided' : '')],
        ['Author', item.author_id ? 'account #' + item.author_id : 'deleted account'],
        ['Claimed', item.claimed_by ? (item.claimed_by === staffID ? 'by you' : 'by staff #' + item.claimed_by) : 'no'],
        ['Escalated', item.escalated_at ? item.escalation_reason : 'no'],
        ['Decision', item.decision ? item.decision + ': ' + item.decision_reason : 'none yet']].forEach(function (pair) {
        cell(facts, pair[0], 'dt');
        cell(facts, pair[1], 'dd');
      });
      var flags = document.getElementById('item-flags');
      flags.textContent = '';
      item.flags.forEach(function (flag) {
        var text = KINDS[flag.kind] + (flag.reason ? ' (' + flag.reason + ')' : '') + (flag.detail ? ': ' + flag.detail : '') +
          ' — ' + flag.weight + ' points, ' + Agora.admin.date(flag.created_at);
        cell(flags, text, 'li');
      });
      var appeal = document.getElementById('item-appeal');
      appeal.hidden = !item.appeal;
      if (item.appeal) document.getElementById('appeal-statement').textContent = item.appeal.statement;
      decisionForm.hidden = ['pending', 'escalated'].indexOf(item.status) < 0;
      appealForm.hidden = item.status !== 'appealed';
      document.getElementById('replacement').value = item.excerpt.indexOf('\n\n') >= 0 ? item.excerpt.split('\n\n').slice(1).join('\n\n') : item.excerpt;
      if (moveFocus) document.getElementById('item-title').focus();
    });
  }

  function after(result, done) {
    if (!result.ok) return problem(result, 'Nothing changed.');
    forms.showAlert(done, 'success');
    figures();
    load();
  }

  function claim() {
    if (!shown) return;
    Agora.api('POST', '/admin/moderation/items/' + shown.id + '/claim').then(function (result) {
      if (!result.ok) return problem(result, 'The item could not be claimed.');
      forms.showAlert('Claimed: nobody else decides it for 15 minutes.', 'success');
      show(shown.id, false);
    });
  }

  function decide(values) {
    if (!shown) return;
    var item = shown;
    forms.busy(decisionForm, true);
    Agora.api('POST', '/admin/moderation/items/' + item.id + '/decision', { body: values }).then(function (result) {
      forms.busy(decisionForm, false);
      if (!result.ok) return forms.showProblem(decisionForm, result, { reason: 'decision_reason' });
      after(result, 'Decided: ' + values.decision + '.');
    });
  }

  function formValues() {
    var values = { decision: decision.value, reason: document.getElementById('decision_reason').value };
    if (decision.value === 'edit') values.replacement = document.getElementById('replacement').value;
    if (decision.value === 'suspend') values.days = Number(document.getElementById('days').value);
    return values;
  }

  function escalate() {
    if (!shown) return;
    var reason = document.getElementById('decision_reason').value;
    Agora.api('POST', '/admin/moderation/items/' + shown.id + '/escalation', { body: { reason: reason } }).then(function (result) {
      if (!result.ok) return forms.showProblem(decisionForm, result, { reason: 'decision_reason' });
      after(result, 'Escalated to the administrators.');
    });
  }

  function hear(outcome) {
    if (!shown) return;
    Agora.api('POST', '/admin/moderation/items/' + shown.id + '/appeal-decision', {
      body: { outcome: outcome, reason: document.getElementById('appeal_reason').value }
    }).then(function (result) {
      if (!result.ok) return forms.showProblem(appealForm, result, { reason: 'appeal_reason' });
      after(result, outcome === 'overturned' ? 'Overturned: the content shows again.' : 'Upheld: the decision stands.');
    });
  }

  function bulk(kind) {
    var ids = Object.keys(selected).map(Number);
    if (!ids.length) return;
    var reason = document.getElementById('decision_reason').value;
    Agora.api('POST', '/admin/moderation/decisions', { body: { item_ids: ids, decision: kind, reason: reason } }).then(function (result) {
      if (!result.ok) return forms.showProblem(decisionForm, result, { reason: 'decision_reason' });
      var skipped = result.data.skipped.map(function (item) { return '#' + item.id + ' (' + item.reason + ')'; });
      after(result, result.data.decided.length + ' decided' + (skipped.length ? '; skipped ' + skipped.join(', ') : '') + '.');
    });
  }

  decision.addEventListener('change', function () {
    document.getElementById('replacement-field').hidden = decision.value !== 'edit';
    document.getElementById('days-field').hidden = decision.value !== 'suspend';
  });
  decisionForm.addEventListener('submit', function (event) {
    event.preventDefault();
    decide(formValues());
  });
  document.getElementById('claim-item').addEventListener('click', claim);
  document.getElementById('escalate-item').addEventListener('click', escalate);
  document.getElementById('appeal-uphold').addEventListener('click', function () { hear('upheld'); });
  document.getElementById('appeal-overturn').addEventListener('click', function () { hear('overturned'); });
  document.getElementById('bulk-approve').addEventListener('click', function () { bulk('approve'); });
  document.getElementById('bulk-remove').addEventListener('click', function () { bulk('remove'); });
  filter.addEventListener('change', load);

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
    switch (event.key) {
      case 'j': focus(current + 1, false); break;
      case 'k': focus(current - 1, false); break;
      case 'x':
        if (current >= 0) {
          var box = body.rows[current].querySelector('input[type=checkbox]');
          box.checked = !box.checked;
          box.dispatchEvent(new Event('change'));
        }
        break;
      case 'c': claim(); break;
      case 'a': decide({ decision: 'approve' }); break;
      case 'r': decide({ decision: 'remove', reason: document.getElementById('decision_reason').value }); break;
      case 'e': escalate(); break;
      default: return;
    }
    event.preventDefault();
  });

  Agora.admin.start('moderation').then(function () {
    staffID = Agora.auth.user().id;
    figures();
    load();
  });
})();
