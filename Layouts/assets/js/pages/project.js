/*
 * /projects/view/?id= (the project's two members): the project room. Its progress, health and facts; a timeline of
 * the milestones (SVG drawn here); every milestone with its submissions and the steps the member may take now
 * (deliver with a note, approve, ask for changes, accept a proposed milestone…); proposing a milestone; asking to
 * cancel and answering such a request; the activity feed; the export. Every step answers the whole project, which
 * is drawn again from it.
 */
(function () {
  'use strict';
  var element = Agora.element;
  var svg = Agora.svg;
  var forms = Agora.forms;
  var projects = Agora.projects;
  var page = document.querySelector('[data-guard]');
  var projectID = new URLSearchParams(location.search).get('id');
  var limits = document.getElementById('note-limits').dataset;
  var project = null;
  var olderActivity = null;
  var scrolledToMilestone = false;
  // What the last upload of each milestone said, kept across the redraw that follows it.
  var fileNews = {};

  // The note each step asks for: its label, its limits and the words of its button.
  var notes = {
    submit: { label: 'What you deliver, and where to find it', minimum: 1, maximum: Number(limits.deliverableMax), button: 'Deliver for review' },
    'request-changes': { label: 'What should change', minimum: Number(limits.changesMin), maximum: Number(limits.changesMax), button: 'Ask for changes' }
  };

  function failed(result) {
    forms.showAlert((result.data && result.data.detail) || 'That did not work. Try again in a moment.');
  }

  function announce(text) {
    document.getElementById('status-line').textContent = text;
  }

  function fact(list, term, value) {
    list.appendChild(element('dt', null, term));
    list.appendChild(element('dd', null, value));
  }

  function day(text) {
    return projects.days.format(new Date(text));
  }

  function drawHeader() {
    document.title = project.title;
    document.getElementById('project-title').textContent = project.title;
    var order = document.getElementById('project-order');
    order.textContent = 'Order ' + project.order_reference;
    order.href = Agora.orderPath(project.order_id);
    var status = document.getElementById('project-status');
    status.textContent = '';
    status.appendChild(projects.statusBadge(project.status, false));
    document.getElementById('project-with').textContent = (project.role === 'client' ? 'Your provider: ' : 'Your client: ') + project.counterpart.name;
    var progress = document.getElementById('project-progress');
    progress.textContent = '';
    progress.appendChild(projects.progressBar(project.progress));
    var health = document.getElementById('project-health');
    health.textContent = '';
    health.appendChild(projects.healthBadges(project.health));
    var facts = document.getElementById('project-facts');
    facts.textContent = '';
    if (project.hourly) fact(facts, 'Rate', project.hourly.rate.formatted + ' an hour, up to ' + project.hourly.weekly_limit_hours + ' h a week');
    else fact(facts, 'Agreed price', project.agreed_price.formatted);
    fact(facts, 'Started', day(project.started_at));
    fact(facts, 'Deadline', day(project.deadline));
    if (project.completed_at) fact(facts, project.status === 'cancelled' ? 'Ended' : 'Completed', day(project.completed_at));
    fact(facts, 'Last activity', projects.moments.format(new Date(project.last_activity_at)));
    document.getElementById('project-description').textContent = project.description;
  }

  function drawCancellation() {
    var request = project.cancellation;
    var open = request && project.status !== 'cancelled';
    var box = document.getElementById('cancellation');
    box.hidden = !open;
    document.getElementById('cancel-card').hidden = open || !(project.status === 'active' || project.status === 'paused');
    if (!open) return;
    var mine = request.requested_by === project.role;
    document.getElementById('cancellation-text').textContent = mine
      ? 'You asked to cancel on ' + day(request.requested_at) + '. The ' + (project.role === 'client' ? 'provider' : 'client') + ' has not answered yet.'
      : 'The ' + request.requested_by + ' asks to cancel this project. Agree, and it ends with the order; decline, and it goes on.';
    document.getElementById('cancellation-reason').textContent = request.reason;
    document.getElementById('cancellation-agree').hidden = mine;
    document.getElementById('cancellation-decline').hidden = mine;
    document.getElementById('cancellation-withdraw').hidden = !mine;
  }

  /** The milestones on a time axis from the start to the deadline (or the latest due date), with today. */
  function drawTimeline() {
    var container = document.getElementById('timeline-chart');
    container.textContent = '';
    var planned = project.milestones.filter(function (milestone) { return milestone.status !== 'declined'; });
    var start = new Date(project.started_at).getTime();
    var end = Math.max.apply(null, [new Date(project.deadline).getTime(), Date.now()].concat(planned.map(function (milestone) {
      return milestone.due_at ? new Date(milestone.due_at).getTime() : 0;
    })));
    var width = 480;
    var left = 14;
    var right = 14;
    var lanes = 3;
    var height = 44 + lanes * 28;
    var axis = height - 24;
    var x = function (time) { return left + (width - left - right) * (time - start) / Math.max(1, end - start); };
    var drawing = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart timeline-chart' });
    var title = svg('title');
    title.textContent = 'Timeline from ' + day(project.started_at) + ' to ' + day(project.deadline) + ': ' + planned.length + ' milestones, ' +
      project.progress.milestones_approved + ' approved.';
    drawing.appendChild(title);
    drawing.appendChild(svg('line', { x1: left, x2: width - right, y1: axis, y2: axis, class: 'chart-axis' }));
    [[start, project.started_at, 'start'], [new Date(project.deadline).getTime(), project.deadline, 'end']].forEach(function (mark) {
      var label = svg('text', { x: x(mark[0]), y: height - 6, class: 'chart-label', 'text-anchor': mark[2] === 'start' ? 'start' : 'end' });
      label.textContent = (mark[2] === 'start' ? 'Started ' : 'Deadline ') + day(mark[1]);
      drawing.appendChild(label);
    });
    var today = x(Date.now());
    drawing.appendChild(svg('line', { x1: today, x2: today, y1: 8, y2: axis, class: 'timeline-today' }));
    planned.forEach(function (milestone, index) {
      if (!milestone.due_at) return;
      var cx = x(new Date(milestone.due_at).getTime());
      var cy = 16 + (index % lanes) * 28;
      drawing.appendChild(svg('line', { x1: cx, x2: cx, y1: cy, y2: axis, class: 'timeline-stem' }));
      var dot = svg('circle', { cx: cx, cy: cy, r: 11, class: 'timeline-dot timeline-' + milestone.status });
      var tip = svg('title');
      tip.textContent = milestone.position + '. ' + milestone.title + ' — ' + projects.words.milestoneStatuses[milestone.status] + ', due ' + day(milestone.due_at);
      dot.appendChild(tip);
      drawing.appendChild(dot);
      var number = svg('text', { x: cx, y: cy + 4, class: 'timeline-number', 'text-anchor': 'middle' });
      number.textContent = String(milestone.position);
      drawing.appendChild(number);
    });
    container.appendChild(drawing);
  }

  /** A list of files, each a download button; `removable` files of the next delivery have a remove button too. */
  function fileList(files, milestone, removable) {
    var list = element('ul', 'file-list');
    files.forEach(function (file) {
      var item = element('li', 'file-item');
      var download = element('button', 'link-button', file.file_name);
      download.type = 'button';
      download.addEventListener('click', function () { Agora.download(file.url, file.file_name); });
      item.appendChild(download);
      item.appendChild(element('span', 'muted', Math.ceil(file.byte_size / 1024) + ' KB'));
      if (removable) {
        var remove = element('button', 'link-button', 'Remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', 'Remove ' + file.file_name);
        remove.addEventListener('click', function () {
          Agora.api('DELETE', '/milestones/' + milestone.id + '/files/' + file.id).then(function (result) {
            if (!result.ok) { failed(result); return; }
            announce(file.file_name + ' removed.');
            load();
          });
        });
        item.appendChild(remove);
      }
      list.appendChild(item);
    });
    return list;
  }

  /** The provider's files for the next delivery: those attached, and a picker that sends each with its progress. */
  function deliveryFiles(milestone) {
    var box = element('div', 'delivery-files');
    if (milestone.files.length) {
      box.appendChild(element('p', 'muted', 'Goes with your next delivery:'));
      box.appendChild(fileList(milestone.files, milestone, true));
    }
    if (!milestone.accepts_files) return box;
    var inputID = 'files-' + milestone.id;
    var label = element('label', 'button button-secondary small', 'Attach files');
    label.htmlFor = inputID;
    var input = element('input', 'visually-hidden');
    input.type = 'file';
    input.id = inputID;
    input.multiple = true;
    var progress = element('p', 'muted', fileNews[milestone.id] || '');
    progress.setAttribute('aria-live', 'polite');
    var say = function (text) { fileNews[milestone.id] = text; progress.textContent = text; };
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files);
      files.reduce(function (previous, file) {
        return previous.then(function (going) {
          if (!going) return false;
          return Agora.upload('/milestones/' + milestone.id + '/files', file, function (fraction) {
            say(file.name + ': ' + Math.round(fraction * 100) + '%');
          }).then(function (result) {
            say(result.ok ? file.name + ' attached.'
              : file.name + ': ' + ((result.data && (result.data.detail || (result.data.errors && result.data.errors[0].message))) || 'not sent'));
            return result.ok;
          });
        });
      }, Promise.resolve(true)).then(load);
    });
    box.appendChild(input);
    box.appendChild(label);
    box.appendChild(progress);
    return box;
  }

  function submissionList(milestone) {
    var list = element('ol', 'submission-list');
    list.setAttribute('aria-label', 'Deliveries of ' + milestone.title);
    milestone.submissions.forEach(function (submission) {
      var item = element('li');
      item.appendChild(element('p', 'muted', 'Delivery ' + submission.revision + ' · ' + projects.moments.format(new Date(submission.submitted_at))));
      item.appendChild(element('p', 'quoted', submission.note));
      if (submission.files.length) item.appendChild(fileList(submission.files, milestone, false));
      if (submission.response) {
        item.appendChild(element('p', 'muted', 'Changes asked ' + projects.moments.format(new Date(submission.responded_at))));
        item.appendChild(element('p', 'quoted', submission.response));
      }
      list.appendChild(item);
    });
    return list;
  }

  /** The form of a step that needs a note, opened inside the milestone. */
  function noteForm(milestone, step, holder) {
    var rules = notes[step];
    var form = document.getElementById('note-form-template').content.firstElementChild.cloneNode(true);
    var fieldID = 'note-' + milestone.id + '-' + step;
    var label = form.querySelector('label');
    var textarea = form.querySelector('textarea');
    var error = form.querySelector('.field-error');
    label.textContent = rules.label;
    label.htmlFor = fieldID;
    textarea.id = fieldID;
    textarea.maxLength = rules.maximum;
    textarea.minLength = rules.minimum;
    error.id = fieldID + '-error';
    textarea.setAttribute('aria-describedby', error.id);
    form.querySelector('button[type="submit"]').textContent = rules.button;
    form.querySelector('[data-close]').addEventListener('click', function () { holder.textContent = ''; });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var note = textarea.value.trim();
      if (note.length < rules.minimum) {
        forms.fieldError(fieldID, rules.minimum > 1 ? 'Write at least ' + rules.minimum + ' characters.' : 'Write what you deliver.');
        textarea.focus();
        return;
      }
      forms.fieldError(fieldID, '');
      forms.busy(form, true);
      projects.takeStep(milestone.id, step, note).then(function (result) {
        forms.busy(form, false);
        if (!result.ok) {
          var problem = (result.data && result.data.errors || [])[0];
          if (problem) { forms.fieldError(fieldID, problem.message); textarea.focus(); } else failed(result);
          return;
        }
        stepped(result.data, milestone, step);
      });
    });
    holder.textContent = '';
    holder.appendChild(form);
    textarea.focus();
  }

  /** What a step leaves: the project drawn again, the news said, the focus back on the milestone. */
  function stepped(updated, milestone, step) {
    project = updated;
    draw();
    loadActivity(false);
    var now = project.milestones.filter(function (each) { return each.id === milestone.id; })[0];
    announce(milestone.title + ': ' + (now ? projects.words.milestoneStatuses[now.status] : 'done') + '.' +
      (project.status === 'completed' ? ' Every milestone is approved: the project is complete.' : ''));
    var heading = document.getElementById('milestone-heading-' + milestone.id);
    if (heading) heading.focus();
  }

  /** What a move of money leaves: the project loaded again and the news said, or the refusal shown. */
  function moneyMove(moving, milestone, news) {
    moving.then(function (moved) {
      if (!moved) return;
      load().then(function () { announce(milestone.title + ': ' + news + '.'); });
    }, function (message) { forms.showAlert(message); });
  }

  /** The client's release and the provider's refund of what is held for a milestone of an active project. */
  function moneyButtons(milestone, actions) {
    if (!milestone.escrow || !milestone.escrow.remaining.amount_minor || project.status !== 'active') return;
    var client = project.role === 'client';
    var button = element('button', 'button small button-secondary', client ? 'Release payment' : 'Refund');
    button.type = 'button';
    button.setAttribute('aria-label', (client ? 'Release payment' : 'Refund') + ': ' + milestone.title);
    button.addEventListener('click', function () {
      moneyMove(client ? Agora.payments.release(milestone) : Agora.payments.refund(milestone), milestone, client ? 'payment released' : 'refunded');
    });
    actions.appendChild(button);
  }

  function stepButton(milestone, step, holder) {
    var kind = projects.steps[step];
    var button = element('button', 'button small ' + (kind.primary ? 'button-primary' : 'button-secondary'), kind.label);
    button.type = 'button';
    button.setAttribute('aria-label', kind.label + ': ' + milestone.title);
    button.addEventListener('click', function () {
      if (kind.note) { noteForm(milestone, step, holder); return; }
      if (kind.payment) { moneyMove(Agora.payments.fund(milestone), milestone, 'funded: the money is held in escrow'); return; }
      if (kind.confirm && !window.confirm(kind.confirm)) return;
      button.disabled = true;
      projects.takeStep(milestone.id, step).then(function (result) {
        button.disabled = false;
        if (!result.ok) { failed(result); return; }
        stepped(result.data, milestone, step);
      });
    });
    return button;
  }

  function milestoneItem(milestone) {
    var item = element('li', 'milestone-item milestone-' + milestone.status);
    item.id = 'milestone-' + milestone.id;
    var head = element('div', 'milestone-head');
    var heading = element('h3', null, milestone.position + '. ' + milestone.title);
    heading.id = 'milestone-heading-' + milestone.id;
    heading.tabIndex = -1;
    head.appendChild(heading);
    head.appendChild(projects.statusBadge(milestone.status, true));
    item.appendChild(head);
    var facts = [milestone.amount.formatted];
    if (milestone.due_at) facts.push('due ' + day(milestone.due_at));
    if (milestone.status === 'proposed' && milestone.proposed_by) facts.push('proposed by the ' + milestone.proposed_by);
    if (milestone.approved_at) facts.push('approved ' + day(milestone.approved_at));
    if (milestone.review_closes_at) facts.push('approved automatically on ' + day(milestone.review_closes_at) + ' unless the client answers');
    facts = facts.concat(Agora.payments.escrowFacts(milestone));
    item.appendChild(element('p', 'muted', facts.join(' · ')));
    if (milestone.description) item.appendChild(element('p', 'milestone-description', milestone.description));
    if (milestone.submissions.length) item.appendChild(submissionList(milestone));
    if (milestone.files.length || milestone.accepts_files) item.appendChild(deliveryFiles(milestone));
    var holder = element('div', 'note-holder');
    var actions = element('div', 'button-row');
    milestone.next_steps.forEach(function (step) { actions.appendChild(stepButton(milestone, step, holder)); });
    moneyButtons(milestone, actions);
    if (actions.children.length) item.appendChild(actions);
    item.appendChild(holder);
    return item;
  }

  function drawMilestones() {
    var list = document.getElementById('milestone-list');
    list.textContent = '';
    project.milestones.forEach(function (milestone) { list.appendChild(milestoneItem(milestone)); });
    document.getElementById('propose-card').hidden = project.status !== 'active';
    document.getElementById('milestone-currency').textContent = '(' + project.agreed_price.currency + ')';
  }

  /** The client pauses an active project or resumes a paused one; the provider sees that it is paused. */
  function drawPause() {
    var paused = project.status === 'paused';
    document.getElementById('paused-note').hidden = !paused;
    var card = document.getElementById('pause-card');
    card.hidden = project.role !== 'client' || !(project.status === 'active' || paused);
    document.getElementById('pause-title').textContent = paused ? 'Resume' : 'Pause';
    document.getElementById('pause-help').textContent = paused
      ? 'Resume the project and work goes on where it stopped.'
      : 'While paused, nothing moves: no deliveries, no automatic approvals.';
    document.getElementById('pause-reason-field').hidden = paused;
    document.getElementById('pause-submit').textContent = paused ? 'Resume the project' : 'Pause the project';
  }

  /** The project's coming meetings (the next 100 days), and the way to schedule one while the project runs. */
  function drawMeetings() {
    var schedule = document.getElementById('schedule-meeting');
    schedule.hidden = !(project.status === 'active' || project.status === 'paused');
    schedule.href = Agora.paths.scheduleMeeting + '?project=' + encodeURIComponent(project.id);
    var from = new Date();
    var query = new URLSearchParams({ project_id: String(project.id), from: from.toISOString(), to: new Date(from.getTime() + 100 * 86400000).toISOString() });
    Agora.api('GET', '/meetings?' + query.toString()).then(function (result) {
      if (!result.ok) return;
      var list = document.getElementById('project-meetings');
      list.textContent = '';
      result.data.meetings.forEach(function (meeting) {
        var next = meeting.occurrences[0];
        var item = element('li');
        var link = element('a', null, meeting.title);
        link.href = Agora.paths.meeting + '?id=' + encodeURIComponent(meeting.id);
        item.appendChild(link);
        if (next) item.appendChild(document.createTextNode(' — ' + projects.moments.format(new Date(next.starts_at))));
        list.appendChild(item);
      });
      document.getElementById('project-meetings-empty').hidden = result.data.meetings.length > 0;
    });
    Agora.api('GET', '/projects/' + encodeURIComponent(project.id) + '/meetings/figures').then(function (result) {
      if (!result.ok || !result.data.held) return;
      document.getElementById('project-meeting-figures').textContent = result.data.held + ' meeting(s) held, ' + result.data.attended
        + ' joined through Agora, ' + result.data.average_minutes + ' minutes on average.';
    });
  }

  function draw() {
    var hourly = project.billing === 'hourly';
    drawHeader();
    drawPause();
    drawCancellation();
    drawMeetings();
    // Hourly work has no milestones: its weeks of time take their place.
    ['timeline-card', 'milestones-card', 'export-csv'].forEach(function (id) { document.getElementById(id).hidden = hourly; });
    if (!hourly) {
      drawTimeline();
      drawMilestones();
    } else {
      document.getElementById('propose-card').hidden = true;
    }
    Agora.time.show(project, projectChanged);
    if (!hourly) Agora.disputes.show(project, load);
    else document.getElementById('dispute-card').hidden = true;
    Agora.reviews.show(project);
  }

  function loadActivity(append) {
    var query = '?limit=20' + (append && olderActivity ? '&before=' + olderActivity : '');
    return Agora.api('GET', '/projects/' + encodeURIComponent(projectID) + '/activity' + query).then(function (result) {
      if (!result.ok) { failed(result); return; }
      var titles = {};
      project.milestones.forEach(function (milestone) { titles[milestone.id] = milestone.title; });
      var list = document.getElementById('project-activity');
      if (!append) list.textContent = '';
      result.data.activity.forEach(function (entry) { list.appendChild(projects.activityItem(entry, titles, false)); });
      olderActivity = result.data.next_before || null;
      document.getElementById('activity-more').hidden = !olderActivity;
    });
  }

  /** Something moved in the project (a step, a pause, a file), here or elsewhere: read it again, once for a burst;
   * while the member writes a note, only the feed, so that the form they type in stays. */
  var reloadTimer = null;
  function projectChanged() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(function () {
      if (document.querySelector('#milestone-list .note-form')) loadActivity(false); else load();
    }, 300);
  }

  function load() {
    return Agora.api('GET', '/projects/' + encodeURIComponent(projectID)).then(function (result) {
      if (!result.ok) {
        forms.showAlert(result.status === 404 ? 'No project of yours has this address.' : (result.data && result.data.detail) || 'The project could not be loaded.');
        return;
      }
      var first = project === null;
      project = result.data;
      draw();
      loadActivity(false);
      if (first) Agora.chat.start({ projectID: project.id, role: project.role, onProjectChanged: projectChanged });
      var target = !scrolledToMilestone && location.hash ? document.getElementById(location.hash.slice(1)) : null;
      if (target) { scrolledToMilestone = true; target.scrollIntoView(); }
    });
  }

  document.getElementById('propose-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    forms.clearErrors(form);
    var values = forms.values(form);
    forms.busy(form, true);
    Agora.api('POST', '/projects/' + encodeURIComponent(projectID) + '/milestones', { body: values }).then(function (result) {
      forms.busy(form, false);
      if (!result.ok) {
        forms.showProblem(form, result, { title: 'milestone-title', description: 'milestone-description', amount: 'milestone-amount', due: 'milestone-due' });
        return;
      }
      form.reset();
      project = result.data;
      draw();
      loadActivity(false);
      announce('Milestone proposed: it joins the plan once the other side accepts it.');
    });
  });

  function cancellation(method, body, done) {
    return Agora.api(method, '/projects/' + encodeURIComponent(projectID) + '/cancel', { body: body }).then(function (result) {
      if (!result.ok) return result;
      project = result.data;
      draw();
      loadActivity(false);
      announce(done());
      return result;
    });
  }

  document.getElementById('pause-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var move = project.status === 'paused' ? 'resume' : 'pause';
    var body = move === 'pause' ? { reason: forms.values(form).reason } : {};
    forms.clearErrors(form);
    forms.busy(form, true);
    Agora.api('POST', '/projects/' + encodeURIComponent(projectID) + '/' + move, { body: body }).then(function (result) {
      forms.busy(form, false);
      if (!result.ok) { forms.showProblem(form, result, { reason: 'pause-reason' }); return; }
      form.reset();
      project = result.data;
      draw();
      loadActivity(false);
      announce(move === 'pause' ? 'The project is paused.' : 'The project goes on.');
    });
  });

  document.getElementById('cancel-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    forms.clearErrors(form);
    forms.busy(form, true);
    cancellation('POST', { reason: forms.values(form).reason }, function () { return 'Your request to cancel is sent.'; }).then(function (result) {
      forms.busy(form, false);
      if (!result.ok) { forms.showProblem(form, result, { reason: 'cancel-reason' }); return; }
      form.reset();
    });
  });
  document.getElementById('cancellation-agree').addEventListener('click', function () {
    if (!window.confirm('Cancel the project for good? The order is cancelled with it.')) return;
    cancellation('POST', {}, function () { return 'The project is cancelled.'; }).then(function (result) { if (!result.ok) failed(result); });
  });
  ['cancellation-decline', 'cancellation-withdraw'].forEach(function (id) {
    document.getElementById(id).addEventListener('click', function () {
      cancellation('DELETE', undefined, function () { return 'The project goes on.'; }).then(function (result) { if (!result.ok) failed(result); });
    });
  });

  ['ics', 'csv'].forEach(function (format) {
    document.getElementById('meetings-' + format).addEventListener('click', function () {
      Agora.download('/api/projects/' + encodeURIComponent(projectID) + '/meetings/export?format=' + format, 'meetings.' + format);
    });
  });
  document.getElementById('export-json').addEventListener('click', function () {
    Agora.download('/api/projects/' + encodeURIComponent(projectID) + '/export?format=json', 'project.json');
  });
  document.getElementById('export-csv').addEventListener('click', function () {
    Agora.download('/api/projects/' + encodeURIComponent(projectID) + '/export?format=csv', 'milestones.csv');
  });
  document.getElementById('activity-more').addEventListener('click', function () { loadActivity(true); });

  Agora.auth.requireSignIn(['client', 'provider']).then(function () {
    page.hidden = false;
    if (!projectID) { forms.showAlert('No project of yours has this address.'); return; }
    load();
  });
})();
