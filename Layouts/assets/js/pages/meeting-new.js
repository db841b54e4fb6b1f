/* /meetings/new/?project=ID schedules a meeting for a project; ?id=ID (and &occurrence= for one occurrence of a
 * series) changes one. The time is typed in a chosen zone (the browser's by default) and shown in each zone; a
 * meeting of the asker's at the same time is flagged; a series is daily or weekly for a number of meetings. The API
 * checks everything again and names each bad field. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var element = Agora.element;
  var form = document.getElementById('meeting-form');
  var parameters = new URLSearchParams(location.search);
  var projectID = parameters.get('project');
  var meetingID = parameters.get('id');
  var occurrence = parameters.get('occurrence');
  var words = JSON.parse(document.getElementById('meeting-words').textContent);
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var editing = null;

  /** The offset of `zone` at the moment `time` (milliseconds), from what the clock there reads. */
  function offset(time, zone) {
    var parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
    }).formatToParts(new Date(time)).forEach(function (part) { parts[part.type] = Number(part.value); });
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(time / 1000) * 1000;
  }

  /** `2026-10-19T10:00` read in `zone` as a moment; a time the clocks skip comes out an hour later, as on the server. */
  function instant(local, zone) {
    var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
    if (!match) return null;
    var wall = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]);
    var first = wall - offset(wall, zone);
    return new Date(wall - offset(first, zone));
  }

  /** A moment as `datetime-local` reads it in `zone`. */
  function local(date, zone) {
    var shifted = new Date(date.getTime() + offset(date.getTime(), zone));
    return shifted.toISOString().slice(0, 16);
  }

  function format(date, zone) {
    return new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(date);
  }

  function zoneOptions(selected) {
    var select = document.getElementById('time_zone');
    var zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [browserZone];
    if (zones.indexOf('UTC') < 0) zones = ['UTC'].concat(zones);
    if (zones.indexOf(selected) < 0) zones = [selected].concat(zones);
    select.textContent = '';
    zones.forEach(function (zone) {
      var option = element('option', null, zone);
      option.value = zone;
      option.selected = zone === selected;
      select.appendChild(option);
    });
  }

  function start() {
    return instant(document.getElementById('starts_at').value, document.getElementById('time_zone').value);
  }

  /** The moment in the meeting's zone, the browser's and UTC, and the asker's meetings it would overlap. */
  function showZones() {
    var list = document.getElementById('zone-list');
    var conflicts = document.getElementById('conflicts');
    list.textContent = '';
    conflicts.textContent = '';
    var moment = start();
    if (!moment) return;
    var zone = document.getElementById('time_zone').value;
    [zone, browserZone, 'UTC'].filter(function (name, index, all) { return all.indexOf(name) === index; }).forEach(function (name) {
      list.appendChild(element('li', null, name + ': ' + format(moment, name)));
    });
    var minutes = Number(document.getElementById('duration_minutes').value) || 60;
    var end = new Date(moment.getTime() + minutes * 60000);
    var query = new URLSearchParams({ from: moment.toISOString(), to: end.toISOString() });
    Agora.api('GET', '/meetings?' + query.toString()).then(function (result) {
      if (!result.ok) return;
      var clashing = result.data.meetings.filter(function (meeting) { return String(meeting.id) !== String(meetingID); });
      if (clashing.length) conflicts.textContent = 'At the same time you have: ' + clashing.map(function (meeting) { return meeting.title; }).join(', ') + '.';
    });
  }

  function showRepeat() {
    var frequency = document.getElementById('frequency').value;
    document.querySelectorAll('[data-repeat]').forEach(function (node) { node.hidden = !frequency || (node.id === 'weekdays' && frequency !== 'WEEKLY'); });
  }

  function recurrence() {
    var frequency = document.getElementById('frequency').value;
    if (!frequency) return null;
    var rule = ['FREQ=' + frequency, 'INTERVAL=' + (document.getElementById('interval').value || '1')];
    var days = Array.prototype.map.call(document.querySelectorAll('#weekdays input:checked'), function (box) { return box.value; });
    if (frequency === 'WEEKLY' && days.length) rule.push('BYDAY=' + days.join(','));
    rule.push('COUNT=' + (document.getElementById('count').value || '2'));
    return rule.join(';');
  }

  /** Fills the repeat fields from a stored rule (`FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=4`). */
  function readRecurrence(rule) {
    var parts = {};
    (rule || '').split(';').forEach(function (part) { var pair = part.split('='); parts[pair[0]] = pair[1]; });
    document.getElementById('frequency').value = parts.FREQ || '';
    document.getElementById('interval').value = parts.INTERVAL || '1';
    if (parts.COUNT) document.getElementById('count').value = parts.COUNT;
    (parts.BYDAY || '').split(',').forEach(function (dayName) {
      var box = document.querySelector('#weekdays input[value="' + dayName + '"]');
      if (box) box.checked = true;
    });
    showRepeat();
  }

  function body() {
    var moment = start();
    var data = {
      title: document.getElementById('title').value,
      agenda: document.getElementById('agenda').value,
      starts_at: moment ? moment.toISOString() : document.getElementById('starts_at').value,
      time_zone: document.getElementById('time_zone').value,
      duration_minutes: Number(document.getElementById('duration_minutes').value),
      reminders: Array.prototype.map.call(form.querySelectorAll('input[name="reminders"]:checked'), function (box) { return Number(box.value); }),
      guests: document.getElementById('guests').value.split(/[\n,]/).map(function (line) { return line.trim(); }).filter(Boolean)
    };
    var scope = document.getElementById('scope').value;
    if (editing) {
      if (editing.recurrence) data.scope = scope;
      if (occurrence && scope !== 'all') data.occurrence = occurrence;
      if (scope === 'this') { delete data.title; delete data.agenda; delete data.guests; delete data.time_zone; }
      if (scope === 'all' || !editing.recurrence) data.recurrence = recurrence();
    } else {
      data.project_id = Number(projectID);
      var rule = recurrence();
      if (rule) data.recurrence = rule;
    }
    return data;
  }

  function showProject(id) {
    var link = document.getElementById('meeting-project');
    link.href = Agora.projectPath(id);
    Agora.api('GET', '/projects/' + encodeURIComponent(id)).then(function (result) {
      link.textContent = result.ok ? result.data.title : 'this project';
    });
  }

  function prefill(meeting) {
    editing = meeting;
    document.getElementById('meeting-form-title').textContent = 'Change “' + meeting.title + '”';
    document.getElementById('meeting-submit').textContent = 'Save the change';
    showProject(meeting.project_id);
    var shown = meeting.occurrences.filter(function (item) { return item.original_start === occurrence; })[0];
    zoneOptions(meeting.time_zone);
    document.getElementById('title').value = meeting.title;
    document.getElementById('agenda').value = meeting.agenda;
    document.getElementById('starts_at').value = local(new Date(shown ? shown.starts_at : meeting.starts_at), meeting.time_zone);
    document.getElementById('duration_minutes').value = shown ? Math.round((new Date(shown.ends_at) - new Date(shown.starts_at)) / 60000) : meeting.duration_minutes;
    document.getElementById('guests').value = meeting.participants.filter(function (person) { return person.role === 'guest'; })
      .map(function (person) { return person.email; }).join('\n');
    form.querySelectorAll('input[name="reminders"]').forEach(function (box) { box.checked = meeting.your_reminders.indexOf(Number(box.value)) >= 0; });
    readRecurrence(meeting.recurrence);
    var scopeField = document.getElementById('scope-field');
    scopeField.hidden = !meeting.recurrence || !occurrence;
    if (!occurrence) document.getElementById('scope').value = 'all';
    document.getElementById('repeat-field').hidden = Boolean(meeting.recurrence && occurrence);
    showZones();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    Agora.forms.clearErrors(form);
    Agora.forms.busy(form, true);
    var request = editing ? Agora.api('PATCH', '/meetings/' + encodeURIComponent(meetingID), { body: body() }) : Agora.api('POST', '/meetings', { body: body() });
    request.then(function (result) {
      Agora.forms.busy(form, false);
      if (!result.ok) {
        (result.data && result.data.errors || []).forEach(function (error) { error.field = error.field.replace(/\[\d+\]$/, ''); });
        return Agora.forms.showProblem(form, result, { project_id: 'title' });
      }
      location.assign(Agora.paths.meeting + '?id=' + encodeURIComponent(result.data.id));
    });
  });
  ['starts_at', 'time_zone', 'duration_minutes'].forEach(function (id) { document.getElementById(id).addEventListener('change', showZones); });
  document.getElementById('frequency').addEventListener('change', showRepeat);
  document.getElementById('scope').addEventListener('change', function () {
    document.getElementById('repeat-field').hidden = document.getElementById('scope').value !== 'all';
  });

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    if (meetingID) {
      Agora.api('GET', '/meetings/' + encodeURIComponent(meetingID)).then(function (result) {
        if (!result.ok) return Agora.forms.showAlert((result.data && result.data.detail) || 'This meeting could not be read.');
        prefill(result.data);
      });
      return;
    }
    if (!projectID) return Agora.forms.showAlert('Open this form from a project’s page: a meeting belongs to a project.');
    showProject(projectID);
    zoneOptions(browserZone);
    var tomorrow = new Date(Date.now() + 86400000);
    tomorrow.setMinutes(0, 0, 0);
    tomorrow.setHours(10);
    document.getElementById('starts_at').value = local(tomorrow, browserZone);
    form.querySelectorAll('input[name="reminders"]').forEach(function (box) { box.checked = words.standardReminders.indexOf(Number(box.value)) >= 0; });
    showZones();
  });
})();
