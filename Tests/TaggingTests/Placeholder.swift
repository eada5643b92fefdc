import XCTest
final class TaggingTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
