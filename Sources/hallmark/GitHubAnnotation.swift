import Doctor

/// A GitHub Actions workflow command (`::error file=…,line=…::message`) for a doctor
/// finding, escaped as the runner expects: `%`, CR and LF in the message; also `:` and
/// `,` in property values.
enum GitHubAnnotation {
    static func line(for finding: DoctorFinding) -> String {
        let level = switch finding.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
        let properties = [
            ("file", finding.path), ("line", "\(finding.position.line)"), ("col", "\(finding.position.column)"), ("title", finding.rule),
        ].map { "\($0.0)=\(escape($0.1, property: true))" }.joined(separator: ",")
        return "::\(level) \(properties)::\(escape(finding.message, property: false))"
    }

    static func escape(_ text: String, property: Bool) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            case ":" where property: escaped += "%3A"
            case "," where property: escaped += "%2C"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
