/* /meetings/view/?id=ID (participants): the meeting in the reader's zone and the organiser's, its agenda, who comes
 * and their answers, the reader's own answer, the coming occurrences, and the join button, which opens from ten
 * minutes before an occurrence. The organiser changes or cancels one occurrence, it and the following, or all. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var element = Agora.element;
  var words = JSON.parse(document.getElementById('meeting-words').textContent);
  var id = new URLSearchParams(location.search).get('id');
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var meeting = null;
  var notesVersion = 0;

  function format(date, zone) {
    return new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(date);
  }

  /** "Monday 19 October 2026 at 10:00 (your time); 10:00 in Europe/Berlin, the organiser's zone". */
  function when(startsAt, zone) {
    var date = new Date(startsAt);
    var text = format(date, browserZone) + ' (your time, ' + browserZone + ')';
    if (zone !== browserZone) text += '; ' + format(date, zone) + ' in ' + zone;
    return text;
  }

  function failed(result) {
    Agora.forms.showAlert((result.data && result.data.detail) || 'That did not work. Try again in a moment.');
  }

  function answer(response) {
    Agora.api('POST', '/meetings/' + encodeURIComponent(id) + '/rsvp', { body: { response: response } }).then(function (result) {
      if (!result.ok) return failed(result);
      show(result.data);
      Agora.forms.showAlert('Your answer is saved: ' + words.responses[response] + '.', 'success');
    });
  }

  function cancel(query, label) {
    if (!window.confirm(label + '? Everyone is told, and their calendars follow.')) return;
    Agora.api('DELETE', '/meetings/' + encodeURIComponent(id) + query).then(function (result) {
      if (!result.ok) return failed(result);
      show(result.data);
      Agora.forms.showAlert('Cancelled; everyone is told.', 'success');
    });
  }

  function joinState() {
    var button = document.getElementById('meeting-join');
    var note = document.getElementById('meeting-join-note');
    var next = meeting.occurrences[0];
    if (meeting.status !== 'scheduled' || !next) {
      button.disabled = true;
      note.textContent = meeting.status === 'cancelled' ? 'This meeting is cancelled.' : 'No meeting is left to join.';
      return;
    }
    var opens = new Date(next.join_opens_at);
    button.disabled = Date.now() < opens.getTime();
    note.textContent = button.disabled ? 'The room opens ' + words.roomOpensMinutes + ' minutes before: ' + format(opens, browserZone) + '.' : 'The room is open.';
  }

  function occurrenceItem(occurrence) {
    var item = element('li', null, when(occurrence.starts_at, meeting.time_zone) + (occurrence.moved ? ' (moved)' : ''));
    if (meeting.is_organizer && meeting.status === 'scheduled' && meeting.recurrence) {
      var change = element('a', 'link-button', 'Change');
      change.href = Agora.paths.scheduleMeeting + '?id=' + encodeURIComponent(id) + '&occurrence=' + encodeURIComponent(occurrence.original_start);
      change.setAttribute('aria-label', 'Change the meeting of ' + format(new Date(occurrence.starts_at), browserZone));
      var drop = element('button', 'link-button', 'Cancel this one');
      drop.type = 'button';
      drop.addEventListener('click', function () {
        cancel('?scope=this&occurrence=' + encodeURIComponent(occurrence.original_start), 'Cancel the meeting of ' + format(new Date(occurrence.starts_at), browserZone));
      });
      var following = element('button', 'link-button', 'Cancel this and the following');
      following.type = 'button';
      following.addEventListener('click', function () {
        cancel('?scope=following&occurrence=' + encodeURIComponent(occurrence.original_start), 'Cancel this meeting and every later one');
      });
      [change, drop, following].forEach(function (node) { item.appendChild(document.createTextNode(' · ')); item.appendChild(node); });
    }
    return item;
  }

  function show(data) {
    meeting = data;
    document.title = data.title;
    document.getElementById('meeting-title').textContent = data.title;
    document.getElementById('meeting-project').href = Agora.projectPath(data.project_id);
    var first = data.occurrences[0];
    document.getElementById('meeting-when').textContent = first
      ? when(first.starts_at, data.time_zone) + ', ' + Math.round((new Date(first.ends_at) - new Date(first.starts_at)) / 60000) + ' minutes'
        + (data.recurrence ? ' — repeats (' + data.occurrences.length + ' to come)' : '')
      : 'No meeting to come.';
    document.getElementById('meeting-status').textContent = words.statuses[data.status];
    document.getElementById('meeting-agenda').textContent = data.agenda || 'No agenda yet.';
    var people = document.getElementById('meeting-people');
    people.textContent = '';
    data.participants.forEach(function (person) {
      people.appendChild(element('li', null, person.name + (person.is_you ? ' (you)' : '') + ' — ' + words.roles[person.role] + ', ' + words.responses[person.response]));
    });
    var list = document.getElementById('meeting-occurrences');
    list.textContent = '';
    data.occurrences.forEach(function (occurrence) { list.appendChild(occurrenceItem(occurrence)); });
    document.querySelectorAll('[data-answer]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-answer') === data.your_response));
      button.disabled = data.status !== 'scheduled';
    });
    document.getElementById('answer-section').hidden = data.is_organizer;
    document.getElementById('meeting-reminders').textContent = data.your_reminders.length
      ? 'Reminders: ' + data.your_reminders.map(function (minutes) { return words.reminders[minutes] || minutes + ' minutes before'; }).join(', ') + '.'
      : 'No reminders.';
    document.getElementById('organiser-section').hidden = !(data.is_organizer && data.status === 'scheduled');
    document.getElementById('meeting-edit').href = Agora.paths.scheduleMeeting + '?id=' + encodeURIComponent(id);
    joinState();
  }

  /** One action item's row: what, who (a member taking part), by when, done. */
  function actionRow(item) {
    var row = element('li', 'action-item');
    var index = document.getElementById('action-items').children.length;
    var title = element('input');
    title.type = 'text';
    title.value = item.title || '';
    title.setAttribute('aria-label', 'Action item ' + (index + 1));
    title.setAttribute('data-field', 'title');
    var who = element('select');
    who.setAttribute('aria-label', 'Who does it');
    who.setAttribute('data-field', 'assignee_id');
    who.appendChild(element('option', null, 'Nobody yet'));
    meeting.participants.filter(function (person) { return person.role !== 'guest'; }).forEach(function (person) {
      var option = element('option', null, person.name);
      option.value = String(person.user_id);
      who.appendChild(option);
    });
    var due = element('input');
    due.type = 'date';
    due.value = item.due_on || '';
    due.setAttribute('aria-label', 'Due on');
    due.setAttribute('data-field', 'due_on');
    var done = element('input');
    done.type = 'checkbox';
    done.checked = Boolean(item.done);
    done.setAttribute('aria-label', 'Done');
    done.setAttribute('data-field', 'done');
    var remove = element('button', 'link-button', 'Remove');
    remove.type = 'button';
    remove.addEventListener('click', function () { row.remove(); });
    [title, who, due, done, remove].forEach(function (node) { row.appendChild(node); });
    who.value = item.assignee_id ? String(item.assignee_id) : '';
    return row;
  }

  function showNotes(notes) {
    notesVersion = notes.version;
    document.getElementById('notes-body').value = notes.body;
    var list = document.getElementById('action-items');
    list.textContent = '';
    notes.action_items.forEach(function (item) { list.appendChild(actionRow(item)); });
    document.getElementById('notes-saved').textContent = notes.updated_at ? 'Saved ' + format(new Date(notes.updated_at), browserZone) + '.' : '';
  }

  function loadNotes() {
    Agora.api('GET', '/meetings/' + encodeURIComponent(id) + '/notes').then(function (result) {
      if (result.ok) showNotes(result.data);
    });
  }

  document.getElementById('action-add').addEventListener('click', function () {
    var row = actionRow({});
    document.getElementById('action-items').appendChild(row);
    row.querySelector('input').focus();
  });
  document.getElementById('notes-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    Agora.forms.clearErrors(form);
    var items = Array.prototype.map.call(document.querySelectorAll('#action-items .action-item'), function (row) {
      var value = function (name) { return row.querySelector('[data-field="' + name + '"]'); };
      return {
        title: value('title').value, assignee_id: value('assignee_id').value ? Number(value('assignee_id').value) : null,
        due_on: value('due_on').value || null, done: value('done').checked
      };
    });
    var body = { body: document.getElementById('notes-body').value, version: notesVersion, action_items: items };
    Agora.api('PUT', '/meetings/' + encodeURIComponent(id) + '/notes', { body: body }).then(function (result) {
      if (!result.ok) {
        (result.data && result.data.errors || []).forEach(function (error) {
          var item = /^action_items\[(\d+)\]/.exec(error.field);
          if (item) {
            error.message = 'item ' + (Number(item[1]) + 1) + ': ' + error.message;
            error.field = 'action_items';
          }
        });
        return Agora.forms.showProblem(form, result, { body: 'notes-body' });
      }
      showNotes(result.data);
      Agora.forms.showAlert('The notes are saved.', 'success');
    });
  });

  document.querySelectorAll('[data-answer]').forEach(function (button) {
    button.addEventListener('click', function () { answer(button.getAttribute('data-answer')); });
  });
  document.getElementById('meeting-cancel').addEventListener('click', function () {
    cancel('?scope=all', meeting.recurrence ? 'Cancel every meeting of the series' : 'Cancel the meeting');
  });
  document.getElementById('meeting-join').addEventListener('click', function () {
    Agora.api('GET', '/meetings/' + encodeURIComponent(id) + '/join').then(function (result) {
      if (!result.ok) return failed(result);
      window.open(result.data.url, '_blank', 'noopener');
    });
  });

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    Agora.api('GET', '/meetings/' + encodeURIComponent(id)).then(function (result) {
      if (!result.ok) return failed(result);
      show(result.data);
      loadNotes();
      setInterval(joinState, 30000);
    });
  });
})();
