/*
 * How a card is entered (`Agora.cardEntry`), in one place for the checkout and the saved cards: the local processor's
 * card fields, or, when Stripe is the processor, Stripe.js's card element. With Stripe the number goes to Stripe
 * only: a card setup confirmed by Stripe.js gives back a payment method, which the API takes as processor_method_id.
 */
(function () {
  'use strict';
  var described = null;
  var loaded = null;

  /** The processor the API pays through, asked once per page. */
  function describe() {
    if (!described) {
      described = Agora.api('GET', '/payment-processor').then(function (result) {
        if (result.ok) return result.data;
        described = null;
        return Promise.reject('The payment form could not be loaded. Load the page again.');
      });
    }
    return described;
  }

  /** Stripe.js, loaded once, as the Stripe object of the publishable key. */
  function stripe(processor) {
    if (!loaded) {
      loaded = new Promise(function (resolve, reject) {
        var tag = document.createElement('script');
        tag.src = processor.script_url;
        tag.onload = function () { resolve(window.Stripe(processor.publishable_key)); };
        tag.onerror = function () { loaded = null; reject('The payment processor\'s card form could not be loaded. Try again.'); };
        document.head.appendChild(tag);
      });
    }
    return loaded;
  }

  /** Runs `work` as it is, when nothing needs to step aside for it. */
  function inPlace(work) { return work(); }

  /**
   * Makes ready to take a card (Stripe.js loaded when Stripe is the processor). Resolves with `kind` and
   * `mount(container, localFields)`, which puts the card's entry into `container` at once: the local fields
   * `localFields(container)` adds (it returns `focus`, the control to focus, and `read()`, the card's fields as the
   * API takes them), or Stripe's card element. `mount` returns the entry: `focus`, and `read(aside)`, which resolves
   * with the card's part of a request body or rejects with what to tell the person; `aside(work)` runs a step
   * Stripe.js shows over the page (see `Agora.modal.form`).
   */
  function prepare() {
    return describe().then(function (processor) {
      if (processor.kind !== 'stripe') {
        return {
          kind: 'local',
          mount: function (container, localFields) {
            var local = localFields(container);
            return { focus: local.focus, read: function () { return Promise.resolve(local.read()); } };
          }
        };
      }
      return stripe(processor).then(function (client) {
        return { kind: 'stripe', mount: function (container) { return stripeEntry(client, container); } };
      });
    });
  }

  function stripeEntry(client, container) {
    var holder = Agora.element('div', 'stripe-card');
    holder.id = 'stripe-card';
    holder.tabIndex = -1;
    container.appendChild(holder);
    var card = client.elements().create('card');
    card.mount(holder);
    return {
      focus: holder,
      read: function (aside) {
        return Agora.api('POST', '/payment-methods/setup').then(function (setup) {
          if (!setup.ok) return Promise.reject((setup.data && setup.data.detail) || 'The card could not be set up. Try again.');
          return (aside || inPlace)(function () {
            return client.confirmCardSetup(setup.data.client_secret, { payment_method: { card: card } });
          });
        }).then(function (result) {
          if (result.error) return Promise.reject(result.error.message || 'The card was refused. Try another card.');
          return { processor_method_id: result.setupIntent.payment_method };
        });
      }
    };
  }

  /** Runs a payment's authentication step in Stripe.js (through `aside`); resolves with whether it was completed. */
  function authenticate(clientSecret, aside) {
    return describe().then(stripe).then(function (client) {
      return (aside || inPlace)(function () { return client.confirmCardPayment(clientSecret); });
    }).then(function (result) { return !result.error; });
  }

  window.Agora.cardEntry = { prepare: prepare, authenticate: authenticate };
})();
