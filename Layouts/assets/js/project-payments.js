/*
 * The project room's money (`Agora.payments`): the checkout that funds a milestone (one of the client's saved cards,
 * or a new card through `Agora.cardEntry`: the local processor's fields, its test cards named, or Stripe's), the
 * client's release of what is held, the provider's refund, and the escrow's figures on each milestone. Every rule and amount is the API's; each money-moving call carries a new
 * Idempotency-Key, which its retries keep.
 */
(function () {
  'use strict';
  var element = Agora.element;
  var modal = Agora.modal;
  var words = JSON.parse(document.getElementById('project-words').textContent);

  function moneyCall(path, body) {
    return Agora.api('POST', path, { body: body, idempotencyKey: Agora.idempotencyKey() });
  }

  /** The API's refusal in words: each bad field with its rule, or the problem's detail. */
  function refusal(result, fallback) {
    var data = result.data || {};
    if (data.errors && data.errors.length) {
      return data.errors.map(function (error) { return error.field.replace(/_/g, ' ') + ' ' + error.message; }).join('; ') + '.';
    }
    return data.detail || fallback;
  }

  function input(type, autocomplete, maxLength) {
    var control = element('input');
    control.type = type;
    if (autocomplete) control.autocomplete = autocomplete;
    if (maxLength) control.maxLength = maxLength;
    return control;
  }

  /** The local processor's card fields, its test cards named: `focus` and `read()` for `Agora.cardEntry`. */
  function localCardFields(form) {
    var fields = {};
    form.appendChild(element('p', 'muted', 'The local processor charges no real card. Its test cards, with any expiry date to come and any three digits:'));
    var cards = element('ul', 'muted test-cards');
    words.testCards.forEach(function (card) { cards.appendChild(element('li', null, card.number + ' ' + card.effect)); });
    form.appendChild(cards);
    fields.number = modal.field(form, 'card-number', 'Card number', input('text', 'cc-number', 23));
    fields.number.inputMode = 'numeric';
    fields.month = modal.field(form, 'card-month', 'Expiry month (MM)', input('text', 'cc-exp-month', 2));
    fields.year = modal.field(form, 'card-year', 'Expiry year (YY)', input('text', 'cc-exp-year', 4));
    fields.code = modal.field(form, 'card-code', 'Security code', input('text', 'cc-csc', 4));
    [fields.month, fields.year, fields.code].forEach(function (field) { field.inputMode = 'numeric'; });
    return {
      focus: fields.number,
      read: function () {
        return {
          number: fields.number.value, security_code: fields.code.value,
          expiry_month: Number(fields.month.value) || null, expiry_year: Number(fields.year.value) || null
        };
      }
    };
  }

  /**
   * Funds a milestone: opens its payment (or finds the one waiting), asks for a card (`Agora.cardEntry`: the local
   * fields, or Stripe's) and confirms it. Resolves with true once paid. A card that asks for authentication sends the
   * browser to the local processor's page, or runs Stripe.js's step over the page and asks the API where it stands.
   */
  function fund(milestone) {
    return Promise.all([
      moneyCall('/milestones/' + encodeURIComponent(milestone.id) + '/fund'),
      Agora.api('GET', '/payment-methods'),
      Agora.cardEntry.prepare()
    ]).then(function (answers) {
      var opened = answers[0];
      if (!opened.ok) return Promise.reject(refusal(opened, 'The payment could not be opened. Try again.'));
      var payment = opened.data;
      var saved = answers[1].ok ? answers[1].data.payment_methods : [];
      var entry;
      var choices = [];
      return modal.form({
        id: 'checkout', title: 'Fund “' + milestone.title + '”', submit: 'Pay ' + payment.total.formatted,
        text: payment.amount.formatted + ' for the milestone, a service fee of ' + payment.client_fee.formatted + ' and ' +
          (payment.fee_tax.amount_minor ? payment.fee_tax.formatted + ' of ' + payment.tax_note : 'no tax on it (' + payment.tax_note + ')') +
          ' are held in escrow, and released to the provider when you approve the work. Receipts are made out to your billing details.',
        build: function (form) {
          var newCard = element('div', 'new-card');
          if (saved.length) {
            var pick = element('fieldset', 'choice-list saved-cards');
            pick.appendChild(element('legend', null, 'Pay with'));
            saved.concat([null]).forEach(function (method, index) {
              var label = element('label');
              var radio = element('input');
              radio.type = 'radio';
              radio.name = 'payment-method';
              radio.id = 'payment-method-' + (method ? method.id : 'new');
              radio.value = method ? String(method.id) : '';
              radio.checked = index === 0;
              radio.addEventListener('change', function () { newCard.hidden = radio.value !== ''; });
              choices.push(radio);
              label.appendChild(radio);
              label.appendChild(document.createTextNode(' ' + (method ? method.label + ' (expires ' + method.expiry_month + '/' + method.expiry_year + ')' : 'Another card')));
              pick.appendChild(label);
            });
            form.appendChild(pick);
            newCard.hidden = true;
          }
          form.appendChild(newCard);
          entry = answers[2].mount(newCard, localCardFields);
          return choices.length ? choices[0] : entry.focus;
        },
        send: function (done, fail, aside) {
          var chosen = choices.filter(function (radio) { return radio.checked && radio.value; })[0];
          var card = chosen ? Promise.resolve({ payment_method_id: Number(chosen.value) }) : entry.read(aside);
          card.then(function (body) {
            return moneyCall('/payments/' + payment.id + '/confirm', body);
          }).then(function (result) {
            if (!result.ok) return fail(refusal(result, 'The payment did not go through. Try again.'));
            var action = result.data.next_action;
            if (result.data.status === 'requires_action' && action.type === 'use_stripe_sdk') {
              return Agora.cardEntry.authenticate(payment.client_secret, aside).then(function (completed) {
                return moneyCall('/payments/' + payment.id + '/authenticate', { completed: completed });
              }).then(function (answered) {
                if (answered.ok && answered.data.status === 'succeeded') return done();
                fail(answered.ok && answered.data.failure ? answered.data.failure.message : 'The card\'s authentication was not completed. Try again or use another card.');
              });
            }
            if (result.data.status === 'succeeded') return done();
            if (result.data.status === 'requires_action') { location.href = action.url; return; }
            fail(result.data.failure ? result.data.failure.message : 'The payment did not go through. Try another card.');
          }, fail);
        }
      });
    });
  }

  /** The client releases part of what is held (all of it when the amount is left empty). Resolves with the project. */
  function release(milestone) {
    var amount;
    var project = null;
    return modal.form({
      id: 'release', title: 'Release payment for “' + milestone.title + '”', submit: 'Release',
      text: milestone.escrow.remaining.formatted + ' is held for this milestone. Release part of it to the provider now, or leave the amount empty to release all of it. Approving the milestone releases what is left.',
      build: function (form) {
        amount = modal.field(form, 'release-amount', 'Amount (' + milestone.amount.currency + ', optional)', input('text', 'off', 20));
        amount.inputMode = 'decimal';
        return amount;
      },
      send: function (done, fail) {
        var body = amount.value.trim() ? { amount: amount.value.trim() } : {};
        moneyCall('/milestones/' + encodeURIComponent(milestone.id) + '/release', body).then(function (result) {
          if (!result.ok) { fail(refusal(result, 'Nothing was released. Try again.')); return; }
          project = result.data;
          done();
        });
      }
    }).then(function (released) { return released ? project : null; });
  }

  /** The provider refunds part of what is held (all of it when the amount is left empty), with a reason. */
  function refund(milestone) {
    var amount;
    var reason;
    return Agora.api('GET', '/payments?limit=100').then(function (listed) {
      var paid = listed.ok ? listed.data.payments.filter(function (payment) {
        return payment.milestone_id === milestone.id && payment.status === 'succeeded';
      })[0] : null;
      if (!paid) return Promise.reject('The payment of this milestone could not be found. Load the page again.');
      return modal.form({
        id: 'refund', title: 'Refund the client for “' + milestone.title + '”', submit: 'Refund',
        text: milestone.escrow.remaining.formatted + ' is held for this milestone. The client gets the amount back on their card, with its share of the service fee. Leave the amount empty to refund all of it.',
        build: function (form) {
          amount = modal.field(form, 'refund-amount', 'Amount (' + milestone.amount.currency + ', optional)', input('text', 'off', 20));
          amount.inputMode = 'decimal';
          reason = element('textarea');
          reason.rows = 3;
          reason.maxLength = words.refundReasonMaximum;
          modal.field(form, 'refund-reason', 'Why (' + words.refundReasonMinimum + '–' + words.refundReasonMaximum + ' characters, shown to the client)', reason);
          return amount;
        },
        send: function (done, fail) {
          var body = { reason: reason.value };
          if (amount.value.trim()) body.amount = amount.value.trim();
          moneyCall('/payments/' + paid.id + '/refunds', body).then(function (result) {
            if (result.ok) done(); else fail(refusal(result, 'Nothing was refunded. Try again.'));
          });
        }
      });
    });
  }

  /** The escrow's figures of a milestone, in words; empty before it is funded. */
  function escrowFacts(milestone) {
    var escrow = milestone.escrow;
    if (!escrow) return [];
    var facts = escrow.remaining.amount_minor ? [escrow.remaining.formatted + ' held in escrow'] : [];
    if (escrow.released.amount_minor) facts.push(escrow.released.formatted + ' released');
    if (escrow.refunded.amount_minor) facts.push(escrow.refunded.formatted + ' refunded');
    return facts;
  }

  window.Agora.payments = { fund: fund, release: release, refund: refund, escrowFacts: escrowFacts };
})();
