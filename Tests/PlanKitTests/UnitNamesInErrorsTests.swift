import Testing
@testable import PlanKit
import PlanKitTestSupport

/// The store throws with a unit's id; what a person reads names the unit.
@Suite("Errors name the unit as the person knows it")
struct UnitNamesInErrorsTests {
    @Test("A plan or a year to start from that is not there is named by the unit's name, whether id or name was given")
    func namedByName() throws {
        let store = try Fixture.store()
        let missing = PlanRef(unitID: "resursenheten", year: 2031)
        do {
            _ = try store.namingUnits { try store.loadPlan(missing) }
            Issue.record("a plan of 2031 was read")
        } catch {
            #expect(error as? PlanError == .noPlan(unit: "Resursenheten", year: 2031))
            #expect(Strings.describe(error) == "Enheten Resursenheten har ingen plan för 2031.")
        }
        #expect(store.namingUnits(in: PlanError.noPlan(unit: "RESURSENHETEN", year: 2031)) as? PlanError
            == .noPlan(unit: "Resursenheten", year: 2031))
        #expect(store.namingUnits(in: YearError.nothingToStartFrom(unit: "resursenheten", year: 2019)) as? YearError
            == .nothingToStartFrom(unit: "Resursenheten", year: 2019))
    }

    @Test("A unit that cannot be found keeps what was given; other errors are left as they are")
    func unknownLeftAsGiven() throws {
        let store = try Fixture.store()
        #expect(store.namingUnits(in: PlanError.noPlan(unit: "ingenstans", year: 2031)) as? PlanError
            == .noPlan(unit: "ingenstans", year: 2031))
        #expect(store.namingUnits(in: PlanError.noPlan(unit: "", year: 2031)) as? PlanError == .noPlan(unit: "", year: 2031))
        #expect(store.namingUnits(in: PlanError.unknownItem("resursenheten")) as? PlanError == .unknownItem("resursenheten"))
    }
}
