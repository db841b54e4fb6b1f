/*
 * /search/: the provider search island. The filters live in the URL (shareable, and the back button returns to
 * the previous search); results, facets and suggestions come from /api/search. Every text from the API reaches
 * the page through textContent.
 */
(function () {
  'use strict';

  var page = document.getElementById('search-page');
  if (!page) return;
  var form = document.getElementById('search-form');
  var box = document.getElementById('search-q');
  var listbox = document.getElementById('search-suggestions');
  var results = document.getElementById('search-results');
  var countLine = document.getElementById('result-count');
  var more = document.getElementById('load-more');
  var noResults = document.getElementById('no-results');
  var alertBox = document.getElementById('form-alert');
  var categorySelect = document.getElementById('filter-category');
  var languagesField = document.getElementById('filter-languages');
  var pageSize = Number(page.dataset.pageSize) || 20;
  var listMaximum = Number(page.dataset.listMaximum) || 10;
  var FIELDS = ['q', 'category', 'country', 'city', 'remote', 'min_rate', 'max_rate', 'currency', 'skills', 'skills_match',
    'available', 'min_rating', 'min_reviews', 'verified', 'languages', 'sort'];
  var DEFAULTS = { currency: 'EUR', sort: 'relevance' };
  var HISTORY_KEY = 'agora-search-history';
  var VIEW_KEY = 'agora-search-view';
  var state = { cursor: null, generation: 0, active: -1, suggestions: [], compare: [], cards: {}, favorites: null };

  var element = Agora.element;

  function field(name) { return form.elements.namedItem(name); }

  /** The filters as URL parameters, leaving out empty values and defaults. */
  function currentParameters() {
    var parameters = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var input = field(name);
      if (!input) return;
      var value = input.type === 'checkbox' ? (input.checked ? input.value : '') : String(input.value || '').trim();
      if (value && value !== DEFAULTS[name]) parameters.set(name, value);
    });
    return parameters;
  }

  function fillForm(parameters) {
    FIELDS.forEach(function (name) {
      var input = field(name);
      if (!input) return;
      var value = parameters.get(name) || DEFAULTS[name] || '';
      if (input.type === 'checkbox') input.checked = value === input.value;
      else input.value = value;
    });
  }

  function showError(message) {
    alertBox.textContent = message;
    alertBox.hidden = false;
  }

  function problemText(data) {
    if (!data) return 'The search failed. Try again in a moment.';
    var details = (data.errors || []).map(function (error) { return error.field + ' ' + error.message; });
    return [data.detail || 'The search failed.'].concat(details).join(' ');
  }

  function money(value) { return value ? value.formatted : ''; }

  // A card's texts come from the API (`card`), written as the generated pages write them.
  function stars(card) {
    return card.rating ? '★ ' + card.rating + ' (' + card.rating_count + ')' : null;
  }

  function card(provider) {
    state.cards[provider.slug] = provider;
    var article = element('article', 'provider-card');
    article.dataset.slug = provider.slug;
    var link = element('a', 'provider-card-link');
    link.href = provider.url;
    var avatar = element('div', 'avatar');
    avatar.setAttribute('aria-hidden', 'true');
    if (provider.photo_url) {
      var image = element('img');
      image.src = provider.photo_url;
      image.alt = '';
      image.width = 56;
      image.height = 56;
      image.loading = 'lazy';
      avatar.appendChild(image);
    } else {
      avatar.textContent = provider.card.initials;
    }
    var body = element('div', 'provider-card-body');
    body.appendChild(element('h3', 'provider-name', provider.name));
    body.appendChild(element('p', 'provider-title', provider.title));
    if (provider.card.location) {
      var place = provider.card.location;
      if (provider.distance_km !== undefined) place += ' · ' + Math.round(provider.distance_km) + ' km';
      body.appendChild(element('p', 'provider-location', place));
    }
    link.appendChild(avatar);
    link.appendChild(body);
    link.addEventListener('click', recordClick);
    article.appendChild(link);

    var meta = element('div', 'provider-card-meta');
    var rating = stars(provider.card);
    meta.appendChild(element('span', rating ? 'rating' : 'muted', rating || 'New on the platform'));
    if (provider.card.rate) {
      var rate = provider.card.rate;
      if (provider.converted_rate && provider.converted_rate.currency !== provider.hourly_rate.currency) {
        rate += ' (≈ ' + money(provider.converted_rate) + ')';
      }
      meta.appendChild(element('span', 'rate', rate));
    }
    article.appendChild(meta);

    var skills = element('ul', 'skills');
    skills.setAttribute('aria-label', 'Skills');
    provider.card.skills.forEach(function (skill) { skills.appendChild(element('li', null, skill)); });
    article.appendChild(skills);
    var badges = element('p', 'availability' + (provider.card.is_available ? ' is-available' : ''), provider.card.availability);
    provider.card.badges.forEach(function (badge) {
      var chip = element('span', 'badge', badge.label);
      chip.title = badge.meaning;
      badges.appendChild(chip);
    });
    article.appendChild(badges);

    var actions = element('div', 'card-actions');
    var quick = element('button', 'button button-primary small', 'Quick request');
    quick.type = 'button';
    quick.addEventListener('click', function () { quickRequest(provider); });
    var compare = element('button', 'link-button compare-toggle', 'Compare');
    compare.type = 'button';
    compare.setAttribute('aria-pressed', String(state.compare.indexOf(provider.slug) >= 0));
    compare.addEventListener('click', function () { toggleCompare(provider.slug); });
    var favorite = element('button', 'link-button favorite-toggle', '♡ Favourite');
    favorite.type = 'button';
    favorite.dataset.id = String(provider.id);
    favorite.setAttribute('aria-pressed', String(Boolean(state.favorites && state.favorites[provider.id])));
    favorite.setAttribute('aria-label', 'Favourite: ' + provider.name);
    favorite.addEventListener('click', function () { toggleFavorite(provider, favorite); });
    actions.appendChild(quick);
    actions.appendChild(favorite);
    actions.appendChild(compare);
    article.appendChild(actions);
    return article;
  }

  /** Counts the opened result for the search's words (never who opened it), without delaying the navigation. */
  function recordClick() {
    var words = box.value.trim();
    if (!words || !navigator.sendBeacon) return;
    navigator.sendBeacon('/api/search/clicks', new Blob([JSON.stringify({ query: words.slice(0, 200) })], { type: 'application/json' }));
  }

  function facetButton(list, label, count, onPick, pressed) {
    var item = element('li');
    var button = element('button', 'facet', label + ' (' + count + ')');
    button.type = 'button';
    if (pressed !== undefined) button.setAttribute('aria-pressed', String(pressed));
    button.addEventListener('click', onPick);
    item.appendChild(button);
    list.appendChild(item);
  }

  function renderFacets(facets) {
    var prices = document.getElementById('facet-prices');
    prices.textContent = '';
    facets.prices.forEach(function (band) {
      facetButton(prices, band.label, band.count, function () {
        field('min_rate').value = band.minimum.amount;
        field('max_rate').value = band.maximum.amount;
        changed();
      });
    });
    var skills = document.getElementById('facet-skills');
    skills.textContent = '';
    facets.skills.slice(0, 12).forEach(function (skill) {
      facetButton(skills, skill.label, skill.count, function () {
        var chosen = splitList(field('skills').value);
        if (chosen.indexOf(skill.label) < 0 && chosen.length < listMaximum) chosen.push(skill.label);
        field('skills').value = chosen.join(', ');
        changed();
      });
    });
    var languages = document.getElementById('facet-languages');
    var chosenLanguages = splitList(languagesField.value);
    languages.textContent = '';
    facets.languages.forEach(function (language) {
      var on = chosenLanguages.indexOf(language.value) >= 0;
      facetButton(languages, language.label, language.count, function () {
        var list = splitList(languagesField.value);
        var at = list.indexOf(language.value);
        if (at >= 0) list.splice(at, 1); else if (list.length < listMaximum) list.push(language.value);
        languagesField.value = list.join(',');
        changed();
      }, on);
    });
    var counts = {};
    facets.categories.forEach(function (category) { counts[category.value] = category.count; });
    Array.prototype.forEach.call(categorySelect.options, function (option) {
      if (!option.value) return;
      option.textContent = option.dataset.label + (counts[option.value] ? ' (' + counts[option.value] + ')' : '');
    });
  }

  function splitList(text) {
    return String(text || '').split(',').map(function (part) { return part.trim(); }).filter(Boolean);
  }

  /** Runs the search of the form; `append` adds the next page instead of starting again. */
  function search(append) {
    var generation = ++state.generation;
    var parameters = currentParameters();
    parameters.set('limit', String(pageSize));
    if (append && state.cursor) parameters.set('cursor', state.cursor);
    results.setAttribute('aria-busy', 'true');
    more.disabled = true;
    return Agora.api('GET', '/search/providers?' + parameters.toString(), { auth: false }).then(function (answer) {
      if (generation !== state.generation) return;
      results.setAttribute('aria-busy', 'false');
      more.disabled = false;
      if (!answer.ok) {
        showError(problemText(answer.data));
        return;
      }
      alertBox.hidden = true;
      var data = answer.data;
      if (!append) results.textContent = '';
      data.providers.forEach(function (provider) { results.appendChild(card(provider)); });
      state.cursor = data.next_cursor || null;
      more.hidden = !state.cursor;
      countLine.textContent = data.total === 1 ? '1 provider' : data.total.toLocaleString('en') + ' providers';
      renderFacets(data.facets);
      noResults.hidden = data.total !== 0;
      if (data.total === 0) offerAlternatives();
    });
  }

  function offerAlternatives() {
    var list = document.getElementById('no-results-suggestions');
    list.textContent = '';
    var text = box.value.trim();
    var source = text ? Agora.api('GET', '/search/suggestions?q=' + encodeURIComponent(text.slice(0, 100)), { auth: false })
      : Promise.resolve({ ok: true, data: { suggestions: [] } });
    source.then(function (answer) {
      var suggestions = answer.ok ? answer.data.suggestions.slice(0, 5) : [];
      suggestions.forEach(function (suggestion) {
        var item = element('li');
        var button = element('button', 'chip', suggestion.text);
        button.type = 'button';
        button.addEventListener('click', function () { pick(suggestion); });
        item.appendChild(button);
        list.appendChild(item);
      });
      var clear = element('li');
      var reset = element('button', 'chip', 'Clear every filter');
      reset.type = 'button';
      reset.addEventListener('click', function () {
        fillForm(new URLSearchParams(box.value ? 'q=' + encodeURIComponent(box.value) : ''));
        changed();
      });
      clear.appendChild(reset);
      list.appendChild(clear);
    });
  }

  /** A filter changed: record it in the URL (a new history entry) and search again. */
  function changed() {
    var parameters = currentParameters();
    var query = parameters.toString();
    history.pushState(null, '', Agora.paths.search + (query ? '?' + query : ''));
    remember(box.value.trim());
    return search(false);
  }

  // Search history, kept in this browser only.
  function pastSearches() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || '[]').filter(function (item) { return typeof item === 'string'; }); } catch (error) { return []; }
  }

  function remember(text) {
    if (!text) return;
    var items = pastSearches().filter(function (item) { return item !== text; });
    items.unshift(text);
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(items.slice(0, 8))); } catch (error) { /* private mode */ }
    showHistory();
  }

  function showHistory() {
    var items = pastSearches();
    var holder = document.getElementById('search-history');
    var list = holder.querySelector('ul');
    list.textContent = '';
    items.forEach(function (text) {
      var item = element('li');
      var button = element('button', 'chip', text);
      button.type = 'button';
      button.addEventListener('click', function () { box.value = text; changed(); });
      item.appendChild(button);
      list.appendChild(item);
    });
    holder.hidden = items.length === 0;
  }

  // The search box's suggestions: an ARIA combobox with a listbox, driven by the arrow keys.
  var suggestTimer = null;
  function closeSuggestions() {
    listbox.hidden = true;
    listbox.textContent = '';
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
    state.active = -1;
    state.suggestions = [];
  }

  function showSuggestions(suggestions) {
    listbox.textContent = '';
    state.suggestions = suggestions;
    state.active = -1;
    suggestions.forEach(function (suggestion, index) {
      var option = element('li', 'suggestion', suggestion.text);
      option.id = 'suggestion-' + index;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.appendChild(element('span', 'suggestion-kind', suggestion.kind));
      option.addEventListener('mousedown', function (event) { event.preventDefault(); pick(suggestion); });
      listbox.appendChild(option);
    });
    var open = suggestions.length > 0;
    listbox.hidden = !open;
    box.setAttribute('aria-expanded', String(open));
  }

  function highlight(index) {
    var options = listbox.querySelectorAll('[role=option]');
    if (!options.length) return;
    state.active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (option, at) { option.setAttribute('aria-selected', String(at === state.active)); });
    box.setAttribute('aria-activedescendant', options[state.active].id);
  }

  function pick(suggestion) {
    closeSuggestions();
    if (suggestion.kind === 'provider' && suggestion.slug) {
      window.location.href = Agora.paths.providers + encodeURIComponent(suggestion.slug) + '/';
      return;
    }
    if (suggestion.kind === 'category' && suggestion.slug) {
      box.value = '';
      categorySelect.value = suggestion.slug;
    } else {
      box.value = suggestion.text;
    }
    changed();
  }

  box.addEventListener('input', function () {
    clearTimeout(suggestTimer);
    var text = box.value.trim();
    if (!text) { closeSuggestions(); return; }
    suggestTimer = setTimeout(function () {
      var maximum = Number(box.dataset.suggestMaximum) || 100;
      Agora.api('GET', '/search/suggestions?q=' + encodeURIComponent(text.slice(0, maximum)), { auth: false }).then(function (answer) {
        if (box.value.trim() !== text) return;
        showSuggestions(answer.ok ? answer.data.suggestions : []);
      });
    }, 120);
  });
  box.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { event.preventDefault(); if (listbox.hidden) return; highlight(state.active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); if (listbox.hidden) return; highlight(state.active - 1); }
    else if (event.key === 'Escape') { closeSuggestions(); }
    else if (event.key === 'Enter' && state.active >= 0 && state.suggestions[state.active]) {
      event.preventDefault();
      pick(state.suggestions[state.active]);
    }
  });
  box.addEventListener('blur', function () { setTimeout(closeSuggestions, 100); });

  // Compare up to three providers side by side.
  function toggleCompare(slug) {
    var at = state.compare.indexOf(slug);
    if (at >= 0) state.compare.splice(at, 1);
    else if (state.compare.length < 3) state.compare.push(slug);
    else { showError('You can compare three providers at a time. Remove one first.'); return; }
    renderCompare();
  }

  function renderCompare() {
    var tray = document.getElementById('compare-tray');
    var list = document.getElementById('compare-list');
    list.textContent = '';
    state.compare.forEach(function (slug) { list.appendChild(element('li', null, state.cards[slug].name)); });
    document.getElementById('compare-count').textContent = state.compare.length + ' of 3';
    tray.hidden = state.compare.length === 0;
    Array.prototype.forEach.call(results.querySelectorAll('.provider-card'), function (article) {
      article.querySelector('.compare-toggle').setAttribute('aria-pressed', String(state.compare.indexOf(article.dataset.slug) >= 0));
    });
  }

  function openCompare() {
    var table = document.getElementById('compare-table');
    table.textContent = '';
    var providers = state.compare.map(function (slug) { return state.cards[slug]; });
    var head = element('tr');
    head.appendChild(element('th', null, ''));
    providers.forEach(function (provider) {
      var cell = element('th');
      cell.scope = 'col';
      var link = element('a', null, provider.name);
      link.href = provider.url;
      cell.appendChild(link);
      head.appendChild(cell);
    });
    table.appendChild(head);
    var rows = [
      ['Title', function (p) { return p.title; }],
      ['Hourly rate', function (p) { return p.card.rate || '—'; }],
      ['Rating', function (p) { return stars(p.card) || 'No reviews yet'; }],
      ['Completed projects', function (p) { return p.completed_projects; }],
      ['Location', function (p) { return p.location ? p.location.city + ', ' + p.location.country : '—'; }],
      ['Availability', function (p) { return p.card.availability; }],
      ['Verified', function (p) { return p.verified ? 'Yes' : 'No'; }],
      ['Skills', function (p) { return p.skills.join(', '); }],
      ['Languages', function (p) { return p.languages.join(', '); }]
    ];
    rows.forEach(function (row) {
      var line = element('tr');
      var label = element('th', null, row[0]);
      label.scope = 'row';
      line.appendChild(label);
      providers.forEach(function (provider) { line.appendChild(element('td', null, row[1](provider))); });
      table.appendChild(line);
    });
    document.getElementById('compare-dialog').showModal();
  }

  /** Quick request: a signed-in client goes to the order form with the provider invited (and the category of the
   * search chosen); anyone else is asked to sign in as a client first. */
  function quickRequest(provider) {
    var category = new URLSearchParams(window.location.search).get('category');
    var target = Agora.paths.newOrder + '?provider=' + provider.id + '&name=' + encodeURIComponent(provider.name) +
      (category ? '&category=' + encodeURIComponent(category) : '');
    var user = Agora.auth.user();
    if (user && user.user_type === 'client') { window.location.href = target; return; }
    document.getElementById('quick-request-text').textContent = user
      ? 'Orders are posted from a client account. Read ' + provider.name + '’s profile, or sign in with a client account.'
      : 'Sign in with a client account to send ' + provider.name + ' an order, or create one: it takes a minute.';
    document.getElementById('quick-request-sign-in').href = Agora.paths.login + '?next=' + encodeURIComponent(target);
    document.getElementById('quick-request-profile').href = provider.url;
    document.getElementById('quick-request-dialog').showModal();
  }

  function signInLink() {
    return Agora.paths.login + '?next=' + encodeURIComponent(window.location.pathname + window.location.search);
  }

  // Favourites and saved searches need the account: the page signs in silently when a session exists.
  function toggleFavorite(provider, button) {
    if (!state.favorites) { window.location.href = signInLink(); return; }
    var on = !state.favorites[provider.id];
    Agora.api(on ? 'PUT' : 'DELETE', '/favorites/' + provider.id).then(function (answer) {
      if (!answer.ok) { showError(problemText(answer.data)); return; }
      if (on) state.favorites[provider.id] = true; else delete state.favorites[provider.id];
      button.setAttribute('aria-pressed', String(on));
    });
  }

  function loadSaved() {
    Agora.api('GET', '/search/saved').then(function (answer) {
      var list = document.getElementById('saved-list');
      list.textContent = '';
      if (!answer.ok) return;
      answer.data.saved_searches.forEach(function (saved) {
        var item = element('li');
        var link = element('a', null, saved.name);
        link.href = saved.url;
        item.appendChild(link);
        if (saved.alert) item.appendChild(element('span', 'badge', 'alert'));
        var remove = element('button', 'link-button', 'Delete');
        remove.type = 'button';
        remove.setAttribute('aria-label', 'Delete ' + saved.name);
        remove.addEventListener('click', function () {
          Agora.api('DELETE', '/search/saved/' + saved.id).then(loadSaved);
        });
        item.appendChild(remove);
        list.appendChild(item);
      });
    });
  }

  function saveSearch() {
    var status = document.getElementById('saved-status');
    var name = document.getElementById('saved-name').value.trim() || box.value.trim() || 'My search';
    Agora.api('POST', '/search/saved', { body: { name: name, query: currentParameters().toString(), alert: document.getElementById('saved-alert').checked } })
      .then(function (answer) {
        status.textContent = answer.ok ? 'Saved “' + answer.data.name + '”.' : problemText(answer.data);
        if (answer.ok) loadSaved();
      });
  }

  function startAccount() {
    document.getElementById('saved-login').href = signInLink();
    Agora.auth.refresh().then(function (signedIn) {
      if (!signedIn) return;
      document.getElementById('saved-signed-out').hidden = true;
      document.getElementById('saved-signed-in').hidden = false;
      loadSaved();
      Agora.api('GET', '/favorites').then(function (answer) {
        if (!answer.ok) return;
        state.favorites = {};
        answer.data.favorites.forEach(function (favorite) { state.favorites[favorite.provider.id] = true; });
        Array.prototype.forEach.call(results.querySelectorAll('.favorite-toggle'), function (button) {
          button.setAttribute('aria-pressed', String(Boolean(state.favorites[button.dataset.id])));
        });
      });
    });
  }

  function setView(view) {
    results.classList.toggle('provider-list', view === 'list');
    document.getElementById('view-grid').setAttribute('aria-pressed', String(view !== 'list'));
    document.getElementById('view-list').setAttribute('aria-pressed', String(view === 'list'));
    try { localStorage.setItem(VIEW_KEY, view); } catch (error) { /* private mode */ }
  }

  function loadCategories() {
    return Agora.api('GET', '/categories', { auth: false }).then(function (answer) {
      if (!answer.ok) return;
      function add(node, depth) {
        var option = element('option', null, node.name);
        option.value = node.slug;
        option.dataset.label = (depth ? '— ' : '') + node.name;
        option.textContent = option.dataset.label;
        categorySelect.appendChild(option);
        node.children.forEach(function (child) { add(child, depth + 1); });
      }
      answer.data.categories.forEach(function (node) { add(node, 0); });
    });
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); closeSuggestions(); changed(); });
  // Text fields report a change when they lose focus or on Enter; the search box searches on submit only, and the
  // saved-search fields (a name, an alert switch) are not filters.
  form.addEventListener('change', function (event) {
    if (event.target !== box && !event.target.closest('#saved-searches')) changed();
  });
  more.addEventListener('click', function () { search(true); });
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries[0].isIntersecting && state.cursor && !more.disabled) search(true);
    }, { rootMargin: '200px' }).observe(more);
  }
  window.addEventListener('popstate', function () {
    fillForm(new URLSearchParams(window.location.search));
    search(false);
  });
  document.getElementById('view-grid').addEventListener('click', function () { setView('grid'); });
  document.getElementById('view-list').addEventListener('click', function () { setView('list'); });
  document.getElementById('compare-open').addEventListener('click', openCompare);
  document.getElementById('compare-clear').addEventListener('click', function () { state.compare = []; renderCompare(); });
  document.getElementById('compare-close').addEventListener('click', function () { document.getElementById('compare-dialog').close(); });
  document.getElementById('quick-request-close').addEventListener('click', function () { document.getElementById('quick-request-dialog').close(); });
  document.getElementById('saved-save').addEventListener('click', saveSearch);

  try { setView(localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'grid'); } catch (error) { setView('grid'); }
  showHistory();
  startAccount();
  loadCategories().then(function () {
    fillForm(new URLSearchParams(window.location.search));
    search(false);
  });
})();
