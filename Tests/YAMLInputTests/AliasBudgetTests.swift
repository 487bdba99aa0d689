import Testing
@testable import YAMLInput

/// ``AliasBudget`` refuses documents whose aliases expand too far or that nest too
/// deep, before Yams composes (and hashes) them; ordinary anchors pass.
@Suite struct AliasBudgetTests {
    /// A "billion laughs" document: each level aliases the previous one ten times.
    static func laughs(levels: Int, asKeys: Bool) -> String {
        var text = "a0: &a0 lol\n"
        for level in 1...levels {
            let items = (0..<10).map { asKeys ? "? *a\(level - 1)\n  : \($0)" : "*a\(level - 1)" }
            text += asKeys
                ? "a\(level): &a\(level)\n" + items.map { "  " + $0.replacingOccurrences(of: "\n  ", with: "\n    ") }.joined(separator: "\n") + "\n"
                : "a\(level): &a\(level) [\(items.joined(separator: ", "))]\n"
        }
        return text
    }

    @Test func billionLaughsThroughValuesIsRefusedWithItsLine() throws {
        let text = Self.laughs(levels: 9, asKeys: false)
        let error = try #require(throws: YAMLInputError.self) { try YAMLDocument.compose(text) }
        #expect(error.message.contains("\(AliasBudget.maxExpandedNodes) nodes"))
        #expect((error.line ?? 0) > 1)
    }

    /// Alias keys: Yams' duplicate-key check hashes each key whole, so these stall it
    /// when composed (a 731-byte document stalled it for minutes).
    @Test func billionLaughsThroughMappingKeysIsRefusedBeforeComposing() throws {
        let text = Self.laughs(levels: 9, asKeys: true)
        #expect(text.utf8.count < 2000)
        #expect(throws: YAMLInputError.self) { try YAMLDocument.compose(text) }
    }

    /// Yams composes recursively: nesting is bounded here (libyaml's own limit is 1,000 levels).
    @Test func deepNestingIsRefused() throws {
        let depth = AliasBudget.maxDepth + 44
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(throws: YAMLInputError.self) { try YAMLDocument.compose(text) }
        #expect(error.message.contains("nested deeper than \(AliasBudget.maxDepth)"))
        #expect(throws: YAMLInputError.self) { try YAMLDocument.compose(String(repeating: "[", count: 100_000)) }
        let allowed = String(repeating: "[", count: AliasBudget.maxDepth) + String(repeating: "]", count: AliasBudget.maxDepth)
        #expect(try YAMLDocument.compose(allowed) != nil)
    }

    @Test func ordinaryAnchorsPass() throws {
        let text = """
            defaults: &defaults
              runs-on: ubuntu-latest
              steps: [{uses: actions/checkout@v4}, {run: make}]
            build: *defaults
            test:
              <<: *defaults
              env: {A: b}

            """
        let root = try #require(try YAMLDocument.compose(text))
        #expect(root.mapping?["build"]?.mapping?["runs-on"]?.string == "ubuntu-latest")
    }

    /// Up to the budget exactly is fine, one node more is not.
    @Test func theBudgetIsExact() throws {
        let items = AliasBudget.maxExpandedNodes - 1
        let text = "[" + Array(repeating: "x", count: items).joined(separator: ",") + "]"
        #expect(try YAMLDocument.compose(text)?.sequence?.count == items)
        #expect(throws: YAMLInputError.self) { try YAMLDocument.compose("[" + text.dropFirst().dropLast() + ",y]") }
    }

    /// Syntax errors are reported by the composer, with their line.
    @Test func syntaxErrorsKeepTheirLine() throws {
        let error = try #require(throws: YAMLInputError.self) { try YAMLDocument.compose("a: 1\nb: [\n") }
        #expect(error.message.hasPrefix("invalid YAML"))
        #expect(error.line != nil)
    }
}
