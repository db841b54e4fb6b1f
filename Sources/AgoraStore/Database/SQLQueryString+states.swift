import SQLKit

extension SQLQueryString {
    /// A state of the domain as an SQL string literal of its raw value, so that queries name states through their
    /// enums and never restate them. A literal, not a bound value: the planner sees it, as it would a constant
    /// written in the query.
    mutating func appendInterpolation<State: RawRepresentable>(state: State) where State.RawValue == String {
        appendInterpolation(literal: state.rawValue)
    }

    /// Several states as a list of literals, for `IN (…)`.
    mutating func appendInterpolation<State: RawRepresentable>(states: some Sequence<State>) where State.RawValue == String {
        appendInterpolation(literals: states.map(\.rawValue), joinedBy: ", ")
    }
}
