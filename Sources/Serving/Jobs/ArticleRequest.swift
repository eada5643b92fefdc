import Crypto
import EditionCore
import Foundation
import Mastering
import Reading

/// `POST /v1/articles` as a CMS sends it. `source_id` is the CMS's own id: stored and echoed,
/// never used to name anything.
struct ArticleRequest: Codable, Sendable, Equatable {
    var sourceId: String
    var body: String
    var format: String?
    var title: String?
    var url: String?
    var published: String?
    var authors: [String]?
    var voice: String?
    var formats: [String]?

    enum CodingKeys: String, CodingKey {
        case sourceId = "source_id", body, format, title, url, published, authors, voice, formats
    }

    static let maxSourceIdLength = 16_384
    static let defaultFormats: [AudioFormat] = [.mp3, .wav]

    /// Decodes and checks a request body: 400 for JSON that is not an object of the right
    /// shape, 422 for a well-formed request the service cannot narrate.
    static func decode(_ data: Data, voices: Set<String>) throws -> ArticleRequest {
        let request: ArticleRequest
        do {
            guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
                throw APIError(.badRequest, "the body must be a JSON object")
            }
            request = try JSONDecoder().decode(ArticleRequest.self, from: data)
        } catch let error as APIError {
            throw error
        } catch DecodingError.keyNotFound(let key, _) {
            throw APIError(.unprocessableContent, "`\(key.stringValue)` is required")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.unprocessableContent, "`\(field)` has the wrong type: \(context.debugDescription)")
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON")
        }
        try request.validate(voices: voices)
        return request
    }

    func validate(voices: Set<String>) throws {
        if sourceId.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw APIError(.unprocessableContent, "`source_id` must not be empty")
        }
        if sourceId.utf8.count > Self.maxSourceIdLength {
            throw APIError(.unprocessableContent, "`source_id` is longer than \(Self.maxSourceIdLength) bytes")
        }
        try Self.checkText(body, field: "body")
        if let format, ArticleFormat(rawValue: format) == nil {
            throw APIError(.unprocessableContent, "unknown `format` \"\(format.prefix(40))\"; use text, markdown or html, or leave it out to have it sniffed")
        }
        if let voice, !voices.contains(voice) {
            throw APIError(.unprocessableContent, "unknown voice \"\(voice.prefix(80))\"; known voices: \(voices.sorted().joined(separator: ", "))")
        }
        _ = try audioFormats()
        for (name, value) in [("title", title), ("url", url), ("published", published)] {
            if let value, value.utf8.count > 4096 { throw APIError(.unprocessableContent, "`\(name)` is longer than 4096 bytes") }
        }
    }

    /// Text a person wrote: not empty, and not binary (NUL or mostly control characters).
    static func checkText(_ text: String, field: String) throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw APIError(.unprocessableContent, "`\(field)` is empty: there is nothing to narrate")
        }
        var controls = 0, total = 0
        for scalar in text.unicodeScalars {
            total += 1
            if scalar.value == 0 { throw APIError(.unprocessableContent, "`\(field)` contains NUL characters: send text, not binary data") }
            if scalar.value < 32 && scalar != "\n" && scalar != "\r" && scalar != "\t" { controls += 1 }
            if scalar.value == 0xFFFD { controls += 1 }
        }
        if controls * 10 > total {
            throw APIError(.unprocessableContent, "`\(field)` looks like binary data (\(controls) control characters): send the article's text")
        }
    }

    /// The formats asked for, with MP3 always among them: the feed's enclosures are MP3.
    func audioFormats() throws -> [AudioFormat] {
        guard let formats else { return Self.defaultFormats }
        var result: [AudioFormat] = []
        for name in formats {
            guard let format = AudioFormat(rawValue: name.lowercased()) else {
                throw APIError(.unprocessableContent, "unknown format \"\(name.prefix(40))\" in `formats`; use \(AudioFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(format) { result.append(format) }
        }
        if !result.contains(.mp3) { result.insert(.mp3, at: 0) }
        return result
    }

    /// The text handed to the reader. A CMS sends the headline in `title` and the body alone;
    /// the reader takes an untitled text's first line for its headline, so the title goes first
    /// (unless the body already opens with it, a heading, or markup).
    var readableBody: String {
        guard let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else { return body }
        let opening = body.trimmingCharacters(in: .whitespacesAndNewlines)
        let firstLine = opening.prefix { !$0.isNewline }.trimmingCharacters(in: .whitespaces)
        if format == "html" || opening.hasPrefix("<") || opening.hasPrefix("#") || firstLine == title { return body }
        return (format == "markdown" ? "# " : "") + title + "\n\n" + body
    }

    /// What decides the audio: everything but the id, and the tool's version (an upgraded
    /// engine narrates again rather than answering with audio it would no longer make).
    var contentKey: String {
        var copy = self
        copy.sourceId = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hasher = SHA256()
        hasher.update(data: Data(EditionVersion.current.utf8))
        hasher.update(data: (try? encoder.encode(copy)) ?? Data())
        return Hex.string(hasher.finalize())
    }
}
