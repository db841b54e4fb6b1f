import Foundation

/// The aspects a review may rate besides the overall rating, each 1 to 5.
public enum SubRating: String, Sendable, Codable, CaseIterable {
    case communication
    case quality
    case timeliness
    case value

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// What a party writes about the other: the overall rating, any sub-ratings, a public comment and private feedback
/// for the platform (never shown to the other party). `init(...)` is the one check of each field.
public struct ReviewDraft: Sendable, Hashable {
    public static let stars = 1...5
    public static let commentLength = 0...5_000
    public static let privateFeedbackLength = 0...2_000
    /// The reviewee's one public answer.
    public static let answerLength = 1...2_000

    public let rating: Int
    public let subRatings: [SubRating: Int]
    public let comment: String
    public let privateFeedback: String

    /// Checks every field at once; `subRatings` by their API names (`communication`, …).
    public init(rating: Int?, subRatings: [String: Int], comment: String?, privateFeedback: String?) throws {
        var errors: [FieldError] = []
        if let rating, !Self.stars.contains(rating) {
            errors.append(FieldError(field: "rating", message: "must be a whole number of stars from 1 to 5"))
        } else if rating == nil {
            errors.append(FieldError(field: "rating", message: "is required: a whole number of stars from 1 to 5"))
        }
        var ratings: [SubRating: Int] = [:]
        for (name, stars) in subRatings.sorted(by: { $0.key < $1.key }) {
            guard let aspect = SubRating(rawValue: name) else {
                errors.append(FieldError(field: "sub_ratings.\(name)", message: "is not rated; rate " + SubRating.allCases.map(\.rawValue).joined(separator: ", ")))
                continue
            }
            guard Self.stars.contains(stars) else {
                errors.append(FieldError(field: "sub_ratings.\(name)", message: "must be a whole number of stars from 1 to 5"))
                continue
            }
            ratings[aspect] = stars
        }
        let comment = Self.text(comment, field: "comment", length: Self.commentLength, errors: &errors)
        let feedback = Self.text(privateFeedback, field: "private_feedback", length: Self.privateFeedbackLength, errors: &errors)
        guard errors.isEmpty, let rating else { throw ValidationError(errors) }
        self.rating = rating
        self.subRatings = ratings
        self.comment = comment
        self.privateFeedback = feedback
    }

    /// Optional multiline text: empty when absent.
    private static func text(_ raw: String?, field: String, length: ClosedRange<Int>, errors: inout [FieldError]) -> String {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "" }
        var found: [FieldError] = []
        let text = FieldReading.text(raw, field: field, length: 1...length.upperBound, multiline: true, errors: &found)
        errors += found
        return text ?? ""
    }
}
