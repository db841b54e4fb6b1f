extension Migrations {
    /// The marketplace's core loop: orders with their skills, checklist, attachments, routing and history;
    /// proposals with every step of their negotiation; the project an accepted proposal becomes; and the in-app
    /// notifications these changes leave for people.
    ///
    /// Cascade rules: orders, proposals and projects keep their people (RESTRICT), because they are records both
    /// sides rely on; an order's own details (skills, checklist, files, routes, events, proposals) go with it.
    /// At most one live proposal per provider per order and one project per order are enforced by unique indexes,
    /// so that a double submit or a double accept cannot get past them even when two requests race.
    static let ordersAndProposals = Migration(version: 8, name: "orders and proposals") { dialect in
        let id = dialect.identity
        let time = dialect.timestamp
        return [
            """
            CREATE TABLE orders (
                id \(id),
                reference_number TEXT NOT NULL UNIQUE,
                client_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
                budget_min_minor BIGINT NOT NULL CHECK (budget_min_minor > 0),
                budget_max_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                deadline \(time) NOT NULL,
                deadline_time_zone TEXT NOT NULL,
                priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
                status TEXT NOT NULL
                    CHECK (status IN ('draft', 'open', 'awarded', 'in_progress', 'cancelled', 'expired')),
                visibility TEXT NOT NULL CHECK (visibility IN ('public', 'invited')),
                location_kind TEXT NOT NULL CHECK (location_kind IN ('remote', 'country', 'near')),
                location_country TEXT,
                location_latitude DOUBLE PRECISION,
                location_longitude DOUBLE PRECISION,
                location_radius_km DOUBLE PRECISION,
                routing_batch INTEGER NOT NULL DEFAULT 0,
                routed_at \(time),
                published_at \(time),
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL,
                CHECK (budget_min_minor <= budget_max_minor)
            )
            """,
            "CREATE INDEX orders_client_idx ON orders (client_id, created_at)",
            "CREATE INDEX orders_open_idx ON orders (status, visibility, category_id, published_at)",
            """
            CREATE TABLE order_skills (
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                PRIMARY KEY (order_id, position)
            )
            """,
            """
            CREATE TABLE order_requirements (
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (order_id, position)
            )
            """,
            """
            CREATE TABLE order_files (
                id \(id),
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                storage_name TEXT NOT NULL UNIQUE,
                file_name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                byte_size BIGINT NOT NULL CHECK (byte_size > 0),
                sha256 TEXT NOT NULL,
                created_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX order_files_order_idx ON order_files (order_id, id)",
            """
            CREATE TABLE order_routes (
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                batch INTEGER NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('matched', 'admin', 'client')),
                score DOUBLE PRECISION NOT NULL,
                reason TEXT NOT NULL,
                offered_at \(time) NOT NULL,
                viewed_at \(time),
                expired_at \(time),
                removed_at \(time),
                PRIMARY KEY (order_id, provider_id)
            )
            """,
            "CREATE INDEX order_routes_provider_idx ON order_routes (provider_id, offered_at)",
            """
            CREATE TABLE order_events (
                id \(id),
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '{}',
                created_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX order_events_order_idx ON order_events (order_id, id)",
            """
            CREATE TABLE proposals (
                id \(id),
                order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                message TEXT NOT NULL,
                price_minor BIGINT NOT NULL CHECK (price_minor > 0),
                currency TEXT NOT NULL,
                timeline_days INTEGER NOT NULL CHECK (timeline_days > 0),
                milestones TEXT NOT NULL DEFAULT '[]',
                status TEXT NOT NULL
                    CHECK (status IN ('submitted', 'countered', 'revised', 'accepted', 'rejected', 'withdrawn')),
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX proposals_order_idx ON proposals (order_id, created_at)",
            "CREATE INDEX proposals_provider_idx ON proposals (provider_id, created_at)",
            """
            CREATE UNIQUE INDEX proposals_live_key ON proposals (order_id, provider_id)
                WHERE status IN ('submitted', 'countered', 'revised')
            """,
            "CREATE UNIQUE INDEX proposals_accepted_key ON proposals (order_id) WHERE status = 'accepted'",
            """
            CREATE TABLE proposal_revisions (
                id \(id),
                proposal_id BIGINT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                party TEXT NOT NULL CHECK (party IN ('client', 'provider')),
                message TEXT NOT NULL,
                price_minor BIGINT NOT NULL CHECK (price_minor > 0),
                currency TEXT NOT NULL,
                timeline_days INTEGER NOT NULL CHECK (timeline_days > 0),
                milestones TEXT NOT NULL DEFAULT '[]',
                created_at \(time) NOT NULL,
                UNIQUE (proposal_id, number)
            )
            """,
            """
            CREATE TABLE projects (
                id \(id),
                order_id BIGINT NOT NULL UNIQUE REFERENCES orders (id) ON DELETE RESTRICT,
                proposal_id BIGINT NOT NULL UNIQUE REFERENCES proposals (id) ON DELETE RESTRICT,
                client_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                provider_id BIGINT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
                title TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'completed', 'cancelled')),
                agreed_price_minor BIGINT NOT NULL CHECK (agreed_price_minor > 0),
                currency TEXT NOT NULL,
                deadline \(time) NOT NULL,
                created_at \(time) NOT NULL,
                updated_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX projects_client_idx ON projects (client_id, created_at)",
            "CREATE INDEX projects_provider_idx ON projects (provider_id, created_at)",
            """
            CREATE TABLE notifications (
                id \(id),
                user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                title TEXT NOT NULL,
                message TEXT NOT NULL,
                link TEXT,
                data TEXT NOT NULL DEFAULT '{}',
                read_at \(time),
                created_at \(time) NOT NULL
            )
            """,
            "CREATE INDEX notifications_user_idx ON notifications (user_id, created_at)",
        ]
    }
}
