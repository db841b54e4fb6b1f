/* /admin/: the dashboard. The figures (analytics.read) with bar charts of sign-ups and active accounts drawn as SVG
 * (each with the same figures in a table for screen readers), the weekly cohorts' retention as a table shaded by
 * share, and what needs attention: failed site builds and emails, staff without two factors. */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  var figure = Agora.admin.figure;

  function chart(name, days, noun) {
    var holder = document.getElementById(name + '-chart');
    var highest = Math.max(1, Math.max.apply(null, days.map(function (day) { return day.count; })));
    var width = days.length * 12;
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' 100');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    var total = days.reduce(function (sum, day) { return sum + day.count; }, 0);
    svg.setAttribute('aria-label', total + ' ' + noun + ' over the last ' + days.length + ' days; the table below has each day');
    days.forEach(function (day, index) {
      var height = Math.round(day.count / highest * 96);
      var bar = document.createElementNS(SVG, 'rect');
      bar.setAttribute('x', String(index * 12 + 1));
      bar.setAttribute('y', String(100 - height));
      bar.setAttribute('width', '10');
      bar.setAttribute('height', String(height));
      bar.setAttribute('class', 'chart-bar');
      var title = document.createElementNS(SVG, 'title');
      title.textContent = day.day + ': ' + day.count;
      bar.appendChild(title);
      svg.appendChild(bar);
    });
    holder.appendChild(svg);
    var body = document.querySelector('#' + name + '-table tbody');
    days.forEach(function (day) {
      var row = document.createElement('tr');
      Agora.admin.cell(row, day.day, 'th').setAttribute('scope', 'row');
      Agora.admin.cell(row, day.count);
      body.appendChild(row);
    });
  }

  function cohorts(list) {
    var head = document.getElementById('cohort-head');
    list.forEach(function (cohort, index) {
      Agora.admin.cell(head, index === 0 ? 'Same week' : 'Week ' + index, 'th').setAttribute('scope', 'col');
    });
    var body = document.querySelector('#cohort-table tbody');
    list.forEach(function (cohort) {
      var row = body.insertRow();
      Agora.admin.cell(row, cohort.week, 'th').setAttribute('scope', 'row');
      Agora.admin.cell(row, cohort.size);
      cohort.active.forEach(function (count) {
        var share = cohort.size ? Math.round(count / cohort.size * 100) : 0;
        var shade = Agora.admin.cell(row, cohort.size ? share + '%' : '—');
        shade.className = 'cohort-cell';
        shade.style.setProperty('--share', String(share / 100));
        shade.title = count + ' of ' + cohort.size;
      });
    });
  }

  function alert(list, text, href) {
    var item = document.createElement('li');
    if (href) {
      var link = document.createElement('a');
      link.href = href;
      link.textContent = text;
      item.appendChild(link);
    } else {
      item.textContent = text;
    }
    list.appendChild(item);
  }

  Agora.admin.start().then(function (access) {
    if (access.areas.indexOf('dashboard') < 0) {
      document.getElementById('figures-none').hidden = false;
      return;
    }
    Agora.api('GET', '/admin/dashboard').then(function (result) {
      if (!result.ok) return Agora.forms.showAlert((result.data && result.data.detail) || 'The figures could not be loaded.', 'error');
      var data = result.data;
      var grid = document.getElementById('figure-grid');
      figure(grid, 'Clients', data.accounts.client || 0);
      figure(grid, 'Providers', data.accounts.provider || 0);
      figure(grid, 'Staff', data.accounts.admin || 0);
      figure(grid, 'Suspended accounts', data.suspended);
      figure(grid, 'Orders open for proposals', data.open_orders);
      figure(grid, 'Site changes waiting', data.site_changes.waiting);
      figure(grid, 'Emails waiting', data.emails.waiting);
      figure(grid, 'Waiting for a moderator', data.moderation.waiting);
      figure(grid, 'Held in escrow', data.money.in_escrow.map(function (money) { return money.formatted; }).join(' · ') || 'Nothing');
      figure(grid, 'Open disputes', data.money.open_disputes);
      chart('signups', data.sign_ups, 'sign-ups');
      chart('active', data.active_users, 'account-days of activity');
      cohorts(data.cohorts);
      document.getElementById('figures').hidden = false;
      var list = document.getElementById('alerts-list');
      if (data.site_changes.failed) alert(list, data.site_changes.failed + ' site changes failed to build');
      if (data.emails.failed) alert(list, data.emails.failed + ' emails could not be delivered');
      if (data.moderation.oldest_hours >= 24) {
        alert(list, 'The moderation queue has an item waiting for ' + data.moderation.oldest_hours + ' hours',
          access.areas.indexOf('moderation') >= 0 ? Agora.paths.adminModeration : null);
      }
      if (data.staff_without_two_factors) {
        alert(list, data.staff_without_two_factors + ' staff accounts have not set up two-factor sign-in yet',
          access.areas.indexOf('staff') >= 0 ? Agora.paths.adminStaff : null);
      }
      if (data.money.open_disputes) {
        alert(list, data.money.open_disputes + (data.money.open_disputes === 1 ? ' dispute waits' : ' disputes wait') + ' for a decision',
          access.areas.indexOf('disputes') >= 0 ? Agora.paths.adminDisputes : null);
      }
      var finance = access.areas.indexOf('finance') >= 0 ? Agora.paths.adminFinance : null;
      if (data.money.failed_payouts) alert(list, data.money.failed_payouts + ' payouts failed over the last 7 days', finance);
      if (data.money.pending_refunds || data.money.pending_payouts) {
        alert(list, (data.money.pending_refunds + data.money.pending_payouts) + ' refunds and payouts wait for the payment processor', finance);
      }
      document.getElementById('alerts-card').hidden = list.children.length === 0;
    });
  });
})();
