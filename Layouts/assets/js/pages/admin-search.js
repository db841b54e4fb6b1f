/* /admin/search/ (analytics.read): what visitors searched for over a number of days, what found nothing (the gaps
 * in the supply), and each category's page views, searches and proposals. No person is named: the figures are
 * counts. */
(function () {
  'use strict';
  var cell = Agora.admin.cell;
  var days = document.getElementById('days');

  function fill(id, rows, columns) {
    var body = document.getElementById(id);
    body.textContent = '';
    if (rows.length === 0) {
      var empty = document.createElement('tr');
      cell(empty, 'Nothing yet.').colSpan = columns.length;
      body.appendChild(empty);
    }
    rows.forEach(function (row) {
      var line = document.createElement('tr');
      columns.forEach(function (column, index) {
        var element = cell(line, row[column], index === 0 ? 'th' : 'td');
        if (index === 0) element.setAttribute('scope', 'row');
      });
      body.appendChild(line);
    });
  }

  var loads = 0;

  function load() {
    // Only the latest choice fills the tables: an earlier one answering late must not replace them.
    var mine = ++loads;
    Agora.api('GET', '/admin/search/analytics?days=' + encodeURIComponent(days.value)).then(function (result) {
      if (mine !== loads) return;
      if (!result.ok) return Agora.forms.showAlert((result.data && result.data.detail) || 'The figures could not be loaded.', 'error');
      document.getElementById('analytics-since').textContent = 'Since ' + result.data.since + ' (UTC).';
      var queries = ['query', 'searches', 'zero_results', 'clicks'];
      fill('top-body', result.data.top_queries, queries);
      fill('zero-body', result.data.zero_result_queries, queries);
      fill('categories-body', result.data.categories, ['name', 'views', 'searches', 'proposals']);
    });
  }

  days.addEventListener('change', load);
  Agora.admin.start('search').then(load);
})();
