import AgoraDomain
import Foundation
import Hummingbird

/// A portfolio item's fields as a request carries them: every field for a new item; for a change, only those sent
/// (`null` or an empty string clears an optional one), with `status` to publish or take back to draft.
struct PortfolioInput: RequestBody {
    static let fields: Set<String> = [
        "title", "description", "category", "skills", "link", "client_name", "shows_client", "completed_on", "status",
    ]
    /// The fields sent, by name; the rest keep their value.
    private(set) var sent: Set<String> = []
    private var read = PortfolioContent.Input()
    let status: String?

    init(reading body: inout JSONObjectBody) {
        sent = Self.fields.filter(body.contains)
        read.title = body.string("title", required: false, maximumLength: 1_000)
        read.description = body.string("description", required: false, maximumLength: 20_000, multiline: true)
        read.category = body.string("category", required: false, maximumLength: 200)
        read.skills = body.strings("skills", maximumCount: 50, maximumLength: 200)
        read.link = body.string("link", required: false, maximumLength: 2_000)
        read.clientName = body.string("client_name", required: false, maximumLength: 1_000)
        read.showsClient = body.contains("shows_client") ? body.bool("shows_client") : nil
        read.completedOn = body.string("completed_on", required: false, maximumLength: 40)
        status = body.string("status", required: false, maximumLength: 40)
    }

    /// The fields for a new item (those not sent are empty).
    var forNewItem: PortfolioContent.Input { read }

    /// `current`'s fields with those sent in their place.
    func applied(to current: PortfolioContent) -> PortfolioContent.Input {
        var input = PortfolioContent.Input(current)
        if sent.contains("title") { input.title = read.title }
        if sent.contains("description") { input.description = read.description ?? "" }
        if sent.contains("category") { input.category = read.category ?? "" }
        if sent.contains("skills") { input.skills = read.skills ?? [] }
        if sent.contains("link") { input.link = read.link ?? "" }
        if sent.contains("client_name") { input.clientName = read.clientName ?? "" }
        if sent.contains("shows_client") { input.showsClient = read.showsClient }
        if sent.contains("completed_on") { input.completedOn = read.completedOn ?? "" }
        return input
    }

    /// The status asked for, when one is.
    func requestedStatus() throws -> PortfolioStatus? {
        guard let status else { return nil }
        guard let wanted = PortfolioStatus(rawValue: status), wanted == .published || wanted == .draft else {
            throw ValidationError(field: "status", message: "must be published or draft")
        }
        return wanted
    }
}

struct PortfolioOrderInput: RequestBody {
    static let fields: Set<String> = ["ids"]
    let ids: [Int64]?

    init(reading body: inout JSONObjectBody) {
        ids = body.identifiers("ids", maximumCount: PortfolioContent.maximumItems)
        if ids == nil, !body.contains("ids") { body.reject("ids", "is required: every item's id, in the new order") }
    }
}

struct CaptionInput: RequestBody {
    static let fields: Set<String> = ["caption"]
    let caption: String?

    init(reading body: inout JSONObjectBody) {
        caption = body.string("caption", required: false, maximumLength: 1_000)
    }
}

/// A portfolio image's variants, as `<img srcset>` and a lightbox take them.
struct PortfolioImageBody: ResponseEncodable {
    let id: Int64
    let caption: String
    let width: Int
    let height: Int
    let url: String
    let largeUrl: String
    let webpSrcset: String
    let jpegSrcset: String
    let byteSize: Int64

    init(_ picture: PortfolioPicture) {
        id = picture.id
        caption = picture.caption
        width = picture.image.width
        height = picture.image.height
        url = picture.image.fallbackURL(cssWidth: PortfolioImage.galleryWidth)
        largeUrl = picture.image.largestURL
        webpSrcset = picture.image.sourceSet(.webp)
        jpegSrcset = picture.image.sourceSet(.jpeg)
        byteSize = picture.byteSize
    }
}

struct PortfolioItemBody: ResponseEncodable {
    let id: Int64
    let status: String
    let position: Int
    let title: String
    let description: String
    let category: String?
    let skills: [String]
    let link: String?
    let clientName: String?
    let showsClient: Bool
    let completedOn: String?
    let images: [PortfolioImageBody]
    let updatedAt: Date

    /// The owner sees every field; the public sees the client's name only when the client agreed.
    init(_ item: PortfolioItem, forOwner: Bool) {
        id = item.id
        status = item.status.rawValue
        position = item.position
        title = item.content.title
        description = item.content.description
        category = item.content.categorySlug?.value
        skills = item.content.skills
        link = item.content.link
        clientName = forOwner || item.content.showsClient ? item.content.clientName : nil
        showsClient = item.content.showsClient
        completedOn = item.content.completedOn.map { ISO8601DateFormatter.string(from: $0, timeZone: .gmt, formatOptions: [.withFullDate]) }
        images = item.images.map(PortfolioImageBody.init)
        updatedAt = item.updatedAt
    }
}

struct PortfolioBody: ResponseEncodable {
    let items: [PortfolioItemBody]
}

extension PortfolioItemBody {
    /// 201 with its address, for a new item.
    static func created(_ item: PortfolioItem) -> EditedResponse<PortfolioItemBody> {
        EditedResponse(status: .created, headers: [.location: "/api/portfolio/\(item.id)"], response: PortfolioItemBody(item, forOwner: true))
    }
}
