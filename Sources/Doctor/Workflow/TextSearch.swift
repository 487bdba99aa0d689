extension StringProtocol {
    /// Whether `needle` occurs in the text, compared by UTF-8 bytes. Workflow checks only
    /// look for short ASCII fragments; a plain byte scan avoids Foundation's locale-aware
    /// search, which dominated `hallmark doctor`'s profile.
    func has(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let text = Array(utf8)
        guard text.count >= pattern.count else { return false }
        var index = 0
        while index <= text.count - pattern.count {
            if text[index] == first, text[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
