import Foundation

/// Where the checkout's own files are, for tests that use the real `Layouts/` and `Content/`.
public enum RepositoryPaths {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var layouts: URL { root.appendingPathComponent("Layouts") }
}
