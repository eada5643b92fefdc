import XCTest
final class PublishingTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
