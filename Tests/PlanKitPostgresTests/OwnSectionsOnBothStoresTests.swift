import Foundation
import PlanKit
import PlanKitPostgres
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The unit's own sections added, given a text, renamed and removed, each logged and undone,
/// and what the rules refuse, on the SQLite file and on PostgreSQL alike; on the server, a login
/// that may only read the unit is refused in words and changes nothing.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct OwnSectionsOnBothStoresTests {
    /// The plan as the store holds it now, read as its owner would.
    func reader(_ district: TwoUnitDistrict) throws -> PlanDocument {
        guard let cluster = district.cluster, let database = district.database else {
            return try PlanStore(path: district.sqlitePath, login: "reader").loadPlan(district.a)
        }
        let (store, ref) = try PostgresSnapshot.plan(try cluster.address(database: database), unit: district.a.unitID,
                                                     year: district.a.year)
        return try store.loadPlan(ref)
    }

    @Test(arguments: Backend.allCases)
    func anOwnSectionIsAddedWrittenRenamedRemovedAndEachStepUndone(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let (plan, period) = (district.a, district.openPeriod)
        let before = try reader(district).sections(in: period).map(\.id)
        let id = try anna.addSection(title: "  Synpunkter och klagomål ", period: period, placement: .afterGoals, in: plan)
        #expect(Section.isOwnID(id))
        let sections = try reader(district).sections(in: period)
        #expect(sections.map(\.id) == before + [id])
        #expect(sections.last?.title == "Synpunkter och klagomål" && sections.last?.placement == .afterGoals)

        try anna.set(.sectionText(section: id, period: period), to: .text("Inga klagomål i år."), in: plan, expectedRevision: nil)
        try anna.renameSection(id, to: "Klagomål", period: period, in: plan)
        #expect(try reader(district).section(id, in: period)?.title == "Klagomål")
        try anna.removeSection(id, period: period, in: plan)
        #expect(try reader(district).section(id, in: period) == nil)
        let log = try district.log(anna)
        #expect(log.map(\.field) == [.sectionRecord(section: id, period: period), .sectionText(section: id, period: period),
                                     .sectionTitle(section: id, period: period), .sectionRecord(section: id, period: period)])
        #expect(log.last?.newValue == nil)
        guard case .section(let removed)? = log.last?.oldValue else {
            Issue.record("the removal logged no section: \(String(describing: log.last?.oldValue))")
            return
        }
        #expect(removed.title == "Klagomål" && removed.text == "Inga klagomål i år.")

        #expect(try anna.undo(in: plan) == .sectionRecord(section: id, period: period))
        let back = try #require(try reader(district).section(id, in: period))
        #expect(back.title == "Klagomål" && back.text == "Inga klagomål i år.")
        #expect(try reader(district).sections(in: period).map(\.id) == before + [id])
        try anna.undo(in: plan)
        #expect(try reader(district).section(id, in: period)?.title == "Synpunkter och klagomål")
        try anna.undo(in: plan)
        try anna.undo(in: plan)
        #expect(try reader(district).sections(in: period).map(\.id) == before)
        try anna.redo(in: plan)
        #expect(try reader(district).section(id, in: period)?.title == "Synpunkter och klagomål")
        // Ids go on counting, in any period: a second own section is another one.
        let second = try anna.addSection(title: "Övrigt om lokaler", period: .vp, placement: .beforeGoals, in: plan)
        #expect(second != id && Section.isOwnID(second))
        #expect(try reader(district).section(second, in: .vp)?.placement == .beforeGoals)
    }

    @Test(arguments: Backend.allCases)
    func whatTheRulesRefuseIsNotLogged(_ backend: Backend) throws {
        let district = try TwoUnitDistrict(backend)
        let anna = try district.open("anna")
        let (plan, period) = (district.a, district.openPeriod)
        let template = try #require(try reader(district).section(district.openSection, in: period))
        try #require(!template.isOwn)
        #expect(throws: PlanningError.notOwnSection(template.title)) {
            try anna.renameSection(template.id, to: "Analys", period: period, in: plan)
        }
        #expect(throws: PlanningError.notOwnSection(template.title)) { try anna.removeSection(template.id, period: period, in: plan) }
        #expect(throws: PlanningError.sectionTitleNeeded) { try anna.addSection(title: "  ", period: period, placement: .afterGoals, in: plan) }
        #expect(throws: YearError.handedIn(district.handedInPeriod)) {
            try anna.addSection(title: "Extra", period: district.handedInPeriod, placement: .afterGoals, in: plan)
        }
        let periods = try reader(district).periods
        if let missing = ReportPeriod.allCases.first(where: { !periods.contains($0) }) {
            #expect(throws: PlanError.periodNotInPlan(missing)) {
                try anna.addSection(title: "Extra", period: missing, placement: .afterGoals, in: plan)
            }
        }
        let id = try anna.addSection(title: "Extra", period: period, placement: .afterGoals, in: plan)
        #expect(throws: PlanningError.sectionTitleNeeded) { try anna.renameSection(id, to: "", period: period, in: plan) }
        #expect(throws: PlanError.unknownSection("egen-99", period)) { try anna.removeSection("egen-99", period: period, in: plan) }
        #expect(throws: PlanError.unknownSection("egen-99", period)) {
            try anna.renameSection("egen-99", to: "Extra", period: period, in: plan)
        }
        #expect(try district.log(anna).map(\.field) == [.sectionRecord(section: id, period: period)])
        #expect(try reader(district).section(template.id, in: period)?.title == template.title)
    }

    /// A login that may read the unit but not change it is told so in Swedish, and neither its
    /// sections, its indicators, its hand-ins nor its edit log change.
    @Test func aReadOnlyLoginIsRefusedInWords() throws {
        let district = try TwoUnitDistrict(.postgresql)
        let cluster = try #require(district.cluster)
        let database = try #require(district.database)
        let anna = try district.open("anna")
        let own = try anna.addSection(title: "Synpunkter", period: district.openPeriod, placement: .afterGoals, in: district.a)
        let board = try reader(district).board.id
        let owner = try PostgresDatabase.open(try cluster.address(database: database))
        _ = try PostgresRights.grant(AccessGrant(login: "rut", scope: .board, target: board, kind: .read), on: owner)
        let rut = try PostgresPlanCommands(address: try cluster.address(database: database, login: "rut"))
        #expect(try rut.value(of: .sectionTitle(section: own, period: district.openPeriod), in: district.a).value == .text("Synpunkter"))
        let logged = try district.log(anna).count
        let sections = try reader(district).sections
        let indicator = try reader(district).items[district.ownIndicator]

        let refusals: [(String, () throws -> Void)] = [
            ("add", { _ = try rut.addSection(title: "Extra", period: district.openPeriod, placement: .afterGoals, in: district.a) }),
            ("rename", { try rut.renameSection(own, to: "Annat", period: district.openPeriod, in: district.a) }),
            ("remove", { try rut.removeSection(own, period: district.openPeriod, in: district.a) }),
            ("add indicator", {
                _ = try rut.addIndicator(name: "Nöjda", under: district.ownGoal, target: "85", targetKind: .number, measureUnit: "%",
                                         periodicity: .year, direction: .higherIsBetter, in: district.a)
            }),
            ("change indicator", {
                try rut.setIndicator(district.ownIndicator, target: "90", targetKind: .number, measureUnit: "%", periodicity: .year,
                                     direction: .higherIsBetter, in: district.a)
            }),
            ("reopen", { try rut.reopen(district.a, period: district.handedInPeriod, reason: "Fel siffra") }),
        ]
        for (what, refusal) in refusals {
            do {
                try refusal()
                Issue.record("\(what): a read-only login's change was saved")
            } catch {
                #expect(error as? PostgresCommandError == .notAllowed(login: "rut", unit: district.a.unitID, year: district.a.year), "\(what)")
                #expect(error.localizedDescription.hasPrefix("Du (”rut”) har inte behörighet till planen"), "\(what)")
            }
        }
        #expect(try reader(district).sections == sections)
        #expect(try reader(district).items[district.ownIndicator] == indicator)
        #expect(try district.log(anna).count == logged)
        // The report is still handed in.
        let inForce = try owner.run("SELECT count(*) FROM hand_in WHERE unit_id = $1 AND year = $2 AND period = $3 AND reopened_at IS NULL",
                                    [.text(district.a.unitID), .integer(Int64(district.a.year)), .text(district.handedInPeriod.rawValue)])
        #expect(inForce.single == .integer(1))
    }
}
