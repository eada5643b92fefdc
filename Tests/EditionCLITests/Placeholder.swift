import XCTest
final class EditionCLITestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
