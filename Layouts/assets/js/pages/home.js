/*
 * The homepage's islands: the figures count up to their live values from /api/public/stats (the built page already
 * shows a recent value, so nothing moves when the island does not run), and a testimonials carousel from
 * /api/public/testimonials that can be paused, driven with the keyboard, and stops moving for people who asked
 * their system for less motion. Text from the API reaches the page through textContent only.
 */
(function () {
  'use strict';

  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function getJSON(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return null; });
  }

  function countUp(element, target) {
    var start = Number(String(element.textContent).replace(/[^0-9]/g, '')) || 0;
    if (reducedMotion || start === target) { element.textContent = target.toLocaleString('en'); return; }
    var began = null;
    function step(time) {
      if (began === null) began = time;
      var progress = Math.min(1, (time - began) / 1200);
      var eased = 1 - Math.pow(1 - progress, 3);
      element.textContent = Math.round(start + (target - start) * eased).toLocaleString('en');
      if (progress < 1) window.requestAnimationFrame(step);
    }
    window.requestAnimationFrame(step);
  }

  var figures = document.querySelectorAll('[data-stat]');
  if (figures.length) {
    getJSON('/api/public/stats').then(function (stats) {
      if (!stats) return;
      var live = {
        providers: stats.providers,
        countries: stats.countries.filter(function (country) { return country.providers > 0; }).length
      };
      Array.prototype.forEach.call(figures, function (figure) {
        var value = live[figure.dataset.stat];
        if (typeof value === 'number') countUp(figure, value);
      });
    });
  }

  var section = document.getElementById('testimonials');
  if (!section) return;
  var slides = document.getElementById('carousel-slides');
  var pause = document.getElementById('carousel-pause');
  var carousel = document.getElementById('carousel');
  var state = { index: 0, count: 0, paused: reducedMotion, timer: null, hovered: false, focused: false };

  function stars(rating) {
    return '★★★★★'.slice(0, rating) + '☆☆☆☆☆'.slice(0, 5 - rating);
  }

  function show(index) {
    var all = slides.children;
    if (!all.length) return;
    state.index = (index + all.length) % all.length;
    Array.prototype.forEach.call(all, function (slide, at) { slide.hidden = at !== state.index; });
  }

  function moving() { return !state.paused && !state.hovered && !state.focused && state.count > 1; }

  function schedule() {
    clearTimeout(state.timer);
    slides.setAttribute('aria-live', moving() ? 'off' : 'polite');
    if (moving()) state.timer = setTimeout(function () { show(state.index + 1); schedule(); }, 7000);
  }

  function setPaused(paused) {
    state.paused = paused;
    pause.textContent = paused ? 'Play' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    schedule();
  }

  getJSON('/api/public/testimonials?limit=6').then(function (answer) {
    if (!answer || !answer.testimonials.length) return;
    answer.testimonials.forEach(function (testimonial, at) {
      var slide = document.createElement('figure');
      slide.className = 'testimonial';
      slide.setAttribute('role', 'group');
      slide.setAttribute('aria-roledescription', 'slide');
      slide.setAttribute('aria-label', (at + 1) + ' of ' + answer.testimonials.length);
      var quote = document.createElement('blockquote');
      quote.textContent = testimonial.content;
      var rating = document.createElement('p');
      rating.className = 'rating';
      rating.textContent = stars(testimonial.rating);
      rating.setAttribute('aria-label', testimonial.rating + ' out of 5');
      var author = document.createElement('figcaption');
      author.textContent = testimonial.author_name + ', ' + testimonial.author_role;
      slide.appendChild(rating);
      slide.appendChild(quote);
      slide.appendChild(author);
      slides.appendChild(slide);
    });
    state.count = answer.testimonials.length;
    section.hidden = false;
    show(0);
    setPaused(state.paused);
  });

  document.getElementById('carousel-previous').addEventListener('click', function () { show(state.index - 1); schedule(); });
  document.getElementById('carousel-next').addEventListener('click', function () { show(state.index + 1); schedule(); });
  pause.addEventListener('click', function () { setPaused(!state.paused); });
  carousel.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowLeft') { show(state.index - 1); schedule(); }
    if (event.key === 'ArrowRight') { show(state.index + 1); schedule(); }
  });
  carousel.addEventListener('mouseenter', function () { state.hovered = true; schedule(); });
  carousel.addEventListener('mouseleave', function () { state.hovered = false; schedule(); });
  carousel.addEventListener('focusin', function () { state.focused = true; schedule(); });
  carousel.addEventListener('focusout', function () { state.focused = false; schedule(); });
})();
