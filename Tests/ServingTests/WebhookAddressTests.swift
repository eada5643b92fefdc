import Crypto
@testable import Serving
import XCTest

final class WebhookAddressTests: XCTestCase {
    func testLocalAddressesAreRecognised() {
        for address in ["127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                        "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "fc00::2", "::ffff:127.0.0.1", "::ffff:10.0.0.1"] {
            XCTAssertTrue(WebhookAddress.isLocal(address), address)
        }
        for address in ["8.8.8.8", "172.32.0.1", "172.15.0.1", "192.169.0.1", "100.128.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"] {
            XCTAssertFalse(WebhookAddress.isLocal(address), address)
        }
    }

    func testRegistrationRefusesLoopbackAndPrivateTargets() {
        for url in ["http://127.0.0.1:9/hook", "http://localhost/hook", "http://[::1]/x", "http://10.0.0.5/x", "http://169.254.169.254/latest/meta-data"] {
            XCTAssertThrowsError(try WebhookAddress.check(url, allowLocal: false), url) { error in
                XCTAssertEqual((error as? APIError)?.status, .unprocessableContent, url)
            }
            XCTAssertNoThrow(try WebhookAddress.check(url, allowLocal: true), url)
        }
        for url in ["ftp://example.org/x", "not a url", "/relative", "http://"] {
            XCTAssertThrowsError(try WebhookAddress.check(url, allowLocal: true), url)
        }
    }

    func testSignatureIsHMACSHA256OfTheRawBody() {
        let body = Data(#"{"type":"episode.ready"}"#.utf8)
        let expected = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data("s3cret".utf8)))
        XCTAssertEqual(WebhookSender.signature(of: body, secret: "s3cret"), "sha256=" + expected.map { String(format: "%02x", $0) }.joined())
        XCTAssertNotEqual(WebhookSender.signature(of: body, secret: "other"), WebhookSender.signature(of: body, secret: "s3cret"))
    }
}
