import AgoraDomain

/// "1 provider", "2,431 providers".
enum CountText {
    static func of(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(GroupedDigits.format(count)) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
