/// Counts words and phrase occurrences the way readers see them: case-insensitive, letters and digits only.
enum KeywordCounter {
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }

    /// Occurrences of the phrase as consecutive words.
    static func occurrences(of phrase: String, in words: [Substring]) -> Int {
        let target = self.words(phrase)
        guard !target.isEmpty, words.count >= target.count else { return 0 }
        return (0...(words.count - target.count)).filter { start in
            target.indices.allSatisfy { words[start + $0] == target[$0] }
        }.count
    }
}
