extension Migrations {
    /// Indexes on when providers' profiles and records last changed, so that a build finds the providers changed
    /// since the last one without reading them all.
    static let providerChangeIndexes = Migration(version: 10, name: "provider change indexes") { _ in
        [
            "CREATE INDEX user_profiles_updated_idx ON user_profiles (updated_at)",
            "CREATE INDEX user_statistics_updated_idx ON user_statistics (updated_at)",
        ]
    }
}
