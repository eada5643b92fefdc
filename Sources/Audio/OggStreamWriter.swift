import COgg
import Foundation

/// One logical Ogg stream written to a file through libogg, packet by packet: what the Opus and
/// Vorbis joins share. Pages are cut where libogg cuts them unless `endPage` is asked for.
final class OggStreamWriter {
    let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var stream = ogg_stream_state()
    private var number: Int64 = 0
    private var failed = false

    /// `serial`: fixed by the caller, so the same programme gives the same bytes.
    init(path: String, serial: Int32) throws {
        guard let file = fopen(path, "wb") else { throw AudioError.open(path, String(cString: strerror(errno))) }
        guard ogg_stream_init(&stream, serial) == 0 else { fclose(file); throw AudioError.open(path, "libogg could not start") }
        self.path = path
        self.file = file
    }

    deinit {
        ogg_stream_clear(&stream)
        if let file { fclose(file) }   // a join that failed half way: its caller removes the file
    }

    /// Adds a packet ending at `granule`; `endPage`: the page ends after it (the headers).
    func add(_ bytes: [UInt8], granule: Int64, first: Bool = false, last: Bool = false, endPage: Bool = false) {
        var bytes = bytes
        bytes.withUnsafeMutableBufferPointer { buffer in
            var packet = ogg_packet(packet: buffer.baseAddress, bytes: buffer.count, b_o_s: first ? 1 : 0, e_o_s: last ? 1 : 0,
                                    granulepos: granule, packetno: number)
            ogg_stream_packetin(&stream, &packet)
        }
        number += 1
        writePages(flush: endPage || last)
    }

    private func writePages(flush: Bool) {
        guard let file else { failed = true; return }
        var page = ogg_page()
        while (flush ? ogg_stream_flush(&stream, &page) : ogg_stream_pageout(&stream, &page)) != 0 {
            if fwrite(page.header, 1, page.header_len, file) != page.header_len
                || fwrite(page.body, 1, page.body_len, file) != page.body_len { failed = true }
        }
    }

    /// Writes what is left and closes the file; throws if any page could not be written.
    func close() throws {
        writePages(flush: true)
        guard let file else { return }
        self.file = nil
        let closed = fclose(file) == 0
        guard !failed, closed else { throw AudioError.write(path, String(cString: strerror(errno))) }
    }
}
