import Hummingbird
import Logging

/// The per-request context every route receives. Its logger carries the request id (`hb.request.id`).
public struct AgoraRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
