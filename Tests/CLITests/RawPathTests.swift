import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import PlanKitTestSupport
#endif

/// A `--db` name whose bytes are not UTF-8 names exactly that file.
@Suite("A database path that is not UTF-8", .temporaryFolders)
struct RawPathTests {
    let directory = Binary.temporaryDirectory()

    /// Runs vp-tui through the shell, which hands the raw bytes over as they are.
    private func runWithRawName(_ command: String, temporary: String) throws -> Binary.Result {
        try Binary.run(executable: URL(fileURLWithPath: "/bin/sh"),
                       ["-c", "exec \"$0\" \(command) --db \"$(printf '%s/pl\\377n.sqlite' \"$1\")\"", Binary.url.path, directory.path],
                       environment: ["TMPDIR": temporary])
    }

    /// The names in the test's folder, as bytes.
    private func names() -> [[UInt8]] {
        guard let folder = opendir(directory.path) else { return [] }
        defer { closedir(folder) }
        var result: [[UInt8]] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != Array(".".utf8) && name != Array("..".utf8) { result.append(name) }
        }
        return result
    }

    /// The first 15 bytes of the file named `name` in the test's folder.
    private func header(of name: [UInt8]) throws -> [UInt8] {
        let path = Array(directory.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY) } }
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 15)
        let count = read(descriptor, &bytes, bytes.count)
        return Array(bytes.prefix(max(count, 0)))
    }

    @Test("The file is made under exactly the bytes given, opened again there, and no link is left behind")
    func exactBytes() throws {
        let temporary = directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let raw = Array("pl".utf8) + [0xFF] + Array("n.sqlite".utf8)

        let first = try runWithRawName("import \(try Binary.nothingToImport())", temporary: temporary)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("Skapade"), "\(first.stderr)")
        #expect(try header(of: raw) == Array("SQLite format 3".utf8))
        #expect(names().contains(raw))
        // No file whose name holds the replacement character itself (its UTF-8 bytes EF BF BD).
        #expect(!names().contains { name in name.indices.contains { name[$0...].starts(with: [0xEF, 0xBF, 0xBD]) } })

        // Opened again: the same file, no new one beside it, and its first bytes are SQLite's.
        let second = try runWithRawName("units", temporary: temporary)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Resursenheten"), "\(second.stdout)")
        #expect(!second.stderr.contains("Skapade"), "\(second.stderr)")
        let databases = names().filter { !$0.starts(with: Array("tmp".utf8)) && !String(decoding: $0, as: UTF8.self).hasSuffix("-wal") && !String(decoding: $0, as: UTF8.self).hasSuffix("-shm") }
        #expect(databases == [raw])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }

    @Test("$VP_TUI_DB holding bytes that are not UTF-8 names exactly that file, as --db does")
    func environmentBytes() throws {
        let temporary = directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let raw = Array("milj".utf8) + [0xF6] + Array(".sqlite".utf8)
        let result = try Binary.run(executable: URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", "VP_TUI_DB=\"$(printf '%s/milj\\366.sqlite' \"$1\")\" exec \"$0\" import \"$2\"", Binary.url.path, directory.path,
                                     try Binary.nothingToImport()],
                                    environment: ["TMPDIR": temporary])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("milj\\xF6.sqlite"), "\(result.stderr)")
        #expect(try header(of: raw) == Array("SQLite format 3".utf8))
        #expect(!names().contains { name in name.indices.contains { name[$0...].starts(with: [0xEF, 0xBF, 0xBD]) } })
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }

    @Test("A store error names the path as given, its bad bytes escaped, never the private link")
    func messagesNameThePathGiven() throws {
        let temporary = directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let shown = directory.path + "/pl\\xFFn.sqlite"
        // Not a database: refused at open.
        let raw = Array(directory.path.utf8) + Array("/pl".utf8) + [0xFF] + Array("n.sqlite".utf8) + [0]
        let descriptor = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o600) } }
        #expect(descriptor >= 0)
        _ = "inte en databas\n".withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        let refused = try runWithRawName("units", temporary: temporary)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(shown), "\(refused.stderr)")
        #expect(!refused.stderr.contains("vp-tui-path") && !refused.stderr.contains("\u{FFFD}"), "\(refused.stderr)")

        // A database a newer vp-tui wrote: refused after SQLite opened it.
        raw.withUnsafeBufferPointer { _ = $0.withMemoryRebound(to: CChar.self) { unlink($0.baseAddress!) } }
        #expect(try runWithRawName("import \(try Binary.nothingToImport())", temporary: temporary).status == 0)
        // The same file under a plain name, to write its header.
        let link = directory.appendingPathComponent("plain.sqlite").path
        #expect(raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { symlink($0.baseAddress!, link) } } == 0)
        try setUserVersion(99, at: link)
        let later = try runWithRawName("units", temporary: temporary)
        #expect(later.status != 0)
        #expect(later.stderr.contains(shown) && later.stderr.contains("nyare"), "\(later.stderr)")
        #expect(!later.stderr.contains("vp-tui-path"), "\(later.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }

    /// Writes SQLite's user_version (bytes 60–63 of the header, big-endian) as a newer vp-tui would.
    private func setUserVersion(_ version: UInt32, at path: String) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: 60)
        try handle.write(contentsOf: withUnsafeBytes(of: version.bigEndian) { Data($0) })
    }

    @Test("A private link folder left by a killed process is removed by the next command that makes one; nothing else is")
    func staleFoldersRemoved() throws {
        let temporary = directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = ended.processIdentifier
        let target = directory.appendingPathComponent("target.sqlite").path
        try Data("kvar".utf8).write(to: URL(fileURLWithPath: target))
        func folder(_ name: String, link: Bool = true, extra: String? = nil) throws -> String {
            let path = (temporary as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            if link { #expect(symlink(target, path + "/database") == 0) }
            if let extra { try Data("x".utf8).write(to: URL(fileURLWithPath: path + "/" + extra)) }
            return path
        }
        let stale = try folder("vp-tui-path-\(dead)-aB3xY9")
        let staleEmpty = try folder("vp-tui-path-\(dead)-Zz0000", link: false)
        let living = try folder("vp-tui-path-\(getpid())-aB3xY9")
        let withMore = try folder("vp-tui-path-\(dead)-qwerty", extra: "annat")
        let otherName = try folder("vp-tui-path-abcdef")
        let otherProgram = try folder("annat-program-\(dead)-aB3xY9")
        let linkToFolder = (temporary as NSString).appendingPathComponent("vp-tui-path-\(dead)-linked")
        #expect(symlink(otherName, linkToFolder) == 0)

        // A command on a plain name makes no link folder and leaves the temporary folder unread.
        try Binary.makeSamples(directory.appendingPathComponent("plan.sqlite").path)
        let plain = try Binary.run(["units", "--db", directory.appendingPathComponent("plan.sqlite").path], environment: ["TMPDIR": temporary])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(FileManager.default.fileExists(atPath: stale))

        let result = try runWithRawName("import \(try Binary.nothingToImport())", temporary: temporary)
        #expect(result.status == 0, "\(result.stderr)")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: temporary))
        #expect(!left.contains((stale as NSString).lastPathComponent))
        #expect(!left.contains((staleEmpty as NSString).lastPathComponent))
        for kept in [living, withMore, otherName, otherProgram, linkToFolder] {
            #expect(left.contains((kept as NSString).lastPathComponent), "\(kept)")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "kvar")
    }
}
