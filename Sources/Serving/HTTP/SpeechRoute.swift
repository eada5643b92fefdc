import Building
import EditionCore
import Foundation
import Hummingbird
import Mastering

/// `POST /v1/audio/speech` in OpenAI's shape, so existing clients work unchanged: `input`
/// (at most 4096 characters, refused rather than truncated), `voice` (a profile, or one of
/// OpenAI's names mapped to one), `response_format` and `speed`. `model` is accepted and
/// ignored. The audio is made by the same narrator as episodes, mastered, and answered whole.
struct SpeechRoute {
    let service: ServiceContext

    struct Body: Decodable {
        var model: String?
        var input: String
        var voice: String?
        var responseFormat: String?
        var speed: Double?

        enum CodingKeys: String, CodingKey {
            case model, input, voice, responseFormat = "response_format", speed
        }
    }

    static let maxInput = 4096
    /// OpenAI's voices, each on a profile: American for the neutral and bright ones, British for the rest.
    static let openAIVoices: [String: String] = [
        "alloy": "en-us-news", "ash": "en-us-news", "coral": "en-us-news", "echo": "en-us-news", "nova": "en-us-news",
        "sage": "en-us-news", "shimmer": "en-us-news", "ballad": "en-gb-news", "fable": "en-gb-news", "onyx": "en-gb-news",
        "verse": "en-gb-news",
    ]
    static let formats: [String: AudioFormat] = ["mp3": .mp3, "wav": .wav, "opus": .opus, "flac": .flac]

    func respond(to data: Data) async throws -> Response {
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw APIError(.badRequest, "the body must be a JSON object: {\"model\": \"tts-1\", \"input\": \"…\", \"voice\": \"alloy\"}")
        }
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: data)
        } catch {
            throw APIError(.unprocessableContent, "`input` is required and must be a string; `speed` a number")
        }
        try ArticleRequest.checkText(body.input, field: "input")
        guard body.input.count <= Self.maxInput else {
            throw APIError(.unprocessableContent, "`input` is \(body.input.count) characters; the limit is \(Self.maxInput) (post long texts to /v1/articles)")
        }
        let voice = try profile(for: body.voice)
        let formatName = (body.responseFormat ?? "mp3").lowercased()
        guard let format = Self.formats[formatName] else {
            throw APIError(.unprocessableContent, "unsupported `response_format` \"\(formatName.prefix(20))\"; use mp3, wav, opus or flac")
        }
        let speed = body.speed ?? 1
        guard speed.isFinite, (0.25...4).contains(speed) else {
            throw APIError(.unprocessableContent, "`speed` must be between 0.25 and 4")
        }
        let scratch = service.store.dataDirectory.appendingPathComponent("tmp").appendingPathComponent(Identifier.make("speech"))
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let paragraphs = body.input.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.map { Block(.paragraph, $0) }
        let article = Article(headline: "Speech", sections: [Section(blocks: paragraphs)])
        var options = Narrator.Options(outputDirectory: scratch, formats: [format], intro: .none)
        options.speed = speed
        let narration: Narration
        do {
            narration = try await service.narrator.narrate(.article(article, name: "speech"), voice: voice, options: options)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // Text with nothing speakable (punctuation, a lone letter at high speed) is the input's fault.
            let message = AtomicOutput.finalNames(in: error.localizedDescription)
            if JobFailure.isDiskFull(error) { throw APIError(.serviceUnavailable, "the server's disk is full; try again later") }
            throw APIError(.unprocessableContent, "`input` could not be spoken: \(message)")
        }
        guard let file = narration.files.first(where: { $0.pathExtension == format.fileExtension }) else {
            throw APIError(.internalServerError, "the audio was not written")
        }
        let audio = try Data(contentsOf: file)
        return Response(status: .ok, headers: [.contentType: format.mimeType, .contentLength: String(audio.count)],
                        body: .init(byteBuffer: ByteBuffer(bytes: audio)))
    }

    /// A profile's name, or nil to read the text with its language's voice.
    func profile(for name: String?) throws -> String? {
        guard let name else { return nil }
        if service.voiceNames.contains(name) { return name }
        if let mapped = Self.openAIVoices[name.lowercased()], service.voiceNames.contains(mapped) { return mapped }
        throw APIError(.unprocessableContent, "unknown voice \"\(name.prefix(80))\"; use a profile (\(service.voiceNames.sorted().joined(separator: ", "))) or an OpenAI voice name")
    }
}
