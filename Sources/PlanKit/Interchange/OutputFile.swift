import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report or export file without harming what stands at the path.
///
/// - A regular file (or a path where nothing stands) is written whole or not at all: a
///   temporary file in the same folder, then a rename over it. A file that was there keeps its
///   permissions; a new one gets the permissions the umask allows.
/// - A symbolic link is followed to its target, which is written as above; the link stays a link.
/// - Anything else (a FIFO, a terminal, a device) is written through: opened and written, never
///   replaced, so that a reader at the other end gets the text and the node stays what it was.
/// - A missing folder is created; a folder, a link loop or a name too long is refused.
public enum OutputFile {
    /// Symbolic links followed at most, as the kernel does, before the path counts as a loop.
    static let maxLinks = 40

    /// `sparing`: files that must never be written over, whatever name leads to them (the
    /// database the report comes from, and its log).
    public static func write(_ data: Data, to path: String, sparing: [String] = []) throws {
        guard !path.isEmpty else { throw OutputFileError(path: path, problem: .noName) }
        var target = path
        for _ in 0..<maxLinks {
            var info = stat()
            if lstat(target, &info) != 0 {
                let code = errno
                guard code == ENOENT else { throw OutputFileError(path: path, errno: code) }
                try createFolder(of: target, reportedAs: path)
                return try replace(with: data, at: target, mode: nil, reportedAs: path)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                target = try linkTarget(of: target, reportedAs: path)
            case S_IFREG:
                if isAny(of: sparing, file: info) { throw OutputFileError(path: path, problem: .isTheDatabase) }
                return try replace(with: data, at: target, mode: info.st_mode & 0o7777, reportedAs: path)
            case S_IFDIR:
                throw OutputFileError(path: path, problem: .isFolder)
            default:
                return try writeThrough(data, to: target, truncate: false, reportedAs: path)
            }
        }
        throw OutputFileError(path: path, problem: .linkLoop)
    }

    /// `~` and `~/…` as the person's home (`$HOME`), the way a shell reads them.
    public static func expandingTilde(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    /// `path` if nothing stands there, else the first of "name-2.ext", "name-3.ext", … that is free.
    public static func freeName(for path: String) -> String {
        guard exists(path) else { return path }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension
        let base = ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
        var number = 2
        while true {
            let candidate = ext.isEmpty ? "\(base)-\(number)" : "\(base)-\(number).\(ext)"
            if !exists(candidate) { return candidate }
            number += 1
        }
    }

    /// Whether anything (even a dangling link) stands at the path.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func isAny(of paths: [String], file: stat) -> Bool {
        paths.contains { path in
            var other = stat()
            return stat(path, &other) == 0 && other.st_dev == file.st_dev && other.st_ino == file.st_ino
        }
    }

    private static func linkTarget(of link: String, reportedAs path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw OutputFileError(path: path, errno: errno) }
        let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return ((link as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
    }

    private static func createFolder(of target: String, reportedAs path: String) throws {
        let folder = (target as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var info = stat()
        if stat(folder, &info) == 0 {
            if info.st_mode & S_IFMT != S_IFDIR { throw OutputFileError(path: path, problem: .notAFolder) }
            return
        }
        guard errno == ENOENT else { throw OutputFileError(path: path, errno: errno) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(path: path, problem: .cannotCreateFolder(folder))
        }
    }

    /// A temporary file beside the target, renamed over it: readers see the old file or the new.
    private static func replace(with data: Data, at target: String, mode: mode_t?, reportedAs path: String) throws {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).vp-tui-\(UInt32.random(in: 0...UInt32.max))"
        // 0666 less the umask, as any program's new file.
        let descriptor = createExclusively(temporary, mode: 0o666)
        guard descriptor >= 0 else {
            let code = errno
            // A writable file in a folder we may not write: written in place, as the only way.
            if mode != nil, code == EACCES || code == EPERM {
                return try writeThrough(data, to: target, truncate: true, reportedAs: path)
            }
            throw OutputFileError(path: path, errno: code)
        }
        do {
            if let mode { fchmod(descriptor, mode) }
            try writeAll(data, to: descriptor, reportedAs: path)
            guard fsync(descriptor) == 0 else { throw OutputFileError(path: path, errno: errno) }
            close(descriptor)
            guard rename(temporary, target) == 0 else { throw OutputFileError(path: path, errno: errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
    }

    /// Opened without waiting, so that a FIFO nobody reads (or a socket) is refused at once
    /// ("no reader") instead of hanging the app; then written with waiting, as any file.
    private static func writeThrough(_ data: Data, to target: String, truncate: Bool, reportedAs path: String) throws {
        let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK | (truncate ? O_TRUNC : 0))
        guard descriptor >= 0 else { throw OutputFileError(path: path, errno: errno) }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
            throw OutputFileError(path: path, errno: errno)
        }
        try writeAll(data, to: descriptor, reportedAs: path)
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, reportedAs path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    throw OutputFileError(path: path, errno: errno)
                }
                offset += written
            }
        }
    }
}

/// `write(2)`, named apart from `OutputFile.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Why a file could not be written; nothing was written, and what stood there is unchanged.
public struct OutputFileError: Error, Equatable, LocalizedError {
    public var path: String
    public var problem: PathProblem

    public init(path: String, problem: PathProblem) {
        self.path = path
        self.problem = problem
    }

    init(path: String, errno code: Int32) {
        self.init(path: path, problem: PathProblem(errno: code))
    }

    public var errorDescription: String? { Strings.outputFileError(self) }
}
