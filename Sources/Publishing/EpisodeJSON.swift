import EditionCore
import Foundation

/// Reads and writes the episode metadata sidecar.
public enum EpisodeJSON {
    public static func data(for episode: Episode) throws -> Data { try JSONOutput.encode(episode) }

    /// Whether a file in an output folder is an episode's metadata (`<slug>.json`), not a
    /// sidecar (`<slug>.chapters.json`), a hidden temporary or the build report.
    public static func isMetadataName(_ name: String) -> Bool {
        name.hasSuffix(".json") && name.split(separator: ".").count == 2 && !name.hasPrefix(".") && name != "build-report.json"
    }

    public static func read(_ url: URL) throws -> Episode {
        try JSONDecoder().decode(Episode.self, from: Data(contentsOf: url))
    }
}
