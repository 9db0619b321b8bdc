import Foundation
import Testing
@testable import PlanKit

/// Hand-in times are kept in UTC and shown in the reader's local time, as the app's other times are.
@Suite("Times of the edit log in local time")
struct LocalTimeTests {
    @Test("A UTC time is shown in Stockholm's time, summer and winter; anything else as it is")
    func stockholm() throws {
        let stockholm = try #require(TimeZone(identifier: "Europe/Stockholm"))
        #expect(Strings.localTime("2021-05-02T10:00:00.000Z", in: stockholm) == "2021-05-02 12:00")
        #expect(Strings.localTime("2021-12-31T23:30:00Z", in: stockholm) == "2022-01-01 00:30")
        #expect(Strings.localTime("2021-05-02T10:00:00.000Z", in: try #require(TimeZone(identifier: "UTC"))) == "2021-05-02 10:00")
        #expect(Strings.localTime("i går", in: stockholm) == "i går")
    }

    @Test("The refusal of a report already handed in names the time in local time, not the stored UTC text")
    func alreadySubmitted() {
        let text = Strings.yearError(.alreadySubmitted(.t1, by: "anna", at: "2021-05-02T10:00:00.000Z"))
        #expect(!text.contains("T10:00"), "\(text)")
        #expect(text.contains("(av anna, 2021-05-02 "), "\(text)")
    }
}
