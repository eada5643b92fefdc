import XCTest
final class EditionTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
