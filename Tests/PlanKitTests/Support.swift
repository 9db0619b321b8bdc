import Testing
import Foundation
@testable import PlanKit
import PlanKitTestSupport

/// Shared set-up of the PlanKit tests.
enum Fixture {
    static let plan = PlanRef(unitID: "resursenheten", year: 2021)

    /// A fresh in-memory store holding the bundled samples.
    static func store(login: String = "anna") throws -> PlanStore {
        let store = try PlanStore(inMemoryWithLogin: login)
        try BundledSamples.load(into: store)
        return store
    }

    /// A fresh database file in a temporary folder, with the samples, for tests that reopen it.
    static func fileStore(login: String = "anna") throws -> (PlanStore, String) {
        let path = temporaryDirectory().appendingPathComponent("plan.sqlite").path
        let store = try PlanStore(path: path, login: login)
        try BundledSamples.load(into: store)
        return (store, path)
    }

    static func temporaryDirectory() -> URL {
        TemporaryFolders.make("vp-tui-tests")
    }

    static func sampleData(_ name: String) throws -> Data {
        let directory = try #require(BundledSamples.directory())
        return try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// The unit's own goals in document order (re-2021-em-01 …).
    static let unitGoals = ["re-2021-em-01", "re-2021-em-02", "re-2021-em-03", "re-2021-em-04", "re-2021-em-05"]
    /// An inherited board goal, an inherited activity and a KF goal of the sample plan.
    static let boardGoal = "ha-2021-nm-03"
    static let inheritedActivity = "ha-2021-nm-03-a04"
    static let councilArea = "ha-2021-kf-1.3"
    static let ownActivity = "re-2021-em-02-a01"
}


extension Fixture {
    /// A small, complete file of its own: one board with a cascade of each kind of item and
    /// one unit with a plan for VP and T1, its own goal, activity and indicator.
    static func tinyFile(year: Int = 2030) -> InterchangeFile {
        let boardGoal = GoalRecord(
            id: "tb-\(year)-nm-01", level: .boardGoal, title: "Nämndens mål", description: "Beskrivning",
            expectedResult: "Resultat",
            indicators: [IndicatorRecord(id: "tb-\(year)-nm-01-i01", name: "Andel nöjda", measureUnit: "%", target: "80 %",
                                         councilTarget: "75 %", periodicity: .tertial, direction: .higherIsBetter),
                         IndicatorRecord(id: "tb-\(year)-nm-01-i02", name: "Sjukfrånvaro", measureUnit: "%", target: "6 %",
                                         periodicity: .year, direction: .lowerIsBetter)],
            activities: [ActivityRecord(id: "tb-\(year)-nm-01-a01", title: "Nämndens aktivitet", start: "\(year)-01-01", end: "\(year)-12-31"),
                         ActivityRecord(id: "tb-\(year)-nm-01-a02", title: "Startar i maj", start: "\(year)-05-01", end: "\(year)-12-31")])
        let area = GoalRecord(id: "tb-\(year)-kf-1.1", level: .councilArea, number: "1.1", title: "KF:s område", children: [boardGoal])
        let direction = GoalRecord(id: "tb-\(year)-kf-1", level: .councilDirection, number: "1", title: "KF:s inriktning", children: [area])
        let ownGoal = GoalRecord(
            id: "tu-\(year)-em-01", level: .unitGoal, parent: "tb-\(year)-nm-01", title: "Enhetens mål",
            expectedResult: "Förväntat", method: "Arbetssätt",
            indicators: [IndicatorRecord(id: "tu-\(year)-em-01-i01", name: "Egen indikator", target: "öka",
                                         periodicity: .tertial, direction: .higherIsBetter)],
            activities: [ActivityRecord(id: "tu-\(year)-em-01-a01", title: "Egen aktivitet", start: "\(year)-01-01", end: "\(year)-06-30")])
        return InterchangeFile(
            organisations: [
                OrganisationRecord(id: "tc", kind: .city, name: "Teststad"),
                OrganisationRecord(id: "tb", kind: .board, name: "Testnämnden", parent: "tc"),
                OrganisationRecord(id: "tu", kind: .unit, name: "Testenheten", parent: "tb"),
            ],
            cascades: [CascadeRecord(board: "tb", year: year, goals: [direction])],
            plans: [PlanRecord(unit: "tu", year: year, board: "tb", periods: [.vp, .t1],
                               inherits: ["tb-\(year)-nm-01", "tb-\(year)-nm-01-i01", "tb-\(year)-nm-01-i02",
                                          "tb-\(year)-nm-01-a01", "tb-\(year)-nm-01-a02"],
                               goals: [ownGoal],
                               followUps: [],
                               sections: [SectionRecord(period: .vp, id: "inledning", title: "Inledning", placement: .beforeGoals, text: "Hej"),
                                          SectionRecord(period: .t1, id: "sammanfattande-analys", title: "Sammanfattande analys",
                                                        placement: .beforeGoals, text: nil)])])
    }

    static func encode(_ file: InterchangeFile) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(file)
    }

    static let tinyPlan = PlanRef(unitID: "tu", year: 2030)
}
