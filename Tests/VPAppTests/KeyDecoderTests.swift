import Testing
@testable import VPApp

/// The bytes a terminal sends, decoded into keys without a terminal.
@Suite("Key decoding")
struct KeyDecoderTests {
    /// Feeds the pieces one read at a time, then lets the pending wait run out.
    private func decode(_ pieces: [String], timeout: Bool = true) -> [KeyEvent] {
        decodeBytes(pieces.map { Array($0.utf8) }, timeout: timeout)
    }

    private func decodeBytes(_ pieces: [[UInt8]], timeout: Bool = true) -> [KeyEvent] {
        var decoder = KeyDecoder()
        var events: [KeyEvent] = []
        for piece in pieces { events += decoder.feed(piece) }
        if timeout {
            while decoder.pendingWait != nil { events += decoder.timeout() }
        }
        return events
    }

    @Test("Plain text, å ä ö and wide characters, control keys")
    func text() {
        #expect(decode(["aå€漢😀"]) == [.character("a"), .character("å"), .character("€"), .character("漢"), .character("😀")])
        #expect(decode(["\r\t\u{7F}\u{08}\u{13}\u{03}"]) == [.enter, .tab, .backspace, .backspace, .control("s"), .control("c")])
        #expect(decode(["\n"]) == [.enter])
    }

    @Test("A UTF-8 character split across reads is one character, and waits for its last byte")
    func splitUTF8() {
        let bytes = Array("ö😀".utf8)
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes[0..<1]).isEmpty)
        #expect(decoder.feed(bytes[1..<3]) == [.character("ö")])
        #expect(decoder.feed(bytes[3..<5]).isEmpty)
        #expect(decoder.feed(bytes[5...]) == [.character("😀")])
        #expect(decoder.pendingWait == nil)
    }

    @Test("Invalid UTF-8 is dropped, the text around it kept")
    func invalidUTF8() {
        #expect(decodeBytes([[0x61, 0xFF, 0x80, 0x62, 0xC3, 0x28]]) == [.character("a"), .character("b"), .character("(")])
    }

    @Test("CSI and SS3 arrows, Home/End, paging, Delete and F-keys, in every form terminals send")
    func sequences() {
        #expect(decode(["\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D"]) == [.up, .down, .right, .left])
        #expect(decode(["\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD"]) == [.up, .down, .right, .left])
        #expect(decode(["\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}OH\u{1B}OF"]) == [.home, .end, .home, .end, .home, .end])
        #expect(decode(["\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[Z"]) == [.pageUp, .pageDown, .delete, .backTab])
        #expect(decode(["\u{1B}OP\u{1B}[15~\u{1B}[24~\u{1B}[[A"]) == [.function(1), .function(5), .function(12), .function(1)])
    }

    @Test("Ctrl with arrows, Home and End; other modifiers give the plain key")
    func modifiers() {
        #expect(decode(["\u{1B}[1;5C\u{1B}[1;5D\u{1B}[1;5H\u{1B}[1;5F"]) == [.ctrlRight, .ctrlLeft, .ctrlHome, .ctrlEnd])
        #expect(decode(["\u{1B}Oc\u{1B}Od\u{1B}[7^\u{1B}[8^"]) == [.ctrlRight, .ctrlLeft, .ctrlHome, .ctrlEnd])
        #expect(decode(["\u{1B}[1;2A\u{1B}[1;3H"]) == [.up, .home])
    }

    @Test("A sequence split across reads is one key")
    func splitSequence() {
        #expect(decode(["\u{1B}", "[", "1;5", "C"], timeout: false) == [.ctrlRight])
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[1;".utf8)).isEmpty)
        #expect(decoder.pendingWait == KeyDecoder.escapeWaitMilliseconds)
        #expect(decoder.feed(Array("5Fx".utf8)) == [.ctrlEnd, .character("x")])
    }

    @Test("A lone Esc is Esc once the wait runs out, not before")
    func loneEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.pendingWait == KeyDecoder.escapeWaitMilliseconds)
        #expect(decoder.timeout() == [.escape])
        #expect(decoder.pendingWait == nil)
        #expect(decode(["\u{1B}\u{1B}"]) == [.escape, .escape])
        #expect(decode(["\u{1B}\r"]) == [.escape, .enter])
        #expect(decode(["\u{1B}\u{13}"]) == [.escape, .control("s")])
    }

    @Test("Esc before a character within the wait is an Alt chord; unbound, it is Esc and the key")
    func alt() {
        #expect(decode(["\u{1B}b\u{1B}ö\u{1B}\u{7F}"]) == [.alt("b"), .alt("ö"), .alt("\u{7F}")])
        #expect(decode(["\u{1B}[", ""]) == [.alt("[")])
        #expect(decode(["\u{1B}O"]) == [.alt("O")])
        #expect(KeyEvent.alt("n").asEscapeThenKey == [.escape, .character("n")])
        #expect(KeyEvent.alt("\u{7F}").asEscapeThenKey == [.escape, .backspace])
        #expect(KeyEvent.up.asEscapeThenKey == [.up])
    }

    @Test("A bracketed paste is one event whatever it holds, across reads, CR as a line end")
    func paste() {
        #expect(decode(["x\u{1B}[200~rad ett\r\nrad två\rq\u{1B}[201~y"]) == [
            .character("x"), .paste("rad ett\nrad två\nq"), .character("y"),
        ])
        // Split anywhere, the markers included.
        let whole = Array("\u{1B}[200~åäö\u{1B}[201~".utf8)
        for cut in 1..<whole.count {
            #expect(decodeBytes([Array(whole[..<cut]), Array(whole[cut...])]) == [.paste("åäö")], "cut at \(cut)")
        }
    }

    @Test("Escape sequences and control keys inside a paste are text, never keys")
    func pasteHoldsSequences() {
        #expect(decode(["\u{1B}[200~a\u{1B}[Ab\u{13}\u{03}c\u{1B}q\u{1B}[201~"]) == [.paste("a[Abcq")])
        // A paste start inside a paste is text too.
        #expect(decode(["\u{1B}[200~a\u{1B}[200~b\u{1B}[201~"]) == [.paste("a[200~b")])
    }

    @Test("A paste holding the end marker's bytes ends only at the real end marker")
    func pasteHoldsEndMarker() {
        let pasted = "början\u{1B}[201~\u{13}q mitten\u{1B}[201~ slut"
        #expect(decode(["\u{1B}[200~\(pasted)\u{1B}[201~"]) == [.paste("början[201~q mitten[201~ slut")])
        // The same when the terminal's writes reach us in pieces.
        #expect(decode(["\u{1B}[200~början\u{1B}[201~", "\u{13}q", " mitten\u{1B}[201~ slut\u{1B}[201~"]) == [
            .paste("början[201~q mitten[201~ slut"),
        ])
    }

    @Test("After a real end marker, keys typed at once are keys, and a second paste is a second paste")
    func afterPaste() {
        #expect(decode(["\u{1B}[200~a\u{1B}[201~", "q"]) == [.paste("a"), .character("q")])
        #expect(decode(["\u{1B}[200~a\u{1B}[201~\u{1B}[200~b\u{1B}[201~"]) == [.paste("a"), .paste("b")])
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~a\u{1B}[201~".utf8)).isEmpty)
        #expect(decoder.pendingWait == KeyDecoder.pasteEndWaitMilliseconds)
        #expect(decoder.timeout() == [.paste("a")])
        #expect(!decoder.isInPaste)
    }

    @Test("A paste whose end never comes ends after the stall, with what arrived")
    func pasteStall() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~halv".utf8)).isEmpty)
        #expect(decoder.pendingWait == KeyDecoder.pasteStallMilliseconds)
        #expect(decoder.timeout() == [.paste("halv")])
        #expect(decoder.feed(Array("j".utf8)) == [.character("j")])
    }
}
