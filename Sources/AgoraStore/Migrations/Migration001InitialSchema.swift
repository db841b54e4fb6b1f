extension Migrations {
    /// Accounts, categories and provider profiles.
    ///
    /// Cascade rules, chosen deliberately:
    /// - Deleting a user deletes what only makes sense with that user: verification tokens, social logins,
    ///   the profile, its skills, languages and category links, and the statistics.
    /// - A category that providers are linked to, or that has subcategories, cannot be deleted (RESTRICT):
    ///   categories are deactivated instead, so no listing loses its providers silently.
    /// Skills and languages live in their own tables (one row each, in the provider's order) rather than in a
    /// list column, so that search can filter and count them with plain indexes on both engines.
    static let initialSchema = Migration(version: 1, name: "initial schema") { dialect in
        let id = dialect.identity
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE users (
                id \(id),
                first_name TEXT NOT NULL,
                last_name TEXT NOT NULL,
                email TEXT NOT NULL,
                password_hash TEXT,
                phone TEXT,
                country_code TEXT,
                user_type TEXT NOT NULL CHECK (user_type IN ('client', 'provider', 'admin')),
                verification_status TEXT NOT NULL DEFAULT 'pending'
                    CHECK (verification_status IN ('pending', 'verified', 'suspended')),
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX users_email_key ON users (lower(email))",
            "CREATE INDEX users_phone_idx ON users (phone)",
            """
            CREATE TABLE email_verifications (
                id \(id),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                token TEXT NOT NULL,
                expires_at \(time) NOT NULL,
                created_at \(time) NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX email_verifications_token_key ON email_verifications (token)",
            "CREATE INDEX email_verifications_user_idx ON email_verifications (user_id)",
            "CREATE INDEX email_verifications_expiry_idx ON email_verifications (expires_at)",
            """
            CREATE TABLE oauth_providers (
                id \(id),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                provider TEXT NOT NULL,
                provider_id TEXT NOT NULL,
                created_at \(time) NOT NULL,
                UNIQUE (provider, provider_id)
            )
            """,
            "CREATE INDEX oauth_providers_user_idx ON oauth_providers (user_id)",
            """
            CREATE TABLE categories (
                id \(id),
                parent_id BIGINT REFERENCES categories (id) ON DELETE RESTRICT,
                name TEXT NOT NULL,
                slug TEXT NOT NULL UNIQUE,
                description TEXT NOT NULL DEFAULT '',
                icon TEXT,
                metadata TEXT NOT NULL DEFAULT '{}',
                active BOOLEAN NOT NULL DEFAULT TRUE,
                sort_order INTEGER NOT NULL DEFAULT 0,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX categories_parent_idx ON categories (parent_id, sort_order)",
            """
            CREATE TABLE user_profiles (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                slug TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                bio TEXT NOT NULL DEFAULT '',
                city TEXT,
                region TEXT,
                country_code TEXT,
                latitude DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
                longitude DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
                hourly_rate_minor BIGINT CHECK (hourly_rate_minor >= 0),
                hourly_rate_currency TEXT,
                experience TEXT NOT NULL DEFAULT '',
                education TEXT NOT NULL DEFAULT '',
                certifications TEXT NOT NULL DEFAULT '',
                availability TEXT NOT NULL DEFAULT 'available'
                    CHECK (availability IN ('available', 'limited', 'unavailable')),
                photo_url TEXT,
                published BOOLEAN NOT NULL DEFAULT TRUE,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                CHECK ((hourly_rate_minor IS NULL) = (hourly_rate_currency IS NULL))
            )
            """,
            "CREATE INDEX user_profiles_country_idx ON user_profiles (country_code)",
            """
            CREATE TABLE provider_skills (
                provider_id BIGINT NOT NULL REFERENCES user_profiles (user_id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                PRIMARY KEY (provider_id, position)
            )
            """,
            "CREATE INDEX provider_skills_name_idx ON provider_skills (lower(name))",
            """
            CREATE TABLE provider_languages (
                provider_id BIGINT NOT NULL REFERENCES user_profiles (user_id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                language_code TEXT NOT NULL,
                PRIMARY KEY (provider_id, position)
            )
            """,
            "CREATE INDEX provider_languages_code_idx ON provider_languages (language_code)",
            """
            CREATE TABLE provider_categories (
                provider_id BIGINT NOT NULL REFERENCES user_profiles (user_id) ON DELETE CASCADE,
                category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
                PRIMARY KEY (provider_id, category_id)
            )
            """,
            "CREATE INDEX provider_categories_category_idx ON provider_categories (category_id, provider_id)",
            """
            CREATE TABLE user_statistics (
                user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                rating_average DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (rating_average BETWEEN 0 AND 5),
                rating_count INTEGER NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
                completed_projects INTEGER NOT NULL DEFAULT 0 CHECK (completed_projects >= 0),
                completion_rate DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (completion_rate BETWEEN 0 AND 1),
                response_time_minutes INTEGER CHECK (response_time_minutes >= 0),
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX user_statistics_ranking_idx ON user_statistics (rating_average DESC, rating_count DESC, user_id DESC)",
        ]
    }
}
