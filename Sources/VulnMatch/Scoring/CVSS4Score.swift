/// CVSS v4.0 base scores (CVSS-B; with threat and environmental metrics when the
/// vector has them) by the specification's MacroVector method: the vector's six
/// equivalence levels (EQ1–EQ6) pick a MacroVector and its published score, which is
/// lowered by the vector's mean proportional severity distance from the highest
/// vectors of that MacroVector toward the next lower MacroVectors; rounded to one decimal.
enum CVSS4Score {
    static let required = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"]
    static let allowed: [String: Set<String>] = [
        "AV": ["N", "A", "L", "P"], "AC": ["L", "H"], "AT": ["N", "P"], "PR": ["N", "L", "H"], "UI": ["N", "P", "A"],
        "VC": ["H", "L", "N"], "VI": ["H", "L", "N"], "VA": ["H", "L", "N"], "SC": ["H", "L", "N"], "SI": ["H", "L", "N"], "SA": ["H", "L", "N"],
    ]

    /// Severity levels per metric (lower is more severe), in tenths as the method defines them.
    static let levels: [String: [String: Double]] = [
        "AV": ["N": 0.0, "A": 0.1, "L": 0.2, "P": 0.3], "PR": ["N": 0.0, "L": 0.1, "H": 0.2], "UI": ["N": 0.0, "P": 0.1, "A": 0.2],
        "AC": ["L": 0.0, "H": 0.1], "AT": ["N": 0.0, "P": 0.1],
        "VC": ["H": 0.0, "L": 0.1, "N": 0.2], "VI": ["H": 0.0, "L": 0.1, "N": 0.2], "VA": ["H": 0.0, "L": 0.1, "N": 0.2],
        "SC": ["H": 0.1, "L": 0.2, "N": 0.3], "SI": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3], "SA": ["S": 0.0, "H": 0.1, "L": 0.2, "N": 0.3],
        "CR": ["H": 0.0, "M": 0.1, "L": 0.2], "IR": ["H": 0.0, "M": 0.1, "L": 0.2], "AR": ["H": 0.0, "M": 0.1, "L": 0.2],
    ]

    /// The score of a parsed `CVSS:4.0/…` vector's metrics; nil when a base metric is missing or invalid.
    static func baseScore(_ given: [String: String]) -> Double? {
        for metric in required {
            guard let value = given[metric], allowed[metric]?.contains(value) == true else { return nil }
        }
        let vector = EffectiveMetrics(given)
        if ["VC", "VI", "VA", "SC", "SI", "SA"].allSatisfy({ vector[$0] == "N" }) { return 0 }
        let macro = MacroVector(vector)
        guard let value = CVSS4MacroVectorScores.table[macro.key] else { return nil }

        let distances = severityDistances(vector, macro: macro)
        let step = 0.1
        // Maximal scoring differences toward the next lower MacroVector of each EQ (nil: none lower).
        let lower = macro.nextLower.map { $0.map { value - $0 } }
        let depths = [
            Double(CVSS4MaxVectors.severity1[macro.eq1]) * step, Double(CVSS4MaxVectors.severity2[macro.eq2]) * step,
            Double(CVSS4MaxVectors.severity36[macro.eq3][macro.eq6] ?? 1) * step, Double(CVSS4MaxVectors.severity4[macro.eq4]) * step,
        ]
        let current = [
            distances["AV", default: 0] + distances["PR", default: 0] + distances["UI", default: 0],
            distances["AC", default: 0] + distances["AT", default: 0],
            distances["VC", default: 0] + distances["VI", default: 0] + distances["VA", default: 0]
                + distances["CR", default: 0] + distances["IR", default: 0] + distances["AR", default: 0],
            distances["SC", default: 0] + distances["SI", default: 0] + distances["SA", default: 0],
        ]
        var existing = 0
        var total = 0.0
        for index in 0..<4 {
            guard let available = lower[index] else { continue }
            existing += 1
            total += available * (current[index] / depths[index])
        }
        if lower[4] != nil { existing += 1 }  // EQ5's proportion is always 0.
        var score = value - (existing == 0 ? 0 : total / Double(existing))
        score = min(max(score, 0), 10)
        return (score * 10).rounded() / 10
    }

    /// Per metric, how far the vector is below the first highest vector of its MacroVector
    /// that it does not exceed anywhere.
    static func severityDistances(_ vector: EffectiveMetrics, macro: MacroVector) -> [String: Double] {
        var distances: [String: Double] = [:]
        for candidate in CVSS4MaxVectors.candidates(macro) {
            distances = [:]
            for (metric, table) in levels {
                guard let value = table[vector[metric]], let highest = candidate[metric].flatMap({ table[$0] }) else { continue }
                distances[metric] = value - highest
            }
            if distances.values.allSatisfy({ $0 >= 0 }) { break }
        }
        return distances
    }
}

/// A vector's metrics as scoring reads them: threat `E` absent or `X` is `A`;
/// requirements `CR`/`IR`/`AR` absent or `X` are `H`; a modified metric (`MAV`, …)
/// other than `X` replaces its base metric.
struct EffectiveMetrics {
    let given: [String: String]

    init(_ given: [String: String]) {
        self.given = given
    }

    subscript(_ metric: String) -> String {
        let value = given[metric] ?? "X"
        if metric == "E", value == "X" { return "A" }
        if ["CR", "IR", "AR"].contains(metric), value == "X" { return "H" }
        if let modified = given["M" + metric], modified != "X" { return modified }
        return value
    }
}

/// The six equivalence-class levels of a vector, and its lower neighbours.
struct MacroVector {
    let eq1: Int, eq2: Int, eq3: Int, eq4: Int, eq5: Int, eq6: Int

    init(_ m: EffectiveMetrics) {
        let nAV = m["AV"] == "N", nPR = m["PR"] == "N", nUI = m["UI"] == "N"
        eq1 = nAV && nPR && nUI ? 0 : ((nAV || nPR || nUI) && m["AV"] != "P" ? 1 : 2)
        eq2 = m["AC"] == "L" && m["AT"] == "N" ? 0 : 1
        let hVC = m["VC"] == "H", hVI = m["VI"] == "H", hVA = m["VA"] == "H"
        eq3 = hVC && hVI ? 0 : (hVC || hVI || hVA ? 1 : 2)
        let safety = m["MSI"] == "S" || m["MSA"] == "S"
        eq4 = safety ? 0 : (m["SC"] == "H" || m["SI"] == "H" || m["SA"] == "H" ? 1 : 2)
        eq5 = m["E"] == "A" ? 0 : (m["E"] == "P" ? 1 : 2)
        eq6 = (m["CR"] == "H" && hVC) || (m["IR"] == "H" && hVI) || (m["AR"] == "H" && hVA) ? 0 : 1
    }

    var key: String { "\(eq1)\(eq2)\(eq3)\(eq4)\(eq5)\(eq6)" }

    static func score(_ levels: [Int]) -> Double? {
        CVSS4MacroVectorScores.table[levels.map(String.init).joined()]
    }

    /// The scores of the next lower MacroVector along EQ1, EQ2, EQ3+EQ6, EQ4 and EQ5 (nil where none exists).
    var nextLower: [Double?] {
        let eq36: Double?
        switch (eq3, eq6) {
        case (0, 0):
            // Two ways down: the higher-scoring one.
            let left = Self.score([eq1, eq2, eq3, eq4, eq5, eq6 + 1]), right = Self.score([eq1, eq2, eq3 + 1, eq4, eq5, eq6])
            eq36 = [left, right].compactMap { $0 }.max()
        case (1, 0): eq36 = Self.score([eq1, eq2, eq3, eq4, eq5, eq6 + 1])
        case (0, 1), (1, 1): eq36 = Self.score([eq1, eq2, eq3 + 1, eq4, eq5, eq6])
        default: eq36 = Self.score([eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1])
        }
        return [
            Self.score([eq1 + 1, eq2, eq3, eq4, eq5, eq6]), Self.score([eq1, eq2 + 1, eq3, eq4, eq5, eq6]), eq36,
            Self.score([eq1, eq2, eq3, eq4 + 1, eq5, eq6]), Self.score([eq1, eq2, eq3, eq4, eq5 + 1, eq6]),
        ]
    }
}
