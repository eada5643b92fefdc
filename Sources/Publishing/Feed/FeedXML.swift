import Foundation

/// Builds XML text with every value escaped and cleaned: valid UTF-8, no characters XML 1.0
/// forbids (C0 controls, lone surrogates, U+FFFE/FFFF), emoji and right-to-left text intact.
struct FeedXML {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF || (0x7F...0x84).contains(v) || (0x86...0x9F).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func attributes(_ attrs: [(String, String)]) -> String {
        attrs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    mutating func open(_ name: String, _ attrs: [(String, String)] = []) {
        text += String(repeating: "  ", count: depth) + "<\(name)\(Self.attributes(attrs))>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += String(repeating: "  ", count: depth) + "</\(name)>\n"
    }

    mutating func element(_ name: String, _ value: String, _ attrs: [(String, String)] = []) {
        text += String(repeating: "  ", count: depth) + "<\(name)\(Self.attributes(attrs))>\(Self.escape(value))</\(name)>\n"
    }

    mutating func empty(_ name: String, _ attrs: [(String, String)]) {
        text += String(repeating: "  ", count: depth) + "<\(name)\(Self.attributes(attrs))/>\n"
    }
}
