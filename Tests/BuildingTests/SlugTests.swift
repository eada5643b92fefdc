import Building
import EditionCore
import EditionTestSupport
import Foundation
import XCTest

final class SlugTests: XCTestCase {
    func testSlugsAreSafeASCII() {
        XCTAssertEqual(Slug.make("Anti-Kremlin militia claims fighting ongoing"), "anti-kremlin-militia-claims-fighting-ongoing")
        XCTAssertEqual(Slug.make("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(Slug.make("Zelensky’s “plan”: 3 steps & more!"), "zelenskys-plan-3-steps-more")
        XCTAssertEqual(Slug.make("Café déjà vu"), "cafe-deja-vu")
        XCTAssertEqual(Slug.make("???"), "article")
        XCTAssertLessThanOrEqual(Slug.make(String(repeating: "long words ", count: 40)).count, 80)
        let cyrillic = Slug.make("Київ під обстрілом")
        XCTAssertTrue(cyrillic.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, cyrillic)
        XCTAssertFalse(cyrillic.isEmpty)
    }

    func testUniqueSlugsWithinARun() {
        var taken: Set<String> = []
        XCTAssertEqual(Slug.unique("a", taken: &taken), "a")
        XCTAssertEqual(Slug.unique("a", taken: &taken), "a-2")
        XCTAssertEqual(Slug.unique("a", taken: &taken), "a-3")
    }
}
