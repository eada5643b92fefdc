import XCTest
final class ReadingTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
