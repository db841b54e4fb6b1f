/// Whole numbers with their thousands grouped by commas, `12,345`: the same whatever the machine's locale, and
/// much cheaper than a number formatter on pages that show several figures each.
public enum GroupedDigits {
    public static func format(_ value: Int) -> String {
        (value < 0 ? "-" : "") + format(magnitude: UInt64(value.magnitude))
    }

    public static func format(magnitude value: UInt64) -> String {
        let digits = Array(String(value).utf8)
        var grouped: [UInt8] = []
        grouped.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(UInt8(ascii: ",")) }
            grouped.append(digit)
        }
        return String(decoding: grouped, as: UTF8.self)
    }
}
