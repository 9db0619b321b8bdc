import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

/// A property test of the JSON import: seeded random mutants of real files either import or are
/// refused with an `ImportError` that names the file, and a refused import leaves the database
/// logically unchanged. Never a crash, never another kind of error.
///
/// Runs 150 mutants by default (a few seconds). For a longer run:
///
///     VP_TUI_FUZZ_ITERATIONS=5000 swift test --filter ImportFuzz
///
/// `VP_TUI_FUZZ_SEED` picks another seed; a failing mutant is saved to a file the failure names.
@Suite("Fuzzing the JSON import: import or ImportError, and a refusal changes nothing")
struct ImportFuzzTests {
    static let iterations: Int = {
        ProcessInfo.processInfo.environment["VP_TUI_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 150
    }()

    /// `VP_TUI_FUZZ_VERBOSE=1` prints every refusal, to read the messages people would get.
    static let verbose = ProcessInfo.processInfo.environment["VP_TUI_FUZZ_VERBOSE"] != nil

    static let seed: UInt64 = {
        ProcessInfo.processInfo.environment["VP_TUI_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x5EED_2021
    }()

    /// What "logically unchanged" compares: every row of every table, and the plan and
    /// organisation lists the app shows. The export of the sample plan, which takes longer, is
    /// compared for every eighth refusal, and for any refusal whose rows differ.
    struct Snapshot: Equatable {
        var rows: [String]
        var plans: [PlanSummary]
        var organisations: [Organisation]

        init(_ store: PlanStore) throws {
            rows = try store.dumpForTesting()
            plans = try store.plans()
            organisations = try store.organisations()
        }
    }

    static func export(_ store: PlanStore) throws -> String {
        String(decoding: try store.exportJSON(Fixture.plan), as: UTF8.self)
    }

    /// A last step that leaves an unknown enum value or a reference to an id that exists
    /// nowhere: the file is wrong, and the import must refuse it.
    static func mustBeRefused(_ step: String) -> Bool {
        if step.hasPrefix("enum "), step.hasSuffix("= okänt-värde") { return true }
        if step.hasPrefix("reference "), step.contains("= finns-inte-"), !step.contains(".id = ") { return true }
        return false
    }

    @Test("Random mutants of the sample files and the tiny file")
    func mutants() throws {
        let bases: [(name: String, data: Data)] = [
            ("resursenheten-2021.json", try Fixture.sampleData("resursenheten-2021.json")),
            ("hagersten-alvsjo-2021.json", try Fixture.sampleData("hagersten-alvsjo-2021.json")),
            ("tiny.json", try Fixture.encode(Fixture.tinyFile())),
        ]
        var random = SplitMix64(seed: Self.seed)
        var store = try Fixture.store()
        // Taken again only after a mutant was imported: a refused one must leave it as it is.
        var before = try Snapshot(store)
        var exportBefore = try Self.export(store)
        var imported = 0
        var refused = 0
        var wrongByConstruction = 0
        let started = Date()
        for index in 0..<Self.iterations {
            // Start over now and then, so that imported mutants do not pile up.
            if index > 0 && index % 50 == 0 {
                store = try Fixture.store()
                before = try Snapshot(store)
                exportBefore = try Self.export(store)
            }
            // The large board file takes longest to import: it gets one turn in five.
            let base = bases[[0, 0, 1, 2, 2][random.next(below: 5)]]
            var mutant = base.data
            var steps: [String] = []
            for _ in 0...random.next(below: 3) {
                steps.append(Mutator.mutate(&mutant, using: &random))
            }
            let name = "mutant-\(index).json"
            if let last = steps.last, Self.mustBeRefused(last) { wrongByConstruction += 1 }
            do {
                try store.importData(mutant, name: name)
                imported += 1
                before = try Snapshot(store)
                exportBefore = try Self.export(store)
            } catch let error as ImportError {
                refused += 1
                if Self.verbose { print("ImportFuzz \(index) [\(steps.joined(separator: ", "))]: \(error.errorDescription ?? "")") }
                let description = error.errorDescription ?? ""
                let context = "mutant \(index) of \(base.name) (\(steps.joined(separator: ", ")))"
                #expect(error.file == name, "\(context)")
                #expect(description.hasPrefix(name) && description.hasSuffix("Inget har importerats."), "\(context): \(description)")
                #expect(!error.message.isEmpty, "\(context)")
                let after = try Snapshot(store)
                if after != before || (refused % 8 == 0 && (try? Self.export(store)) != exportBefore) {
                    Issue.record("\(context) changed the database although it was refused; saved to \(Self.save(mutant, name))")
                }
            } catch {
                Issue.record("mutant \(index) of \(base.name) (\(steps.joined(separator: ", "))) threw \(type(of: error)), not ImportError: \(error); saved to \(Self.save(mutant, name))")
            }
        }
        // Both outcomes occur, or the mutations are too strong or too weak to test anything.
        if Self.iterations >= 100 {
            #expect(imported > 0)
            #expect(refused > 0)
        }
        print("ImportFuzz: \(Self.iterations) mutants (seed \(Self.seed)): \(imported) imported, \(refused) refused "
              + "(\(wrongByConstruction) wrong by construction), "
              + String(format: "%.2f s", Date().timeIntervalSince(started)))
    }

    @Test("Each unknown enum value and each reference to an id that exists nowhere is refused, and changes nothing")
    func unknownValuesAndIds() throws {
        let base = String(decoding: try Fixture.encode(Fixture.tinyFile()), as: UTF8.self)
        var mutants: [String] = []
        for value in Mutator.enumValues where base.contains("\"\(value)\"") {
            mutants.append(base.replacingOccurrences(of: "\"\(value)\"", with: "\"okänt-värde\""))
        }
        var file = Fixture.tinyFile()
        file.plans?[0].goals?[0].parent = "finns-inte-1"
        mutants.append(String(decoding: try Fixture.encode(file), as: UTF8.self))
        file = Fixture.tinyFile()
        let inherits = file.plans?[0].inherits ?? []
        file.plans?[0].inherits = inherits + ["finns-inte-2"]
        mutants.append(String(decoding: try Fixture.encode(file), as: UTF8.self))
        file = Fixture.tinyFile()
        file.plans?[0].board = "finns-inte-3"
        mutants.append(String(decoding: try Fixture.encode(file), as: UTF8.self))
        #expect(mutants.count >= 8)
        for (index, mutant) in mutants.enumerated() {
            let store = try PlanStore(inMemoryWithLogin: "anna")
            #expect(throws: ImportError.self, "mutant \(index)") { try store.importData(Data(mutant.utf8), name: "fel.json") }
            #expect(try store.isEmpty(), "mutant \(index)")
        }
    }

    @Test("Every truncation of the tiny file is refused as cut short, and changes nothing")
    func truncations() throws {
        let data = try Fixture.encode(Fixture.tinyFile())
        let store = try PlanStore(inMemoryWithLogin: "anna")
        var random = SplitMix64(seed: Self.seed)
        for _ in 0..<max(20, Self.iterations / 5) {
            let cut = 1 + random.next(below: data.count - 2)
            // The file is one object and ends with its closing brace: every proper prefix is cut short,
            // some of them in the middle of a character (the tiny file has å, ä and ö).
            let prefix = data.prefix(cut)
            do {
                try store.importData(prefix, name: "avkortad.json")
                Issue.record("a file cut at byte \(cut) of \(data.count) was imported")
            } catch let error as ImportError {
                #expect(error.message.contains("avkortad"), "cut at \(cut): \(error.message)")
                #expect(error.line != nil, "cut at \(cut)")
            }
            #expect(try store.isEmpty())
        }
    }

    static func save(_ data: Data, _ name: String) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vp-tui-fuzz-\(UUID().uuidString)-\(name)")
        try? data.write(to: url)
        return url.path
    }
}

/// A JSON value with its object keys in order, so that mutants stay close to their originals.
indirect enum FuzzJSON {
    case object([(String, FuzzJSON)])
    case array([FuzzJSON])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null

    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    init(_ value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(FuzzJSON.init))
        case let object as [String: Any]: self = .object(object.keys.sorted().map { ($0, FuzzJSON(object[$0]!)) })
        case let number as NSNumber:
            if let integer = value as? Int, Double(integer) == number.doubleValue { self = .integer(integer) } else { self = .number(number.doubleValue) }
        default: self = .null
        }
    }

    var text: String {
        switch self {
        case .object(let members):
            return "{" + members.map { "\(Self.quote($0.0)): \($0.1.text)" }.joined(separator: ", ") + "}"
        case .array(let elements): return "[" + elements.map(\.text).joined(separator: ", ") + "]"
        case .string(let string): return Self.quote(string)
        case .integer(let integer): return String(integer)
        case .number(let number): return number.isFinite ? "\(number)" : "1e999"
        case .bool(let bool): return bool ? "true" : "false"
        case .null: return "null"
        }
    }

    static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Every node of the tree with its path, the root's (empty) included.
    func nodes() -> [(path: [Step], value: FuzzJSON)] {
        var result: [(path: [Step], value: FuzzJSON)] = []
        func visit(_ node: FuzzJSON, _ path: inout [Step]) {
            result.append((path, node))
            switch node {
            case .object(let members):
                for (key, value) in members {
                    path.append(.key(key))
                    visit(value, &path)
                    path.removeLast()
                }
            case .array(let elements):
                for (index, value) in elements.enumerated() {
                    path.append(.index(index))
                    visit(value, &path)
                    path.removeLast()
                }
            default: break
            }
        }
        var path: [Step] = []
        visit(self, &path)
        return result
    }

    subscript(path: ArraySlice<Step>) -> FuzzJSON? {
        get {
            guard let first = path.first else { return self }
            switch (self, first) {
            case (.object(let members), .key(let key)): return members.first { $0.0 == key }?.1[path.dropFirst()]
            case (.array(let elements), .index(let index)) where elements.indices.contains(index): return elements[index][path.dropFirst()]
            default: return nil
            }
        }
        set {
            guard let first = path.first else {
                if let newValue { self = newValue }
                return
            }
            switch (self, first) {
            case (.object(var members), .key(let key)):
                guard let at = members.firstIndex(where: { $0.0 == key }) else { return }
                if path.count == 1 && newValue == nil {
                    members.remove(at: at)
                } else {
                    members[at].1[path.dropFirst()] = newValue
                }
                self = .object(members)
            case (.array(var elements), .index(let index)) where elements.indices.contains(index):
                if path.count == 1 && newValue == nil {
                    elements.remove(at: index)
                } else {
                    elements[index][path.dropFirst()] = newValue
                }
                self = .array(elements)
            default: break
            }
        }
    }
}

/// Seeded mutations: of bytes, and of the JSON structure.
enum Mutator {
    static let enumValues = ["councilDirection", "councilArea", "boardGoal", "unitGoal", "city", "board", "department", "unit",
                             "vp", "t1", "t2", "vb", "fully", "partly", "not", "none", "notStarted", "ongoing", "done",
                             "deviation", "tertial", "term", "halfYear", "year", "higherIsBetter", "lowerIsBetter",
                             "beforeGoals", "afterGoals"]
    static let oddValues: [FuzzJSON] = [
        .integer(0), .integer(-1), .integer(2021), .integer(Int.max), .number(1.5), .number(-0.0), .number(1e300),
        .number(.infinity), .string(""), .string("text"), .string("jättebra"), .string("a\u{0}b"), .string("\u{1}\u{1B}[31m"),
        .string("2021-02-30"), .string(String(repeating: "å", count: 5000)), .bool(true), .null, .array([]), .object([]),
        .array([.string("vp")]), .object([("id", .string("x"))]),
    ]

    /// Applies one random mutation and says which.
    static func mutate(_ data: inout Data, using random: inout SplitMix64) -> String {
        let kind = random.next(below: 14)
        if kind < 5 { return mutateBytes(&data, kind: kind, using: &random) }
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            return mutateBytes(&data, kind: kind % 5, using: &random)
        }
        var json = FuzzJSON(object)
        let description = mutateTree(&json, kind: kind, using: &random)
        data = Data(json.text.utf8)
        return description
    }

    private static func mutateBytes(_ data: inout Data, kind: Int, using random: inout SplitMix64) -> String {
        guard !data.isEmpty else {
            data = Data("{".utf8)
            return "replace empty"
        }
        let at = random.next(below: data.count)
        switch kind {
        case 0:
            data = data.prefix(at)
            return "truncate at \(at)"
        case 1:
            for _ in 0...random.next(below: 4) {
                let index = data.startIndex + random.next(below: data.count)
                data[index] ^= UInt8(1 << random.next(below: 8))
            }
            return "flip bits near \(at)"
        case 2:
            let interesting: [UInt8] = Array("{}[]\",:\\0-eE.nt \n".utf8) + [0x00, 0x01, 0x7F, 0xC3, 0xA5, 0xFF, 0xED, 0xA0]
            let bytes = (0...random.next(below: 4)).map { _ in
                random.next(below: 2) == 0 ? interesting[random.next(below: interesting.count)] : UInt8(random.next(below: 256))
            }
            data.insert(contentsOf: bytes, at: data.startIndex + at)
            return "insert \(bytes) at \(at)"
        case 3:
            let length = 1 + random.next(below: min(64, data.count - at))
            data.removeSubrange((data.startIndex + at)..<(data.startIndex + at + length))
            return "delete \(length) bytes at \(at)"
        default:
            // Token soup: pieces of JSON in random order.
            let tokens = ["{", "}", "[", "]", ",", ":", "\"format\"", "\"vp-tui-plan\"", "\"version\"", "1", "\"plans\"",
                          "\"cascades\"", "\"id\"", "null", "true", "\"\\u00e5\"", "\"\\ud800\"", "-", "1e5", " "]
            data = Data((0..<random.next(below: 40)).map { _ in tokens[random.next(below: tokens.count)] }.joined().utf8)
            return "token soup"
        }
    }

    private static func mutateTree(_ json: inout FuzzJSON, kind: Int, using random: inout SplitMix64) -> String {
        let nodes = json.nodes()
        func pick(_ filter: ([FuzzJSON.Step], FuzzJSON) -> Bool) -> [FuzzJSON.Step]? {
            let candidates = nodes.filter { filter($0.path, $0.value) }
            return candidates.isEmpty ? nil : candidates[random.next(below: candidates.count)].path
        }
        func label(_ path: [FuzzJSON.Step]) -> String {
            path.map { step in
                switch step {
                case .key(let key): return ".\(key)"
                case .index(let index): return "[\(index)]"
                }
            }.joined()
        }
        switch kind {
        case 5:
            // Delete a key.
            guard let path = pick({ path, _ in if case .key = path.last { return true } else { return false } }) else { return "none" }
            json[path[...]] = nil
            return "delete key \(label(path))"
        case 6:
            // Swap the values of two keys of one object.
            guard let path = pick({ _, value in if case .object(let members) = value { return members.count >= 2 } else { return false } }),
                  case .object(var members)? = json[path[...]] else { return "none" }
            let first = random.next(below: members.count)
            let second = random.next(below: members.count)
            let value = members[first].1
            members[first].1 = members[second].1
            members[second].1 = value
            json[path[...]] = .object(members)
            return "swap \(members[first].0) and \(members[second].0) in \(label(path))"
        case 7:
            // Delete an array element.
            guard let path = pick({ path, _ in if case .index = path.last { return true } else { return false } }) else { return "none" }
            json[path[...]] = nil
            return "delete element \(label(path))"
        case 8:
            // Duplicate an array element (and with it every id inside).
            guard let path = pick({ _, value in if case .array(let elements) = value { return !elements.isEmpty } else { return false } }),
                  case .array(var elements)? = json[path[...]] else { return "none" }
            let index = random.next(below: elements.count)
            elements.insert(elements[index], at: random.next(below: elements.count + 1))
            json[path[...]] = .array(elements)
            return "duplicate element \(label(path))[\(index)]"
        case 9:
            // A value of the wrong type (or an odd value of the right one).
            guard let path = pick({ path, _ in !path.isEmpty }) else { return "none" }
            let value = oddValues[random.next(below: oddValues.count)]
            json[path[...]] = value
            return "replace \(label(path)) with \(value.text.prefix(20))"
        case 10:
            // Another enum value, valid or not.
            guard let path = pick({ _, value in if case .string(let string) = value { return enumValues.contains(string) } else { return false } }) else { return "none" }
            let value = random.next(below: 4) == 0 ? "okänt-värde" : enumValues[random.next(below: enumValues.count)]
            json[path[...]] = .string(value)
            return "enum \(label(path)) = \(value)"
        case 11:
            // Duplicate ids, or refer to an id that is elsewhere or nowhere.
            let referenceKeys: Set<String> = ["id", "item", "parent", "board", "unit"]
            let ids = nodes.compactMap { node -> String? in
                guard node.path.last == .key("id"), case .string(let id) = node.value else { return nil }
                return id
            }
            guard let path = pick({ path, value in
                if case .key(let key)? = path.last, referenceKeys.contains(key), case .string = value { return true }
                if path.dropLast().last == .key("inherits") || path.dropLast().last == .key("notFollowedUp") { return true }
                return false
            }) else { return "none" }
            let value = ids.isEmpty || random.next(below: 3) == 0 ? "finns-inte-\(random.next(below: 100))" : ids[random.next(below: ids.count)]
            json[path[...]] = .string(value)
            return "reference \(label(path)) = \(value)"
        case 12:
            // Years and versions.
            guard let path = pick({ path, _ in path.last == .key("year") || path.last == .key("version") }) else { return "none" }
            let values = [0, -1, 2, 1899, 1900, 2200, 2201, 2022, 99999, Int.max, Int.min]
            let value = values[random.next(below: values.count)]
            json[path[...]] = .integer(value)
            return "number \(label(path)) = \(value)"
        default:
            // Text with control characters, escapes and odd Unicode.
            guard let path = pick({ _, value in if case .string = value { return true } else { return false } }),
                  case .string(let text)? = json[path[...]] else { return "none" }
            let pieces = ["\u{0}", "\u{1}", "\t", "\r\n", "\u{1B}[2J", "\u{7F}", "\u{85}", "\u{FEFF}", "\u{200B}", "e\u{301}", "🇸🇪", "\u{FFFD}"]
            let piece = pieces[random.next(below: pieces.count)]
            let cut = text.index(text.startIndex, offsetBy: random.next(below: text.count + 1))
            json[path[...]] = .string(String(text[..<cut]) + piece + String(text[cut...]))
            return "insert \(piece.unicodeScalars.map { String($0.value, radix: 16) }) into \(label(path))"
        }
    }
}
