import Foundation

/// Writes whole files with plain system calls: FileManager's general machinery costs more than the write itself
/// when a build writes a hundred thousand small pages.
enum FileWriting {
    static func write(_ data: some ContiguousBytes, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteError(file: path, "cannot be written (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SiteError(file: path, "cannot be written (\(String(cString: strerror(errno))))")
                }
                offset += written
            }
        }
    }

    /// Makes sure the directory exists: one `mkdir(2)` (which fails harmlessly when it is there), and the whole
    /// path only when a parent is missing too. Nothing is remembered between calls: nearly every page has a
    /// directory of its own, and a set of them would grow with the site (a hundred megabytes at a million pages).
    static func ensureDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}
