import Foundation

/// English names of ISO 639-1 language codes, for pages and search facets.
public enum LanguageNames {
    /// Made once: creating a locale is costly, and every provider page asks.
    private static let english = Locale(identifier: "en")

    public static func name(of code: String) -> String {
        english.localizedString(forLanguageCode: code) ?? code
    }
}
