import Foundation

/// What the last build wrote: for each page, the key of its inputs and what the sitemap needs. Kept in the site as
/// `.agora-manifest.sqlite` (never served: hidden files are refused).
///
/// A SQLite file rather than a text file read whole: `agora build --only` touches a handful of pages of a site of
/// over 100,000, and reads and rewrites only their rows. A build changes it inside one transaction committed after
/// the sitemap, so an interrupted build leaves the previous manifest and the next build redoes its pages.
/// Synchronous writes are off: a killed process cannot damage it, and a manifest damaged by a power loss reads as
/// no manifest, which makes the next build a full one.
final class BuildManifest {
    struct Entry: Equatable, Sendable {
        var key: String
        /// Seconds since 1970, as stored.
        var lastModified: Double?
        var inSitemap: Bool
        var priority: Double?
        var changefreq: String?
        /// Set on the refresh pages of redirects.
        var redirect = false
        /// A provider's page: the slugs of the categories whose listings showed the provider, space-separated.
        var listedIn: String?
        /// A provider's page: what it adds to the homepage's figures.
        var tally: ProviderTally?
        /// A provider's page: its place in listings (`ListingRank.manifestText`).
        var rank: String?
        /// A listing page: how many providers the whole listing has (its members are kept apart, in order).
        var listingTotal: Int?
        /// The site path of the image the sitemap names for the page (a provider's photo).
        var image: String?

        /// Whether the two differ in what a sitemap line shows.
        func sitemapLineDiffers(from other: Entry) -> Bool {
            lastModified != other.lastModified || priority != other.priority || changefreq != other.changefreq || image != other.image
        }
    }

    static let fileName = ".agora-manifest.sqlite"
    static let currentVersion = 9

    private let database: SQLiteFile
    private var inTransaction = false
    /// Changes to the counters not yet written: a full build puts 100,000 tallies, and adding them up here costs
    /// nothing beside the statements that writing each would take.
    private var pendingCounts: [String: Int] = [:]
    /// The key of what every page depends on: templates, assets, site settings, base URL, environment, categories.
    let siteKey: String

    private init(database: SQLiteFile, siteKey: String) {
        self.database = database
        self.siteKey = siteKey
    }

    /// The manifest an earlier build left in `directory`; nil when there is none, or it is of another version or
    /// damaged (the build then starts afresh).
    static func open(in directory: URL) -> BuildManifest? {
        let path = directory.appendingPathComponent(fileName).path
        guard access(path, F_OK) == 0, let database = try? SQLiteFile(path: path, create: false) else { return nil }
        guard (try? configure(database, memoryMapped: true)) != nil,
              let version = try? meta("version", in: database), version == String(currentVersion),
              let siteKey = try? meta("site_key", in: database)
        else { return nil }
        return BuildManifest(database: database, siteKey: siteKey)
    }

    /// A new, empty manifest in `directory` (a full build's staging directory).
    static func create(in directory: URL, siteKey: String) throws -> BuildManifest {
        let path = directory.appendingPathComponent(fileName).path
        try? FileManager.default.removeItem(atPath: path)
        let database = try SQLiteFile(path: path, create: true)
        try configure(database, memoryMapped: false)
        try database.execute("""
            CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE pages (
                path TEXT PRIMARY KEY, key TEXT NOT NULL, last_modified REAL, in_sitemap INTEGER NOT NULL,
                priority REAL, changefreq TEXT, redirect INTEGER NOT NULL, listed_in TEXT,
                country TEXT, ratings INTEGER, rating_points INTEGER, top_categories TEXT, rank TEXT, listing_total INTEGER,
                image TEXT
            ) WITHOUT ROWID;
            CREATE TABLE page_members (path TEXT NOT NULL, position INTEGER NOT NULL, provider_id INTEGER NOT NULL, PRIMARY KEY (path, position)) WITHOUT ROWID;
            CREATE INDEX page_members_provider ON page_members (provider_id);
            CREATE INDEX pages_redirects ON pages (path) WHERE redirect = 1;
            CREATE TABLE sitemap_chunks (number INTEGER PRIMARY KEY, first_path TEXT NOT NULL, newest REAL);
            CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            """)
        let manifest = BuildManifest(database: database, siteKey: siteKey)
        try manifest.setMeta("version", String(currentVersion))
        try manifest.setMeta("site_key", siteKey)
        return manifest
    }

    /// An earlier build's manifest is mapped into memory: a build after a few changes reads thousands of its rows (a
    /// sitemap chunk, the members of a listing), and copying each page of the file costs more than reading it in
    /// place. A full build's new manifest is not: it is mostly written, and the pages it touched would count in the
    /// process's resident size.
    private static func configure(_ database: SQLiteFile, memoryMapped: Bool) throws {
        try database.execute("PRAGMA synchronous = OFF; PRAGMA journal_mode = DELETE; PRAGMA temp_store = FILE; PRAGMA mmap_size = \(memoryMapped ? 1 << 30 : 0)")
    }

    func begin() throws {
        guard !inTransaction else { return }
        try database.execute("BEGIN IMMEDIATE")
        inTransaction = true
    }

    func commit() throws {
        guard inTransaction else { return }
        try writePendingCounts()
        try database.execute("COMMIT")
        inTransaction = false
    }

    /// Drops what this build changed and closes the file.
    func rollback() {
        pendingCounts = [:]
        if inTransaction { try? database.execute("ROLLBACK") }
        inTransaction = false
        database.close()
    }

    func close() { database.close() }

    // MARK: Settings of the whole build

    /// Where changes to providers stood when the provider and category pages were last brought up to date, as
    /// seconds since 1970 (`ProviderRepository.changeMarks()`); nil before the first build that recorded them.
    var providerMarks: (profiles: Double?, statistics: Double?)? {
        guard let text = try? Self.meta("provider_marks", in: database) else { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: false).map { Double($0) }
        guard parts.count == 2 else { return nil }
        return (parts[0], parts[1])
    }

    func setProviderMarks(profiles: Double?, statistics: Double?) throws {
        try setMeta("provider_marks", "\(profiles.map { String($0) } ?? "") \(statistics.map { String($0) } ?? "")")
    }

    private static func meta(_ name: String, in database: SQLiteFile) throws -> String? {
        let statement = try database.statement("SELECT value FROM meta WHERE name = ?").bind(name)
        return try statement.step() ? statement.text(0) : nil
    }

    /// Writes a setting only when it differs, so that a build that changed nothing leaves the file as it was.
    private func setMeta(_ name: String, _ value: String) throws {
        guard try Self.meta(name, in: database) != value else { return }
        try database.statement("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
            .bind(name, value).run()
    }

    // MARK: Pages

    func entry(_ path: String) throws -> Entry? {
        let row = try database.statement("""
            SELECT key, last_modified, in_sitemap, priority, changefreq, redirect, listed_in, ratings, rating_points, country, top_categories,
                rank, listing_total, image
            FROM pages WHERE path = ?
            """).bind(path)
        guard try row.step(), let key = row.text(0) else { return nil }
        var tally: ProviderTally?
        if let ratings = row.optionalInt(7), let points = row.optionalInt(8) {
            let tops = (row.text(10) ?? "").split(separator: " ").compactMap { Int64($0) }
            tally = ProviderTally(countryCode: row.text(9), ratings: ratings, ratingPoints: points, topCategoryIDs: tops)
        }
        return Entry(
            key: key, lastModified: row.double(1), inSitemap: row.int(2) != 0, priority: row.double(3),
            changefreq: row.text(4), redirect: row.int(5) != 0, listedIn: row.text(6), tally: tally, rank: row.text(11),
            listingTotal: row.optionalInt(12), image: row.text(13)
        )
    }

    /// Writes the page's entry in place of `old` (what `entry(_:)` read; nil for a new page), and moves the counters
    /// by the difference of their tallies.
    func put(_ path: String, _ entry: Entry, replacing old: Entry?) throws {
        let tally = entry.tally
        try database.statement("""
            INSERT INTO pages (path, key, last_modified, in_sitemap, priority, changefreq, redirect, listed_in, country, ratings, rating_points, top_categories, rank, listing_total, image)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (path) DO UPDATE SET key = excluded.key, last_modified = excluded.last_modified,
                in_sitemap = excluded.in_sitemap, priority = excluded.priority, changefreq = excluded.changefreq,
                redirect = excluded.redirect, listed_in = excluded.listed_in, country = excluded.country,
                ratings = excluded.ratings, rating_points = excluded.rating_points, top_categories = excluded.top_categories,
                rank = excluded.rank, listing_total = excluded.listing_total, image = excluded.image
            """).bind(
                path, entry.key, entry.lastModified, entry.inSitemap, entry.priority, entry.changefreq, entry.redirect, entry.listedIn,
                tally?.countryCode, tally?.ratings, tally?.ratingPoints, tally.map { $0.topCategoryIDs.map(String.init).joined(separator: " ") },
                entry.rank, entry.listingTotal, entry.image
            ).run()
        if old?.tally != tally {
            count(old?.tally, by: -1)
            count(tally, by: 1)
        }
    }

    /// Removes the page's entry, `old` (what `entry(_:)` read), its tally from the counters, and its members.
    func delete(_ path: String, _ old: Entry) throws {
        try database.statement("DELETE FROM pages WHERE path = ?").bind(path).run()
        count(old.tally, by: -1)
        try database.statement("DELETE FROM page_members WHERE path = ?").bind(path).run()
    }

    // MARK: Page members

    /// Records the providers a page shows (a listing page's, a provider page's similar providers), in order, in
    /// place of those it showed (`replacing`: whether it may have had any).
    func setMembers(of path: String, _ providerIDs: [Int64], replacing: Bool) throws {
        if replacing { try database.statement("DELETE FROM page_members WHERE path = ?").bind(path).run() }
        for (position, id) in providerIDs.enumerated() {
            try database.statement("INSERT INTO page_members (path, position, provider_id) VALUES (?, ?, ?)")
                .bind(path, position, Int(id)).run()
        }
    }

    /// The providers a page shows, in order.
    func members(of path: String) throws -> [Int64] {
        let statement = try database.statement("SELECT provider_id FROM page_members WHERE path = ? ORDER BY position").bind(path)
        var ids: [Int64] = []
        while try statement.step() { ids.append(Int64(statement.int(0))) }
        return ids
    }

    /// The pages that show the provider: listing pages, and provider pages showing it as similar.
    func paths(showing providerID: Int64) throws -> [String] {
        let statement = try database.statement("SELECT path FROM page_members WHERE provider_id = ? ORDER BY path").bind(Int(providerID))
        var paths: [String] = []
        while try statement.step() { if let path = statement.text(0) { paths.append(path) } }
        return paths
    }

    var pageCount: Int {
        get throws {
            let statement = try database.statement("SELECT COUNT(*) FROM pages")
            return try statement.step() ? statement.int(0) : 0
        }
    }

    /// The paths starting with `prefix` (every path for ""), in order; `redirects` chooses the redirects' refresh
    /// pages or the real pages, nil both.
    func paths(under prefix: String = "", redirects: Bool? = nil) throws -> [String] {
        // Byte order: every path that starts with the prefix sorts before the prefix followed by the last code point.
        // The redirects have an index of their own: every build asks for them, and there are few.
        let statement = try database.statement(redirects == true
            ? "SELECT path FROM pages WHERE redirect = 1 AND path >= ? AND path < ? ORDER BY path"
            : "SELECT path FROM pages WHERE path >= ? AND path < ? AND (? IS NULL OR redirect = ?) ORDER BY path"
        ).bind(prefix, prefix + "\u{10FFFF}", redirects, redirects)
        var paths: [String] = []
        while try statement.step() { if let path = statement.text(0) { paths.append(path) } }
        return paths
    }

    // MARK: Counters

    /// The sums of the tallies of the pages the manifest holds.
    func totals() throws -> ProviderTotals {
        try writePendingCounts()
        let statement = try database.statement("SELECT name, value FROM counters")
        var counters: [(name: String, value: Int)] = []
        while try statement.step() {
            if let name = statement.text(0) { counters.append((name, statement.int(1))) }
        }
        return ProviderTotals(counters: counters)
    }

    /// Adds the tally `sign` times to the counters.
    private func count(_ tally: ProviderTally?, by sign: Int) {
        guard let tally else { return }
        for (name, amount) in ProviderTotals.counters(of: tally) { pendingCounts[name, default: 0] += sign * amount }
    }

    /// Writes the pending changes to the counters; a counter that comes to zero is removed.
    private func writePendingCounts() throws {
        for (name, amount) in pendingCounts where amount != 0 {
            try database.statement("""
                INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value
                """).bind(name, amount).run()
        }
        if !pendingCounts.isEmpty { try database.execute("DELETE FROM counters WHERE value = 0") }
        pendingCounts = [:]
    }

    // MARK: Pages published by this build

    /// Starts recording the pages this build publishes, in a temporary table (in a file, not in memory: a million
    /// pages would otherwise hold a million paths), so that the pages it did not publish can be found at the end.
    func startRecordingPublished() throws {
        try database.execute("CREATE TEMP TABLE IF NOT EXISTS published (path TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.published")
    }

    /// Records the page as published; false when it already was.
    @discardableResult
    func recordPublished(_ path: String) throws -> Bool {
        try database.statement("INSERT OR IGNORE INTO temp.published (path) VALUES (?)").bind(path).run()
        return database.changes > 0
    }

    func isPublished(_ path: String) throws -> Bool {
        try database.statement("SELECT 1 FROM temp.published WHERE path = ?").bind(path).step()
    }

    /// The pages of the manifest this build did not publish, leaving out the real pages under `keptWhole` (kept
    /// without being recorded one by one): each stretch of paths between those prefixes is read through the primary
    /// key, and the redirects' refresh pages under them through their own index.
    func unpublishedPaths(keptWhole prefixes: [String]) throws -> [String] {
        var paths: [String] = []
        func collect(_ statement: SQLiteFile.Statement) throws {
            while try statement.step() { if let path = statement.text(0) { paths.append(path) } }
        }
        var start = ""
        for prefix in prefixes.sorted() {
            try collect(try database.statement("SELECT path FROM pages WHERE path >= ? AND path < ? AND path NOT IN (SELECT path FROM temp.published)")
                .bind(start, prefix))
            try collect(try database.statement("""
                SELECT path FROM pages WHERE redirect = 1 AND path >= ? AND path < ? AND path NOT IN (SELECT path FROM temp.published)
                """).bind(prefix, prefix + "\u{10FFFF}"))
            start = prefix + "\u{10FFFF}"
        }
        try collect(try database.statement("SELECT path FROM pages WHERE path >= ? AND path NOT IN (SELECT path FROM temp.published)").bind(start))
        return paths.sorted()
    }

    /// How many real pages lie under the prefix.
    func pageCount(under prefix: String) throws -> Int {
        let statement = try database.statement("SELECT COUNT(*) FROM pages WHERE path >= ? AND path < ? AND redirect = 0")
            .bind(prefix, prefix + "\u{10FFFF}")
        return try statement.step() ? statement.int(0) : 0
    }

    // MARK: Sitemap

    /// A page as its sitemap line shows it.
    struct SitemapRow {
        let path: String
        let entry: Entry
    }

    /// The sitemap pages in path order from `first` (included): to `end` (excluded), or at most `limit` of them.
    func sitemapRows(from first: String, to end: String? = nil, limit: Int? = nil) throws -> [SitemapRow] {
        // Separate statements rather than `? IS NULL OR path < ?`, which would keep SQLite from stopping at `end`.
        let columns = "SELECT path, key, last_modified, priority, changefreq, image FROM pages WHERE in_sitemap = 1 AND path >= ?"
        let statement = if let end {
            try database.statement(columns + " AND path < ? ORDER BY path").bind(first, end)
        } else if let limit {
            try database.statement(columns + " ORDER BY path LIMIT ?").bind(first, limit)
        } else {
            try database.statement(columns + " ORDER BY path").bind(first)
        }
        var rows: [SitemapRow] = []
        while try statement.step() {
            guard let path = statement.text(0), let key = statement.text(1) else { continue }
            rows.append(SitemapRow(path: path, entry: Entry(
                key: key, lastModified: statement.double(2), inSitemap: true, priority: statement.double(3), changefreq: statement.text(4),
                image: statement.text(5)
            )))
        }
        return rows
    }

    /// A sitemap chunk file: the pages from `firstPath` to the next chunk's, and the newest `lastmod` among them.
    struct SitemapChunk: Equatable {
        let number: Int
        let firstPath: String
        let newest: Double?
    }

    /// The chunks of the last sitemap written, in order.
    func sitemapChunks() throws -> [SitemapChunk] {
        let statement = try database.statement("SELECT number, first_path, newest FROM sitemap_chunks ORDER BY number")
        var chunks: [SitemapChunk] = []
        while try statement.step() {
            chunks.append(SitemapChunk(number: statement.int(0), firstPath: statement.text(1) ?? "", newest: statement.double(2)))
        }
        return chunks
    }

    /// Records a chunk (only when it differs, so that a build that changed nothing leaves the file as it was).
    func setSitemapChunk(_ chunk: SitemapChunk) throws {
        let current = try database.statement("SELECT first_path, newest FROM sitemap_chunks WHERE number = ?").bind(chunk.number)
        if try current.step(), current.text(0) == chunk.firstPath, current.double(1) == chunk.newest { return }
        try database.statement("""
            INSERT INTO sitemap_chunks (number, first_path, newest) VALUES (?, ?, ?)
            ON CONFLICT (number) DO UPDATE SET first_path = excluded.first_path, newest = excluded.newest
            """).bind(chunk.number, chunk.firstPath, chunk.newest).run()
    }

    func removeSitemapChunks(after count: Int) throws {
        try database.statement("DELETE FROM sitemap_chunks WHERE number > ?").bind(count).run()
    }
}
