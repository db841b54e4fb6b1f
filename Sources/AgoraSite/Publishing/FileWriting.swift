import Foundation

/// Writes whole files with plain system calls: FileManager's general machinery costs more than the write itself
/// when a build writes a hundred thousand small pages.
enum FileWriting {
    static func write(_ data: Data, to path: String) throws {
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
}

/// Creates directories once per build: most pages live in a directory of their own whose parent already exists.
final class DirectoryCache {
    private var known: Set<String> = []

    func ensure(_ directory: URL) throws {
        let path = directory.path
        guard !known.contains(path) else { return }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        known.insert(path)
    }
}
