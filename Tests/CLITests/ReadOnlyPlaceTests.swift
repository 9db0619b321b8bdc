import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import PlanKitTestSupport
#endif

/// A database where nothing may be written (a read-only folder, with the file writable or not)
/// opens read-only: it can be read, checked and exported, and a change is refused in Swedish.
@Suite("Read-only places", .serialized, .temporaryFolders)
struct ReadOnlyPlaceTests {
    let directory = Binary.temporaryDirectory()

    @Test("A writable or read-only file in a read-only folder is read, checked and exported; an import is refused", arguments: [0o644, 0o444])
    func readOnlyFolder(mode: Int) throws {
        let folder = directory.appendingPathComponent("arkiv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("plan.sqlite").path
        try Binary.makeSamples(database)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: database)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let locked = try ReadOnly.make(folder.path)
        defer { locked.undo() }

        let export = try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--format", "markdown", "--db", database])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("# Verksamhetsberättelse VB 2021 för Resursenheten"))
        let check = try Binary.run(["check", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--db", database])
        #expect(check.status == 0 && check.stdout.contains("komplett"), "\(check.stderr)")
        let file = directory.appendingPathComponent("stad.json")
        try Data(#"{"format": "vp-tui-plan", "version": 1, "organisations": [{"id": "ny-stad", "kind": "city", "name": "Ny stad"}]}"#.utf8)
            .write(to: file)
        let refused = try Binary.run(["import", file.path, "--db", database])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(database) är skrivskyddad"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("attempt to write"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.sqlite"])
    }
}

/// Makes a file or folder unwritable for this process, root included: root ignores permission
/// bits, so as root the immutable attribute is set instead (and taken off again after).
struct ReadOnly {
    let path: String
    let asRoot: Bool

    static func make(_ path: String) throws -> ReadOnly {
        if getuid() != 0 {
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o755
            try FileManager.default.setAttributes([.posixPermissions: mode & ~0o222], ofItemAtPath: path)
            return ReadOnly(path: path, asRoot: false)
        }
        let result = try Binary.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["chattr", "+i", path])
        guard result.status == 0 else { throw ReadOnlyError(message: "chattr +i \(path): \(result.stderr)") }
        return ReadOnly(path: path, asRoot: true)
    }

    func undo() {
        if asRoot {
            _ = try? Binary.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["chattr", "-i", path])
        } else {
            let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o555
            try? FileManager.default.setAttributes([.posixPermissions: mode | 0o200], ofItemAtPath: path)
        }
    }

    struct ReadOnlyError: Error { var message: String }
}
