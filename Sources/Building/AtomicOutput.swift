import Foundation

/// Files of one episode, written under hidden temporary names and renamed into place only
/// when every one is complete. A failure or a crash leaves no half-written file behind.
final class AtomicOutput {
    let directory: URL
    private var pending: [(temp: URL, final: URL)] = []

    init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A temporary path for `name`; the file appears as `name` on `commit()`.
    func stage(_ name: String) -> URL {
        precondition(!name.contains("/") && !name.hasPrefix("."), "output names are plain file names")
        let temp = directory.appendingPathComponent(".\(name).partial-\(getpid())")
        pending.append((temp, directory.appendingPathComponent(name)))
        return temp
    }

    func write(_ data: Data, as name: String) throws {
        try data.write(to: stage(name))
    }

    /// Renames every staged file into place; the last one named marks the episode complete.
    func commit() throws {
        for file in pending {
            if rename(file.temp.path, file.final.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.final.path,
                    NSLocalizedDescriptionKey: "cannot move \(file.final.lastPathComponent) into place: \(String(cString: strerror(errno)))"])
            }
        }
        pending.removeAll()
    }

    func discard() {
        for file in pending { try? FileManager.default.removeItem(at: file.temp) }
        pending.removeAll()
    }

    deinit { discard() }
}
