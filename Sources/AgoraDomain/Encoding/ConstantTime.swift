/// Comparing secrets (codes, link nonces) in a time that does not depend on where they first differ, so that an
/// attacker cannot learn a secret one character at a time from how long a refusal takes.
public enum ConstantTime {
    public static func equal(_ left: String, _ right: String) -> Bool {
        let x = Array(left.utf8)
        let y = Array(right.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
