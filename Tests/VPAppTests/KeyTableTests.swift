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

    /// The README's table of the other pages and questions, by the label of each row: the keys
    /// it names, as the help page names them ("typing" and "paste" for any character and pasted text).
    static func readmeOtherPages() throws -> [String: Set<String>] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let table = try #require(text.components(separatedBy: "| page or question | keys |").dropFirst().first)
        let names = ["Space": "Mellanslag", "Backspace": "Backsteg"]
        var pages: [String: Set<String>] = [:]
        for line in table.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            guard line.hasPrefix("|") else { break }
            if line.hasPrefix("|---") { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let label = String(cells[0].prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
            let words = cells[1].replacingOccurrences(of: ",", with: " ").split(separator: " ")
                .map { $0.replacingOccurrences(of: "`", with: "") }
            pages[label] = Set(words.map { names[$0] ?? $0 })
        }
        return pages
    }

    /// Each key table but the plan page's, by its row in the README.
    static let otherPages: [(label: String, type: String, table: KeyTable)] = [
        ("status table", "BoardKeys", BoardKeys.table), ("roll-up", "RollupKeys", RollupKeys.table),
        ("details", "DetailKeys", DetailKeys.table), ("overview", "OverviewKeys", OverviewKeys.table),
        ("help", "HelpKeys", HelpKeys.table), ("text editor", "EditorKeys", EditorKeys.table),
        ("list", "PickerKeys", PickerKeys.table), ("typed line", "PromptKeys", PromptKeys.table),
        ("delete question", "DeleteKeys", DeleteKeys.table), ("draft found", "DraftKeys", DraftKeys.table),
        ("conflict", "ConflictKeys", ConflictKeys.table), ("carried over", "CarryOverKeys", CarryOverKeys.table),
        ("list in a box", "YearListKeys", YearListKeys.table), ("hand-in or let-go question", "YearConfirmKeys", YearConfirmKeys.table),
        ("start question", "StartKeys", StartKeys.table),
    ]

    @Test("The README names exactly the keys each other page and question binds, and every key table")
    func readmeAgreesWithEveryTable() throws {
        let readme = try Self.readmeOtherPages()
        #expect(Set(readme.keys) == Set(Self.otherPages.map(\.label)))
        for page in Self.otherPages {
            var bound = Set(page.table.bindings.flatMap(\.keys).map(Strings.App.keyName))
            if page.table.bindings.contains(where: \.anyCharacter) { bound.insert("typing") }
            if page.table.bindings.contains(where: \.anyPaste) { bound.insert("paste") }
            let named = readme[page.label] ?? []
            #expect(named.subtracting(bound).isEmpty, "\(page.label): in the README but not bound: \(named.subtracting(bound).sorted())")
            #expect(bound.subtracting(named).isEmpty, "\(page.label): bound but not in the README: \(bound.subtracting(named).sorted())")
        }
        let keysFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/VPApp/Keys")
        // Every `enum …Keys` of Keys/ with a `static let table` declares a table.
        var declared: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: keysFolder.path) where file.hasSuffix(".swift") {
            let source = try String(contentsOf: keysFolder.appendingPathComponent(file), encoding: .utf8)
            for declaration in source.components(separatedBy: "\nenum ").dropFirst()
            where declaration.contains("\n    static let table") {
                let name = declaration.prefix { $0.isLetter || $0.isNumber }
                if name.hasSuffix("Keys") { declared.insert(String(name)) }
            }
        }
        // The plan page and the chooser have README tables of their own, checked above; the
        // chooser's message box binds no key (any key closes it), which the README says in words.
        #expect(ChooserNoticeKeys.table.bindings.allSatisfy { $0.keys.isEmpty && !$0.anyCharacter })
        #expect(declared == Set(Self.otherPages.map(\.type) + ["PlanKeys", "ChooserKeys", "ChooserNoticeKeys"]),
                "a key table the README test does not know")
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
