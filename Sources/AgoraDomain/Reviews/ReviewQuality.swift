/// How useful a review's text is to someone choosing, 0 to 100, which "most helpful" sorts by: longer (up to about
/// 120 words), more varied, and more specific (figures, long words) scores higher; no text scores 0.
public enum ReviewQuality {
    public static func score(_ text: String) -> Int {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        guard !words.isEmpty else { return 0 }
        let length = min(1, Double(words.count) / 120) * 60
        let variety = Double(Set(words).count) / Double(words.count) * 20
        let specific = words.filter { $0.count >= 7 || $0.contains(where: \.isNumber) }.count
        let specificity = min(1, Double(specific) / Double(words.count) * 4) * 20
        return Int((length + variety + specificity).rounded())
    }
}
