extension Migrations {
    /// How long the build that published each site change took, for `/metrics`.
    static let siteBuildTimes = Migration(version: 21, name: "site build times") { _ in
        ["ALTER TABLE site_changes ADD COLUMN build_milliseconds INTEGER"]
    }
}
