/*
 * The project room's reviews (`Agora.reviews.show(project)`): once the project is over, each side writes one review
 * of the other (overall stars, optional stars per aspect, a public comment, private feedback for the platform). It
 * stays with its author until the other side's arrives or reviewing closes; then both are shown here, and the member
 * reviewed may answer theirs once. Who may review and when is the API's to say (`can_review`, `reason`).
 */
(function () {
  'use strict';
  var element = Agora.element;
  var forms = Agora.forms;
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
  var card = document.getElementById('review-card');
  var form = document.getElementById('review-form');
  var answerForm = document.getElementById('review-answer-form');
  var aspects = ['communication', 'quality', 'timeliness', 'value'];
  var project = null;
  var shown = null;

  function stars(rating) {
    return '★★★★★'.slice(0, rating) + '☆☆☆☆☆'.slice(0, 5 - rating);
  }

  /** A review as a block: stars (read as a number), the aspects, the comment, the answer. */
  function drawReview(box, heading, review) {
    box.textContent = '';
    box.hidden = !review;
    if (!review) return;
    box.appendChild(element('h3', null, heading));
    var line = element('p', 'review-stars');
    line.appendChild(element('span', null, stars(review.rating))).setAttribute('aria-hidden', 'true');
    line.appendChild(element('span', 'visually-hidden', review.rating + ' out of 5'));
    box.appendChild(line);
    var rated = aspects.filter(function (aspect) { return review.sub_ratings[aspect]; });
    if (rated.length) {
      box.appendChild(element('p', 'muted', rated.map(function (aspect) {
        return aspect.charAt(0).toUpperCase() + aspect.slice(1) + ' ' + review.sub_ratings[aspect] + '/5';
      }).join(' · ')));
    }
    if (review.comment) box.appendChild(element('p', 'preserve-lines', review.comment));
    if (review.private_feedback) box.appendChild(element('p', 'muted preserve-lines', 'Your private feedback: ' + review.private_feedback));
    if (review.response) {
      var answer = element('div', 'review-response');
      answer.appendChild(element('p', 'review-response-label', 'The answer'));
      answer.appendChild(element('p', 'preserve-lines', review.response.body));
      box.appendChild(answer);
    }
  }

  function statusText(reviews) {
    var closes = reviews.closes_at ? days.format(new Date(reviews.closes_at)) : null;
    var other = project.role === 'client' ? 'the provider' : 'the client';
    if (reviews.mine && reviews.mine.status === 'pending') {
      return 'Your review is written. It is published when ' + other + ' has written theirs' + (closes ? ', or on ' + closes + ' when reviewing closes.' : '.');
    }
    if (reviews.can_review) {
      return (reviews.theirs_written ? 'The other side has written their review: you will read it once yours is in' : 'How did it go?') +
        (closes ? '. Reviewing closes on ' + closes + '.' : '.');
    }
    if (!reviews.mine && reviews.reason) return 'You cannot review this project: ' + reviews.reason + '.';
    return '';
  }

  function draw(reviews) {
    shown = reviews;
    card.hidden = false;
    document.getElementById('review-status').textContent = statusText(reviews);
    form.hidden = !reviews.can_review;
    drawReview(document.getElementById('review-mine'), 'Your review', reviews.mine);
    drawReview(document.getElementById('review-theirs'), 'Their review of you', reviews.theirs);
    answerForm.hidden = !(reviews.theirs && !reviews.theirs.response);
  }

  function load() {
    return Agora.api('GET', '/projects/' + encodeURIComponent(project.id) + '/reviews').then(function (result) {
      if (result.ok) draw(result.data);
    });
  }

  /** Lights the stars up to the one chosen in a group, so the choice shows as a row of stars. */
  form.querySelectorAll('.star-choices').forEach(function (group) {
    group.addEventListener('change', function () {
      var chosen = Number((group.querySelector('input:checked') || { value: 0 }).value);
      group.querySelectorAll('input').forEach(function (input) {
        group.querySelector('label[for="' + input.id + '"]').classList.toggle('is-lit', Number(input.value) <= chosen);
      });
    });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    var checked = function (name) {
      var input = form.querySelector('input[name="' + name + '"]:checked');
      return input ? Number(input.value) : null;
    };
    var body = {
      rating: checked('rating'), sub_ratings: {},
      comment: document.getElementById('review-comment').value, private_feedback: document.getElementById('review-feedback').value
    };
    aspects.forEach(function (aspect) { if (checked(aspect)) body.sub_ratings[aspect] = checked(aspect); });
    var names = { rating: 'review-rating', comment: 'review-comment', private_feedback: 'review-feedback' };
    aspects.forEach(function (aspect) { names['sub_ratings.' + aspect] = 'review-' + aspect; });
    forms.busy(form, true);
    Agora.api('POST', '/projects/' + encodeURIComponent(project.id) + '/reviews', { body: body }).then(function (result) {
      forms.busy(form, false);
      if (!result.ok) return forms.showProblem(form, result, names);
      form.reset();
      draw(result.data);
      forms.showAlert(result.data.theirs ? 'Both reviews are published.' : 'Your review is saved. It is published with the other side\'s.', 'success');
    });
  });

  answerForm.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(answerForm);
    Agora.api('POST', '/reviews/' + shown.theirs.id + '/response', { body: { body: document.getElementById('review-answer').value } }).then(function (result) {
      if (!result.ok) return forms.showProblem(answerForm, result, { body: 'review-answer' });
      answerForm.reset();
      forms.showAlert('Your answer is published with the review.', 'success');
      load();
    });
  });

  /** Shown for a project that is over; a running one has nothing to review yet. */
  function show(current) {
    project = current;
    if (project.status !== 'completed' && project.status !== 'cancelled') {
      card.hidden = true;
      return;
    }
    load();
  }

  window.Agora.reviews = { show: show };
})();
