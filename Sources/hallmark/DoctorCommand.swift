import ArgumentParser
import Doctor
import Foundation
import Reporting

/// `hallmark doctor [PATH...]`: provenance and attestation mistakes in GitHub Actions workflows.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Lint GitHub Actions workflows for provenance, SBOM and attestation mistakes, with exact fixes.",
        discussion: """
            Each PATH is a workflow file or a folder of them (default .github/workflows/); calls to \
            local reusable workflows are followed within a folder. Each finding names \
            the rule, the file, line and column, why it matters and the YAML to change. A file that \
            cannot be read is reported and the others are still analysed. --fix writes the proposed \
            permissions: blocks into the files (atomically, keeping every other line) and reports what \
            remains. Exit 1 when a finding at or above --fail-on (default error) exists.

            \(ExitStatus.help)
            """
    )

    enum Format: String, ExpressibleByArgument {
        case text, json, github, sarif
    }

    @Argument(help: "Workflow files or folders (default .github/workflows/).")
    var paths: [String] = []

    @Option(help: "Output format: text, json, github (::error annotations) or sarif (GitHub code scanning).")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings at or above: info, warning, error.")
    var failOn: FailLevel = .error

    @Option(help: "Also check this pushed image: every platform must have provenance (and what --expect adds).")
    var image: String?

    @Option(help: "With --image: attestation kinds every platform must have (default provenance; add sbom, vuln).")
    var expect = "provenance"

    @Flag(help: "Write the proposed permissions: blocks into the workflow files (other findings are reported, not changed).")
    var fix = false

    @OptionGroup var registryOptions: RegistryOptions

    enum FailLevel: String, ExpressibleByArgument {
        case info, warning, error

        var severity: DoctorFinding.Severity { DoctorFinding.Severity(rawValue: rawValue) ?? .error }
    }

    func run() async throws {
        var workflows: [String: Workflow] = [:]
        var problems = 0
        let skipWorkflows = image != nil && paths.isEmpty && !FileManager.default.fileExists(atPath: Self.defaultPath)
        let files = skipWorkflows ? [] : try (paths.isEmpty ? [Self.defaultPath] : paths).flatMap(Self.files(at:))
        for (file, parsed) in zip(files, await Self.parse(files)) {
            switch parsed {
            case .success(let workflow): workflows[file] = workflow
            case .failure(let error):
                problems += 1
                Terminal.error("error: \(error)")
            }
        }
        var findings = Self.check(workflows)
        if fix {
            try Self.fixPermissions(findings, in: &workflows)
            findings = Self.check(workflows)
        }
        switch format {
        case .json: Terminal.print(try JSONOutput.render(findings))
        case .sarif: Terminal.print(try JSONOutput.render(SARIFLog(doctor: findings)))
        case .github:
            for finding in findings { Terminal.print(GitHubAnnotation.line(for: finding)) }
        case .text: Terminal.print(DoctorText.render(findings, workflows: workflows))
        }
        var imageMissing = false
        if let image { imageMissing = try await ImageCheck(image: image, expect: expect, options: registryOptions).run(workflowFindings: findings) }
        if findings.contains(where: { $0.severity >= failOn.severity }) || problems > 0 || imageMissing { throw ExitCode(ExitStatus.failed.rawValue) }
    }

    static let defaultPath = ".github/workflows/"

    /// The findings of all workflows together (calls between them followed), by file.
    static func check(_ workflows: [String: Workflow]) -> [DoctorFinding] {
        WorkflowDoctor().check(workflows.keys.sorted().compactMap { workflows[$0] }).flatMap { $0 }
    }

    /// Writes each workflow's permission edits (atomically) and re-reads it; what changed
    /// goes to stderr.
    static func fixPermissions(_ findings: [DoctorFinding], in workflows: inout [String: Workflow]) throws {
        for (path, workflow) in workflows {
            guard let (text, edits) = PermissionFixer.apply(findings.filter { $0.path == path }, to: workflow) else { continue }
            let fixed = try WorkflowParser.parse(text, path: path)
            try OutputTarget.file(path).write(Array(text.utf8))
            workflows[path] = fixed
            for edit in edits {
                let scopes = edit.scopes.keys.sorted().map { "\($0): \(edit.scopes[$0]?.name ?? "")" }.joined(separator: ", ")
                Terminal.error("fixed \(path): job '\(edit.job)' permissions: \(scopes)")
            }
        }
    }

    /// Each file read and parsed, in parallel, in the order given.
    static func parse(_ files: [String]) async -> [Result<Workflow, any Error>] {
        await withTaskGroup(of: (Int, Result<Workflow, any Error>).self) { group in
            for (index, file) in files.enumerated() {
                group.addTask {
                    (index, Result { try WorkflowParser.parse(bytes: try FileInput.read(file, limit: WorkflowParser.maxSize), path: file) })
                }
            }
            var results = [Result<Workflow, any Error>](repeating: .failure(CancellationError()), count: files.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
    }

    /// The `.yml`/`.yaml` files at `path`, sorted.
    static func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageError("\(path): no such file or folder (run in a repository, or name the workflows)")
        }
        guard isDirectory.boolValue else { return [path] }
        // A folder that cannot be listed, or holds no workflow, must not pass as clean.
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw UsageError("\(path): cannot list the folder (\(error.localizedDescription)); check its permissions")
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let files = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { "\(base)/\($0)" }
        guard !files.isEmpty else { throw UsageError("\(path): no .yml or .yaml workflow files in this folder; name the workflows to check") }
        return files
    }
}

/// The human form of doctor findings: grouped by file, each with its source line and a caret.
enum DoctorText {
    static func render(_ findings: [DoctorFinding], workflows: [String: Workflow]) -> String {
        guard !findings.isEmpty else { return "No provenance or attestation problems found in \(workflows.count) workflows." }
        var lines: [String] = []
        for (path, group) in Dictionary(grouping: findings, by: \.path).sorted(by: { $0.key < $1.key }) {
            lines.append(path)
            for finding in group {
                lines.append("  \(finding.position.line):\(finding.position.column) \(finding.severity.rawValue) [\(finding.rule)] \(finding.message)")
                if let source = workflows[path]?.lines, finding.position.line >= 1, finding.position.line <= source.count {
                    lines.append("    | \(source[finding.position.line - 1])")
                    lines.append("    | " + String(repeating: " ", count: max(0, finding.position.column - 1)) + "^")
                }
                lines.append("    why: \(finding.why)")
                lines.append("    fix:")
                lines += finding.fix.split(separator: "\n").map { "      \($0)" }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
