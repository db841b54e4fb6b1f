import AgoraDomain
import Testing

@Suite("Order reference numbers")
struct ReferenceNumberTests {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTWXYZ")

    @Test("references look like AG-7K3F-9Q2M, read back as typed, and are not sequential")
    func format() throws {
        var generator = SeededRandom(state: 1)
        let references = (0..<2_000).map { _ in ReferenceNumber.random(using: &generator) }
        for reference in references {
            #expect(reference.value.wholeMatch(of: /AG-[0-9A-HJKMNP-TW-Z]{4}-[0-9A-HJKMNP-TW-Z]{4}/) != nil)
            #expect(try ReferenceNumber(reference.value) == reference)
            #expect(try ReferenceNumber(reference.value.lowercased().replacingOccurrences(of: "-", with: "")) == reference)
            #expect(try ReferenceNumber(String(reference.value.dropFirst(3))) == reference)
        }
        #expect(Set(references).count == references.count)
    }

    @Test("O is read as 0, I and L as 1")
    func lookalikes() throws {
        var generator = SeededRandom(state: 7)
        for _ in 0..<200 {
            let reference = ReferenceNumber.random(using: &generator)
            guard reference.value.contains("0") || reference.value.contains("1") else { continue }
            let misread = reference.value.dropFirst(3).replacingOccurrences(of: "0", with: "O").replacingOccurrences(of: "1", with: "l")
            #expect(try ReferenceNumber(misread) == reference)
        }
    }

    @Test("every single mistyped symbol and every swap of two different symbols is detected")
    func typos() throws {
        var generator = SeededRandom(state: 42)
        for _ in 0..<100 {
            let reference = ReferenceNumber.random(using: &generator)
            let symbols = Array(reference.value.filter { $0 != "-" }.dropFirst(2))
            for position in symbols.indices {
                for replacement in Self.alphabet where replacement != symbols[position] {
                    var typed = symbols
                    typed[position] = replacement
                    #expect(throws: ValidationError.self) { try ReferenceNumber(String(typed)) }
                }
                for other in symbols.indices where other > position && symbols[other] != symbols[position] {
                    var swapped = symbols
                    swapped.swapAt(position, other)
                    #expect(throws: ValidationError.self) { try ReferenceNumber(String(swapped)) }
                }
            }
        }
    }

    @Test("other text is not a reference", arguments: ["", "AG-", "AG-7K3F-9Q2", "AG-7K3F-9Q2MM", "AG-7K3F-9Q2U", "BG-7K3F-9Q2M", "AG 7K3F 9Q2!"])
    func garbage(text: String) {
        #expect(throws: ValidationError.self) { try ReferenceNumber(text) }
    }
}

@Suite("Attachment types and names")
struct AttachmentTypeTests {
    @Test("types come from the content", arguments: [
        (Array("%PDF-1.4".utf8), AttachmentType.pdf),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], .png),
        ([0xFF, 0xD8, 0xFF, 0xE0], .jpeg),
        (Array("GIF89a".utf8), .gif),
        (Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8), .webp),
        ([0x50, 0x4B, 0x03, 0x04] + Array("[Content_Types].xml word/document.xml".utf8), .word),
        ([0x50, 0x4B, 0x03, 0x04] + Array("[Content_Types].xml xl/workbook.xml".utf8), .excel),
        (Array("Plain notes, café\n".utf8), .text),
    ] as [([UInt8], AttachmentType)])
    func accepted(head: [UInt8], type: AttachmentType) {
        #expect(AttachmentType.sniff(head, complete: true) == type)
    }

    @Test("programs, scripts, markup, archives and binary text are refused", arguments: [
        [0x4D, 0x5A, 0x90, 0x00], [0x7F, 0x45, 0x4C, 0x46], Array("#!/bin/sh".utf8), Array("  <svg onload=x>".utf8),
        [0x50, 0x4B, 0x03, 0x04, 0x41], Array("text\u{0}with NUL".utf8), [0xC3, 0x28], [],
    ] as [[UInt8]])
    func refused(head: [UInt8]) {
        #expect(AttachmentType.sniff(head, complete: true) == nil)
    }

    @Test("text cut inside a character is still text when the head is not the whole file")
    func cutText() {
        let head = Array("Prix: 5 €".utf8).dropLast()
        #expect(AttachmentType.sniff(Array(head), complete: false) == .text)
        #expect(AttachmentType.sniff(Array(head), complete: true) == nil)
    }

    @Test("names with paths or control characters are refused; the download header cannot be broken out of")
    func names() throws {
        for bad in ["", "../a.pdf", "a/b.pdf", "C:\\x.pdf", "a\u{0}.pdf", "a\u{202E}fdp.exe", String(repeating: "a", count: 201)] {
            #expect(throws: ValidationError.self) { try AttachmentName(bad) }
        }
        let name = try AttachmentName("a\"; filename=evil.exe; x=\".pdf")
        #expect(name.contentDisposition.hasPrefix("attachment; filename=\"a__ filename_evil.exe_ x__.pdf\"; filename*=UTF-8''"))
        #expect(!name.contentDisposition.dropFirst(12).contains("\"; filename=evil"))
    }
}
