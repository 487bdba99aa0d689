import Foundation
import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 10: no triage pattern backtracks super-linearly on a long line
    /// (`platform .* not found` once took 38 s on a 128 KiB line). Every pattern of the
    /// bundled knowledge base gets a log of adversarial 1 MiB lines built from its own
    /// literal text, and triage must finish within the bounds.
    @Suite struct TriageLogCases {
        static let knowledge = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Doctor/Resources/triage-knowledge.json")

        static let lineLength = 1 << 20

        /// Every pattern of the bundled knowledge base.
        static let patterns: [String] = {
            guard let data = try? Data(contentsOf: knowledge),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let categories = json["categories"] as? [[String: Any]]
            else { return [] }
            return categories.flatMap { $0["patterns"] as? [String] ?? [] }
        }()

        /// The runs of plain text in `pattern` (what a near-miss line is made of).
        static func literals(_ pattern: String) -> [String] {
            var runs: [String] = []
            var current = ""
            var escaped = false
            for character in pattern {
                if escaped {
                    if character.isLetter || character.isNumber { runs.append(current); current = "" } else { current.append(character) }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if "^$.|?*+()[]{}".contains(character) {
                    runs.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            runs.append(current)
            return runs.filter { !$0.isEmpty }
        }

        /// Lines that almost match: the literals repeated with no gap, the first literal
        /// followed by a long run without spaces, and all literals but the last repeated.
        static func adversarialLog(for pattern: String) -> String {
            let runs = literals(pattern)
            func repeated(_ unit: String) -> String {
                let unit = unit.isEmpty ? "x" : unit
                return String(repeating: unit, count: lineLength / unit.utf8.count + 1)
            }
            let lines = [
                repeated(runs.joined()),
                repeated((runs.first ?? "x") + " "),
                (runs.first ?? "") + " " + String(repeating: "a", count: lineLength),
                repeated(runs.dropLast().joined(separator: " ") + " "),
            ]
            return lines.joined(separator: "\n") + "\n"
        }

        @Test func theKnowledgeBaseIsThere() {
            #expect(Self.patterns.count >= 50, "read \(Self.knowledge.path)")
        }

        @Test("triage stays bounded on adversarial 1 MiB lines", arguments: patterns)
        func pattern(_ pattern: String) async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let log = try scratch.write("job.log", Self.adversarialLog(for: pattern))
            let outcome = try await Hallmark.run(["triage", log, "--format", "json"])
            #expect(outcome.isWithin(Hallmark.limits), "\(pattern): \(outcome)")
            #expect(outcome.status == 0 || outcome.status == 1, "\(pattern): \(outcome)")
        }
    }
}
