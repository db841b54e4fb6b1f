/*
 * What the project pages share (`Agora.projects`): the domain's words for statuses, health badges and activity
 * (written into the page by the generator, `#project-words`), the badges and progress bars a project shows, the
 * words of each step a member may take on a milestone, and taking it.
 */
(function () {
  'use strict';
  var element = Agora.element;
  var words = JSON.parse(document.getElementById('project-words').textContent);
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  var moments = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  // The button of each step (`MilestoneStep`), and whether it asks for a note first.
  var steps = {
    accept: { label: 'Accept', primary: true },
    decline: { label: 'Decline' },
    withdraw: { label: 'Withdraw' },
    fund: { label: 'Fund', primary: true, payment: true },
    start: { label: 'Start work', primary: true },
    submit: { label: 'Deliver', primary: true, note: true },
    'request-changes': { label: 'Ask for changes', note: true },
    approve: { label: 'Approve', primary: true, confirm: 'Approve this milestone? It cannot be undone.' }
  };

  function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** A status badge: the project's, or (`milestone`) a milestone's. */
  function statusBadge(status, milestone) {
    var label = (milestone ? words.milestoneStatuses : words.projectStatuses)[status] || status;
    return element('span', 'status status-' + status, capitalized(label));
  }

  /** The health badges of a running project, in a list (empty when all is well). */
  function healthBadges(health) {
    var list = element('ul', 'badge-list health-list');
    list.setAttribute('aria-label', 'Health');
    health.forEach(function (issue) { list.appendChild(element('li', 'health health-' + issue, words.health[issue] || issue)); });
    return list;
  }

  /** Minutes as hours and minutes, as the service writes them (`HourlyRules.duration`): `3 h 05 min`. */
  function duration(minutes) {
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    if (!hours) return rest + ' min';
    if (!rest) return hours + ' h';
    return hours + ' h ' + (rest < 10 ? '0' : '') + rest + ' min';
  }

  /** The project's progress: a bar with its figures in words (hours for hourly work). */
  function progressBar(progress) {
    var wrap = element('div', 'progress');
    var bar = element('progress');
    bar.max = 100;
    bar.value = progress.percent;
    var hourly = progress.minutes_budgeted !== undefined;
    var text = hourly
      ? progress.percent + '% · ' + duration(progress.minutes_approved) + ' of ' + duration(progress.minutes_budgeted) + ' approved (' +
        progress.approved.formatted + ') · ' + duration(progress.minutes_logged) + ' logged'
      : progress.percent + '% · ' + progress.approved.formatted + ' of ' + progress.agreed.formatted + ' approved · ' +
        progress.milestones_approved + ' of ' + progress.milestones_agreed + ' milestones';
    bar.setAttribute('aria-label', 'Progress: ' + text);
    wrap.appendChild(bar);
    wrap.appendChild(element('span', 'muted', text));
    return wrap;
  }

  /** Takes a step on a milestone (`POST /api/milestones/{id}/{step}`), with a note when the step needs one. */
  function takeStep(milestoneID, step, note) {
    var body = note === undefined ? undefined : { note: note };
    return Agora.api('POST', '/milestones/' + encodeURIComponent(milestoneID) + '/' + step, { body: body });
  }

  /** The words of an activity entry: what happened, to which milestone, with the note or reason it carries. */
  function activityText(entry, milestoneTitles) {
    var text = words.activity[entry.kind] || entry.kind;
    var title = entry.detail.title || entry.detail.memo || entry.detail.week || (entry.milestone_id && milestoneTitles && milestoneTitles[entry.milestone_id]);
    if (title) text += ': ' + title;
    if (entry.detail.minutes) text += ' (' + duration(Number(entry.detail.minutes)) + ')';
    if (entry.actor) text = capitalized(entry.actor) + ' · ' + text;
    return text;
  }

  /** One entry of an activity list: when, who and what, and the note or reason it carries. */
  function activityItem(entry, milestoneTitles, projectLink) {
    var item = element('li');
    item.appendChild(element('time', 'muted', moments.format(new Date(entry.created_at))));
    item.appendChild(document.createTextNode(' '));
    if (projectLink) {
      var link = element('a', null, entry.project_title);
      link.href = Agora.projectPath(entry.project_id);
      item.appendChild(link);
      item.appendChild(document.createTextNode(' · '));
    }
    item.appendChild(element('span', null, activityText(entry, milestoneTitles)));
    var said = entry.detail.note || entry.detail.reason;
    if (said) item.appendChild(element('p', 'quoted', said));
    return item;
  }

  window.Agora.projects = {
    words: words,
    steps: steps,
    days: days,
    moments: moments,
    statusBadge: statusBadge,
    healthBadges: healthBadges,
    progressBar: progressBar,
    duration: duration,
    takeStep: takeStep,
    activityItem: activityItem
  };
})();
