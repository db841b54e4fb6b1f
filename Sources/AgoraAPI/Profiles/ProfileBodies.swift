import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The profile editor's body: the version it started from and every field (`ProfileContent.Input`).
struct ProfileInput: RequestBody {
    static let fields: Set<String> = [
        "version", "title", "bio", "categories", "skills", "languages", "hourly_rate", "currency", "city", "country", "remote",
        "availability", "available_from", "weekly_hours", "experience", "education", "certifications",
    ]
    let version: Int?
    let content: ProfileContent.Input

    init(reading body: inout JSONObjectBody) {
        version = body.integer("version")
        var input = ProfileContent.Input()
        input.title = body.string("title", required: false, maximumLength: 1_000)
        input.bio = body.string("bio", required: false, maximumLength: 20_000, multiline: true)
        input.categories = body.strings("categories", maximumCount: 50, maximumLength: 200)
        input.skills = body.strings("skills", maximumCount: 100, maximumLength: 200)
        input.languages = body.objects("languages", maximumCount: 50) { index, object, errors in
            var code: String?
            var level: String?
            for (key, value) in object {
                switch (key, value) {
                case ("code", .string(let text)): code = String(text.prefix(20))
                case ("level", .string(let text)): level = String(text.prefix(40))
                default: errors.append(FieldError(field: "languages[\(index)].\(key)", message: "is not a field of a language, or not a string"))
                }
            }
            return (code, level)
        }
        input.hourlyRate = body.amount("hourly_rate")
        input.currency = body.string("currency", required: false, maximumLength: 10)
        input.city = body.string("city", required: false, maximumLength: 1_000)
        input.country = body.string("country", required: false, maximumLength: 10)
        input.remote = body.contains("remote") ? body.bool("remote", default: true) : nil
        input.availability = body.string("availability", required: false, maximumLength: 40)
        input.availableFrom = body.string("available_from", required: false, maximumLength: 40)
        input.weeklyHours = body.integer("weekly_hours")
        input.experience = Self.background("experience", in: &body)
        input.education = Self.background("education", in: &body)
        input.certifications = Self.background("certifications", in: &body)
        content = input
    }

    /// A list of `BackgroundEntry` objects; every field a string or null.
    static func background(_ name: String, in body: inout JSONObjectBody) -> [BackgroundEntry.Input]? {
        body.objects(name, maximumCount: 100) { index, object, errors in
            var entry = BackgroundEntry.Input()
            for (key, value) in object {
                let text: String?
                switch value {
                case .string(let string): text = String(string.prefix(5_000))
                case .null: text = nil
                default:
                    errors.append(FieldError(field: "\(name)[\(index)].\(key)", message: "must be a string"))
                    continue
                }
                switch key {
                case "title": entry.title = text
                case "organisation": entry.organisation = text
                case "start": entry.start = text
                case "end": entry.end = text
                case "description": entry.description = text
                case "link": entry.link = text
                default: errors.append(FieldError(field: "\(name)[\(index)].\(key)", message: "is not a field of an entry"))
                }
            }
            return entry
        }
    }
}

/// A profile's content as the API writes it, the same shape the editor sends.
struct ProfileContentBody: ResponseEncodable {
    struct Language: ResponseEncodable {
        let code: String
        let level: String
    }

    let title: String
    let bio: String
    let categories: [String]
    let skills: [String]
    let languages: [Language]
    let hourlyRate: String?
    let currency: String?
    let city: String?
    let country: String?
    let remote: Bool
    let availability: String
    let availableFrom: String?
    let weeklyHours: Int?
    let experience: [BackgroundEntryBody]
    let education: [BackgroundEntryBody]
    let certifications: [BackgroundEntryBody]

    init(_ content: ProfileContent) {
        title = content.title
        bio = content.bio
        categories = content.categorySlugs.map(\.value)
        skills = content.skills
        languages = content.languages.map { Language(code: $0.code, level: $0.level.rawValue) }
        hourlyRate = content.hourlyRate.map(\.majorText)
        currency = content.hourlyRate?.currency.code
        city = content.city
        country = content.countryCode
        remote = content.remote
        availability = content.availability.rawValue
        availableFrom = content.availableFrom.map { ISO8601DateFormatter.string(from: $0, timeZone: .gmt, formatOptions: [.withFullDate]) }
        weeklyHours = content.weeklyHours
        experience = content.experience.map(BackgroundEntryBody.init)
        education = content.education.map(BackgroundEntryBody.init)
        certifications = content.certifications.map(BackgroundEntryBody.init)
    }
}

/// One entry of the background, as the editor sends it back: months as `YYYY-MM`, null when not given.
struct BackgroundEntryBody: ResponseEncodable {
    let title: String
    let organisation: String
    let start: String?
    let end: String?
    let description: String
    let link: String?

    init(_ entry: BackgroundEntry) {
        title = entry.title
        organisation = entry.organisation
        start = entry.start?.description
        end = entry.end?.description
        description = entry.description
        link = entry.link
    }
}

/// The owner's profile: where it stands, the working copy, and what a publication still needs.
struct OwnProfileBody: ResponseEncodable {
    struct Completeness: ResponseEncodable {
        let score: Int
        let missing: [String]
        let missingForPublication: [String]
    }

    let slug: String
    let status: String
    let version: Int
    let content: ProfileContentBody
    let heldFor: [String]
    let refusedFor: String
    let completeness: Completeness
    let pagePath: String
    let photo: PhotoBody?

    init(_ profile: OwnProfile) {
        slug = profile.slug.value
        status = profile.status.rawValue
        version = profile.version
        content = ProfileContentBody(profile.content)
        heldFor = profile.heldFor
        refusedFor = profile.refusedFor
        let completeness = profile.completeness
        self.completeness = Completeness(
            score: completeness.score, missing: completeness.missing.map(\.rawValue),
            missingForPublication: completeness.missingForPublication.map(\.rawValue)
        )
        pagePath = PagePaths.provider(profile.slug)
        photo = profile.photo.map(PhotoBody.init)
    }
}

/// A profile photo's variants, as `<img srcset>` and `<source srcset>` take them.
struct PhotoBody: ResponseEncodable {
    let url: String
    let webpSrcset: String
    let jpegSrcset: String
    let shareUrl: String
    let widths: [Int]

    init(_ photo: ProfilePhoto) {
        url = photo.fallbackURL(cssWidth: ProfilePhoto.pageWidth)
        webpSrcset = photo.sourceSet(.webp)
        jpegSrcset = photo.sourceSet(.jpeg)
        shareUrl = photo.shareURL
        widths = photo.widths
    }
}

struct SavedProfileBody: ResponseEncodable {
    let outcome: String
    let profile: OwnProfileBody
}

struct ProfileVersionBody: ResponseEncodable {
    let id: Int64
    let number: Int
    let state: String
    let changedFields: [String]
    let reviewReasons: [String]
    let createdAt: Date
    let content: ProfileContentBody

    init(_ version: ProfileVersion) {
        id = version.id
        number = version.number
        state = version.state.rawValue
        changedFields = version.changedFields
        reviewReasons = version.reviewReasons
        createdAt = version.createdAt
        content = ProfileContentBody(version.content)
    }
}

struct ProfileVersionsBody: ResponseEncodable {
    let versions: [ProfileVersionBody]
}
