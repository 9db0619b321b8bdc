import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A `--db` name whose bytes are not UTF-8 names exactly that file.
@Suite("A database path that is not UTF-8")
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

        let first = try runWithRawName("units", temporary: temporary)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Resursenheten"), "\(first.stdout)")
        #expect(first.stderr.contains("Skapade"), "\(first.stderr)")
        #expect(try header(of: raw) == Array("SQLite format 3".utf8))
        #expect(names().contains(raw))
        // No file whose name holds the replacement character itself (its UTF-8 bytes EF BF BD).
        #expect(!names().contains { name in name.indices.contains { name[$0...].starts(with: [0xEF, 0xBF, 0xBD]) } })

        // Opened again: the same file, no new one beside it, and its first bytes are SQLite's.
        let second = try runWithRawName("units", temporary: temporary)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains("Skapade"), "\(second.stderr)")
        let databases = names().filter { !$0.starts(with: Array("tmp".utf8)) && !String(decoding: $0, as: UTF8.self).hasSuffix("-wal") && !String(decoding: $0, as: UTF8.self).hasSuffix("-shm") }
        #expect(databases == [raw])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }
}
