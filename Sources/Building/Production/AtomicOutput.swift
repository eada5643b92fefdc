import EditionCore
import Foundation

/// Files of one episode, written under hidden temporary names and renamed into place only
/// when every one is complete. A failure or a crash leaves no half-written file behind.
/// Temporary names carry the process and a random tag, so two productions in one process
/// (library callers) or in several never write the same file.
public final class AtomicOutput {
    let directory: URL
    private var pending: [(temp: URL, final: URL)] = []
    private let tag = ProcessTag.make()

    init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A temporary path for `name`; the file appears as `name` on `commit()`.
    func stage(_ name: String) -> URL {
        precondition(!name.contains("/") && !name.hasPrefix("."), "output names are plain file names")
        let temp = directory.appendingPathComponent(".\(name).partial-\(tag)")
        pending.append((temp, directory.appendingPathComponent(name)))
        return temp
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

extension AtomicOutput {
    /// ".story.wav.partial-123-ab12cd34" → "story.wav": messages name the file the user will
    /// see, never the hidden one it was written under.
    public static func finalNames(in message: String) -> String {
        message.replacingOccurrences(of: #"\.([^/\s]+?)\.partial-[0-9]+(-[0-9a-f]+)*"#, with: "$1", options: .regularExpression)
    }
}
