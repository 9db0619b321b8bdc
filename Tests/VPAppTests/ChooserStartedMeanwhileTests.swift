import Foundation
import Testing
@testable import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// A period that another session started while the chooser still offered to start it: the
/// start finds it there, opens it as it is and says so, and nothing is started twice.
@Suite("A period started meanwhile", .temporaryFolders)
struct ChooserStartedMeanwhileTests {
    @Test("Starting T1 that another session started meanwhile opens that T1 and says another started it")
    func startedMeanwhileOpens() throws {
        let path = try ChooserFixture.database()
        let app = try ChooserFixture.app(path: path)
        let ref = PlanRef(unitID: "resursenheten", year: 2021)
        try ChooserTests.select(app, containing: "Starta T1")
        app.send(.enter)
        guard case .confirmStart? = app.state.modal else { Issue.record("no question"); return }
        try PlanStore(path: path, login: "berit").startPeriod(.t1, in: ref)

        app.send(.character("j"))
        #expect(app.state.page == .plan && app.state.period == .t1 && app.state.plan?.ref == ref)
        #expect(app.state.status?.text == "T1 2021 för Resursenheten har redan startats av någon annan; den visas här.")
        #expect(app.state.status?.isError == false)
        let starts = try PlanStore(path: path, login: "reader", readOnly: true).history(ref).filter { $0.action == .start }
        #expect(starts.map(\.login) == ["berit"])
    }
}
