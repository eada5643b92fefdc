// swift-tools-version:6.0
// The targets are listed in pipeline order: read → normalize → segment → synthesize → assemble → publish.
import PackageDescription

let package = Package(
    name: "edition",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "edition", targets: ["edition"]),
        .library(name: "EditionKit", targets: ["Building"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng",
                       providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile",
                       providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CEbur128", pkgConfig: "libebur128",
                       providers: [.apt(["libebur128-dev"])]),
        .systemLibrary(name: "CSampleRate", pkgConfig: "samplerate",
                       providers: [.apt(["libsamplerate0-dev"])]),

        // The shared vocabulary: Article, ScriptOutline, Sentence, Chunk, Take, Timeline, Chapter,
        // VoiceProfile, Episode; and the one concurrency helper. No file I/O, no YAML.
        .target(name: "EditionCore"),
        // Config files (voice profiles, build manifests, the podcast config): one YAML reader
        // whose errors say `file:line: problem` and suggest the nearest key for a misspelt one.
        .target(name: "Configuration", dependencies: ["EditionCore", .product(name: "Yams", package: "Yams")]),

        // Wrappers, which any stage may import: Audio owns libsndfile and the scratch files;
        // Tagging writes and reads chapters inside containers (WAV cue/labl, ID3, Vorbis comments).
        .target(name: "Audio", dependencies: ["EditionCore", "CSndFile"]),
        .target(name: "Tagging", dependencies: ["EditionCore"]),

        // The stages, in the order the text flows. Each imports EditionCore and wrappers only.
        // 1. Reading: scraped text, Markdown, HTML → Article.
        .target(name: "Reading", dependencies: ["EditionCore", "CLibXML2"]),
        // 2. Normalizing: written text → the words a listener should hear.
        .target(name: "Normalizing", dependencies: ["EditionCore"]),
        // 3. Segmenting: chapters, sentences, pauses (ScriptOutline), then the Script: chunks per sentence.
        .target(name: "Segmenting", dependencies: ["EditionCore"]),
        // 4. Synthesizing: espeak-ng in supervised worker processes.
        .target(name: "Synthesizing", dependencies: ["EditionCore", "CEspeakNG"]),
        // 5. Assembling: takes and pauses → a PCM spool and the Timeline.
        .target(name: "Assembling", dependencies: ["EditionCore", "Audio"]),
        // 6. Mastering: loudness, limiter, resampling, encoders with chapters.
        .target(name: "Mastering", dependencies: ["EditionCore", "Audio", "Tagging", "CEbur128", "CSampleRate"]),
        // 7. Publishing: sidecars (chapters JSON, transcripts, episode metadata) and the podcast feed.
        .target(name: "Publishing", dependencies: [
            "EditionCore", "Configuration",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // Building composes the stages: production (one loop for narrate, build and the library's
        // Narrator), batches and their journal, verification.
        .target(name: "Building", dependencies: [
            "EditionCore", "Configuration", "Reading", "Normalizing", "Segmenting", "Synthesizing",
            "Audio", "Assembling", "Mastering", "Tagging", "Publishing",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "edition", dependencies: [
            "Building", "Configuration", "EditionCore", "Reading", "Normalizing", "Segmenting", "Synthesizing", "Mastering", "Publishing",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests: one target per target tested, in the same order; EditionCLITests runs the built binary.
        .target(name: "EditionTestSupport", dependencies: ["EditionCore"], path: "Tests/EditionTestSupport"),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "ReadingTests", dependencies: ["Reading", "EditionCore", "CLibXML2", "EditionTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "NormalizingTests", dependencies: ["Normalizing", "EditionCore", "EditionTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SegmentingTests", dependencies: ["Segmenting", "EditionCore"]),
        .testTarget(name: "SynthesizingTests", dependencies: ["Synthesizing", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "AssemblingTests", dependencies: ["Assembling", "Audio", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "TaggingTests", dependencies: ["Tagging", "Audio", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "MasteringTests", dependencies: ["Mastering", "Assembling", "Audio", "Configuration", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "BuildingTests", dependencies: [
            "Building", "Configuration", "EditionTestSupport", "EditionCore", "Audio", "Assembling", "Mastering", "Segmenting",
            "Synthesizing", "Reading",
        ]),
        .testTarget(name: "EditionCLITests", dependencies: ["EditionTestSupport"]),
    ]
)
