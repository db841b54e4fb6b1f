/* /admin/audit-log/ (audit.read): the audit log searched by action, staff account and days, newest first a page at
 * a time, and the same search as a CSV file. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var cell = Agora.admin.cell;
  var search = document.getElementById('audit-search');
  var body = document.getElementById('audit-body');
  var more = document.getElementById('audit-more');
  var before = null;
  var searches = 0;

  function change(entry) {
    var keys = Object.keys(entry.before).concat(Object.keys(entry.after)).filter(function (key, index, all) { return all.indexOf(key) === index; });
    return keys.map(function (key) {
      var was = entry.before[key];
      var now = entry.after[key];
      return key + ': ' + (was === undefined ? '—' : was) + ' → ' + (now === undefined ? '—' : now);
    }).join('; ');
  }

  function load(append) {
    if (!append) before = null;
    forms.clearErrors(search);
    // Only the latest search fills the table: an earlier one answering late must not replace it.
    var mine = ++searches;
    Agora.api('GET', '/admin/audit-log?' + Agora.admin.formQuery(search, { before: append ? before : null })).then(function (result) {
      if (mine !== searches) return;
      if (!result.ok) return forms.showProblem(search, result);
      if (!append) body.textContent = '';
      result.data.entries.forEach(function (entry) {
        var row = document.createElement('tr');
        cell(row, Agora.admin.date(entry.created_at));
        cell(row, '#' + entry.actor_id + ' (' + entry.actor_role + ')');
        cell(row, entry.action);
        cell(row, entry.target + ' #' + entry.target_id);
        cell(row, change(entry));
        cell(row, entry.reason);
        body.appendChild(row);
      });
      before = result.data.next_before || null;
      more.hidden = !before;
      document.getElementById('audit-empty').hidden = body.children.length > 0;
    });
  }

  document.getElementById('audit-export').addEventListener('click', function () {
    Agora.download('/api/admin/audit-log/export.csv?' + Agora.admin.formQuery(search), 'audit-log.csv');
  });

  search.addEventListener('submit', function (event) {
    event.preventDefault();
    load(false);
  });
  more.addEventListener('click', function () { load(true); });

  Agora.admin.start('audit-log').then(function () { load(false); });
})();
