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

        // The shared vocabulary: Article, Script, Chapter, VoiceProfile…
        .target(name: "EditionCore", dependencies: [.product(name: "Yams", package: "Yams")]),

        // 1. Reading: scraped text, Markdown, HTML → Article.
        .target(name: "Reading", dependencies: ["EditionCore", "CLibXML2"]),
        // 2. Normalizing: written text → the words a listener should hear.
        .target(name: "Normalizing", dependencies: ["EditionCore"]),
        // 3. Segmenting: sentences, speakable chunks and the pause plan.
        .target(name: "Segmenting", dependencies: ["EditionCore"]),
        // 4. Synthesizing: espeak-ng in supervised worker processes.
        .target(name: "Synthesizing", dependencies: ["EditionCore", "CEspeakNG"]),
        // 5. Audio + Assembling: PCM → WAV with chapter markers, through libsndfile.
        .target(name: "Audio", dependencies: ["EditionCore", "CSndFile"]),
        .target(name: "Assembling", dependencies: ["EditionCore", "Audio", "Tagging"]),
        // 6. Mastering: loudness, resampling, encoding; Tagging: chapters inside MP3, FLAC and Ogg.
        .target(name: "Tagging", dependencies: ["EditionCore"]),
        .target(name: "Mastering", dependencies: ["EditionCore", "Audio", "Tagging", "CEbur128", "CSampleRate"]),
        // 7. Publishing: sidecars (chapters JSON, episode metadata, transcripts) and the podcast feed.
        .target(name: "Publishing", dependencies: [
            "EditionCore",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Building composes the stages into a narration.
        .target(name: "Building", dependencies: [
            "EditionCore", "Reading", "Normalizing", "Segmenting", "Synthesizing",
            "Audio", "Assembling", "Mastering", "Tagging", "Publishing",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "edition", dependencies: [
            "Building", "Synthesizing",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests.
        .target(name: "EditionTestSupport", dependencies: ["EditionCore"], path: "Tests/EditionTestSupport"),
        .testTarget(name: "ReadingTests", dependencies: ["Reading", "EditionTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "NormalizingTests", dependencies: ["Normalizing", "EditionTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TaggingTests", dependencies: ["Tagging", "Audio", "EditionTestSupport"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "EditionTestSupport"]),
        .testTarget(name: "EditionTests", dependencies: ["Building", "EditionTestSupport", "Audio", "Mastering", "CSndFile"]),
        .testTarget(name: "MasteringTests", dependencies: ["Mastering", "Audio", "EditionCore", "EditionTestSupport"]),
        .testTarget(name: "EditionCLITests", dependencies: ["EditionTestSupport"]),
    ]
)
