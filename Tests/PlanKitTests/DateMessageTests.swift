import Testing
@testable import PlanKit

/// A date refused says why: a date not in the calendar is not asked for in the form it was
/// already written in.
@Suite("The words of a refused date")
struct DateMessageTests {
    @Test("2021-02-30 is written as asked but does not exist; 30/2 is not written as asked")
    func refusedDates() {
        func message(_ text: String) -> String {
            do {
                try EditRules.validateDate(text)
                return ""
            } catch {
                return Strings.describe(error)
            }
        }
        #expect(message("2021-02-30") == "\"2021-02-30\" är inget datum som finns i kalendern.")
        #expect(message("2021-13-01") == "\"2021-13-01\" är inget datum som finns i kalendern.")
        #expect(message("30/2") == "\"30/2\" är inget datum; skriv ÅÅÅÅ-MM-DD.")
        #expect(message("2021-2-3") == "\"2021-2-3\" är inget datum; skriv ÅÅÅÅ-MM-DD.")
        #expect(message("2021-02-28") == "")
    }
}
