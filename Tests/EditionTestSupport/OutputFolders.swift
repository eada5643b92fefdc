import Foundation

/// Two build output folders compared file by file, as a sharded build must match a
/// one-machine build: the same episodes, byte for byte (audio and sidecars). What records the
/// run itself (the build reports and the journal) and hidden files are left out.
public enum OutputFolders {
    public static func differences(_ a: URL, _ b: URL) throws -> [String] {
        func files(_ url: URL) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { !$0.hasPrefix(".") && !$0.hasPrefix("build-report") && $0 != "slurm" && $0 != "kubernetes" }.sorted()
        }
        let (left, right) = (try files(a), try files(b))
        var problems: [String] = []
        if left != right { problems.append("files differ: only in \(a.lastPathComponent): \(Set(left).subtracting(right).sorted()); only in \(b.lastPathComponent): \(Set(right).subtracting(left).sorted())") }
        for name in Set(left).intersection(right).sorted() {
            let (x, y) = (try Data(contentsOf: a.appendingPathComponent(name)), try Data(contentsOf: b.appendingPathComponent(name)))
            if x != y { problems.append("\(name) differs (\(x.count) and \(y.count) bytes)") }
        }
        return problems
    }
}
