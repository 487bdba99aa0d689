import VulnDB

/// A record's severity: the highest-version CVSS vector that can be scored (v3 before
/// v2), else the database's own severity name, else unknown.
enum SeverityScoring {
    static func severity(of record: StoredAdvisory) -> (severity: Severity, score: Double?, vector: String?) {
        let ordered = record.severity.sorted { rank($0.type) > rank($1.type) }
        for entry in ordered {
            if let score = CVSSScore.baseScore(entry.score) {
                return (Severity(score: score), score, entry.score)
            }
        }
        let named = record.databaseSeverity.flatMap(Severity.init(name:))
            ?? record.severity.first { $0.type == "Ubuntu" }.flatMap { Severity(name: $0.score) }
        return (named ?? .unknown, nil, ordered.first?.score)
    }

    static func rank(_ type: String) -> Int {
        switch type {
        case "CVSS_V4": 4
        case "CVSS_V3": 3
        case "CVSS_V2": 2
        default: 0
        }
    }
}
