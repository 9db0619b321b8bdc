import Testing
@testable import VPApp

/// Frames drawn on a backend: the backend ends up showing the frame, and only changed cells
/// are sent.
@Suite("Screen renderer")
struct ScreenRendererTests {
    private func frame(_ lines: [String], width: Int = 10, cursor: (Int, Int)? = nil) -> Screen {
        var screen = Screen(width: width, height: lines.count)
        for (row, line) in lines.enumerated() { screen.put(line, row: row, column: 0) }
        screen.cursor = cursor.map { (row: $0.0, column: $0.1) }
        return screen
    }

    @Test("The first frame is sent whole after a clear; the backend then shows it")
    func firstFrame() {
        let backend = MemoryBackend(width: 10, height: 2)
        let renderer = ScreenRenderer(backend: backend)
        let screen = frame(["hej å", "漢字 x"], cursor: (1, 3))
        renderer.draw(screen)
        #expect(backend.clears == 1)
        #expect(backend.shown == screen)
        #expect(backend.cursor.map { [$0.row, $0.column] } == [1, 3])
        // Continuation cells of wide characters are not sent.
        #expect(backend.cellsSent == 20 - 2)
    }

    @Test("A next frame sends only the cells that changed, and no clear")
    func onlyChanges() {
        let backend = MemoryBackend(width: 10, height: 2)
        let renderer = ScreenRenderer(backend: backend)
        renderer.draw(frame(["> rad ett", "  rad två"]))
        backend.resetCounts()
        let next = frame(["  rad ett", "> rad två"])
        renderer.draw(next)
        #expect(backend.cellsSent == 2)
        #expect(backend.clears == 0)
        #expect(backend.shown == next)
        // Nothing changed: nothing sent, the cursor hidden as the frame says.
        backend.resetCounts()
        renderer.draw(next)
        #expect(backend.cellsSent == 0)
        #expect(backend.cursor == nil)
        #expect(backend.flushes == 1)
    }

    @Test("After forget, or when the frame changes size, every cell is sent again")
    func forget() {
        let backend = MemoryBackend(width: 10, height: 2)
        let renderer = ScreenRenderer(backend: backend)
        let screen = frame(["abc", "def"])
        renderer.draw(screen)
        backend.resetCounts()
        renderer.forget()
        renderer.draw(screen)
        #expect(backend.cellsSent == 20)
        #expect(backend.clears == 1)
        backend.resetCounts()
        renderer.draw(frame(["abc"], width: 8))
        #expect(backend.cellsSent == 8)
        #expect(backend.clears == 1)
    }

    @Test("A frame larger than the backend is cut at its edge, and a cursor outside is hidden")
    func clipped() {
        let backend = MemoryBackend(width: 4, height: 1)
        let renderer = ScreenRenderer(backend: backend)
        renderer.draw(frame(["abcdefgh", "ijkl"], width: 8, cursor: (1, 2)))
        #expect(backend.shown.text == "abcd")
        #expect(backend.cellsSent == 4)
        #expect(backend.cursor == nil)
    }
}
