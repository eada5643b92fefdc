import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import Synchronization

/// Serves a finished file with what players and podcast apps need: one byte range per request
/// (suffix ranges are the last N bytes; a start past the end is 416), an ETag that changes when
/// the episode is narrated again, If-None-Match (304), If-Range, HEAD, and CORS for browser
/// players. Hummingbird's FileMiddleware gets suffix and past-end ranges wrong, hence this.
struct MediaResponder: Sendable {
    let fileIO = FileIO()
    let memory = MediaMemory()

    func respond(path: String, contentType: String, request: Request, context: some RequestContext) async throws -> Response {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw APIError(.notFound, "this file is not there (yet): the episode may still be narrating")
        }
        let size = Int(info.st_size)
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        let etag = "\"\(String(size, radix: 16))-\(String(info.st_mtim.tv_sec, radix: 16))\(String(info.st_mtim.tv_nsec, radix: 16))-\(String(info.st_ino, radix: 16))\""

        var headers: HTTPFields = [
            .contentType: contentType,
            .acceptRanges: "bytes",
            .eTag: etag,
            .lastModified: Self.httpDate(modified),
            .cacheControl: "no-cache",  // the URL stays when the article is corrected: revalidate
            .accessControlAllowOrigin: "*",
            .accessControlExposeHeaders: "Content-Range, Content-Length, Accept-Ranges, ETag",
        ]
        if let match = request.headers[.ifNoneMatch], Self.matches(match, etag) {
            return Response(status: .notModified, headers: headers)
        }
        var rangeHeader = request.headers[.range]
        if let ifRange = request.headers[.ifRange], ifRange.trimmingCharacters(in: .whitespaces) != etag {
            rangeHeader = nil  // the client's copy is stale: send the whole file
        }
        let status: HTTPResponse.Status
        let range: ClosedRange<Int>?
        switch ByteRange.resolve(rangeHeader, size: size) {
        case .whole:
            status = .ok
            range = size > 0 ? 0...(size - 1) : nil
        case .partial(let r):
            status = .partialContent
            range = r
            headers[.contentRange] = "bytes \(r.lowerBound)-\(r.upperBound)/\(size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            throw APIError(.rangeNotSatisfiable, "the range \(rangeHeader ?? "") is outside this file of \(size) bytes", headers: headers)
        }
        headers[.contentLength] = String(range?.count ?? 0)
        if request.method == .head || range == nil {
            return Response(status: status, headers: headers)
        }
        if let whole = try await memory.contents(path: path, etag: etag, size: size) {
            let slice = whole.getSlice(at: whole.readerIndex + range!.lowerBound, length: range!.count)!
            return Response(status: status, headers: headers, body: .init(byteBuffer: slice))
        }
        let body = try await fileIO.loadFile(path: path, range: range!, context: context)
        return Response(status: status, headers: headers, body: body)
    }

    /// `If-None-Match`: `*` or a list of (possibly weak) tags.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    /// IMF-fixdate (RFC 9110 §5.6.7), built by hand: a DateFormatter per request costs more
    /// than serving the range.
    static func httpDate(_ seconds: Double) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}

/// Small media files (an episode's MP3 is about half a megabyte per minute of audio) kept in
/// memory, so a ranged request is a slice of a buffer rather than an open, a read on the file
/// thread pool and a close. Keyed by path and checked against the ETag from `stat` on every
/// request, so a file narrated again is read again; bounded in bytes.
final class MediaMemory: Sendable {
    static let largestFile = 8 << 20
    static let budget = 128 << 20
    private let files = Mutex<(bytes: Int, entries: [String: (etag: String, contents: ByteBuffer)])>((0, [:]))

    /// The whole file, from memory or read now; nil when it is too large to keep or changed while read.
    func contents(path: String, etag: String, size: Int) async throws -> ByteBuffer? {
        guard size <= Self.largestFile else { return nil }
        if let hit = files.withLock({ $0.entries[path] }), hit.etag == etag { return hit.contents }
        // Read on NIO's file thread pool: a blocking read must not hold a cooperative thread.
        let contents = ByteBuffer(bytes: try await NIOThreadPool.singleton.runIfActive {
            try Data(contentsOf: URL(fileURLWithPath: path))
        })
        guard contents.readableBytes == size else { return nil }   // replaced meanwhile: read the range from the file
        files.withLock { state in
            if let old = state.entries[path] { state.bytes -= old.contents.readableBytes }
            if state.bytes + size > Self.budget { state = (0, [:]) }
            state.entries[path] = (etag, contents)
            state.bytes += size
        }
        return contents
    }
}
