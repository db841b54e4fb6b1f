/* What every admin page shares: the guard (staff, signed in with two factors, with the permission the page needs),
 * the navigation by permission, the theme (the system's unless the person chose one), and small helpers. The API
 * checks everything again; the page only avoids showing what would be refused. Text reaches the page through
 * textContent only. */
(function () {
  'use strict';
  var THEME_KEY = 'agora.admin.theme';
  var toggle = document.getElementById('theme-toggle');
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function chosenTheme() {
    try { return localStorage.getItem(THEME_KEY) || 'system'; } catch (error) { return 'system'; }
  }

  function applyTheme() {
    var chosen = chosenTheme();
    var dark = chosen === 'dark' || (chosen === 'system' && systemDark && systemDark.matches);
    document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
    toggle.setAttribute('aria-pressed', String(dark));
    toggle.textContent = dark ? 'Light theme' : 'Dark theme';
  }

  toggle.addEventListener('click', function () {
    var dark = document.documentElement.getAttribute('data-theme') === 'dark';
    try { localStorage.setItem(THEME_KEY, dark ? 'light' : 'dark'); } catch (error) { /* private mode */ }
    applyTheme();
  });
  if (systemDark && systemDark.addEventListener) systemDark.addEventListener('change', applyTheme);
  applyTheme();

  function refuse(message, link) {
    var box = document.getElementById('admin-refusal');
    box.textContent = message + ' ';
    if (link) {
      var anchor = document.createElement('a');
      anchor.href = link.href;
      anchor.textContent = link.text;
      box.appendChild(anchor);
    }
    box.hidden = false;
    box.focus();
  }

  /** Resolves with the person's access ({ role, permissions, areas, second_factor }) once they may use the page
   * (`area`: the admin area it needs; none for the dashboard), after showing the navigation they may use.
   * Otherwise says why and never resolves. */
  function start(area) {
    return Agora.auth.requireSignIn().then(function () {
      return Agora.api('GET', '/auth/me/administration');
    }).then(function (result) {
      if (!result.ok || !result.data.role) {
        location.replace(Agora.paths.unauthorized);
        return new Promise(function () {});
      }
      var access = result.data;
      document.getElementById('admin-role').textContent = 'Signed in as ' + access.role + '.';
      document.querySelectorAll('#admin-nav [data-area]').forEach(function (link) {
        var linkArea = link.getAttribute('data-area');
        link.hidden = linkArea !== 'dashboard' && access.areas.indexOf(linkArea) < 0;
        if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
      });
      if (!access.second_factor) {
        refuse('The administration needs a sign-in with two factors. Set up an authenticator app, then sign in again with its code:',
          { href: Agora.paths.securitySettings, text: 'security settings' });
        return new Promise(function () {});
      }
      if (area && access.areas.indexOf(area) < 0) {
        refuse('Your role does not open this page.');
        return new Promise(function () {});
      }
      document.querySelector('[data-admin-page]').hidden = false;
      return access;
    });
  }

  var dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  /** A table cell (or any element) holding text. */
  function cell(row, text, tag) {
    var element = document.createElement(tag || 'td');
    element.textContent = text === null || text === undefined ? '' : String(text);
    row.appendChild(element);
    return element;
  }

  /** One figure of a figure grid: its label and its value. */
  function figure(grid, label, value) {
    var item = document.createElement('div');
    var term = document.createElement('dt');
    term.textContent = label;
    var number = document.createElement('dd');
    number.textContent = String(value);
    item.appendChild(term);
    item.appendChild(number);
    grid.appendChild(item);
  }

  /** A term and its value in a `<dl>`; nothing when there is no value. */
  function fact(facts, term, value) {
    if (!value) return;
    var name = document.createElement('dt');
    name.textContent = term;
    var description = document.createElement('dd');
    description.textContent = value;
    facts.appendChild(name);
    facts.appendChild(description);
  }

  /**
   * The row that decides one item: Approve, a reason, Refuse. Refusing needs the reason (whoever is refused is told
   * it); `decide(decision, reason)` is called with `approve` or `reject`. `options`: { id, describedBy, what, maxLength }.
   */
  function decisionRow(options, decide) {
    var row = document.createElement('div');
    row.className = 'button-row';
    function button(text, className) {
      var node = document.createElement('button');
      node.type = 'button';
      node.className = 'button small ' + className;
      node.textContent = text;
      node.setAttribute('aria-describedby', options.describedBy);
      return node;
    }
    var approve = button('Approve', 'button-primary');
    approve.addEventListener('click', function () { decide('approve'); });
    var label = document.createElement('label');
    label.textContent = 'Reason to refuse (they are told)';
    var reason = document.createElement('input');
    reason.type = 'text';
    reason.id = 'reason-' + options.id;
    reason.maxLength = options.maxLength;
    label.htmlFor = reason.id;
    var refuse = button('Refuse', 'button-secondary');
    refuse.addEventListener('click', function () {
      if (!reason.value.trim()) {
        Agora.forms.showAlert('Say why ' + options.what + ' is refused: they are told.', 'error');
        return reason.focus();
      }
      decide('reject', reason.value.trim());
    });
    [approve, label, reason, refuse].forEach(function (node) { row.appendChild(node); });
    return row;
  }

  Agora.admin = {
    start: start,
    fact: fact,
    decisionRow: decisionRow,
    cell: cell,
    figure: figure,
    formQuery: Agora.forms.query,
    /** "1 account", "1,234 accounts". */
    accounts: function (count) { return count === 1 ? '1 account' : count.toLocaleString() + ' accounts'; },
    date: function (text) { return text ? dates.format(new Date(text)) : ''; }
  };
})();
