import AgoraDomain
import AgoraTemplates
import Foundation

/// A published portfolio item as the provider page shows it (`Layouts/partials/portfolio-item.mustache`): its text
/// as paragraphs, the client only when they agreed to be named, the month it was finished, its link (followed by no
/// crawler: `rel="nofollow ugc noopener"` in the template), and its images.
struct PortfolioView: TemplateFields {
    let item: PortfolioItem

    func templateValue(named name: String) -> TemplateValue? {
        let content = item.content
        switch name {
        case "id": return .number(Int(item.id))
        case "title": return .text(content.title)
        case "paragraphs": return .texts(content.description.components(separatedBy: "\n\n").map(PageMeta.collapsingWhitespace).filter { !$0.isEmpty })
        case "client": return .optional(content.showsClient ? content.clientName : nil)
        case "completed": return .optional(content.completedOn.map(PageDates.monthAndYear.string(from:)))
        case "link": return .optional(content.link)
        case "skills": return .texts(content.skills)
        case "hasSkills": return .flag(!content.skills.isEmpty)
        case "hasMore": return .flag(item.images.count > 1)
        case "cover": return .optional(item.images.first.map { PortfolioPictureView(picture: $0, number: 1, count: item.images.count, title: content.title) })
        case "more":
            return .list(item.images.enumerated().dropFirst().map { index, picture in
                .fields(PortfolioPictureView(picture: picture, number: index + 1, count: item.images.count, title: content.title))
            })
        default: return nil
        }
    }
}

/// One image of a portfolio item: the gallery's `<picture>` and the largest JPEG, which the link opens (in the
/// lightbox island, or as the image itself without scripts).
struct PortfolioPictureView: TemplateFields {
    let picture: PortfolioPicture
    let number: Int
    let count: Int
    let title: String

    func templateValue(named name: String) -> TemplateValue? {
        let image = picture.image
        switch name {
        case "webpSet": return .text(image.sourceSet(.webp))
        case "jpegSet": return .text(image.sourceSet(.jpeg))
        case "fallback": return .text(image.fallbackURL(cssWidth: PortfolioImage.galleryWidth))
        case "large": return .text(image.largestURL)
        case "thumbnail": return .text(image.url(width: image.widths.first ?? image.width, format: .jpeg))
        case "width": return .number(image.width)
        case "height": return .number(image.height)
        case "caption": return .optional(picture.caption.isEmpty ? nil : picture.caption)
        case "label": return .text(picture.caption.isEmpty ? "\(title), image \(number) of \(count)" : picture.caption)
        default: return nil
        }
    }
}
