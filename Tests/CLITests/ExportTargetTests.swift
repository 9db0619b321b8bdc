import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import PlanKitTestSupport
#endif

/// `export -o` writes the file it is given and nothing else: a link stays a link, a FIFO or a
/// device gets the text written through it, a regular file is replaced whole or not at all.
@Suite("What stands at the export path", .temporaryFolders)
struct ExportTargetTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    init() throws { try Binary.makeSamples(database) }

    private func export(to path: String) throws -> Binary.Result {
        try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--format", "markdown", "-o", path, "--db", database])
    }

    private func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test("A symbolic link is followed: its target gets the report and the link stays a link")
    func followsLink() throws {
        let target = directory.appendingPathComponent("rapport.md").path
        try Data("gammal rapport\n".utf8).write(to: URL(fileURLWithPath: target))
        let link = directory.appendingPathComponent("länk.md").path
        #expect(symlink("rapport.md", link) == 0)
        let result = try export(to: link)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(kind(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("# Verksamhetsberättelse VB 2021 för Resursenheten"))
    }

    @Test("A dangling link gets its target created, and stays a link")
    func danglingSymlink() throws {
        let link = directory.appendingPathComponent("länk.md").path
        #expect(symlink("ny/rapport.md", link) == 0)
        let result = try export(to: link)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(kind(link) == S_IFLNK)
        #expect(try String(contentsOfFile: directory.appendingPathComponent("ny/rapport.md").path, encoding: .utf8).hasPrefix("# Verksamhetsberättelse"))
    }

    @Test("A FIFO is written through: its reader gets the report and it stays a FIFO")
    func writesThroughFIFO() throws {
        let path = directory.appendingPathComponent("rör").path
        #expect(mkfifo(path, 0o600) == 0)
        // The reader holds the FIFO open for the whole export, as `cat rör` would.
        let received = ReadInBackground(path: path)
        let result = try export(to: path)
        #expect(result.status == 0, "\(result.stderr)")
        let text = received.wait()
        #expect(text.hasPrefix("# Verksamhetsberättelse VB 2021 för Resursenheten"))
        #expect(kind(path) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.contains(".vp-tui-") })
    }

    @Test("A FIFO nobody reads and a socket are refused at once in Swedish, not waited on, and stay what they were")
    func noReader() throws {
        let fifo = directory.appendingPathComponent("ensamt-rör").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let socketPath = directory.appendingPathComponent("uttag").path
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        for (path, kindBefore) in [(fifo, S_IFIFO), (socketPath, S_IFSOCK)] {
            // `timeout`: an export that waits for a reader fails the test instead of hanging it.
            let result = try Binary.run(executable: URL(fileURLWithPath: "/usr/bin/timeout"), ["20", Binary.url.path, "export", "--unit", "resursenheten",
                                        "--year", "2021", "--format", "markdown", "-o", path, "--db", database])
            #expect(result.status == 1, "\(result.status) \(result.stderr)")
            #expect(result.stderr.contains("ingen läser i andra änden"), "\(result.stderr)")
            #expect(kind(path) == kindBefore)
        }
    }

    @Test("A character device (a null device made in the test's own folder) is written through and stays a device",
          .enabled(if: getuid() == 0, "only root may make a device node; the FIFO test covers the class"))
    func writesThroughDevice() throws {
        let path = directory.appendingPathComponent("null").path
        // Major 1, minor 3: the null device, made here so that nothing outside the folder is touched.
        guard mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else {
            Issue.record("mknod failed: \(errno)")
            return
        }
        let result = try export(to: path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(kind(path) == S_IFCHR)
    }

    @Test("A regular file is replaced whole and keeps its permissions; a new one gets what the umask allows")
    func regularFile() throws {
        let existing = directory.appendingPathComponent("befintlig.md").path
        try Data("gammal\n".utf8).write(to: URL(fileURLWithPath: existing))
        chmod(existing, 0o640)
        #expect(try export(to: existing).status == 0)
        #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("# Verksamhetsberättelse"))
        #expect(try FileManager.default.attributesOfItem(atPath: existing)[.posixPermissions] as? Int == 0o640)

        let fresh = directory.appendingPathComponent("ny.md").path
        let result = try Binary.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", "umask 027; exec \"$0\" \"$@\"", Binary.url.path,
                                    "export", "--unit", "resursenheten", "--year", "2021", "-o", fresh, "--db", database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int == 0o640)
    }

    @Test("A missing folder is made; a folder, a file used as a folder and a link loop are refused in Swedish")
    func refusals() throws {
        let nested = directory.appendingPathComponent("saknas/djupare/rapport.md").path
        #expect(try export(to: nested).status == 0)
        #expect(FileManager.default.fileExists(atPath: nested))

        let loop = directory.appendingPathComponent("slinga.md").path
        #expect(symlink("slinga.md", loop) == 0)
        let file = directory.appendingPathComponent("fil.md").path
        try Data("orörd\n".utf8).write(to: URL(fileURLWithPath: file))
        let cases: [(String, String)] = [
            (directory.path, "är en katalog"),
            (file + "/rapport.md", "är en fil, inte en katalog"),
            (loop, "slinga"),
            (directory.appendingPathComponent(String(repeating: "å", count: 300)).path, "för lång"),
        ]
        for (path, words) in cases {
            let result = try export(to: path)
            #expect(result.status == 1, "\(path)")
            #expect(result.stderr.contains("Kan inte skriva filen") && result.stderr.contains(words), "\(result.stderr)")
            #expect(!result.stderr.contains("The file") && !result.stderr.contains("error"), "\(result.stderr)")
        }
        #expect(kind(loop) == S_IFLNK)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "orörd\n")
    }

    @Test("The database itself, by its name or through a link, is never written over by a report")
    func sparesTheDatabase() throws {
        try Binary.makeSamples(database)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let link = directory.appendingPathComponent("länk.sqlite").path
        #expect(symlink(database, link) == 0)
        for path in [database, link] {
            let result = try export(to: path)
            #expect(result.status == 1)
            #expect(result.stderr.contains("är själva databasen"), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        try Binary.makeSamples(database)
    }
}

/// Opens a FIFO for reading on another thread and collects all it receives.
final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    /// A write end of the reader's own, closed in `wait()`: until then the reader never sees
    /// the end of the file, even before the writer has opened the FIFO.
    private let ownWriteEnd: Int32

    /// The FIFO is open for reading when this returns (a writer that does not wait finds a
    /// reader); the reading itself goes on on another thread until `wait()`.
    init(path: String) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        ownWriteEnd = open(path, O_WRONLY)
        if descriptor >= 0 { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while descriptor >= 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 { data.append(contentsOf: buffer[0..<count]) } else if count == 0 || errno != EINTR { break }
            }
            if descriptor >= 0 { close(descriptor) }
            done.signal()
        }
    }

    /// Call once the writer has finished.
    func wait() -> String {
        if ownWriteEnd >= 0 { close(ownWriteEnd) }
        _ = done.wait(timeout: .now() + 30)
        return String(decoding: data, as: UTF8.self)
    }
}
