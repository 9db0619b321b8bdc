import Foundation
import PlanKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `--db` path (or `$VP_TUI_DB`) whose bytes are not UTF-8. Swift's strings cannot hold such
/// a name (each bad byte becomes U+FFFD, which names another file), so the database is reached
/// through a symbolic link in a private folder of our own whose target is the raw bytes: the
/// kernel and SQLite follow the link to exactly the file that was named, and SQLite puts its log
/// beside that file. The link lives as long as the process (SQLite may open the file again) and
/// is removed at exit; a process killed before it could remove it leaves it for the next app or
/// command that makes one (`StaleLinkFolders`). Messages name the path as given, its bad bytes escaped (`GivenPaths`).
enum RawDatabasePath {
    /// The start of the private folders' names; the process id follows, then mkdtemp's letters.
    static let folderPrefix = "vp-tui-path-"

    /// The raw bytes given with `--db` (as "--db P" or "--db=P") when they are not UTF-8 and
    /// decode (with U+FFFD) to `decoded`; nil otherwise.
    static func rawArgument(decodingTo decoded: String) -> [UInt8]? {
        let arguments: [[UInt8]] = (0..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        }
        let option = Array("--db".utf8), withValue = Array("--db=".utf8)
        for (index, argument) in arguments.enumerated() {
            var value: [UInt8]?
            if argument == option, index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.starts(with: withValue) { value = Array(argument.dropFirst(withValue.count)) }
            guard let value, String(validating: value, as: UTF8.self) == nil else { continue }
            if String(decoding: value, as: UTF8.self) == decoded { return value }
        }
        return nil
    }

    /// The raw bytes of the environment variable `name` when they are not UTF-8 and decode
    /// (with U+FFFD) to `decoded`; nil otherwise.
    static func rawEnvironment(_ name: String, decodingTo decoded: String) -> [UInt8]? {
        guard let pointer = getenv(name) else { return nil }
        let value = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        guard String(validating: value, as: UTF8.self) == nil, String(decoding: value, as: UTF8.self) == decoded else { return nil }
        return value
    }

    /// The bytes as a person reads them: UTF-8 as it is, every other byte as \xHH
    /// ("pl\xFFn.sqlite"), so that the name in a message is the one given, byte for byte.
    static func shown(_ raw: [UInt8]) -> String {
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = raw.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                result.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in raw[offset..<(offset + length)] { result += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
                offset += length
            case .emptyInput:
                return result
            }
        }
    }

    /// The folder part of the raw path as a string, when it is UTF-8 (the name alone is not).
    static func folder(of raw: [UInt8]) -> String? {
        guard let slash = raw.lastIndex(of: UInt8(ascii: "/")) else { return FileManager.default.currentDirectoryPath }
        let folder = raw[..<slash]
        if folder.isEmpty { return "/" }
        guard let text = String(validating: folder, as: UTF8.self) else { return nil }
        return text.hasPrefix("/") ? text : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(text)
    }

    /// A path, valid as a Swift string, that leads to the file named by `raw`. When nothing
    /// stands at `raw`, an empty file readable by its owner alone is made there first (the store
    /// then fills it as a new database); `created` says whether this call made it.
    static func linkedPath(to raw: [UInt8]) throws -> (path: String, created: Bool) {
        let absolute = raw.first == UInt8(ascii: "/") ? raw : Array(FileManager.default.currentDirectoryPath.utf8) + [UInt8(ascii: "/")] + raw
        var created = false
        try withCString(absolute) { target in
            var info = stat()
            guard lstat(target, &info) != 0, errno == ENOENT else { return }
            let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { close(descriptor); created = true } else if errno != EEXIST { throw LinkError.cannotCreate(errno) }
        }
        var template = Array((temporaryFolder as NSString).appendingPathComponent("\(folderPrefix)\(getpid())-XXXXXX").utf8CString)
        guard let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            throw LinkError.cannotCreate(errno)
        }
        let link = folder + "/" + "database"
        let status = withCString(absolute) { target in symlink(target, link) }
        guard status == 0 else {
            let code = errno
            rmdir(folder)
            throw LinkError.cannotCreate(code)
        }
        LinksToRemove.add(link: link, folder: folder)
        GivenPaths.register(opened: link, shown: shown(raw), folder: self.folder(of: raw))
        return (link, created)
    }

    /// Where the private folders are made: `$TMPDIR`, else /tmp.
    static var temporaryFolder: String {
        ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Whether nothing at all stands at the path (not even a link to nowhere, which opening
    /// refuses by name); any other failure to look is left for opening to describe.
    static func isMissing(_ raw: [UInt8]) -> Bool {
        withCString(raw) { target in
            var info = stat()
            return lstat(target, &info) != 0 && errno == ENOENT
        }
    }

    /// Removes the file `link` leads to if it is still empty (the one `linkedPath` made).
    static func removeEmptyTarget(of link: String) {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count > 0 else { return }
        var info = stat()
        if lstat(buffer, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == 0 { unlink(buffer) }
    }

    private static func withCString<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    enum LinkError: Error { case cannotCreate(Int32) }
}

/// The links made for this process, removed (with their folders) when it exits.
private enum LinksToRemove {
    nonisolated(unsafe) static var entries: [(link: String, folder: String)] = []
    nonisolated(unsafe) static var registered = false

    static func add(link: String, folder: String) {
        entries.append((link, folder))
        if !registered {
            registered = true
            atexit {
                for entry in LinksToRemove.entries {
                    unlink(entry.link)
                    rmdir(entry.folder)
                }
            }
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
