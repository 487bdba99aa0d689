import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 9: YAML whose aliases would expand without bound (through values,
    /// through mapping keys, or jobs times aliased steps) is refused before anything is
    /// built from it, with the file and line.
    @Suite struct WorkflowYAMLCases {
        /// Ten levels, each aliasing the previous one ten times: 10^10 nodes expanded.
        static let laughs: String = {
            var text = "on: push\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            for level in 1...9 { text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ",") + "]\n" }
            return text + "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{run: make, with: {bomb: *l9}}]\n"
        }()

        /// The 731-byte shape that stalled Yams' duplicate-key check: aliases as mapping keys.
        static let aliasKeys: String = {
            var text = "k0: &k0 [lol]\n"
            for level in 1...12 { text += "k\(level): &k\(level) {? *k\(level - 1) : 1, ? [*k\(level - 1)] : 2, ? [[*k\(level - 1)]] : 3}\n" }
            return text
        }()

        /// 2,000 jobs each aliasing the same 300 steps (the model once reached 1.8 GB).
        static let jobsTimesSteps: String = {
            let steps = (0..<300).map { "    - {run: echo \($0), with: {a: b}}" }.joined(separator: "\n")
            var text = "on: push\nx-steps: &steps\n\(steps)\njobs:\n"
            for job in 0..<2000 { text += "  j\(job): {runs-on: ubuntu-latest, steps: *steps}\n" }
            return text
        }()

        @Test("doctor refuses an alias bomb in a workflow", arguments: [("laughs.yml", laughs), ("keys.yml", aliasKeys), ("jobs.yml", jobsTimesSteps)])
        func workflow(_ name: String, _ text: String) async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let file = try scratch.write(name, text)
            let outcome = try await Hallmark.run(["doctor", file])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.contains("\(file):") && outcome.stderr.contains("nodes once its aliases are expanded"), "\(outcome)")
        }

        @Test("ignores lint refuses an alias bomb in .grype.yaml, naming file and line")
        func grypeConfig() async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let file = try scratch.write(".grype.yaml", Self.aliasKeys + "ignore:\n  - vulnerability: CVE-2024-0001\n    reason: bounded\n")
            let outcome = try await Hallmark.run(["ignores", "lint", file])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 2, "\(outcome)")
            #expect(outcome.stderr.contains("\(file):") && outcome.stderr.contains("nodes once its aliases are expanded"), "\(outcome)")
        }
    }
}
