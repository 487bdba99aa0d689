import Foundation
import Testing
import TestSupport
@testable import Doctor

/// The expected findings (`rule@line`) of every real workflow in
/// `../shared/testdata/workflows`, checked against the INDEX's reading of each file:
/// the permission gaps of ShelfBridge's pre-fix workflow, excid-io's BuildKit-only
/// attestations left unsigned (no id-token), NethermindEth attesting a `load: true`
/// digest, sitespeed.io's `provenance: false` workaround, builds without buildx,
/// mondoo-operator's release build restoring the Go module cache, unpinned, tag-pinned and
/// old actions (commit pins judged by their `# vX.Y.Z` comment:
/// the docker v3/v5/v6 majors run on the deprecated Node 20), scans without thresholds,
/// SBOM attestations without a trim step (midnight-node's trim step is recognised);
/// nothing about the intentional PR gating of ib-schema-registry, and only the Node 20
/// login-action in the otherwise good midnight-node workflows.
@Suite struct RealWorkflowTests {
    static let expected: [(String, String)] = [
        ("DependencyTrack__dependency-track/anchore.yml", "scan-without-threshold@14 action-version@15"),
        ("FoldingAtHome__containers/anchore.yml", "scan-without-threshold@37"),
        ("JonathanTreffler__backblaze-personal-wine-container/docker-publish.yml", "action-version@34 provenance-mode@69 sbom-missing@69"),
        ("NethermindEth__github-workflows/publish-docker.yaml",
         "action-version@74 action-version@77 action-version@90 action-version@98 action-version@106 "
            + "action-version@118 action-version@162 attest-unpushed-digest@166"),
        ("actions__starter-workflows/anchore-syft.yml", ""),
        ("actions__starter-workflows/anchore.yml", ""),
        ("actions__starter-workflows/docker-publish.yml",
         "action-version@52 action-version@58 action-version@68 provenance-mode@74 sbom-missing@74 "
            + "action-version@76 cache-export@83"),
        ("anchore__syft/release.yaml", ""),
        ("devwareh__SynoReverseProxy/docker-publish.yml",
         "action-version@27 action-version@30 action-version@33 action-version@41 provenance-mode@51 "
            + "sbom-missing@51 action-version@52 action-version@74 action-version@77 action-version@80 "
            + "action-version@88 provenance-mode@98 sbom-missing@98 action-version@99"),
        ("excid-io__attestations-test/ci_att_actions.yaml",
         "action-version@29 action-version@32 action-version@40 provenance-mode@45 action-version@46 "
            + "action-version@75 action-version@83 action-version@91 action-version@98 sbom-size@103 "
            + "action-version@120"),
        ("excid-io__attestations-test/ci_att_docker.yaml",
         "missing-id-token@20 action-version@29 action-version@32 action-version@40 action-version@46 "
            + "provenance-mode@55"),
        ("infobloxopen__ib-schema-registry/build-image.yml",
         "action-version@33 action-version@36 action-version@85 action-version@93 action-version@106 "
            + "cache-export@124 action-version@304 sbom-size@308 action-version@313 sbom-size@317 "
            + "action-version@425 action-version@483 action-version@486"),
        ("infobloxopen__ib-schema-registry/helm-test.yaml", "action-version@48"),
        ("jacobwoffenden__github-attestation-demo/release.yml",
         "action-version@32 buildx-missing@38 provenance-mode@38 action-version@40 action-version@60 "
            + "action-version@68 sbom-size@73 verify-timing@85"),
        ("midnightntwrk__midnight-node/sbom-scan-image.yml", "action-version@80 action-version@88"),
        ("midnightntwrk__midnight-node/sign-image.yml", "action-version@26"),
        ("midnightntwrk__midnight-node/test-attestation.yml", "action-version@111"),
        ("mondoohq__mondoo-operator/publish.yaml",
         "cache-poisoning@56 action-version@61 action-version@66 action-version@76 action-version@91 "
            + "buildx-missing@105 provenance-mode@105 sbom-missing@105 action-version@107 action-version@116 "
            + "action-version@154 action-version@159 action-version@169 action-version@202 action-version@205 "
            + "action-version@212 action-version@217 action-version@242 provenance-mode@247 sbom-missing@247 "
            + "action-version@249 action-version@295 action-version@340 action-version@410 action-version@426 "
            + "action-version@487"),
        ("nexi-lab__nexus/docker-publish.yml",
         "action-version@33 action-version@36 action-version@39 action-version@47 provenance-mode@61 "
            + "sbom-missing@61 action-version@62 action-version@105 action-version@229 action-version@232 "
            + "action-version@235 action-version@243 provenance-mode@253 sbom-missing@253 action-version@254"),
        ("rohit-purandare__ShelfBridge/docker-publish.yml",
         "missing-attestations-write@38 missing-id-token@38 action-version@49 action-version@62 "
            + "action-version@74 provenance-mode@131 sbom-missing@131 action-version@133 qemu-missing@145 "
            + "action-version@177"),
        ("sitespeedio__sitespeed.io/building-docker-release.yml",
         "action-version@15 action-version@18 action-version@21 sbom-missing@40 action-version@41 "
            + "provenance-mode@46 sbom-missing@49 action-version@50 provenance-mode@57 sbom-missing@60 "
            + "action-version@61 provenance-mode@68"),
        ("ystkfujii__playground_supply-chain-guard/build_image.yml",
         "action-version@44 buildx-missing@50 provenance-mode@50 action-version@51 action-version@59 "
            + "action-version@67 action-version@76 sbom-size@80"),
    ]

    /// Each file is checked with the other workflows of its repository, as `hallmark doctor`
    /// checks a folder, so calls to local reusable workflows are followed.
    @Test(arguments: expected)
    func findingsOfARealWorkflow(_ file: String, _ findings: String) throws {
        let folder = String(file.split(separator: "/")[0])
        let repository = try Self.expected.map(\.0).filter { $0.hasPrefix(folder + "/") }.map { path in
            try WorkflowParser.parse(bytes: Array(Data(contentsOf: SharedTestData.url("workflows/" + path))), path: path)
        }
        let checked = WorkflowDoctor().check(repository)
        let index = try #require(repository.firstIndex { $0.path == file })
        let found = Set(checked[index].map { "\($0.rule)@\($0.position.line)" })
        #expect(found == Set(findings.split(separator: " ").map(String.init)), "\(file)")
    }
}
