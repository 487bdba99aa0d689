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
        ("DependencyTrack__dependency-track/anchore.yml", "action-version@14 scan-without-threshold@14"),
        ("FoldingAtHome__containers/anchore.yml", "scan-without-threshold@37"),
        ("JonathanTreffler__backblaze-personal-wine-container/docker-publish.yml", "action-version@33 provenance-mode@69 sbom-missing@69"),
        ("NethermindEth__github-workflows/publish-docker.yaml",
         "action-version@72 action-version@76 action-version@88 action-version@96 action-version@104 action-version@116 "
            + "action-version@160 attest-unpushed-digest@166"),
        ("actions__starter-workflows/anchore-syft.yml", ""),
        ("actions__starter-workflows/anchore.yml", ""),
        ("actions__starter-workflows/docker-publish.yml",
         "action-version@51 action-version@56 action-version@66 action-version@74 provenance-mode@74 sbom-missing@74 cache-export@83"),
        ("anchore__syft/release.yaml", ""),
        ("devwareh__SynoReverseProxy/docker-publish.yml",
         "action-version@26 action-version@29 action-version@32 action-version@39 action-version@51 "
            + "provenance-mode@51 sbom-missing@51 action-version@73 action-version@76 action-version@79 "
            + "action-version@86 action-version@98 provenance-mode@98 sbom-missing@98"),
        ("excid-io__attestations-test/ci_att_actions.yaml",
         "action-version@28 action-version@31 action-version@39 action-version@45 provenance-mode@45 "
            + "action-version@74 action-version@82 action-version@90 action-version@97 sbom-size@103 "
            + "action-version@119"),
        ("excid-io__attestations-test/ci_att_docker.yaml", "missing-id-token@20 action-version@28 action-version@31 action-version@39 action-version@45 provenance-mode@55"),
        ("infobloxopen__ib-schema-registry/build-image.yml",
         "action-version@32 action-version@35 action-version@84 action-version@91 action-version@104 "
            + "cache-export@124 action-version@302 sbom-size@308 action-version@311 sbom-size@317 "
            + "action-version@424 action-version@482 action-version@485"),
        ("infobloxopen__ib-schema-registry/helm-test.yaml", "action-version@47"),
        ("jacobwoffenden__github-attestation-demo/release.yml",
         "action-version@30 action-version@38 buildx-missing@38 provenance-mode@38 action-version@59 action-version@67 sbom-size@73 "
            + "verify-timing@85"),
        ("midnightntwrk__midnight-node/sbom-scan-image.yml", "action-version@79 action-version@86"),
        ("midnightntwrk__midnight-node/sign-image.yml", "action-version@25"),
        ("midnightntwrk__midnight-node/test-attestation.yml", "action-version@110"),
        ("mondoohq__mondoo-operator/publish.yaml",
         "cache-poisoning@56 action-version@60 action-version@65 action-version@74 action-version@89 action-version@105 "
            + "buildx-missing@105 provenance-mode@105 sbom-missing@105 action-version@115 action-version@153 "
            + "action-version@158 action-version@167 action-version@201 action-version@204 action-version@211 "
            + "action-version@216 action-version@240 action-version@247 provenance-mode@247 sbom-missing@247 "
            + "action-version@294 action-version@338 action-version@409 action-version@424 action-version@484"),
        ("nexi-lab__nexus/docker-publish.yml",
         "action-version@32 action-version@35 action-version@38 action-version@45 action-version@61 "
            + "provenance-mode@61 sbom-missing@61 action-version@104 action-version@228 action-version@231 "
            + "action-version@234 action-version@241 action-version@253 provenance-mode@253 sbom-missing@253"),
        ("rohit-purandare__ShelfBridge/docker-publish.yml",
         "missing-attestations-write@38 missing-id-token@38 action-version@48 action-version@60 "
            + "action-version@73 action-version@131 provenance-mode@131 sbom-missing@131 qemu-missing@145 "
            + "action-version@176"),
        ("sitespeedio__sitespeed.io/building-docker-release.yml",
         "action-version@14 action-version@17 action-version@20 action-version@40 sbom-missing@40 "
            + "provenance-mode@46 action-version@49 sbom-missing@49 provenance-mode@57 action-version@60 "
            + "sbom-missing@60 provenance-mode@68"),
        ("ystkfujii__playground_supply-chain-guard/build_image.yml",
         "action-version@44 action-version@50 buildx-missing@50 provenance-mode@50 action-version@58 "
            + "action-version@66 action-version@75 sbom-size@80"),
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
