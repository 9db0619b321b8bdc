import Testing
import PlanKit
@testable import VPApp

/// The lists of b and s take Home and End as every other list does, and the help says so.
@Suite("Home and End in the lists to choose from")
struct AppPickerHomeEndTests {
    private func pickerIndex(_ driver: AppDriver) -> Int? {
        guard case .picker(let picker)? = driver.state.modal else { return nil }
        return picker.index
    }

    @Test("b: End goes to the last rating (ingen bedömning), Home to the first, and Enter takes it")
    func ratings() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("b"))
        driver.press(.end)
        #expect(pickerIndex(driver) == Update.ratingChoices.count - 1)
        driver.press(.home)
        #expect(pickerIndex(driver) == 0)
        driver.press(.end, .enter)
        #expect(try driver.plan.followUp("re-2021-em-01", .vb).rating == nil)
        driver.press(.character("b"), .home, .enter)
        #expect(try driver.plan.followUp("re-2021-em-01", .vb).rating == .fully)
    }

    @Test("s: Home goes to the first status (ej påbörjad) and Enter takes it; End to the last")
    func statuses() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Aktivitet: Resursenheten ska mäta")
        let activity = try #require(driver.state.selectedItem?.id)
        driver.press(.character("s"))
        driver.press(.end)
        #expect(pickerIndex(driver) == ActivityStatus.allCases.count - 1)
        driver.press(.home)
        #expect(pickerIndex(driver) == 0)
        driver.press(.enter)
        #expect(try driver.plan.followUp(activity, .vb).status == .notStarted)
    }

    @Test("The help lists the lists' keys, Home and End among them, under their own heading")
    func help() throws {
        let driver = try AppDriver(width: 80, height: 24)
        driver.press(.character("?"))
        let state = driver.state
        let lines = View.helpLines(state, Layout(state), Theme(colors: true, unicode: true)).map(\.0)
        let heading = try #require(lines.firstIndex(of: Strings.PickerHelp.group))
        let group = lines[heading...].prefix { !$0.isEmpty }
        #expect(group.contains { $0.contains("Home End") && $0.contains("Först eller sist i listan") }, "\(group)")
        #expect(group.contains { $0.contains("Enter") && $0.contains("Ta det valda") }, "\(group)")
    }
}
