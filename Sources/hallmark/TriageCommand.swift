import ArgumentParser
import Doctor
import Foundation
import Reporting

/// `hallmark triage LOG`: what a failed CI log means, and what to do.
struct TriageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Classify a failed CI log: category, the log lines, likely cause, resolution and verification.",
        discussion: """
            LOG is a GitHub Actions log file (raw, with or without timestamps and colours) or - for \
            standard input. The patterns come from a data file (triage-knowledge.json), so new failure \
            patterns need no code: --knowledge FILE adds categories in the same format (one with a \
            bundled id replaces it). --escalation DIR writes the troubleshooting guide's escalation bundle.
            Exit status 1 when a failure was recognised, 0 when none was.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "The log file, or - for standard input.")
    var log: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Write an escalation bundle (log, error lines, verification commands, report template) to this folder.")
    var escalation: String?

    @Option(help: "A knowledge-base file (triage-knowledge.json format) whose categories are added to the bundled ones; repeatable.")
    var knowledge: [String] = []

    /// The largest log an escalation bundle copies (classifying alone streams any size).
    static let maxLogSize = 256 << 20

    func run() async throws {
        var base = try TriageKnowledge.bundled()
        for file in knowledge {
            base = base.merging(try TriageKnowledge.load(Data(try FileInput.read(file, limit: 16 << 20)), source: file))
        }
        // The log streams past the classifier; only the escalation bundle keeps a copy.
        var scan = LogScan(try LogClassifier(knowledge: base))
        var kept: [UInt8] = []
        try FileInput.stream(log) { piece in
            scan.feed(piece)
            guard escalation != nil else { return }
            guard kept.count + piece.count <= Self.maxLogSize else {
                throw UsageError("\(log): over the \(Self.maxLogSize)-byte limit for an escalation bundle's copy of the log")
            }
            kept += piece
        }
        let diagnoses = scan.finish()
        switch format {
        case .json: Terminal.print(try JSONOutput.render(diagnoses))
        case .text: Terminal.print(TriageText.render(diagnoses, source: log))
        }
        if let escalation { try EscalationBundle(directory: escalation).write(log: kept, source: log, diagnoses: diagnoses) }
        if !diagnoses.isEmpty { throw ExitCode(ExitStatus.failed.rawValue) }
    }
}

/// The human form of a triage.
enum TriageText {
    static func render(_ diagnoses: [LogClassifier.Diagnosis], source: String) -> String {
        guard !diagnoses.isEmpty else { return "\(source): no known failure pattern found." }
        var lines: [String] = []
        for (index, diagnosis) in diagnoses.enumerated() {
            lines.append("\(index == 0 ? "Most likely" : "Also"): \(diagnosis.title) [\(diagnosis.category)]")
            for line in diagnosis.lines { lines.append("  \(source):\(line.number): \(line.text)") }
            lines.append("  Cause: \(diagnosis.cause)")
            lines.append("  Fix:")
            lines += diagnosis.resolution.enumerated().map { "    \($0.offset + 1). \($0.element)" }
            lines.append("  Verify:")
            lines += diagnosis.verify.map { "    $ \($0)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
