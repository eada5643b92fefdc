import CLibXML2
import Foundation

/// The one owner of a libxml2 HTML document: parsed forgivingly (unclosed and misnested tags
/// recovered, no network), freed when this goes away.
final class HTMLDocument {
    let doc: htmlDocPtr

    init(_ data: Data, name: String) throws {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed = data.withUnsafeBytes { raw in
            htmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, "UTF-8", options)
        }
        guard let parsed else { throw ReadingError.noText(name) }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }
}

/// Small, safe views of libxml2 nodes.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var tag: String { pointee.type == XML_ELEMENT_NODE ? String(cString: pointee.name).lowercased() : "" }
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(self, name) else { return nil }
        defer { edition_xml_free(value) }
        return String(cString: value)
    }

    var children: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let c = child { result.append(c); child = c.pointee.next }
        return result
    }

    /// All the text below this node, whitespace collapsed.
    var text: String {
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { edition_xml_free(content) }
        return String(cString: content).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
