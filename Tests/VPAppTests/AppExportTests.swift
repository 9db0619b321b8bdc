import Foundation
@testable import PlanKit
import PlanKitTestSupport
import Testing
@testable import VPApp

/// `x` writes the report beside the database and never over a file this session did not write.
@Suite("The report keys and the files they meet", .temporaryFolders)
struct AppExportTests {
    let directory = TemporaryFolders.make("vp-tui-export")

    private func driver() throws -> AppDriver {
        let store = try PlanStore(path: directory.appendingPathComponent("plan.sqlite").path, login: "anna")
        try BundledSamples.load(into: store)
        return try AppDriver(store: store)
    }

    private func read(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("x keeps a report it did not write and writes beside it; its own it writes again in place")
    func keepsOthersReport() throws {
        let driver = try driver()
        let report = "Resursenheten-2021-VB.md"
        try Data("Chefens egen version\n".utf8).write(to: directory.appendingPathComponent(report))
        driver.press(.character("x"))
        #expect(try read(report) == "Chefens egen version\n")
        #expect(try read("Resursenheten-2021-VB-2.md").hasPrefix("# Verksamhetsberättelse VB 2021 för Resursenheten"))
        #expect(driver.state.status?.text.hasSuffix("Resursenheten-2021-VB-2.md") == true)

        driver.press(.character("x"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Resursenheten-2021-VB-3.md").path))
        #expect(try read(report) == "Chefens egen version\n")
    }

    @Test("X writes the file the person names, through a link to its target, and says where in Swedish when it cannot")
    func namedFile() throws {
        let driver = try driver()
        let target = directory.appendingPathComponent("mål.md").path
        try Data("gammal\n".utf8).write(to: URL(fileURLWithPath: target))
        let link = directory.appendingPathComponent("länk.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        driver.press(.character("X"))
        for _ in 0..<300 { driver.press(.backspace) }
        driver.type(link)
        driver.press(.enter)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("# Verksamhetsberättelse"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)

        driver.press(.character("X"))
        for _ in 0..<300 { driver.press(.backspace) }
        driver.type(directory.path)
        driver.press(.enter)
        #expect(driver.state.status?.text.contains("är en katalog") == true, "\(String(describing: driver.state.status))")
    }

    @Test("~ in a typed path is the home folder of $HOME")
    func tilde() {
        #expect(OutputFile.expandingTilde("~/rapport.md", environment: ["HOME": "/hem/anna"]) == "/hem/anna/rapport.md")
        #expect(OutputFile.expandingTilde("~", environment: ["HOME": "/hem/anna"]) == "/hem/anna")
        #expect(OutputFile.expandingTilde("a/~/b", environment: ["HOME": "/hem/anna"]) == "a/~/b")
    }
}

@Suite("A damaged file in the app", .temporaryFolders)
struct AppDamageTests {
    @Test("After the first frame the app checks the file in the background and says plainly that it is damaged")
    func damagedFileSaid() throws {
        let directory = TemporaryFolders.make("vp-tui-damage")
        let path = directory.appendingPathComponent("plan.sqlite").path
        do {
            let store = try PlanStore(path: path, login: "anna")
            try BundledSamples.load(into: store)
            // Pages the app never reads at start, last in the file: the damage goes there, so
            // that only SQLite's check can find it.
            try store.executeForTesting("CREATE TABLE padding (text TEXT)")
            try store.executeForTesting("INSERT INTO padding SELECT printf('%.500c', 'x') FROM item")
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let pages = try handle.seekToEnd() / 4096
        var generator = SplitMix64(seed: 13)
        try handle.seek(toOffset: (pages - 2) * 4096)
        try handle.write(contentsOf: Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }))
        try handle.close()

        let driver = try AppDriver(store: try PlanStore(path: path, login: "anna"))
        var said: String?
        for _ in 0..<100 where said == nil {
            driver.app.tick()
            said = driver.state.status.flatMap { $0.text.contains("är skadad") ? $0.text : nil }
            if said == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let message = try #require(said)
        #expect(message.contains("säkerhetskopian"))
        #expect(driver.state.status?.isError == true)
    }
}
