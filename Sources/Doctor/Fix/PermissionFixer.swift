/// Writes the permission blocks that findings propose into a workflow's text, for
/// `hallmark doctor --fix`: a job's own `permissions:` block is replaced where it stands;
/// a job without one gets one as its first key. Every other line is kept as it was,
/// comments included.
public enum PermissionFixer {
    /// The fixed text and the edits made, or nil when no finding carries an edit.
    public static func apply(_ findings: [DoctorFinding], to workflow: Workflow) -> (text: String, edits: [PermissionEdit])? {
        var byJob: [String: PermissionEdit] = [:]
        for edit in findings.compactMap(\.edit) {
            byJob[edit.job] = byJob[edit.job].map { $0.merged(with: edit) } ?? edit
        }
        let jobs = workflow.jobs.filter { byJob[$0.id] != nil }
        guard !jobs.isEmpty else { return nil }
        var lines = workflow.lines
        // Bottom-up, so the line numbers of the jobs above stay valid.
        for job in jobs.sorted(by: { $0.position > $1.position }) {
            guard let edit = byJob[job.id] else { continue }
            if let own = job.permissions {
                let range = blockRange(lines, keyLine: own.position.line - 1)
                let indent = String(repeating: " ", count: max(0, own.position.column - 1))
                let scopeIndent = range.count > 1 ? leadingSpaces(lines[range.lowerBound + 1]) : nil
                lines.replaceSubrange(range, with: edit.lines(indent: indent, scopeIndent: scopeIndent))
            } else {
                let keyLine = job.position.line - 1
                let indent = childIndent(lines, after: keyLine) ?? String(repeating: " ", count: max(0, job.position.column - 1) + 2)
                lines.insert(contentsOf: edit.lines(indent: indent), at: keyLine + 1)
            }
        }
        return (lines.joined(separator: "\n"), jobs.compactMap { byJob[$0.id] })
    }

    /// The lines of the mapping entry whose key is on `keyLine`: the key line, then every
    /// more-indented line, without trailing blank or comment lines. Just the key line when
    /// its value is on it (`permissions: read-all`, `{…}`).
    static func blockRange(_ lines: [String], keyLine: Int) -> Range<Int> {
        let key = lines[keyLine]
        let afterColon = key.firstIndex(of: ":").map { key[key.index(after: $0)...] } ?? ""
        let inlineValue = afterColon.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
            .contains { $0 != " " && $0 != "\t" } ?? false
        guard !inlineValue else { return keyLine..<(keyLine + 1) }
        let keyIndent = leadingSpaces(key).count
        var end = keyLine + 1
        var lastContent = keyLine
        while end < lines.count {
            let line = lines[end]
            let trimmed = line.drop { $0 == " " }
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                guard leadingSpaces(line).count > keyIndent else { break }
                lastContent = end
            }
            end += 1
        }
        return keyLine..<(lastContent + 1)
    }

    /// The indentation of the first key under the job on `keyLine`.
    static func childIndent(_ lines: [String], after keyLine: Int) -> String? {
        lines[(keyLine + 1)...].first { line in
            let trimmed = line.drop { $0 == " " }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }.map(leadingSpaces)
    }

    static func leadingSpaces(_ line: String) -> String {
        String(line.prefix { $0 == " " })
    }
}
