/* /meetings/ (signed in): the person's meetings in their own time zone, as a list of the coming 30 days, a week or a
 * month, moved back and forth. Each occurrence links to its meeting's page. Every text is set as text. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var element = Agora.element;
  var view = document.getElementById('meetings-view');
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var state = { mode: 'list', anchor: startOfDay(new Date()) };
  var timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
  var dayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  var dayShort = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric' });
  var monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

  function startOfDay(date) {
    var copy = new Date(date);
    copy.setHours(0, 0, 0, 0);
    return copy;
  }

  function addDays(date, count) {
    var copy = new Date(date);
    copy.setDate(copy.getDate() + count);
    return copy;
  }

  /** The period on screen: 30 days from the anchor, the week (from Monday) or the month around it. */
  function range() {
    if (state.mode === 'week') {
      var monday = addDays(state.anchor, -((state.anchor.getDay() + 6) % 7));
      return { from: monday, to: addDays(monday, 7), title: 'Week of ' + dayLong.format(monday) };
    }
    if (state.mode === 'month') {
      var first = new Date(state.anchor.getFullYear(), state.anchor.getMonth(), 1);
      return { from: first, to: new Date(first.getFullYear(), first.getMonth() + 1, 1), title: monthName.format(first) };
    }
    return { from: state.anchor, to: addDays(state.anchor, 30), title: 'The 30 days from ' + dayLong.format(state.anchor) };
  }

  function entry(item) {
    var link = element('a', 'meeting-entry' + (item.moved ? ' meeting-moved' : ''), timeOnly.format(item.start) + ' ' + item.meeting.title);
    link.href = Agora.paths.meeting + '?id=' + encodeURIComponent(item.meeting.id);
    if (item.meeting.your_response === 'needs_action') link.appendChild(element('span', 'badge', 'to answer'));
    return link;
  }

  function occurrences(meetings) {
    var items = [];
    meetings.forEach(function (meeting) {
      meeting.occurrences.forEach(function (occurrence) {
        items.push({ meeting: meeting, start: new Date(occurrence.starts_at), moved: occurrence.moved });
      });
    });
    return items.sort(function (a, b) { return a.start - b.start; });
  }

  function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  }

  function showList(items) {
    var list = element('ol', 'meeting-list');
    var lastDay = null;
    items.forEach(function (item) {
      if (!lastDay || !sameDay(lastDay, item.start)) {
        lastDay = item.start;
        list.appendChild(element('li', 'meeting-day', dayLong.format(item.start)));
      }
      var row = element('li');
      row.appendChild(entry(item));
      list.appendChild(row);
    });
    view.appendChild(list);
  }

  function showGrid(items, span) {
    var grid = element('div', 'meeting-grid meeting-grid-' + state.mode);
    grid.setAttribute('role', 'list');
    var first = span.from;
    if (state.mode === 'month') first = addDays(first, -((first.getDay() + 6) % 7));
    for (var date = first; date < span.to || (state.mode === 'month' && date.getDay() !== 1); date = addDays(date, 1)) {
      var cell = element('div', 'meeting-cell' + (date.getMonth() !== span.from.getMonth() && state.mode === 'month' ? ' meeting-cell-outside' : ''));
      cell.setAttribute('role', 'listitem');
      cell.appendChild(element('div', 'meeting-cell-day', dayShort.format(date)));
      items.filter(function (item) { return sameDay(item.start, date); }).forEach(function (item) { cell.appendChild(entry(item)); });
      grid.appendChild(cell);
    }
    view.appendChild(grid);
  }

  function load() {
    var span = range();
    document.getElementById('meetings-range').textContent = span.title;
    document.querySelectorAll('[data-view]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-view') === state.mode));
    });
    var query = new URLSearchParams({ from: span.from.toISOString(), to: span.to.toISOString() });
    return Agora.api('GET', '/meetings?' + query.toString()).then(function (result) {
      if (!result.ok) return Agora.forms.showAlert((result.data && result.data.detail) || 'Your meetings could not be read. Try again.');
      view.textContent = '';
      var items = occurrences(result.data.meetings);
      document.getElementById('meetings-empty').hidden = items.length > 0;
      if (state.mode === 'list') showList(items); else showGrid(items, span);
    });
  }

  function move(direction) {
    if (state.mode === 'month') state.anchor = new Date(state.anchor.getFullYear(), state.anchor.getMonth() + direction, 1);
    else state.anchor = addDays(state.anchor, direction * (state.mode === 'week' ? 7 : 30));
    load();
  }

  document.querySelectorAll('[data-view]').forEach(function (button) {
    button.addEventListener('click', function () {
      state.mode = button.getAttribute('data-view');
      load();
    });
  });
  document.getElementById('meetings-previous').addEventListener('click', function () { move(-1); });
  document.getElementById('meetings-next').addEventListener('click', function () { move(1); });
  document.getElementById('meetings-today').addEventListener('click', function () {
    state.anchor = startOfDay(new Date());
    load();
  });
  document.getElementById('meetings-zone').textContent = zone;

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    load();
  });
})();
