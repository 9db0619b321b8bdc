import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

@Suite("Importing interchange files: all or nothing, with errors that say where", .temporaryFolders)
struct ImportTests {
    /// Imports bad bytes into a store holding the samples, expects the error, and checks that
    /// the database is logically unchanged.
    private func expectRefused(_ text: String, name: String = "fel.json", check: (ImportError) -> Void) throws {
        let store = try Fixture.store()
        let before = try store.exportJSON(Fixture.plan)
        let plansBefore = try store.plans()
        do {
            try store.importData(Data(text.utf8), name: name)
            Issue.record("the import should have been refused")
        } catch let error as ImportError {
            #expect(error.file == name)
            #expect(error.errorDescription?.hasSuffix("Inget har importerats.") == true)
            check(error)
        }
        #expect(try store.exportJSON(Fixture.plan) == before)
        #expect(try store.plans() == plansBefore)
    }

    @Test("Malformed JSON names the line and column")
    func malformed() throws {
        try expectRefused("{\n  \"format\": \"vp-tui-plan\",\n  \"version\": 1,\n  x\n}") { error in
            #expect(error.line == 4)
            #expect(error.message.contains("inte giltig JSON"))
        }
    }

    @Test("A truncated file is called truncated")
    func truncated() throws {
        let sample = String(decoding: try Fixture.sampleData("resursenheten-2021.json"), as: UTF8.self)
        try expectRefused(String(sample.prefix(sample.count / 2))) { error in
            #expect(error.message.contains("avkortad"))
            #expect(error.line != nil)
        }
    }

    @Test("A file of a future format version is refused with a clear message")
    func futureVersion() throws {
        try expectRefused(#"{"format": "vp-tui-plan", "version": 7, "plans": "whatever"}"#) { error in
            #expect(error.path == "version")
            #expect(error.message.contains("formatversion 7"))
        }
    }

    @Test("Not our format at all")
    func wrongFormat() throws {
        try expectRefused(#"{"format": "annat", "version": 1}"#) { error in #expect(error.path == "format") }
        try expectRefused("[1, 2, 3]") { error in #expect(error.message.contains("JSON-objekt")) }
    }

    @Test("Unknown ids are named with their JSON path, and nothing before them is kept")
    func unknownIDs() throws {
        var file = Fixture.tinyFile()
        file.plans![0].followUps = [FollowUpRecord(item: "tb-2030-nm-01-a01", period: .t1, status: .done),
                                    FollowUpRecord(item: "finns-inte", period: .t1, status: .done)]
        try expectRefused(String(decoding: try Fixture.encode(file), as: UTF8.self)) { error in
            #expect(error.path == "plans[0].followUps[1].item")
            #expect(error.message.contains("finns-inte"))
        }
        // The organisations and cascade earlier in the same file were not stored either.
        let store = try Fixture.store()
        _ = try? store.importData(try Fixture.encode(file), name: "x.json")
        #expect(try !store.organisations().contains { $0.id == "tb" })
    }

    @Test("Wrong values are named with their path")
    func wrongValues() throws {
        let rating = #"{"format":"vp-tui-plan","version":1,"plans":[{"unit":"resursenheten","year":2021,"board":"hagersten-alvsjo","periods":["vb"],"followUps":[{"item":"re-2021-em-01","period":"vb","rating":"jättebra"}]}]}"#
        try expectRefused(rating) { error in #expect(error.path == "plans[0].followUps[0].rating") }
        let missing = #"{"format":"vp-tui-plan","version":1,"organisations":[{"id":"x","kind":"city"}]}"#
        try expectRefused(missing) { error in
            #expect(error.path == "organisations[0].name")
            #expect(error.message.contains("saknas"))
        }
        var file = Fixture.tinyFile()
        file.plans![0].followUps = [FollowUpRecord(item: "tb-2030-nm-01", period: .t1, rating: .fully)]
        try expectRefused(String(decoding: try Fixture.encode(file), as: UTF8.self)) { error in
            #expect(error.path == "plans[0].followUps[0].rating")
            #expect(error.message.contains("bedöms inte av enheten"))
        }
        var dates = Fixture.tinyFile()
        dates.cascades![0].goals[0].children![0].children![0].activities![0].end = "2030-13-01"
        try expectRefused(String(decoding: try Fixture.encode(dates), as: UTF8.self)) { error in
            #expect(error.path == "cascades[0].goals[0].children[0].children[0].activities[0].end")
        }
    }

    @Test("Duplicate ids in a file are refused")
    func duplicates() throws {
        var file = Fixture.tinyFile()
        file.plans![0].goals![0].activities![0].id = "tb-2030-nm-01-a01"
        try expectRefused(String(decoding: try Fixture.encode(file), as: UTF8.self)) { error in
            #expect(error.message.contains("två gånger"))
        }
    }

    @Test("Bytes that are not UTF-8 are refused")
    func notUTF8() throws {
        let store = try Fixture.store()
        #expect(throws: ImportError.self) { try store.importData(Data([0x7B, 0xFF, 0xFE, 0x7D]), name: "binär.json") }
    }

    @Test("Several files import together or not at all")
    func severalFiles() throws {
        let directory = Fixture.temporaryDirectory()
        let good = directory.appendingPathComponent("bra.json")
        let bad = directory.appendingPathComponent("trasig.json")
        try Fixture.encode(Fixture.tinyFile()).write(to: good)
        try Data("{\"format\": \"vp-tui-plan\", \"version\": 1, \"plans\": [".utf8).write(to: bad)
        let store = try PlanStore(inMemoryWithLogin: "anna")
        #expect(throws: ImportError.self) { try store.importFiles([good.path, bad.path]) }
        #expect(try store.isEmpty())
        #expect(throws: ImportError.self) { try store.importFiles([directory.appendingPathComponent("saknas.json").path]) }
    }

    @Test("Importing the same file twice duplicates nothing")
    func idempotent() throws {
        let store = try Fixture.store()
        let first = try store.exportJSON(Fixture.plan)
        try BundledSamples.load(into: store)
        #expect(try store.exportJSON(Fixture.plan) == first)
        #expect(try store.plans().count == 1)
        #expect(try store.organisations().count == 4)
    }
}
