import Settings
import Building
import EditionCore
import EditionTestSupport
import Foundation

/// Narrators for tests: real `edition worker` processes, the repository's voices, no cache.
enum TestNarrator {
    static func make(jobs: Int = 2, environment: [String: String] = [:], cache: URL? = nil) throws -> Narrator {
        try Narrator(.init(workerExecutable: TestEnvironment.editionBinary, jobs: jobs, cacheDirectory: cache,
                           voices: VoiceLibrary(directory: TestEnvironment.voicesDirectory), workerEnvironment: environment))
    }

    /// Narrates a file into `output` with the default formats (WAV and MP3) and voice.
    static func narrate(_ path: String, into output: URL, voice: String = "en-us-news", environment: [String: String] = [:]) throws -> Narration {
        try make(environment: environment).narrateBlocking(.file(path), voice: voice, options: .init(outputDirectory: output))
    }
}
