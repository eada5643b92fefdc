import XCTest
final class NormalizingTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
