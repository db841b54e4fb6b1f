import Foundation

/// One piece of work in a provider's portfolio, with its images in order.
public struct PortfolioItem: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let providerID: Int64
    public let status: PortfolioStatus
    /// Its place in the provider's portfolio, from 0.
    public let position: Int
    public let content: PortfolioContent
    public let images: [PortfolioPicture]
    public let updatedAt: Date

    public init(
        id: Int64, providerID: Int64, status: PortfolioStatus, position: Int, content: PortfolioContent, images: [PortfolioPicture], updatedAt: Date
    ) {
        self.id = id
        self.providerID = providerID
        self.status = status
        self.position = position
        self.content = content
        self.images = images
        self.updatedAt = updatedAt
    }
}

/// An image of a portfolio item with its caption.
public struct PortfolioPicture: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let image: PortfolioImage
    public let caption: String
    public let byteSize: Int64

    public init(id: Int64, image: PortfolioImage, caption: String, byteSize: Int64) {
        self.id = id
        self.image = image
        self.caption = caption
        self.byteSize = byteSize
    }

    /// A caption: one line of at most `PortfolioContent.captionMaximumLength` characters, or none.
    public static func caption(_ raw: String?) throws -> String {
        var errors: [FieldError] = []
        let caption = ProfileContent.optionalText(raw, field: "caption", length: 1...PortfolioContent.captionMaximumLength, multiline: false, errors: &errors)
        guard errors.isEmpty else { throw ValidationError(errors) }
        return caption
    }
}
