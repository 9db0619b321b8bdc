import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

/// A page of random bytes in the middle of a plan database is found by `check` and said plainly,
/// with the way back, instead of a report called complete.
@Suite("A damaged database file", .temporaryFolders)
struct DamagedFileTests {
    let directory = Binary.temporaryDirectory()

    /// A copy of a closed database with one 4 KB page overwritten by random bytes (a fixed seed).
    static func damagedCopy(in directory: URL) throws -> String {
        let database = directory.appendingPathComponent("plan.sqlite").path
        try Binary.makeSamples(database)
        let copy = directory.appendingPathComponent("skadad.sqlite").path
        try FileManager.default.copyItem(atPath: database, toPath: copy)
        let handle = try #require(FileHandle(forUpdatingAtPath: copy))
        let size = try handle.seekToEnd()
        let pages = size / 4096
        var generator = SplitMix64(seed: 13)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        try handle.seek(toOffset: (pages / 2) * 4096)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        return copy
    }

    @Test("check says the file is damaged, in Swedish, with the way back, and exits 2")
    func checkFindsDamage() throws {
        let copy = try Self.damagedCopy(in: directory)
        let result = try Binary.run(["check", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--db", copy])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(copy) är skadad"), "\(result.stderr)")
        #expect(result.stderr.contains("säkerhetskopian") && result.stderr.contains("JSON-export"))
        #expect(!result.stdout.contains("komplett"))
    }

    @Test("A sound file passes the check")
    func soundFile() throws {
        let database = directory.appendingPathComponent("plan.sqlite").path
        try Binary.makeSamples(database)
        let result = try Binary.run(["check", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--db", database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try PlanStore(path: database).checkForDamage() == nil)
    }
}
