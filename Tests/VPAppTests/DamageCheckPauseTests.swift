import Foundation
import Testing
@testable import VPApp

/// SQLite's check of the whole file waits for the first pause in the keys, and starts once.
@Suite("The check of the file for damage starts at the first pause")
struct DamageCheckPauseTests {
    static func starts(_ effects: [Effect]) -> Int {
        effects.filter { if case .checkFileForDamage = $0 { return true } else { return false } }.count
    }

    @Test("Not while keys come; at a tick two seconds after the last key; never twice")
    func waitsForPause() {
        var state = AppState(width: 80, height: 24)
        var time = Date(timeIntervalSinceReferenceDate: 1_000_000)
        var started = 0
        for _ in 0..<20 {
            started += Self.starts(Update.handle(.tick(time), &state))
            _ = Update.handle(.key(.down), &state)
            time += 0.3
        }
        #expect(started == 0, "keys came every 0.3 s")
        #expect(Self.starts(Update.handle(.tick(time + 1), &state)) == 0, "a second after the last key is no pause yet")
        #expect(Self.starts(Update.handle(.tick(time + Update.pauseBeforeDamageCheck), &state)) == 1)
        #expect(Self.starts(Update.handle(.tick(time + 60), &state)) == 0)
    }

    @Test("With no key at all, it starts two seconds after the first tick")
    func noKeys() {
        var state = AppState(width: 80, height: 24)
        let start = Date(timeIntervalSinceReferenceDate: 1_000_000)
        #expect(Self.starts(Update.handle(.tick(start), &state)) == 0)
        #expect(Self.starts(Update.handle(.tick(start + 1.9), &state)) == 0)
        #expect(Self.starts(Update.handle(.tick(start + 2), &state)) == 1)
        #expect(Self.starts(Update.handle(.tick(start + 5), &state)) == 0)
    }
}
