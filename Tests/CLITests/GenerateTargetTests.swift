import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import PlanKitTestSupport
#endif

/// `generate` writes only a file it made itself: what stands at its path (a link to nowhere, a
/// link loop) is refused and stays, and a failed run removes only its own half-made file.
@Suite("generate and what stands at its path", .temporaryFolders)
struct GenerateTargetTests {
    let directory = Binary.temporaryDirectory()

    private func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    @Test("A link to nowhere and a link loop are refused in Swedish and stay links; nothing is made through them")
    func linksStay() throws {
        let dangling = directory.appendingPathComponent("utdelning.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory.appendingPathComponent("ej-monterad/plan.sqlite").path)
        let loop = directory.appendingPathComponent("slinga.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "slinga.sqlite")
        for path in [dangling, loop] {
            let result = try Binary.run(["generate", "--units", "1", "--years", "1", "--db", path])
            #expect(result.status != 0)
            #expect(result.stderr.contains("finns redan") && result.stderr.contains("skriver aldrig över"), "\(result.stderr)")
            #expect(isLink(path))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("ej-monterad").path))
    }

    @Test("A new database is made readable by its owner alone, in a folder made for it")
    func newFile() throws {
        let path = directory.appendingPathComponent("ny/katalog/distrikt.sqlite").path
        let result = try Binary.run(["generate", "--units", "1", "--years", "1", "--db", path])
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        try Binary.makeSamples(path)
    }
}
