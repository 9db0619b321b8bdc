import Foundation
import PlanKitTestSupport
import Testing

/// `scripts/adversarial.sh`, the file and path cases against the built binary, run as part of
/// the suite: every case must pass. The script works in a temporary folder of its own, made
/// inside this test's.
@Suite("The adversarial script", .temporaryFolders)
struct AdversarialScriptTests {
    @Test("Every file and path case of scripts/adversarial.sh holds against the built binary")
    func everyCaseHolds() throws {
        let directory = Binary.temporaryDirectory()
        let script = Binary.repositoryRoot.appendingPathComponent("scripts/adversarial.sh").path
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "TMPDIR": directory.path,
            "LANG": "C.UTF-8",
        ]
        let result = try Spawn.run("/bin/sh", [script, Binary.url.path], environment: environment, captureOutput: true)
        let lines = result.output.split(separator: "\n").map(String.init)
        let failed = lines.filter { $0.hasPrefix("FAIL") }
        #expect(result.status == 0 && failed.isEmpty, "\(result.output)")
        // The cases ran (a script that stops early passes nothing).
        #expect(lines.filter { $0.hasPrefix("PASS") }.count >= 30, "\(result.output)")
        #expect(lines.last == "every case held", "\(result.output)")
        // Nothing is left behind in the temporary folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
