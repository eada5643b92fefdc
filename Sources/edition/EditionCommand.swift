import ArgumentParser
import Building
import EditionCore
import Synthesizing

@main
struct EditionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition",
        abstract: "Turn written articles into narrated audio editions.",
        discussion: """
            Reads an article (scraped text, Markdown or HTML), normalizes it into the words a listener \
            should hear, narrates it with espeak-ng and writes a WAV with named chapters plus sidecars.
            """,
        version: EditionVersion.current,
        subcommands: [Narrate.self, Build.self, Script.self, Verify.self, Feed.self, Site.self, Slurm.self, Kubernetes.self, Voices.self, Lexicon.self, Cache.self, Serve.self, Token.self, Worker.self],
        defaultSubcommand: nil
    )

    static func main() async {
        HeapTuning.keepFreedMemory()
        await main(nil)
    }
}
