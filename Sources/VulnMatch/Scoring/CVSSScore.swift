import Foundation

/// CVSS base scores from vectors, by the specifications' methods: v4.0 (MacroVectors,
/// ``CVSS4Score``), v3.0 and v3.1 (which differ only in rounding) and v2.
public enum CVSSScore {
    /// The base score of `vector`; nil when it is not a complete v2/v3 base vector.
    public static func baseScore(_ vector: String) -> Double? {
        guard vector.count <= 256 else { return nil }
        var parts = vector.split(separator: "/").map(String.init)
        var version = "2.0"
        if let first = parts.first, first.hasPrefix("CVSS:") {
            version = String(first.dropFirst(5))
            parts.removeFirst()
        }
        var metrics: [String: String] = [:]
        for part in parts {
            let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pair.count == 2, metrics[pair[0]] == nil else { return nil }
            metrics[pair[0]] = pair[1]
        }
        switch version {
        case "4.0": return CVSS4Score.baseScore(metrics)
        case "3.0", "3.1": return v3(metrics, roundingV31: version == "3.1")
        case "2.0": return v2(metrics)
        default: return nil
        }
    }

    static func v3(_ m: [String: String], roundingV31: Bool) -> Double? {
        let changed: Bool
        switch m["S"] {
        case "U": changed = false
        case "C": changed = true
        default: return nil
        }
        guard let av = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][m["AV"] ?? ""],
              let ac = ["L": 0.77, "H": 0.44][m["AC"] ?? ""],
              let pr = (changed ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27])[m["PR"] ?? ""],
              let ui = ["N": 0.85, "R": 0.62][m["UI"] ?? ""],
              let c = ["H": 0.56, "L": 0.22, "N": 0.0][m["C"] ?? ""],
              let i = ["H": 0.56, "L": 0.22, "N": 0.0][m["I"] ?? ""],
              let a = ["H": 0.56, "L": 0.22, "N": 0.0][m["A"] ?? ""]
        else { return nil }
        let iss = 1 - (1 - c) * (1 - i) * (1 - a)
        let impact = changed ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss
        let exploitability = 8.22 * av * ac * pr * ui
        guard impact > 0 else { return 0 }
        let raw = changed ? min(1.08 * (impact + exploitability), 10) : min(impact + exploitability, 10)
        return roundingV31 ? roundUpV31(raw) : (raw * 10).rounded(.up) / 10
    }

    /// CVSS v3.1's Roundup: the smallest one-decimal number ≥ the input, computed in integers.
    static func roundUpV31(_ value: Double) -> Double {
        let scaled = Int((value * 100_000).rounded())
        return scaled % 10_000 == 0 ? Double(scaled) / 100_000 : Double(scaled / 10_000 + 1) / 10
    }

    static func v2(_ m: [String: String]) -> Double? {
        guard let av = ["L": 0.395, "A": 0.646, "N": 1.0][m["AV"] ?? ""],
              let ac = ["H": 0.35, "M": 0.61, "L": 0.71][m["AC"] ?? ""],
              let au = ["M": 0.45, "S": 0.56, "N": 0.704][m["Au"] ?? ""],
              let c = ["N": 0.0, "P": 0.275, "C": 0.660][m["C"] ?? ""],
              let i = ["N": 0.0, "P": 0.275, "C": 0.660][m["I"] ?? ""],
              let a = ["N": 0.0, "P": 0.275, "C": 0.660][m["A"] ?? ""]
        else { return nil }
        let impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a))
        let exploitability = 20 * av * ac * au
        let f = impact == 0 ? 0 : 1.176
        return (((0.6 * impact) + (0.4 * exploitability) - 1.5) * f * 10).rounded() / 10
    }
}
