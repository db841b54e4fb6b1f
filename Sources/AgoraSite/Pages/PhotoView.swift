import AgoraDomain
import AgoraTemplates

/// A profile photo as `<picture>` reads it (`Layouts/partials/photo.mustache`): WebP and JPEG source sets, the
/// fallback, and the size it is shown at, which `width`, `height` and `sizes` carry so that nothing moves as it loads.
/// Photos below the fold (cards) load lazily; the one at the top of a profile does not.
struct PhotoView: TemplateFields {
    let photo: ProfilePhoto
    let cssWidth: Int
    let lazy: Bool

    init(_ photo: ProfilePhoto, cssWidth: Int, lazy: Bool) {
        self.photo = photo
        self.cssWidth = cssWidth
        self.lazy = lazy
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "webpSet": .text(photo.sourceSet(.webp))
        case "jpegSet": .text(photo.sourceSet(.jpeg))
        case "fallback": .text(photo.fallbackURL(cssWidth: cssWidth))
        case "size": .number(cssWidth)
        case "lazy": .flag(lazy)
        default: nil
        }
    }
}
