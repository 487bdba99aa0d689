/// The highest-severity vectors of each EQ level and the depth (maximal severity
/// distance + 1) of each level, as the CVSS v4.0 specification's scoring method
/// defines them. Data, not code.
enum CVSS4MaxVectors {
    static let eq1 = [["AV:N/PR:N/UI:N"], ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"], ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"]]
    static let eq2 = [["AC:L/AT:N"], ["AC:H/AT:N", "AC:L/AT:P"]]
    /// By EQ3, then EQ6.
    static let eq36: [[Int: [String]]] = [
        [0: ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"], 1: ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"]],
        [0: ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
         1: ["VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
             "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"]],
        [1: ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"]],
    ]
    static let eq4 = [["SC:H/SI:S/SA:S"], ["SC:H/SI:H/SA:H"], ["SC:L/SI:L/SA:L"]]
    static let eq5 = [["E:A"], ["E:P"], ["E:U"]]

    static let severity1 = [1, 4, 5]
    static let severity2 = [1, 2]
    static let severity36: [[Int: Int]] = [[0: 7, 1: 6], [0: 8, 1: 8], [1: 10]]
    static let severity4 = [6, 5, 4]

    /// Every combination of the highest vectors of the MacroVector's levels, in the method's order.
    static func candidates(_ macro: MacroVector) -> [[String: String]] {
        let parts = [eq1[macro.eq1], eq2[macro.eq2], eq36[macro.eq3][macro.eq6] ?? [], eq4[macro.eq4], eq5[macro.eq5]]
        var combinations: [[String: String]] = [[:]]
        for options in parts {
            combinations = combinations.flatMap { prefix in
                options.map { option in prefix.merging(metrics(option)) { $1 } }
            }
        }
        return combinations
    }

    static func metrics(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in text.split(separator: "/") {
            let pair = part.split(separator: ":", maxSplits: 1)
            if pair.count == 2 { result[String(pair[0])] = String(pair[1]) }
        }
        return result
    }
}
