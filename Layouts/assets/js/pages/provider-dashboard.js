/* /settings/dashboard/ (providers): views of the provider's page and portfolio per day
 * (`GET /api/users/profile/dashboard`), drawn as an SVG bar chart made here (no chart library, nothing loaded from
 * elsewhere) with the same figures in a table, and where the profile stands: completeness and badges. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var element = Agora.element;
  var shortDays = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  var statusText = {
    draft: 'A draft: publish it to be found.', pending: 'Waiting for review.', rejected: 'Not published: the review asked for changes.',
    published: 'Published: clients find you in search.', unpublished: 'Offline: only you see it.'
  };

  function label(day) {
    return shortDays.format(new Date(day + 'T00:00:00Z'));
  }

  /** Two bars a day (page, portfolio) on a shared scale, a few labelled days along the bottom. */
  function chart(days) {
    var total = days.reduce(function (sum, day) { return sum + day.profile_views; }, 0);
    return Agora.barChart({
      title: 'Views per day from ' + label(days[0].day) + ' to ' + label(days[days.length - 1].day) + ': ' + total + ' page views.',
      groups: days.map(function (day) { return { label: label(day.day), values: [day.profile_views, day.portfolio_views] }; }),
      series: ['chart-profile', 'chart-portfolio'],
      tip: function (group, series, value) { return group.label + ': ' + value + (series ? ' portfolio views' : ' page views'); }
    });
  }

  function show(data) {
    document.getElementById('view-totals').textContent = data.profile_views + ' page ' + (data.profile_views === 1 ? 'view' : 'views') +
      ' and ' + data.portfolio_views + ' portfolio ' + (data.portfolio_views === 1 ? 'view' : 'views') + ' over these days.';
    var target = document.getElementById('view-chart');
    target.textContent = '';
    target.appendChild(chart(data.days));
    var table = document.getElementById('view-table');
    table.textContent = '';
    data.days.slice().reverse().forEach(function (day) {
      var row = element('tr');
      row.appendChild(element('td', null, label(day.day)));
      row.appendChild(element('td', null, day.profile_views));
      row.appendChild(element('td', null, day.portfolio_views));
      table.appendChild(row);
    });
    document.getElementById('dashboard-status').textContent = statusText[data.status] || data.status;
    document.getElementById('dashboard-completeness').value = data.completeness.score;
    document.getElementById('dashboard-score').textContent = data.completeness.score + '%';
    var badges = document.getElementById('dashboard-badges');
    badges.textContent = '';
    data.badges.forEach(function (badge) {
      var item = element('li', 'badge', badge.label);
      item.title = badge.meaning;
      badges.appendChild(item);
    });
    document.getElementById('dashboard-no-badges').hidden = data.badges.length > 0;
  }

  function load() {
    return Agora.api('GET', '/users/profile/dashboard?days=' + document.getElementById('days').value).then(function (result) {
      if (!result.ok) return Agora.forms.showAlert((result.data && result.data.detail) || 'Your dashboard could not be read.', 'error');
      show(result.data);
    });
  }

  document.getElementById('days').addEventListener('change', load);
  Agora.auth.requireSignIn(['provider']).then(function () {
    page.hidden = false;
    return load();
  });
})();
