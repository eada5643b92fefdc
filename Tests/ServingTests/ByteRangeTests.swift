@testable import Serving
import XCTest

/// Range headers resolved against a file's size (RFC 9110 §14), including the cases
/// Hummingbird's file middleware gets wrong.
final class ByteRangeTests: XCTestCase {
    func testSingleRanges() {
        XCTAssertEqual(ByteRange.resolve("bytes=0-0", size: 100), .partial(0...0))
        XCTAssertEqual(ByteRange.resolve("bytes=10-19", size: 100), .partial(10...19))
        XCTAssertEqual(ByteRange.resolve("bytes=90-", size: 100), .partial(90...99))
        XCTAssertEqual(ByteRange.resolve("bytes=90-500", size: 100), .partial(90...99), "an end past the file is clamped")
        XCTAssertEqual(ByteRange.resolve("bytes=0-99999999999999999999999", size: 100), .partial(0...99))
        XCTAssertEqual(ByteRange.resolve(" bytes = 5-6 ", size: 100), .whole, "the unit is `bytes=`")
        XCTAssertEqual(ByteRange.resolve("Bytes=5-6", size: 100), .partial(5...6), "unit names are case-insensitive")
    }

    func testSuffixRangesAreTheLastBytes() {
        XCTAssertEqual(ByteRange.resolve("bytes=-10", size: 100), .partial(90...99))
        XCTAssertEqual(ByteRange.resolve("bytes=-1", size: 100), .partial(99...99))
        XCTAssertEqual(ByteRange.resolve("bytes=-500", size: 100), .partial(0...99), "a suffix longer than the file is all of it")
        XCTAssertEqual(ByteRange.resolve("bytes=-0", size: 100), .unsatisfiable)
        XCTAssertEqual(ByteRange.resolve("bytes=-5", size: 0), .unsatisfiable)
    }

    func testUnsatisfiable() {
        XCTAssertEqual(ByteRange.resolve("bytes=100-", size: 100), .unsatisfiable)
        XCTAssertEqual(ByteRange.resolve("bytes=100-200", size: 100), .unsatisfiable)
        XCTAssertEqual(ByteRange.resolve("bytes=99999999999999999999999-", size: 100), .unsatisfiable)
        XCTAssertEqual(ByteRange.resolve("bytes=0-0", size: 0), .unsatisfiable)
    }

    func testInvalidOrMultipleRangesServeTheWholeFile() {
        XCTAssertEqual(ByteRange.resolve(nil, size: 100), .whole)
        XCTAssertEqual(ByteRange.resolve("bytes=500-100", size: 1000), .whole, "reversed: ignored, not a crash")
        XCTAssertEqual(ByteRange.resolve("bytes=0-1,5-6", size: 100), .whole)
        XCTAssertEqual(ByteRange.resolve("items=0-1", size: 100), .whole)
        XCTAssertEqual(ByteRange.resolve("bytes=abc", size: 100), .whole)
        XCTAssertEqual(ByteRange.resolve("bytes=-", size: 100), .whole)
        XCTAssertEqual(ByteRange.resolve("bytes=1-2-3", size: 100), .whole)
        XCTAssertEqual(ByteRange.resolve("bytes=+1-2", size: 100), .whole)
    }
}

final class HTTPDateTests: XCTestCase {
    func testLastModifiedIsAnIMFFixdate() {
        XCTAssertEqual(MediaResponder.httpDate(0), "Thu, 01 Jan 1970 00:00:00 GMT")
        XCTAssertEqual(MediaResponder.httpDate(1_796_342_400), "Fri, 04 Dec 2026 00:00:00 GMT")
        XCTAssertEqual(Views.iso(1_796_342_400.7), "2026-12-04T00:00:00Z")
    }
}
