/* The profile editor's guided first run: the form's parts (`data-step`, with `data-step-title`) one at a time, in
 * order, each saved before the next; "Skip the guide" or the last step shows the single editor with every field. */
(function () {
  'use strict';

  /**
   * Starts the guide. `save()` resolves to true once the shown part saved (its errors show beside its fields
   * otherwise). Answers nothing: the guide ends itself.
   */
  function start(save) {
    var panel = document.getElementById('first-run');
    var label = document.getElementById('first-run-step');
    var progress = document.getElementById('first-run-progress');
    var back = document.getElementById('first-run-back');
    var next = document.getElementById('first-run-next');
    var steps = Array.prototype.slice.call(document.querySelectorAll('[data-step]')).sort(function (one, other) {
      return Number(one.getAttribute('data-step')) - Number(other.getAttribute('data-step'));
    });
    var current = 0;

    function show() {
      steps.forEach(function (step, index) { step.hidden = index !== current; });
      label.textContent = 'Step ' + (current + 1) + ' of ' + steps.length + ': ' + steps[current].getAttribute('data-step-title') + '.';
      progress.max = steps.length;
      progress.value = current + 1;
      back.disabled = current === 0;
      next.textContent = current === steps.length - 1 ? 'Finish: see the whole profile' : 'Save and go on';
      var first = steps[current].querySelector('input, select, textarea, button');
      if (first) first.focus();
    }

    function finish() {
      document.body.classList.remove('first-run-on');
      panel.hidden = true;
      steps.forEach(function (step) { step.hidden = false; });
    }

    document.body.classList.add('first-run-on');
    panel.hidden = false;
    back.addEventListener('click', function () {
      current = Math.max(0, current - 1);
      show();
    });
    next.addEventListener('click', function () {
      save().then(function (saved) {
        if (!saved) return;
        if (current === steps.length - 1) return finish();
        current += 1;
        show();
      });
    });
    document.getElementById('first-run-skip').addEventListener('click', finish);
    show();
  }

  window.Agora = window.Agora || {};
  window.Agora.profileGuide = { start: start };
})();
