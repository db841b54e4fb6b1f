import AgoraDomain
import Foundation
import SQLKit

/// The images of a portfolio item: added at the end, captioned, removed. The files are written before `addImage`
/// (under a key no row names yet) and removed by the caller after `removeImage` has committed.
extension PortfolioRepository {
    /// Refuses an item that is not the provider's or already holds `PortfolioContent.maximumImages` images, before
    /// the upload is read.
    public func requireRoomForImage(_ id: Int64, providerID: Int64) async throws {
        let item = try await find(id, providerID: providerID)
        guard item.images.count < PortfolioContent.maximumImages else {
            throw StoreError.conflict("an item holds at most \(PortfolioContent.maximumImages) images: remove one first")
        }
    }

    public func addImage(
        _ id: Int64, providerID: Int64, image: PortfolioImage, caption: String, byteSize: Int64, now: Date
    ) async throws -> PortfolioItem {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            try await Self.lockProvider(providerID, on: db, engine: store.engine)
            guard let item = try await Self.items(where: "p.id = \(bind: id) AND p.provider_id = \(bind: providerID)", on: db).first else {
                throw Self.notFound
            }
            guard item.images.count < PortfolioContent.maximumImages else {
                throw StoreError.conflict("an item holds at most \(PortfolioContent.maximumImages) images: remove one first")
            }
            try await db.raw("""
                INSERT INTO portfolio_files (portfolio_id, media_key, width, height, caption, position, byte_size, created_at)
                VALUES (\(bind: id), \(bind: image.key), \(bind: image.width), \(bind: image.height), \(bind: caption),
                        (SELECT COALESCE(MAX(position) + 1, 0) FROM portfolio_files WHERE portfolio_id = \(bind: id)), \(bind: byteSize), \(bind: now))
                """).run()
            try await Self.changed(item, reason: "image added", now: now, on: db)
            return try await Self.reread(id, on: db)
        }
    }

    public func setCaption(_ fileID: Int64, itemID: Int64, providerID: Int64, caption: String, now: Date) async throws -> PortfolioItem {
        try await store.inTransaction { transaction in
            let db = transaction.sql
            let item = try await Self.owned(itemID, fileID: fileID, providerID: providerID, on: db)
            try await db.raw("UPDATE portfolio_files SET caption = \(bind: caption) WHERE id = \(bind: fileID)").run()
            try await Self.changed(item, reason: "caption changed", now: now, on: db)
            return try await Self.reread(itemID, on: db)
        }
    }

    /// Removes the image's row; returns its key, whose files the caller removes once this has committed.
    public func removeImage(_ fileID: Int64, itemID: Int64, providerID: Int64, now: Date) async throws -> (key: String, item: PortfolioItem) {
        try await store.inTransaction { transaction in
            let db = transaction.sql
            let item = try await Self.owned(itemID, fileID: fileID, providerID: providerID, on: db)
            guard let key = item.images.first(where: { $0.id == fileID })?.image.key else { throw Self.imageNotFound }
            try await db.raw("DELETE FROM portfolio_files WHERE id = \(bind: fileID)").run()
            try await Self.changed(item, reason: "image removed", now: now, on: db)
            return (key, try await Self.reread(itemID, on: db))
        }
    }

    /// The keys of every portfolio image: the folders in `media/portfolio/` that are in use.
    public func imageKeys() async throws -> Set<String> {
        Set(try await store.sql.raw("SELECT media_key FROM portfolio_files").all().map { try $0.decode(column: "media_key", as: String.self) })
    }

    static let imageNotFound = StoreError.notFound("this portfolio item has no image with this id")

    private static func owned(_ itemID: Int64, fileID: Int64, providerID: Int64, on db: any SQLDatabase) async throws -> PortfolioItem {
        guard let item = try await items(where: "p.id = \(bind: itemID) AND p.provider_id = \(bind: providerID)", on: db).first else { throw notFound }
        guard item.images.contains(where: { $0.id == fileID }) else { throw imageNotFound }
        return item
    }

    private static func reread(_ id: Int64, on db: any SQLDatabase) async throws -> PortfolioItem {
        guard let item = try await items(where: "p.id = \(bind: id)", on: db).first else { throw notFound }
        return item
    }

    /// An image change to a public item shows on the provider's page.
    private static func changed(_ item: PortfolioItem, reason: String, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE portfolios SET updated_at = \(bind: now) WHERE id = \(bind: item.id)").run()
        if item.status.isPublic { try await touch(item.providerID, reason: "portfolio item \(item.id) \(reason)", now: now, on: db) }
    }
}
