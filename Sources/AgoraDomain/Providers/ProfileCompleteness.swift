/// How complete a profile is: a score out of 100 that the editor shows, and what a publication still needs. Each part
/// has its weight; the parts marked required must all be there before the profile can be published.
public struct ProfileCompleteness: Hashable, Sendable {
    /// A part of a profile, named as the API names its field.
    public enum Part: String, Sendable, CaseIterable {
        case title
        case bio
        case categories
        case skills
        case languages
        case hourlyRate = "hourly_rate"
        case photo
        case location
        case experience
        case education
        case certifications
        case weeklyHours = "weekly_hours"

        /// Its share of the score; the weights add up to 100.
        public var weight: Int {
            switch self {
            case .title, .bio, .categories: 15
            case .skills, .languages, .hourlyRate, .photo: 10
            case .location, .experience: 5
            case .education, .certifications: 2
            case .weeklyHours: 1
            }
        }

        /// Whether a publication needs it.
        public var isRequired: Bool {
            switch self {
            case .title, .bio, .categories, .skills, .languages, .hourlyRate, .location: true
            case .photo, .experience, .education, .certifications, .weeklyHours: false
            }
        }

        /// What the editor says is missing.
        public var need: String {
            switch self {
            case .title: "a title"
            case .bio: "a bio of at least \(ProfileContent.bioMinimumForPublication) characters"
            case .categories: "at least one category"
            case .skills: "at least one skill"
            case .languages: "at least one language"
            case .hourlyRate: "an hourly rate"
            case .photo: "a photo of you"
            case .location: "a city, or working remotely"
            case .experience: "your experience"
            case .education: "your education"
            case .certifications: "your certifications"
            case .weeklyHours: "the hours you work a week"
            }
        }
    }

    /// Out of 100.
    public let score: Int
    /// The parts not there yet, in the editor's order.
    public let missing: [Part]

    public init(_ content: ProfileContent, hasPhoto: Bool) {
        missing = Part.allCases.filter { !Self.has($0, content, hasPhoto: hasPhoto) }
        score = Part.allCases.filter { Self.has($0, content, hasPhoto: hasPhoto) }.reduce(0) { $0 + $1.weight }
    }

    /// The required parts still missing: a publication waits for these.
    public var missingForPublication: [Part] { missing.filter(\.isRequired) }

    public var canBePublished: Bool { missingForPublication.isEmpty }

    static func has(_ part: Part, _ content: ProfileContent, hasPhoto: Bool) -> Bool {
        switch part {
        case .title: !content.title.isEmpty
        case .bio: content.bio.count >= ProfileContent.bioMinimumForPublication
        case .categories: !content.categorySlugs.isEmpty
        case .skills: !content.skills.isEmpty
        case .languages: !content.languages.isEmpty
        case .hourlyRate: content.hourlyRate != nil
        case .photo: hasPhoto
        case .location: content.city != nil || content.remote
        case .experience: !content.experience.isEmpty
        case .education: !content.education.isEmpty
        case .certifications: !content.certifications.isEmpty
        case .weeklyHours: content.weeklyHours != nil
        }
    }
}
