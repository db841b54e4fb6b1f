/* /settings/dashboard/ (providers): views of the provider's page and portfolio per day
 * (`GET /api/users/profile/dashboard`), drawn as an SVG bar chart made here (no chart library, nothing loaded from
 * elsewhere) with the same figures in a table, and where the profile stands: completeness and badges. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var element = Agora.element;
  var svg = Agora.svg;
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
    var width = 720;
    var height = 220;
    var bottom = 24;
    var top = 12;
    var highest = Math.max(1, Math.max.apply(null, days.map(function (day) { return Math.max(day.profile_views, day.portfolio_views); })));
    var slot = width / days.length;
    var bar = Math.max(1, slot * 0.4);
    var drawing = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart' });
    var total = days.reduce(function (sum, day) { return sum + day.profile_views; }, 0);
    var title = svg('title', {});
    title.textContent = 'Views per day from ' + label(days[0].day) + ' to ' + label(days[days.length - 1].day) + ': ' + total + ' page views.';
    drawing.appendChild(title);
    var scale = function (value) { return (height - bottom - top) * value / highest; };
    drawing.appendChild(svg('line', { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: 'chart-axis' }));
    var highestLabel = svg('text', { x: 2, y: top - 2, class: 'chart-label' });
    highestLabel.textContent = String(highest);
    drawing.appendChild(highestLabel);
    var every = Math.ceil(days.length / 8);
    days.forEach(function (day, index) {
      var x = index * slot + (slot - 2 * bar) / 2;
      [['profile_views', 'chart-profile'], ['portfolio_views', 'chart-portfolio']].forEach(function (series, offset) {
        var value = day[series[0]];
        var rectangle = svg('rect', { x: x + offset * bar, y: height - bottom - scale(value), width: bar, height: scale(value), class: series[1] });
        var tip = svg('title', {});
        tip.textContent = label(day.day) + ': ' + value + (offset ? ' portfolio views' : ' page views');
        rectangle.appendChild(tip);
        drawing.appendChild(rectangle);
      });
      if (index % every === 0) {
        var text = svg('text', { x: index === 0 ? 0 : index * slot + slot / 2, y: height - 6, 'text-anchor': index === 0 ? 'start' : 'middle', class: 'chart-label' });
        text.textContent = label(day.day);
        drawing.appendChild(text);
      }
    });
    return drawing;
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
