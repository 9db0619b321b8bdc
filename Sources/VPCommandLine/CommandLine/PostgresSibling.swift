import Foundation
import PlanKit

/// `vp-tui-postgres`, in the folder of this program's own executable: the same command line
/// built with the PostgreSQL client (`PostgresHook`).
enum PostgresSibling {
    static let name = "vp-tui-postgres"

    /// Replaces this process by the sibling with the same arguments (their bytes as given, so
    /// that a file name that is not UTF-8 stays the same) and the same environment. When it
    /// cannot be started, says which file was looked for and how to build it, and exits 2.
    static func replaceProcess() -> Never {
        let pathBytes = ownFolder() + Array("/\(name)".utf8)
        let path = String(decoding: pathBytes, as: UTF8.self)
        // What was printed so far would be lost with this process's buffers.
        fflush(nil)
        let argumentCount = Int(CommandLine.argc)
        var arguments = [UnsafeMutablePointer<CChar>?](repeating: nil, count: argumentCount + 1)
        arguments[0] = strdup(pathBytes.map { CChar(bitPattern: $0) } + [0])
        for index in 1..<max(argumentCount, 1) { arguments[index] = CommandLine.unsafeArgv[index] }
        execv(arguments[0]!, arguments)
        let code = errno
        let message = code == ENOENT ? Strings.PostgresSibling.missing(path) : Strings.PostgresSibling.notStarted(path, Strings.describe(POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)))
        FileHandle.standardError.write(Data((Strings.CommandLine.errorPrefix(message) + "\n").utf8))
        exit(2)
    }

    /// The folder of the running executable, wherever it was started from, as its bytes.
    private static func ownFolder() -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let executable = length > 0 ? buffer[..<length].map { UInt8(bitPattern: $0) } : Array(CommandLine.arguments[0].utf8)
        guard let slash = executable.lastIndex(of: UInt8(ascii: "/")) else { return Array(".".utf8) }
        return Array(executable[..<slash])
    }
}
