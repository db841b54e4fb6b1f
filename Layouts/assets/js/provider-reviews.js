/*
 * The island of a provider page's reviews. The page's HTML carries the rating and the most helpful reviews; this adds
 * what changes too often to build: filters by stars, sorting (recent, most helpful, highest, lowest), a search in the
 * comments and more pages (`GET /api/users/{id}/reviews`).
 * Every text is set as text: nothing a reviewer wrote becomes markup.
 */
(function () {
  'use strict';
  var section = document.querySelector('[data-reviews-of]');
  if (!section || !window.fetch) return;
  var element = Agora.element;
  var userID = section.getAttribute('data-reviews-of');
  var list = document.getElementById('review-list');
  var more = document.getElementById('more-reviews');
  var controls = document.getElementById('review-controls');
  var days = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  // The page shows the first reviews sorted as "most helpful": the next page of that order starts after them.
  var query = { stars: '', sort: 'helpful', q: '' };
  var next = String(list.children.length);

  function stars(rating) {
    return '★★★★★'.slice(0, rating) + '☆☆☆☆☆'.slice(0, 5 - rating);
  }

  function item(review) {
    var entry = element('li', 'review');
    var article = element('article');
    var line = element('p', 'review-stars');
    line.appendChild(element('span', null, stars(review.rating))).setAttribute('aria-hidden', 'true');
    line.appendChild(element('span', 'visually-hidden', review.rating + ' out of 5'));
    article.appendChild(line);
    review.comment.split('\n').filter(function (text) { return text.trim(); }).forEach(function (text) { article.appendChild(element('p', null, text)); });
    var meta = element('p', 'review-meta', (review.reviewer ? review.reviewer.name : '') + ' · ' + review.project_title + ' · ');
    var time = element('time', null, days.format(new Date(review.published_at)));
    time.setAttribute('datetime', review.published_at);
    meta.appendChild(time);
    article.appendChild(meta);
    if (review.response) {
      var answer = element('div', 'review-response');
      answer.appendChild(element('p', 'review-response-label', 'The provider\'s answer'));
      answer.appendChild(element('p', null, review.response.body));
      article.appendChild(answer);
    }
    entry.appendChild(article);
    return entry;
  }

  function load(append) {
    var parameters = new URLSearchParams({ sort: query.sort, limit: '10' });
    if (query.stars) parameters.set('stars', query.stars);
    if (query.q) parameters.set('q', query.q);
    if (append && next) parameters.set('cursor', next);
    return Agora.api('GET', '/users/' + userID + '/reviews?' + parameters, { auth: false }).then(function (result) {
      if (!result.ok) return;
      if (!append) list.textContent = '';
      result.data.reviews.forEach(function (review) { list.appendChild(item(review)); });
      if (!append && !result.data.reviews.length) list.appendChild(element('li', 'muted', 'No review matches.'));
      next = result.data.next_cursor || null;
      if (more) more.hidden = !next;
    });
  }

  function select(id, label, options) {
    var field = element('div', 'field');
    var name = element('label', null, label);
    name.setAttribute('for', id);
    var input = element('select');
    input.id = id;
    options.forEach(function (option) {
      var choice = element('option', null, option[1]);
      choice.value = option[0];
      input.appendChild(choice);
    });
    field.appendChild(name);
    field.appendChild(input);
    controls.appendChild(field);
    return input;
  }

  var sort = select('review-sort', 'Sort', [['helpful', 'Most helpful'], ['recent', 'Most recent'], ['highest', 'Highest rated'], ['lowest', 'Lowest rated']]);
  var filter = select('review-stars', 'Stars', [['', 'All'], ['5', '5 stars'], ['4', '4 stars'], ['3', '3 stars'], ['2', '2 stars'], ['1', '1 star']]);
  var search = element('form', 'inline-form');
  search.setAttribute('role', 'search');
  var searchLabel = element('label', 'visually-hidden', 'Search the reviews');
  searchLabel.setAttribute('for', 'review-search');
  var searchInput = element('input');
  searchInput.id = 'review-search';
  searchInput.type = 'search';
  searchInput.maxLength = 100;
  searchInput.placeholder = 'Search the reviews';
  var searchButton = element('button', 'button button-secondary small', 'Search');
  searchButton.type = 'submit';
  search.appendChild(searchLabel);
  search.appendChild(searchInput);
  search.appendChild(searchButton);
  controls.appendChild(search);
  controls.hidden = false;

  sort.addEventListener('change', function () { query.sort = sort.value; load(false); });
  filter.addEventListener('change', function () { query.stars = filter.value; load(false); });
  search.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = searchInput.value.trim();
    query.q = text.length >= 2 ? text : '';
    load(false);
  });
  if (more) {
    more.hidden = false;
    more.addEventListener('click', function () { load(true); });
  }
})();
