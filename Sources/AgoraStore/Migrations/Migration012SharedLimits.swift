extension Migrations {
    /// Limits every instance shares: the accepted hits of each limit and key (at most a limit's worth per window,
    /// since refused hits are not kept; the clean-up removes old ones), and the network of each authentication
    /// event, so that failed sign-ins are counted per IPv6 /64 as well as per IPv4 address.
    static let sharedLimits = Migration(version: 12, name: "shared limits") { dialect in
        [
            """
            CREATE TABLE rate_limit_hits (
                id \(dialect.identity),
                name TEXT NOT NULL,
                key TEXT NOT NULL,
                hit_at \(dialect.timestamp) NOT NULL
            )
            """,
            "CREATE INDEX rate_limit_hits_key_idx ON rate_limit_hits (name, key, hit_at)",
            "CREATE INDEX rate_limit_hits_time_idx ON rate_limit_hits (hit_at)",
            "ALTER TABLE auth_events ADD COLUMN client_network TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX auth_events_network_idx ON auth_events (client_network, kind, created_at)",
        ]
    }
}
