import Foundation
import Testing
import PlanKit
@testable import VPApp

/// The key tables are the one place a key is bound: dispatch, help, hints and the README follow them.
@Suite("The key tables")
struct KeyTableTests {
    /// The keys named in the first column of the README's table under "## Using the app" whose
    /// head is `head`.
    static func readmeKeys(head: String = "| key |") throws -> Set<String> {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Using the app").dropFirst().first)
        var keys: Set<String> = []
        var inTable = false
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(head) { inTable = true; continue }
            guard inTable else { continue }
            guard line.hasPrefix("|") else { break }
            if line.hasPrefix("|---") { continue }
            let cell = line.split(separator: "|")[0]
            for word in cell.replacingOccurrences(of: ", ", with: " ").split(separator: " ") where word != "then" {
                keys.insert(word.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "Space", with: "Mellanslag"))
            }
        }
        return keys
    }

    @Test("The README's key table names exactly the keys the plan page binds")
    func readmeAgreesWithTheTable() throws {
        let bound = Set(PlanKeys.table.bindings.filter { $0.help != nil }.flatMap(\.keys).map(Strings.App.keyName))
        let readme = try Self.readmeKeys()
        #expect(readme.subtracting(bound).isEmpty, "in the README but not bound: \(readme.subtracting(bound).sorted())")
        #expect(bound.subtracting(readme).isEmpty, "bound but not in the README: \(bound.subtracting(readme).sorted())")
    }

    @Test("The README's table of the chooser names exactly the keys the chooser binds")
    func readmeAgreesWithTheChooser() throws {
        // Typing is "letters, digits, Space" in the README: any character, no key of its own.
        let bound = Set(ChooserKeys.table.bindings.filter { $0.help != nil }.flatMap(\.keys).map(Strings.App.keyName))
        let readme = try Self.readmeKeys(head: "| chooser key |").subtracting(["letters", "digits", "Mellanslag"])
        #expect(ChooserKeys.table.bindings.contains { $0.anyCharacter && $0.help != nil })
        #expect(readme.subtracting(bound).isEmpty, "in the README but not bound: \(readme.subtracting(bound).sorted())")
        #expect(bound.subtracting(readme).isEmpty, "bound but not in the README: \(bound.subtracting(readme).sorted())")
    }

    @Test("The help page lists every binding that has a help text, with its keys")
    func helpListsEveryBinding() throws {
        let driver = try AppDriver(width: 200, height: 120)
        driver.press(.character("?"))
        let text = driver.text
        for binding in PlanKeys.table.bindings + EditorKeys.table.bindings {
            guard let help = binding.help else { continue }
            let line = text.split(separator: "\n").first { $0.contains(help) }
            #expect(line?.contains(binding.keyLabel) == true, "\(help)")
        }
    }

    @Test("A key of the selected line is hinted exactly where it is not refused")
    func hintsFollowTheRules() throws {
        var checked = 0
        for period in [ReportPeriod.vp, .vb] {
        let driver = try AppDriver(width: 200, height: 40, period: period)
        var state = driver.state
        for row in state.rows {
            state.selection = row.target
            let hinted = Set(PlanKeys.table.hints(for: state).hints.map(\.0))
            for binding in PlanKeys.table.bindings {
                guard let hint = binding.hint, hint.place == nil else { continue }
                #expect(hinted.contains(hint.key) == (binding.availability(in: state) == .available))
                checked += 1
            }
        }
        }
        #expect(checked > 50)
    }

    @Test("A refused key says why and changes nothing else")
    func refusedKeySaysWhy() throws {
        let driver = try AppDriver()
        try driver.select(containing: "Aktivitet: Förvaltningen ska genom regelbunden uppföljning")
        let item = try #require(driver.state.selectedItem)
        let before = try driver.plan.followUp(item.id, .vb)
        driver.press(.character("1"))
        #expect(driver.state.status == StatusMessage(Strings.App.notAGoal, isError: true))
        #expect(try driver.plan.followUp(item.id, .vb) == before)
        #expect(driver.state.modal == nil)
    }
}
