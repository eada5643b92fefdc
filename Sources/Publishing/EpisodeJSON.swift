import EditionCore
import Foundation

/// Reads and writes the episode metadata sidecar.
public enum EpisodeJSON {
    public static func data(for episode: Episode) throws -> Data { try JSONOutput.encode(episode) }

    public static func read(_ url: URL) throws -> Episode {
        try JSONDecoder().decode(Episode.self, from: Data(contentsOf: url))
    }
}
