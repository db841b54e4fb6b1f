/// How urgent the client says an order is; shown to providers and used to sort their inbox.
public enum OrderPriority: String, Sendable, Codable, CaseIterable {
    case low
    case normal
    case high
    case urgent
}

/// Who may see an open order: every qualified provider (it is listed in `/api/orders/open`), or only the providers
/// it was offered to.
public enum OrderVisibility: String, Sendable, Codable, CaseIterable {
    case `public`
    case invited
}
