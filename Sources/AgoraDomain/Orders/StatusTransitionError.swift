/// A change of status that the workflow does not allow, such as accepting a withdrawn proposal. The API answers
/// it with 409 (`urn:agora:problem:invalid-transition`).
public struct StatusTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
