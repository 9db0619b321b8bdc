import Foundation

/// The real sample plans that come with vp-tui, so that a new database shows real data at once.
/// They live once, in the top-level `samples/` folder of the source tree.
public enum BundledSamples {
    /// The folder of sample files: `$VP_TUI_SAMPLES`, else `share/vp-tui/samples` beside the
    /// executable's folder (an installed layout), else the `samples/` folder of the source tree
    /// this was built from (so a binary run from `.build`, or linked from there, finds them).
    public static func directory() -> URL? {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["VP_TUI_SAMPLES"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/vp-tui/samples"))
        let sourceTree = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceTree.appendingPathComponent("samples"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The sample files, cascades before the plans that refer to them.
    public static func files() throws -> [String] {
        guard let directory = directory() else { throw StoreError.samplesMissing }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        guard !names.isEmpty else { throw StoreError.samplesMissing }
        let paths = names.sorted().map { directory.appendingPathComponent($0).path }
        let hasPlans = { (path: String) -> Bool in
            (FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self).contains("\"plans\"") }) ?? false
        }
        return paths.filter { !hasPlans($0) } + paths.filter(hasPlans)
    }

    /// Imports every sample into the store, all or nothing.
    @discardableResult
    public static func load(into store: PlanStore) throws -> ImportSummary {
        try store.importFiles(try files())
    }
}
