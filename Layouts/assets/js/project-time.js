/*
 * The project room's hourly work (`Agora.time.show(project)`): a week of time at a time (Monday to Sunday, UTC) with
 * its minutes per day and its entries; for the provider, the timer and the form that logs or corrects time in the open
 * week; for the client, the approval of a week that has ended and the end of the work; each ended week's payment
 * (charged to the client's saved card, held in escrow, released on approval; a week left due the client pays now);
 * and the hours of every week as a bar chart against the weekly limit. Every rule (the limit, the open week, who may do what) is the API's: the
 * page shows what the timesheet says the asker may do, and the API's answer when it refuses.
 */
(function () {
  'use strict';
  var element = Agora.element;
  var svg = Agora.svg;
  var forms = Agora.forms;
  var projects = Agora.projects;
  var moments = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  var dates = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  var weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  var project = null;
  var week = null;
  var sheet = null;
  var editing = null;
  // The start an entry being changed showed, to the minute: sent back unchanged it is left out, so that a new memo
  // alone does not move the start to the minute (nor mark a timer's entry as typed in).
  var editingStart = null;
  var ticking = null;
  var onChanged = function () {};

  var card = document.getElementById('time-card');
  var timeForm = document.getElementById('time-form');
  var timerForm = document.getElementById('timer-form');

  function failed(result) {
    forms.showAlert((result.data && result.data.detail) || 'That did not work. Try again in a moment.');
  }

  function announce(text) {
    document.getElementById('status-line').textContent = text;
  }

  function api(method, path, body) {
    return Agora.api(method, path, body === undefined ? undefined : { body: body });
  }

  /** A date as a datetime-local field holds it, in the browser's time zone. */
  function localInput(date) {
    var pad = function (number) { return (number < 10 ? '0' : '') + number; };
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes());
  }

  function weekLabel(data) {
    return data.week + ' (' + dates.format(new Date(data.starts_at)) + ' – ' + dates.format(new Date(new Date(data.ends_at).getTime() - 86400000)) + ')';
  }

  function drawSummary() {
    var status = projects.words.timesheetStatuses[sheet.status] || sheet.status;
    document.getElementById('week-summary').textContent = weekLabel(sheet) + ' · ' + projects.duration(sheet.minutes) + ' of ' +
      projects.duration(sheet.limit_minutes) + ' · ' + sheet.amount.formatted + ' · ' + status;
    var head = document.getElementById('week-days-head');
    var row = document.getElementById('week-days-row');
    head.textContent = '';
    row.textContent = '';
    sheet.minutes_by_day.forEach(function (minutes, index) {
      var day = new Date(new Date(sheet.starts_at).getTime() + index * 86400000);
      var cell = element('th', null, weekdays[index] + ' ' + dates.format(day));
      cell.scope = 'col';
      head.appendChild(cell);
      row.appendChild(element('td', minutes ? null : 'muted', minutes ? projects.duration(minutes) : '—'));
    });
    var review = document.getElementById('week-review');
    var note = document.getElementById('week-review-note');
    var approve = document.getElementById('week-approve');
    review.hidden = true;
    if (sheet.approval) {
      review.hidden = false;
      approve.hidden = true;
      note.textContent = 'Approved ' + (sheet.approval.by ? 'by the client' : 'automatically when the review window closed') + ' on ' +
        moments.format(new Date(sheet.approval.at)) + ': ' + projects.duration(sheet.approval.minutes) + ', ' + sheet.approval.amount.formatted + '.';
    } else if (sheet.status === 'in-review' && sheet.minutes > 0) {
      review.hidden = false;
      approve.hidden = !sheet.can_approve;
      note.textContent = (project.role === 'client' ? 'Unless you approve it sooner, it is approved automatically on ' : 'Waiting for the client’s review; approved automatically on ') +
        moments.format(new Date(sheet.review_closes_at)) + '.';
    }
  }

  function drawTimer() {
    clearInterval(ticking);
    var box = document.getElementById('timer');
    box.hidden = !sheet.takes_time;
    if (box.hidden) return;
    var running = sheet.entries.filter(function (entry) { return entry.running; })[0];
    var state = document.getElementById('timer-state');
    var memo = document.getElementById('timer-memo');
    var toggle = document.getElementById('timer-toggle');
    memo.hidden = Boolean(running);
    toggle.textContent = running ? 'Stop the timer' : 'Start the timer';
    toggle.classList.toggle('button-primary', !running);
    toggle.classList.toggle('button-secondary', Boolean(running));
    if (!running) { state.textContent = 'No timer runs. Start it when you begin, or log time by hand below.'; return; }
    var update = function () {
      var minutes = Math.max(0, Math.floor((Date.now() - new Date(running.started_at).getTime()) / 60000));
      state.textContent = 'Timer running since ' + moments.format(new Date(running.started_at)) + ' (' + projects.duration(minutes) + '): ' + running.memo;
    };
    update();
    ticking = setInterval(update, 30000);
  }

  function entryRow(entry) {
    var row = element('tr');
    row.appendChild(element('td', null, moments.format(new Date(entry.started_at))));
    row.appendChild(element('td', null, entry.running ? 'Running' : projects.duration(entry.minutes)));
    var what = element('td', null, entry.memo);
    if (entry.manual) {
      what.appendChild(document.createTextNode(' '));
      what.appendChild(element('span', 'badge', 'Typed in'));
    }
    row.appendChild(what);
    var actions = element('td', 'row-actions');
    if (entry.can_change && !entry.running) {
      var change = element('button', 'link-button', 'Change');
      change.type = 'button';
      change.setAttribute('aria-label', 'Change the entry ' + entry.memo);
      change.addEventListener('click', function () { edit(entry); });
      actions.appendChild(change);
      var remove = element('button', 'link-button', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Remove the entry ' + entry.memo);
      remove.addEventListener('click', function () {
        if (!window.confirm('Remove this entry of ' + projects.duration(entry.minutes) + '?')) return;
        api('DELETE', '/time-entries/' + entry.id).then(function (result) {
          if (!result.ok) { failed(result); return; }
          announce('The entry is removed.');
          changed();
        });
      });
      actions.appendChild(remove);
    }
    row.appendChild(actions);
    return row;
  }

  function drawEntries() {
    var body = document.getElementById('time-entries-body');
    body.textContent = '';
    sheet.entries.forEach(function (entry) { body.appendChild(entryRow(entry)); });
    if (!sheet.entries.length) {
      var empty = element('td', 'muted', 'No time in this week.');
      empty.colSpan = 4;
      var row = element('tr');
      row.appendChild(empty);
      body.appendChild(row);
    }
    timeForm.hidden = !sheet.takes_time;
    if (!sheet.takes_time) resetForm();
  }

  /** The hours of every week with time, as bars against the weekly limit (dashed); approved weeks in full colour. */
  function drawChart() {
    var container = document.getElementById('hours-chart');
    container.textContent = '';
    var weeks = project.hourly.weeks.weeks;
    var limit = project.hourly.weeks.limit_minutes;
    var width = 480;
    var height = 160;
    var left = 32;
    var bottom = 22;
    var top = 10;
    var most = Math.max.apply(null, [limit].concat(weeks.map(function (item) { return item.minutes; })));
    var y = function (minutes) { return height - bottom - (height - bottom - top) * minutes / Math.max(1, most); };
    var drawing = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart hours-chart-drawing' });
    var title = svg('title');
    title.textContent = weeks.length
      ? 'Hours per week: ' + weeks.map(function (item) { return item.week + ' ' + projects.duration(item.minutes); }).join(', ') + '; limit ' + projects.duration(limit) + '.'
      : 'No time logged yet.';
    drawing.appendChild(title);
    drawing.appendChild(svg('line', { x1: left, x2: width, y1: height - bottom, y2: height - bottom, class: 'chart-axis' }));
    drawing.appendChild(svg('line', { x1: left, x2: width, y1: y(limit), y2: y(limit), class: 'chart-limit' }));
    var limitLabel = svg('text', { x: 2, y: y(limit) + 4, class: 'chart-label' });
    limitLabel.textContent = Math.round(limit / 60) + ' h';
    drawing.appendChild(limitLabel);
    var slot = (width - left) / Math.max(1, weeks.length);
    weeks.forEach(function (item, index) {
      var barWidth = Math.min(36, slot * 0.7);
      var x = left + index * slot + (slot - barWidth) / 2;
      var bar = svg('rect', { x: x, y: y(item.minutes), width: barWidth, height: Math.max(0, height - bottom - y(item.minutes)), class: 'chart-bar chart-bar-' + item.status });
      var tip = svg('title');
      tip.textContent = item.week + ': ' + projects.duration(item.minutes) + ', ' + (projects.words.timesheetStatuses[item.status] || item.status);
      bar.appendChild(tip);
      drawing.appendChild(bar);
      var label = svg('text', { x: x + barWidth / 2, y: height - 6, class: 'chart-label', 'text-anchor': 'middle' });
      label.textContent = item.week.slice(5);
      drawing.appendChild(label);
    });
    container.appendChild(drawing);
  }

  function resetForm() {
    editing = null;
    timeForm.reset();
    forms.clearErrors(timeForm);
    document.getElementById('time-form-title').textContent = 'Log time by hand';
    document.getElementById('time-submit').textContent = 'Log the time';
    document.getElementById('time-cancel').hidden = true;
  }

  function edit(entry) {
    editing = entry.id;
    editingStart = localInput(new Date(entry.started_at));
    forms.clearErrors(timeForm);
    document.getElementById('time-started').value = localInput(new Date(entry.started_at));
    document.getElementById('time-minutes').value = entry.minutes;
    document.getElementById('time-memo').value = entry.memo;
    document.getElementById('time-form-title').textContent = 'Change the entry';
    document.getElementById('time-submit').textContent = 'Save the change';
    document.getElementById('time-cancel').hidden = false;
    document.getElementById('time-minutes').focus();
  }

  /** The week's payment, in the asker's words: held, released, or due with why and (for the client) a way to pay. */
  function drawPayment(payment) {
    var box = document.getElementById('week-payment');
    var note = document.getElementById('week-payment-note');
    var pay = document.getElementById('week-pay');
    var client = project.role === 'client';
    var ended = sheet.status !== 'open' && sheet.minutes > 0;
    box.hidden = !payment && !ended;
    pay.hidden = true;
    if (!payment) {
      note.textContent = client ? 'Not charged yet: your default saved card is charged shortly, or pay now.' : 'The client’s saved card is charged shortly.';
      pay.hidden = !client;
      return;
    }
    if (payment.status === 'held') {
      note.textContent = client
        ? payment.total.formatted + ' charged to ' + payment.card + ', held in escrow until the week is approved.'
        : 'The client’s payment of ' + payment.amount.formatted + ' is held in escrow until the week is approved.';
    } else if (payment.status === 'released') {
      note.textContent = client
        ? payment.amount.formatted + ' released to the provider on ' + moments.format(new Date(payment.released_at)) + '.'
        : payment.amount.formatted + ' released to you on ' + moments.format(new Date(payment.released_at)) + ', less ' + payment.commission.formatted + ' commission.';
    } else {
      note.textContent = 'Not paid yet' + (payment.failure ? ': ' + payment.failure.message : '.') +
        (payment.next_attempt_at ? ' Charged again on ' + moments.format(new Date(payment.next_attempt_at)) + '.' : '');
      pay.hidden = !client;
    }
  }

  function loadWeek() {
    var query = week ? '?week=' + encodeURIComponent(week) : '';
    return Promise.all([
      api('GET', '/projects/' + project.id + '/time-entries' + query),
      api('GET', '/projects/' + project.id + '/week-payments')
    ]).then(function (answers) {
      var result = answers[0];
      if (!result.ok) { failed(result); return; }
      sheet = result.data;
      week = sheet.week;
      drawSummary();
      drawTimer();
      drawEntries();
      var payments = answers[1].ok ? answers[1].data.week_payments : [];
      drawPayment(payments.filter(function (payment) { return payment.week === sheet.week; })[0]);
    });
  }

  function changed() {
    onChanged();
    loadWeek();
  }

  /** Draws the time of `updated` (the project as the API answered it); hidden for fixed-price work. */
  function show(updated, changedCallback) {
    project = updated;
    if (changedCallback) onChanged = changedCallback;
    card.hidden = project.billing !== 'hourly';
    if (card.hidden) return;
    drawChart();
    document.getElementById('end-project').hidden = !project.hourly.can_end;
    loadWeek();
  }

  timeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(timeForm);
    var started = document.getElementById('time-started').value;
    var body = {
      started_at: started ? new Date(started).toISOString() : null,
      minutes: Number(document.getElementById('time-minutes').value) || null,
      memo: document.getElementById('time-memo').value
    };
    if (editing && started === editingStart) delete body.started_at;
    forms.busy(timeForm, true);
    var request = editing ? api('PATCH', '/time-entries/' + editing, body) : api('POST', '/projects/' + project.id + '/time-entries', body);
    request.then(function (result) {
      forms.busy(timeForm, false);
      if (!result.ok) { forms.showProblem(timeForm, result, { started_at: 'time-started', minutes: 'time-minutes', memo: 'time-memo' }); return; }
      announce(editing ? 'The entry is changed.' : projects.duration(result.data.minutes) + ' logged.');
      resetForm();
      changed();
    });
  });

  document.getElementById('time-cancel').addEventListener('click', resetForm);

  timerForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(timerForm);
    var running = sheet && sheet.entries.some(function (entry) { return entry.running; });
    var memo = document.getElementById('timer-memo');
    var request = running ? api('POST', '/projects/' + project.id + '/timer/stop')
      : api('POST', '/projects/' + project.id + '/timer/start', { memo: memo.value });
    forms.busy(timerForm, true);
    request.then(function (result) {
      forms.busy(timerForm, false);
      if (!result.ok) { forms.showProblem(timerForm, result, { memo: 'timer-memo' }); return; }
      if (running) {
        announce(result.data.minutes ? 'The timer stopped: ' + projects.duration(result.data.minutes) + ' logged.' : 'The timer stopped before a minute: nothing was logged.');
      } else {
        memo.value = '';
        announce('The timer runs.');
      }
      changed();
    });
  });

  document.getElementById('week-previous').addEventListener('click', function () {
    if (!sheet) return;
    week = sheet.previous_week;
    loadWeek();
  });
  document.getElementById('week-next').addEventListener('click', function () {
    if (!sheet) return;
    week = sheet.next_week;
    loadWeek();
  });

  document.getElementById('week-approve').addEventListener('click', function () {
    if (!window.confirm('Approve ' + projects.duration(sheet.minutes) + ' (' + sheet.amount.formatted + ') for ' + sheet.week + '? It is billed as approved.')) return;
    api('POST', '/projects/' + project.id + '/timesheets/' + encodeURIComponent(sheet.week) + '/approve').then(function (result) {
      if (!result.ok) { failed(result); return; }
      announce('The week ' + sheet.week + ' is approved.');
      changed();
    });
  });

  document.getElementById('week-pay').addEventListener('click', function () {
    var button = document.getElementById('week-pay');
    button.disabled = true;
    Agora.api('POST', '/projects/' + project.id + '/timesheets/' + encodeURIComponent(sheet.week) + '/pay', { body: {}, idempotencyKey: Agora.idempotencyKey() })
      .then(function (result) {
        button.disabled = false;
        if (!result.ok) { failed(result); return; }
        announce(result.data.status === 'due' ? 'The week is not paid: ' + (result.data.failure ? result.data.failure.message : 'try again.') : 'The week ' + sheet.week + ' is paid.');
        changed();
      });
  });

  document.getElementById('end-project').addEventListener('click', function () {
    if (!window.confirm('End the work? The project and its order complete; weeks with time are still reviewed.')) return;
    api('POST', '/projects/' + project.id + '/end').then(function (result) {
      if (!result.ok) { failed(result); return; }
      announce('The work has ended: the project is complete.');
      onChanged();
    });
  });

  window.Agora.time = { show: show };
})();
