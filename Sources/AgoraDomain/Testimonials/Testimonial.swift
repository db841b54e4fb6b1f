import Foundation

/// Where a testimonial stands in moderation. Only approved ones are shown; only approved ones can be featured.
public enum TestimonialStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case approved
    case rejected

    /// What a moderator may do next: decide on a pending one, or change their mind about a decided one.
    public func canMove(to next: TestimonialStatus) -> Bool {
        switch (self, next) {
        case (.pending, .approved), (.pending, .rejected), (.approved, .rejected), (.rejected, .approved): true
        default: false
        }
    }

    /// The status after a moderator's decision, or an error naming the impossible move.
    public func moving(to next: TestimonialStatus) throws -> TestimonialStatus {
        guard canMove(to: next) else {
            throw ValidationError(field: "status", message: "a \(rawValue) testimonial cannot become \(next.rawValue)")
        }
        return next
    }
}

/// What a signed-in person writes about the marketplace, checked before it is stored.
public struct TestimonialForm: Hashable, Sendable {
    public static let minimumLength = 20
    public static let maximumLength = 600
    /// The rule on characters below (no control character but the line break) as a JSON Schema pattern.
    public static let contentPattern = #"^[^\u0000-\u0009\u000B-\u001F\u007F]*$"#

    public let content: String
    public let rating: Int

    public init(content: String?, rating: Int?) throws {
        var errors: [FieldError] = []
        let text = (content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count < Self.minimumLength {
            errors.append(FieldError(field: "content", message: "must be at least \(Self.minimumLength) characters"))
        } else if text.count > Self.maximumLength {
            errors.append(FieldError(field: "content", message: "must be at most \(Self.maximumLength) characters"))
        }
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }) {
            errors.append(FieldError(field: "content", message: "must not contain control characters"))
        }
        if !(1...5).contains(rating ?? 0) {
            errors.append(FieldError(field: "rating", message: "must be a whole number from 1 to 5"))
        }
        guard errors.isEmpty, let rating else { throw ValidationError(errors) }
        self.content = text
        self.rating = rating
    }
}
