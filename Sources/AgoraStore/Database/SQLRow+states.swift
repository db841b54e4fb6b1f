import SQLKit

extension SQLRow {
    /// A domain state stored as its raw value. A value no case has (written by a newer version, or by hand) is an
    /// error naming it, never a silent default.
    func decodeState<State: RawRepresentable>(column: String, as type: State.Type) throws -> State where State.RawValue == String {
        let raw = try decode(column: column, as: String.self)
        guard let state = State(rawValue: raw) else { throw StoreError.conflict("\(column) holds \"\(raw)\", which \(State.self) does not know") }
        return state
    }

    /// The same for a column that may be NULL.
    func decodeStateIfPresent<State: RawRepresentable>(column: String, as type: State.Type) throws -> State? where State.RawValue == String {
        guard try decodeNil(column: column) == false else { return nil }
        return try decodeState(column: column, as: type)
    }
}
