import Foundation
import Testing
import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// The plan last opened on a database, kept in the XDG state directory of the test's own folder,
/// and opened again by `vp-tui` without arguments.
@Suite("The plan last opened, remembered", .temporaryFolders)
struct LastPlanMemoryTests {
    let folder = TemporaryFolders.make("vp-tui-memory")
    var environment: [String: String] { ["XDG_STATE_HOME": folder.appendingPathComponent("state").path, "HOME": folder.path] }

    func memory(_ database: String) throws -> LastPlanMemory {
        try #require(LastPlanMemory(database: database, environment: environment))
    }

    func permissions(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("Kept per database under XDG_STATE_HOME (else ~/.local/state), the folder 0700 and the file 0600")
    func perDatabase() throws {
        let first = try memory("/data/a.sqlite")
        let second = try memory("/data/b.sqlite")
        #expect(first.file == folder.path + "/state/vp-tui/last-plan.json")
        #expect(first.recall() == nil)
        let t1 = PlanChoice(unitID: "resursenheten", unitName: "Resursenheten", year: 2022, period: .t1)
        let vb = PlanChoice(unitID: "hemtjansten", unitName: "Hemtjänsten", year: 2021, period: .vb)
        first.remember(t1)
        second.remember(vb)
        #expect(first.recall() == t1)
        #expect(second.recall() == vb)
        first.remember(PlanChoice(unitID: "resursenheten", unitName: "Resursenheten", year: 2022, period: .vp))
        #expect(try memory("/data/a.sqlite").recall()?.period == .vp)
        #expect(second.recall() == vb)
        #expect(try permissions(first.file) == 0o600)
        #expect(try permissions(folder.path + "/state/vp-tui") == 0o700)
        // Without XDG_STATE_HOME (or with a relative one), under HOME.
        let plain = try #require(LastPlanMemory(database: "/data/a.sqlite", environment: ["HOME": "/home/anna", "XDG_STATE_HOME": "relativ"]))
        #expect(plain.file == "/home/anna/.local/state/vp-tui/last-plan.json")
        #expect(LastPlanMemory(database: "/data/a.sqlite", environment: [:]) == nil)
    }

    @Test("A state directory that cannot be written or read fails nothing: the plan is simply not remembered")
    func unwritable() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A file where the folder should be.
        try Data("inte en mapp".utf8).write(to: folder.appendingPathComponent("state"))
        let memory = try memory("/data/a.sqlite")
        memory.remember(PlanChoice(unitID: "resursenheten", unitName: "Resursenheten", year: 2021, period: .vb))
        #expect(memory.recall() == nil)
        // A damaged file reads as nothing remembered, and is written anew.
        let other = try #require(LastPlanMemory(database: "/data/a.sqlite", environment: ["XDG_STATE_HOME": folder.appendingPathComponent("s2").path]))
        try FileManager.default.createDirectory(atPath: (other.file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("{trasig".utf8).write(to: URL(fileURLWithPath: other.file))
        #expect(other.recall() == nil)
        let choice = PlanChoice(unitID: "resursenheten", unitName: "Resursenheten", year: 2021, period: .vb)
        other.remember(choice)
        #expect(other.recall() == choice)
    }

    @Test("Opening a plan remembers it; the next start without arguments opens it; a plan gone falls back with a note")
    func reopens() throws {
        let path = try ChooserFixture.database()
        let memory = try memory(path)
        func app(reopening: Bool = true) throws -> AppController {
            try AppController(store: try PlanStore(path: path, login: "anna"), width: 100, height: 30,
                              options: AppController.Options(memory: memory, reopensLastPlan: reopening))
        }
        // Nothing remembered: the chooser, as before.
        let first = try app()
        #expect(first.state.page == .chooser && first.state.status == nil)
        ChooserTests.type(first, "hemtj")
        try ChooserTests.select(first, containing: "T1  Tertialrapport 1")
        first.send(.enter)
        #expect(memory.recall() == PlanChoice(unitID: "hemtjansten", unitName: "Hemtjänsten Hägersten", year: 2021, period: .t1))

        let second = try app()
        #expect(second.state.page == .plan && second.state.plan?.ref == PlanRef(unitID: "hemtjansten", year: 2021))
        #expect(second.state.period == .t1)
        // Named on the command line (or with --db), a plan is not replaced by the remembered one.
        #expect(try app(reopening: false).state.page == .chooser)

        // Another period of the same plan, chosen with t, is remembered too.
        second.send(.character("t"))
        second.send(.up)
        second.send(.enter)
        #expect(memory.recall()?.period == .vp)

        // The unit's plan is gone: what vp-tui does without it, and a short note.
        let store = try PlanStore(path: path, login: "anna")
        memory.remember(PlanChoice(unitID: "hemtjansten", unitName: "Hemtjänsten Hägersten", year: 2019, period: .vb))
        let third = try AppController(store: store, width: 100, height: 30, options: AppController.Options(memory: memory, reopensLastPlan: true))
        #expect(third.state.page == .chooser)
        #expect(third.state.status?.text == "Den senast öppnade planen (Hemtjänsten Hägersten 2019 VB) finns inte längre; välj en annan.")
    }
}
