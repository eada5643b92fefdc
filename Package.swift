// swift-tools-version:6.1
// The targets are listed in pipeline order: read → normalize → segment → synthesize → assemble → publish.
import PackageDescription

/// The sample loops (mastering, the spool, assembly) are optimized even in debug builds: unoptimized
/// they run ~10× slower, and the test suite, which masters real narrations, is mostly that.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "edition",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "edition", targets: ["edition"]),
        .executable(name: "edition-speaker", targets: ["edition-speaker"]),
        .library(name: "EditionKit", targets: ["Building"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Without its default "ConfigurationSupport" trait: swift-configuration is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Already under Hummingbird; named because Serving imports them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
        .systemLibrary(name: "CLame", pkgConfig: "lame",
                       providers: [.apt(["libmp3lame-dev"])]),
        .systemLibrary(name: "COgg", pkgConfig: "opus",
                       providers: [.apt(["libopus-dev", "libvorbis-dev", "libogg-dev"])]),

        // The shared vocabulary: Article, ScriptOutline, Sentence, Chunk, Take, Timeline, Chapter,
        // VoiceProfile, Episode; and the one concurrency helper. No file I/O, no YAML.
        .target(name: "EditionCore"),
        // Settings: config files (voice profiles, build manifests, the podcast config): one YAML reader
        // whose errors say `file:line: problem` and suggest the nearest key for a misspelt one.
        .target(name: "Settings", dependencies: ["EditionCore", .product(name: "Yams", package: "Yams")]),

        // Wrappers, which any stage may import: Audio owns libsndfile and the scratch files;
        // Tagging writes and reads chapters inside containers (WAV cue/labl, ID3, Vorbis comments).
        .target(name: "Audio", dependencies: ["EditionCore", "CSndFile", "CLame", "COgg"], swiftSettings: optimizedInDebug),
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
        .target(name: "Assembling", dependencies: ["EditionCore", "Audio"], swiftSettings: optimizedInDebug),
        // 6. Mastering: loudness, limiter, resampling, encoders with chapters.
        .target(name: "Mastering", dependencies: ["EditionCore", "Audio", "Tagging", "CEbur128", "CSampleRate",
                                                 .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: optimizedInDebug),
        // 7. Publishing: sidecars (chapters JSON, transcripts, episode metadata) and the podcast feed.
        .target(name: "Publishing", dependencies: [
            "EditionCore", "Settings",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // Building composes the stages: production (one loop for narrate, build and the library's
        // Narrator), batches and their journal, verification.
        .target(name: "Building", dependencies: [
            "EditionCore", "Settings", "Reading", "Normalizing", "Segmenting", "Synthesizing",
            "Audio", "Assembling", "Mastering", "Tagging", "Publishing",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Serving: `edition serve`, the HTTP service a newsroom's systems call (jobs in SQLite,
        // media with byte ranges, signed webhooks, the feed). It calls Building's Narrator.
        .target(name: "Serving", dependencies: [
            "Building", "Settings", "EditionCore", "Mastering", "Publishing", "Reading",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "edition", dependencies: [
            "Building", "Serving", "Settings", "EditionCore", "Reading", "Normalizing", "Segmenting", "Synthesizing", "Mastering", "Publishing",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The synthesis worker alone, Swift's runtime linked in: the fewer mappings a worker has,
        // the cheaper the fork of a speaker per run (WorkerPool.speaker(beside:)).
        .executableTarget(name: "edition-speaker", dependencies: ["Synthesizing"], path: "Sources/Speaker"),

        // Benchmarks/dsp-costs.sh: each mastering stage's cost per hour of audio.
        .executableTarget(name: "dsp-costs", dependencies: ["Mastering", "Audio"], path: "Benchmarks/DSPCosts"),

        // Tests: one target per target tested, in the same order; EditionCLITests runs the built binary.
        .target(name: "EditionTestSupport", dependencies: ["EditionCore"], path: "Tests/EditionTestSupport"),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "ReadingTests", dependencies: ["Reading", "EditionCore", "CLibXML2", "EditionTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "NormalizingTests", dependencies: ["Normalizing", "EditionCore", "EditionTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SegmentingTests", dependencies: ["Segmenting", "EditionCore"]),
        .testTarget(name: "SynthesizingTests", dependencies: ["Synthesizing", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "AssemblingTests", dependencies: ["Assembling", "Audio", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "TaggingTests", dependencies: ["Tagging", "Audio", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "MasteringTests", dependencies: ["Mastering", "Assembling", "Audio", "Settings", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "BuildingTests", dependencies: [
            "Building", "Settings", "EditionTestSupport", "EditionCore", "Audio", "Assembling", "Mastering", "Segmenting",
            "Synthesizing", "Reading", "Publishing",
        ]),
        .testTarget(name: "ServingTests", dependencies: [
            "Serving", "Building", "Settings", "EditionCore", "EditionTestSupport",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "EditionCLITests", dependencies: ["EditionTestSupport"]),
    ]
)
