/* /admin/notifications/: per kind, what became of the notifications written in a period (analytics.read) — written,
 * read among those shown in the app (a bar chart drawn as SVG, the same figures in the table), emails, digests — and
 * the marketplace news form (announcements.send), sent once per press: one Idempotency-Key per filled-in form. */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var element = Agora.element;
  var forms = Agora.forms;
  var form = document.getElementById('news-form');
  var newsKey = Agora.idempotencyKey();

  function label(kind) { return kind.replace(/_/g, ' '); }

  function chart(kinds) {
    var holder = document.getElementById('analytics-chart');
    holder.textContent = '';
    if (!kinds.length) return;
    var most = Math.max.apply(null, kinds.map(function (kind) { return kind.written; }));
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 100 ' + kinds.length * 6);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Notifications written per kind, and the share of them read; the table below has each figure');
    kinds.forEach(function (kind, index) {
      var written = document.createElementNS(SVG, 'rect');
      written.setAttribute('x', '0');
      written.setAttribute('y', String(index * 6));
      written.setAttribute('height', '5');
      written.setAttribute('width', String(Math.max(0.5, kind.written / most * 100)));
      written.setAttribute('class', 'chart-bar chart-bar-open');
      var title = document.createElementNS(SVG, 'title');
      var rate = kind.read_rate === undefined ? 'none shown in the app' : Math.round(kind.read_rate * 100) + '% read';
      title.textContent = label(kind.kind) + ': ' + kind.written + ' written, ' + rate;
      written.appendChild(title);
      svg.appendChild(written);
      if (kind.read_rate !== undefined) {
        var read = document.createElementNS(SVG, 'rect');
        read.setAttribute('x', '0');
        read.setAttribute('y', String(index * 6 + 1.5));
        read.setAttribute('height', '2');
        read.setAttribute('width', String(kind.written / most * 100 * kind.read_rate));
        read.setAttribute('class', 'chart-bar');
        svg.appendChild(read);
      }
    });
    holder.appendChild(svg);
  }

  function table(kinds) {
    var body = document.querySelector('#analytics-table tbody');
    body.textContent = '';
    kinds.forEach(function (kind) {
      var row = element('tr');
      var name = element('th', null, label(kind.kind));
      name.setAttribute('scope', 'row');
      row.appendChild(name);
      [kind.written, kind.shown_in_app,
        kind.read_rate === undefined ? '—' : kind.read + ' (' + Math.round(kind.read_rate * 100) + '%)',
        kind.emails.sent, kind.emails.queued, kind.emails.failed, kind.emails.suppressed, kind.digested, kind.unsubscribes
      ].forEach(function (value) { row.appendChild(element('td', null, String(value))); });
      body.appendChild(row);
    });
    document.getElementById('analytics-empty').hidden = kinds.length > 0;
  }

  function loadAnalytics() {
    var days = document.getElementById('analytics-days').value;
    return Agora.api('GET', '/admin/notifications/analytics?days=' + encodeURIComponent(days)).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The figures could not be loaded.', 'error');
      var links = result.data.unsubscribes_by_scope.filter(function (scope) { return scope.addresses > 0; })
        .map(function (scope) { return scope.label + ': ' + scope.addresses; });
      document.getElementById('analytics-summary').textContent = result.data.unsubscribes + ' address' +
        (result.data.unsubscribes === 1 ? '' : 'es') + ' stopped all optional mail in the period. One-click unsubscribes: ' +
        (links.length ? links.join(', ') : 'none') + '.';
      chart(result.data.kinds);
      table(result.data.kinds);
    });
  }

  function loadSent() {
    return Agora.api('GET', '/admin/announcements?limit=10').then(function (result) {
      if (!result.ok) return;
      var list = document.getElementById('news-sent');
      list.textContent = '';
      result.data.announcements.forEach(function (sent) {
        list.appendChild(element('li', null, '“' + sent.title + '” to ' + sent.segment + (sent.country ? ' in ' + sent.country : '') + ': ' +
          sent.recipients + ' members, ' + sent.emails + ' by email — ' + Agora.admin.date(sent.created_at)));
      });
      if (!result.data.announcements.length) list.appendChild(element('li', 'muted', 'No news sent yet.'));
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    function value(id) { return document.getElementById(id).value.trim(); }
    var body = { title: value('title'), message: document.getElementById('message').value, segment: value('segment') };
    if (value('link')) body.link = value('link');
    if (value('country')) body.country = value('country');
    forms.busy(form, true);
    Agora.api('POST', '/admin/announcements', { body: body, idempotencyKey: newsKey }).then(function (result) {
      forms.busy(form, false);
      if (!result.ok) return forms.showProblem(form, result);
      newsKey = Agora.idempotencyKey();
      form.reset();
      forms.showAlert('Sent to ' + result.data.recipients + ' members (' + result.data.emails + ' by email).', 'success');
      loadSent();
    });
  });

  document.getElementById('analytics-days').addEventListener('change', loadAnalytics);
  Agora.admin.start().then(function (access) {
    if (access.areas.indexOf('notifications') >= 0) {
      document.getElementById('analytics').hidden = false;
      loadAnalytics();
    }
    if (access.areas.indexOf('announcements') >= 0) {
      document.getElementById('news').hidden = false;
      loadSent();
    }
    if (access.areas.indexOf('notifications') < 0 && access.areas.indexOf('announcements') < 0) {
      forms.showAlert('Your role opens neither the figures (analytics.read) nor the news (announcements.send).', 'error');
    }
  });
})();
