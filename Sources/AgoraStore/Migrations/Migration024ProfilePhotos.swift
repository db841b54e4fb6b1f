extension Migrations {
    /// Profile photos made by the service (`ProfilePhoto`): the key of the variants' folder and the largest
    /// variant's width, in place of a free photo address that nothing ever wrote.
    static let profilePhotos = Migration(version: 24, name: "profile photos") { _ in
        [
            "ALTER TABLE user_profiles ADD COLUMN photo_key TEXT",
            "ALTER TABLE user_profiles ADD COLUMN photo_side INTEGER",
            "ALTER TABLE user_profiles DROP COLUMN photo_url",
        ]
    }
}
