import AgoraStore

/// The processor the platform runs: Stripe when its settings are given, the local processor otherwise. The service
/// and the workers build theirs here, so that both always speak to the same one.
public enum PaymentProcessors {
    public static func chosen(stripe: StripeSettings?, store: Store) -> any PaymentProcessor {
        guard let stripe else { return LocalPaymentProcessor(store: store) }
        return StripePaymentProcessor(settings: stripe, store: store)
    }
}
