/*
 * /projects/ (signed in): the member's projects. Counts by status, the milestones waiting for them (with the step
 * they can take at once) and those due this week (`GET /api/projects/dashboard`); every project as a card with its
 * progress and health, filtered, sorted and a page at a time (`GET /api/projects`); the latest activity.
 */
(function () {
  'use strict';
  var element = Agora.element;
  var projects = Agora.projects;
  var page = document.querySelector('[data-guard]');
  var filters = document.getElementById('project-filters');
  var more = document.getElementById('projects-more');
  var next = null;

  function failed(result, fallback) {
    Agora.forms.showAlert((result.data && result.data.detail) || fallback);
  }

  function link(text, href) {
    var node = element('a', null, text);
    node.href = href;
    return node;
  }

  /** A milestone waiting or due: its project, title, amount and due date, and the quick step it allows. */
  function workItem(item, quickSteps) {
    var milestone = item.milestone;
    var row = element('li', 'work-item');
    var text = element('div');
    text.appendChild(link(milestone.title, Agora.projectPath(item.project_id) + '#milestone-' + milestone.id));
    var facts = [item.project_title, milestone.amount.formatted];
    if (milestone.due_at) facts.push('due ' + projects.days.format(new Date(milestone.due_at)));
    text.appendChild(element('p', 'muted', facts.join(' · ')));
    row.appendChild(text);
    row.appendChild(projects.statusBadge(milestone.status, true));
    if (quickSteps) {
      var actions = element('div', 'row-actions');
      milestone.next_steps.forEach(function (step) {
        var kind = projects.steps[step];
        // A step that needs a note, or a payment, is taken in the room, where the note or the card is written.
        if (kind.note || kind.payment) {
          actions.appendChild(link(kind.label, Agora.projectPath(item.project_id) + '#milestone-' + milestone.id));
          return;
        }
        var button = element('button', 'button small ' + (kind.primary ? 'button-primary' : 'button-secondary'), kind.label);
        button.type = 'button';
        button.setAttribute('aria-label', kind.label + ': ' + milestone.title);
        button.addEventListener('click', function () {
          if (kind.confirm && !window.confirm(kind.confirm)) return;
          button.disabled = true;
          projects.takeStep(milestone.id, step).then(function (result) {
            if (!result.ok) { button.disabled = false; failed(result, 'That did not work. Try again in a moment.'); return; }
            document.getElementById('status-line').textContent = milestone.title + ': ' + (projects.words.milestoneStatuses[
              result.data.milestones.filter(function (m) { return m.id === milestone.id; })[0].status] || 'done') + '.';
            loadDashboard();
            loadProjects(false);
          });
        });
        actions.appendChild(button);
      });
      row.appendChild(actions);
    }
    return row;
  }

  function fillList(listID, emptyID, items, quickSteps) {
    var list = document.getElementById(listID);
    list.textContent = '';
    items.forEach(function (item) { list.appendChild(workItem(item, quickSteps)); });
    document.getElementById(emptyID).hidden = items.length > 0;
  }

  function loadDashboard() {
    return Agora.api('GET', '/projects/dashboard').then(function (result) {
      if (!result.ok) { failed(result, 'Your projects could not be loaded.'); return; }
      var counts = document.getElementById('project-counts');
      counts.textContent = '';
      projects.words.projectStatusOrder.forEach(function (status) {
        var figure = element('div', 'figure');
        figure.appendChild(element('dd', null, String(result.data.counts[status] || 0)));
        var label = projects.words.projectStatuses[status];
        figure.appendChild(element('dt', null, label.charAt(0).toUpperCase() + label.slice(1)));
        counts.appendChild(figure);
      });
      fillList('awaiting-list', 'awaiting-empty', result.data.awaiting_me, true);
      fillList('due-list', 'due-empty', result.data.due_soon, false);
      var recent = document.getElementById('recent-activity');
      recent.textContent = '';
      result.data.recent_activity.forEach(function (entry) { recent.appendChild(projects.activityItem(entry, null, true)); });
      document.getElementById('recent-empty').hidden = result.data.recent_activity.length > 0;
    });
  }

  /** A project's card: title, the other member, status, health, progress, price and deadline. */
  function card(project) {
    var article = element('article', 'project-card');
    var heading = element('h3');
    heading.appendChild(link(project.title, Agora.projectPath(project.id)));
    article.appendChild(heading);
    var meta = element('p', 'muted', project.order_reference + ' · with ' + project.counterpart.name);
    article.appendChild(meta);
    var badges = element('div', 'card-badges');
    badges.appendChild(projects.statusBadge(project.status, false));
    badges.appendChild(projects.healthBadges(project.health));
    article.appendChild(badges);
    article.appendChild(projects.progressBar(project.progress));
    var price = project.hourly ? project.hourly.rate.formatted + ' an hour, up to ' + project.hourly.weekly_limit_hours + ' h a week' : project.agreed_price.formatted;
    article.appendChild(element('p', 'muted', price + ' · due ' + projects.days.format(new Date(project.deadline))));
    return article;
  }

  function loadProjects(append) {
    var query = ['limit=12', 'sort=' + encodeURIComponent(document.getElementById('project-sort').value)];
    var status = document.getElementById('project-status').value;
    var text = document.getElementById('project-text').value.trim();
    if (status) query.push('status=' + encodeURIComponent(status));
    if (text) query.push('q=' + encodeURIComponent(text));
    if (append && next) query.push('after=' + encodeURIComponent(next));
    return Agora.api('GET', '/projects?' + query.join('&')).then(function (result) {
      if (!result.ok) { failed(result, 'Your projects could not be loaded.'); return; }
      var cards = document.getElementById('project-cards');
      if (!append) cards.textContent = '';
      result.data.projects.forEach(function (project) { cards.appendChild(card(project)); });
      next = result.data.next_after || null;
      more.hidden = !next;
      document.getElementById('projects-empty').hidden = cards.children.length > 0;
    });
  }

  Agora.auth.requireSignIn(['client', 'provider']).then(function () {
    page.hidden = false;
    loadDashboard();
    loadProjects(false);
  });
  filters.addEventListener('submit', function (event) { event.preventDefault(); next = null; loadProjects(false); });
  document.getElementById('project-status').addEventListener('change', function () { next = null; loadProjects(false); });
  document.getElementById('project-sort').addEventListener('change', function () { next = null; loadProjects(false); });
  more.addEventListener('click', function () { loadProjects(true); });
})();
