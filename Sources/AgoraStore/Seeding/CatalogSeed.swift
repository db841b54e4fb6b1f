import AgoraDomain

/// The demo marketplace's categories: twelve top-level ones, each with subcategories that name the role of a
/// provider in them and the skills such a provider lists.
struct CatalogSeed {
    struct Subcategory {
        let name: String
        let role: String
        let skills: [String]
    }

    struct TopLevel {
        let name: String
        let icon: String
        let description: String
        let subcategories: [Subcategory]
    }

    static let topLevel: [TopLevel] = [
        TopLevel(name: "Web Development", icon: "code", description: "Websites, web apps and online shops built by developers who ship.", subcategories: [
            Subcategory(name: "Frontend Development", role: "frontend developer", skills: ["React", "Vue.js", "TypeScript", "CSS", "Accessibility", "Svelte"]),
            Subcategory(name: "Backend Development", role: "backend developer", skills: ["Node.js", "Swift", "Go", "PostgreSQL", "REST APIs", "Python"]),
            Subcategory(name: "E-commerce Development", role: "e-commerce developer", skills: ["Shopify", "WooCommerce", "Stripe", "Magento", "Payments"]),
            Subcategory(name: "WordPress", role: "WordPress developer", skills: ["WordPress", "PHP", "Gutenberg", "Elementor", "SEO"]),
        ]),
        TopLevel(name: "Mobile Apps", icon: "phone", description: "Native and cross-platform apps for iPhone and Android.", subcategories: [
            Subcategory(name: "iOS Development", role: "iOS developer", skills: ["Swift", "SwiftUI", "UIKit", "Core Data", "App Store"]),
            Subcategory(name: "Android Development", role: "Android developer", skills: ["Kotlin", "Jetpack Compose", "Java", "Firebase", "Google Play"]),
            Subcategory(name: "Cross-platform Apps", role: "mobile developer", skills: ["Flutter", "React Native", "Dart", "Expo", "Push notifications"]),
        ]),
        TopLevel(name: "Design & Creative", icon: "palette", description: "Brands, interfaces and illustrations that people remember.", subcategories: [
            Subcategory(name: "UI/UX Design", role: "product designer", skills: ["Figma", "User research", "Prototyping", "Design systems", "Usability testing"]),
            Subcategory(name: "Logo & Brand Identity", role: "brand designer", skills: ["Logo design", "Brand guidelines", "Illustrator", "Typography"]),
            Subcategory(name: "Illustration", role: "illustrator", skills: ["Procreate", "Editorial illustration", "Character design", "Children's books"]),
            Subcategory(name: "Motion Graphics", role: "motion designer", skills: ["After Effects", "Lottie", "Explainer videos", "Cinema 4D"]),
        ]),
        TopLevel(name: "Writing & Translation", icon: "pen", description: "Words that sell, explain and travel across languages.", subcategories: [
            Subcategory(name: "Copywriting", role: "copywriter", skills: ["Landing pages", "Email campaigns", "Brand voice", "SEO copy"]),
            Subcategory(name: "Technical Writing", role: "technical writer", skills: ["API documentation", "User guides", "Markdown", "Docs-as-code"]),
            Subcategory(name: "Translation", role: "translator", skills: ["French", "German", "Spanish", "Localization", "Proofreading"]),
        ]),
        TopLevel(name: "Digital Marketing", icon: "megaphone", description: "Search, social and paid campaigns measured in results.", subcategories: [
            Subcategory(name: "SEO", role: "SEO specialist", skills: ["Technical SEO", "Keyword research", "Link building", "Search Console"]),
            Subcategory(name: "Social Media Marketing", role: "social media manager", skills: ["Instagram", "LinkedIn", "TikTok", "Content calendars"]),
            Subcategory(name: "Paid Advertising", role: "PPC specialist", skills: ["Google Ads", "Meta Ads", "Conversion tracking", "A/B testing"]),
        ]),
        TopLevel(name: "Video & Audio", icon: "film", description: "Editing, sound and voice for every screen and speaker.", subcategories: [
            Subcategory(name: "Video Editing", role: "video editor", skills: ["Premiere Pro", "DaVinci Resolve", "Color grading", "YouTube"]),
            Subcategory(name: "Voice Over", role: "voice actor", skills: ["Narration", "Commercials", "E-learning", "Audiobooks"]),
            Subcategory(name: "Music Production", role: "music producer", skills: ["Mixing", "Mastering", "Ableton Live", "Jingles"]),
        ]),
        TopLevel(name: "Data & Analytics", icon: "chart", description: "Dashboards, models and pipelines that answer real questions.", subcategories: [
            Subcategory(name: "Data Analysis", role: "data analyst", skills: ["SQL", "Excel", "Power BI", "Tableau", "Statistics"]),
            Subcategory(name: "Machine Learning", role: "machine learning engineer", skills: ["Python", "PyTorch", "scikit-learn", "NLP", "MLOps"]),
            Subcategory(name: "Data Engineering", role: "data engineer", skills: ["dbt", "Airflow", "BigQuery", "Kafka", "ETL"]),
        ]),
        TopLevel(name: "Business & Consulting", icon: "briefcase", description: "Strategy, finance and operations help from people who have run businesses.", subcategories: [
            Subcategory(name: "Business Strategy", role: "strategy consultant", skills: ["Market research", "Business plans", "Go-to-market", "Pricing"]),
            Subcategory(name: "Project Management", role: "project manager", skills: ["Agile", "Scrum", "Jira", "Stakeholder management"]),
            Subcategory(name: "Virtual Assistance", role: "virtual assistant", skills: ["Inbox management", "Scheduling", "Research", "Data entry"]),
        ]),
        TopLevel(name: "Finance & Accounting", icon: "calculator", description: "Bookkeeping, tax and financial models done right.", subcategories: [
            Subcategory(name: "Bookkeeping", role: "bookkeeper", skills: ["Xero", "QuickBooks", "Reconciliation", "Payroll"]),
            Subcategory(name: "Financial Modeling", role: "financial analyst", skills: ["Excel modeling", "Valuation", "Forecasting", "Fundraising decks"]),
            Subcategory(name: "Tax Preparation", role: "tax advisor", skills: ["VAT", "Income tax", "Freelancer taxes", "Cross-border tax"]),
        ]),
        TopLevel(name: "Engineering & Architecture", icon: "ruler", description: "Drawings, models and calculations for things that get built.", subcategories: [
            Subcategory(name: "CAD Drafting", role: "CAD drafter", skills: ["AutoCAD", "SolidWorks", "Technical drawings", "3D modeling"]),
            Subcategory(name: "Interior Design", role: "interior designer", skills: ["SketchUp", "Space planning", "3D rendering", "Mood boards"]),
            Subcategory(name: "Electrical Engineering", role: "electrical engineer", skills: ["PCB design", "KiCad", "Embedded C", "IoT"]),
        ]),
        TopLevel(name: "IT & Networking", icon: "server", description: "Servers, clouds and networks that stay up.", subcategories: [
            Subcategory(name: "DevOps & Cloud", role: "DevOps engineer", skills: ["AWS", "Kubernetes", "Terraform", "CI/CD", "Linux"]),
            Subcategory(name: "Cybersecurity", role: "security consultant", skills: ["Penetration testing", "OWASP", "ISO 27001", "Incident response"]),
            Subcategory(name: "IT Support", role: "IT support specialist", skills: ["Microsoft 365", "Networking", "Help desk", "macOS"]),
        ]),
        TopLevel(name: "Education & Coaching", icon: "book", description: "Tutors and coaches for languages, careers and skills.", subcategories: [
            Subcategory(name: "Language Tutoring", role: "language tutor", skills: ["English", "Spanish", "German", "Exam preparation"]),
            Subcategory(name: "Career Coaching", role: "career coach", skills: ["CV review", "Interview preparation", "LinkedIn profiles", "Career change"]),
            Subcategory(name: "Music Lessons", role: "music teacher", skills: ["Piano", "Guitar", "Music theory", "Singing"]),
        ]),
    ]

    /// Every category to create, parents before their children.
    static var newCategories: [NewCategory] {
        var categories: [NewCategory] = []
        for (index, top) in topLevel.enumerated() {
            let slug = Slug.from(title: top.name)!
            categories.append(NewCategory(parentSlug: nil, name: top.name, slug: slug, description: top.description, icon: top.icon, sortOrder: index))
            for (subIndex, sub) in top.subcategories.enumerated() {
                categories.append(NewCategory(
                    parentSlug: slug, name: sub.name, slug: Slug.from(title: sub.name)!,
                    description: "Hire a \(sub.role) for \(sub.skills.prefix(3).joined(separator: ", ")) and more.",
                    icon: top.icon, sortOrder: subIndex
                ))
            }
        }
        return categories
    }
}
