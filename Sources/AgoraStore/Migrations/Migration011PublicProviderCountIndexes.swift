extension Migrations {
    /// Indexes that let the number of public providers be counted without reading every profile: a build compares
    /// it with the provider pages it holds each time it runs.
    static let publicProviderCountIndexes = Migration(version: 11, name: "public provider count indexes") { _ in
        [
            // Partial: an index on `published` for every row would draw the planner away from better ones in the
            // many queries that ask for published profiles.
            "CREATE INDEX user_profiles_unpublished_idx ON user_profiles (user_id) WHERE published = FALSE",
            "CREATE INDEX users_verification_status_idx ON users (verification_status)",
        ]
    }
}
