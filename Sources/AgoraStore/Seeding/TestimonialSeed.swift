import AgoraDomain
import Foundation
import SQLKit

/// The demo marketplace's testimonials: approved, two of them featured, written by people without an account
/// here (the name is kept with the text).
enum TestimonialSeed {
    static let entries: [(author: String, role: UserType, rating: Int, featured: Bool, text: String)] = [
        ("Marta K.", .client, 5, true, "We found a backend developer in two days, and the milestone payments made the whole project feel safe."),
        ("Jonas B.", .provider, 5, true, "Clients arrive with clear briefs and the escrow means I never chase an invoice any more."),
        ("Priya S.", .client, 4, false, "Comparing proposals side by side saved us weeks. The chat kept everything in one place."),
        ("Lucas M.", .client, 5, false, "Our new brand identity was delivered on time, and the designer answered every question within hours."),
        ("Aiko T.", .provider, 4, false, "The profile page brings me work from countries I would never have reached on my own."),
        ("Grace O.", .client, 5, false, "Hiring a translator for three languages took one afternoon. I will be back for the next launch."),
    ]

    static func insert(now: Date, on db: any SQLDatabase) async throws {
        for entry in entries {
            try await db.raw("""
                INSERT INTO testimonials (user_id, author_name, author_role, content, rating, status, featured, created_at, updated_at, moderated_at)
                VALUES (NULL, \(bind: entry.author), \(bind: entry.role.rawValue), \(bind: entry.text), \(bind: entry.rating), \(state: TestimonialStatus.approved),
                        \(bind: entry.featured), \(bind: now), \(bind: now), \(bind: now))
                """).run()
        }
    }
}
