import Foundation
import Testing
import TestSupport
@testable import Doctor

/// The expected findings (`rule@line`) of every real workflow in
/// `../shared/testdata/workflows`, checked against the INDEX's reading of each file:
/// the permission gaps of ShelfBridge's pre-fix workflow, NethermindEth attesting a
/// `load: true` digest, sitespeed.io's `provenance: false` workaround, builds without
/// buildx, unpinned and old actions, scans without thresholds; nothing for the
/// intentional PR gating of ib-schema-registry or the good midnight-node workflows.
@Suite struct RealWorkflowTests {
    static let expected: [(String, String)] = [
        ("DependencyTrack__dependency-track/anchore.yml", "action-version@14 scan-without-threshold@14"),
        ("FoldingAtHome__containers/anchore.yml", "scan-without-threshold@37"),
        ("JonathanTreffler__backblaze-personal-wine-container/docker-publish.yml", "action-version@33 provenance-mode@69"),
        ("NethermindEth__github-workflows/publish-docker.yaml", "attest-unpushed-digest@166"),
        ("actions__starter-workflows/anchore-syft.yml", ""),
        ("actions__starter-workflows/anchore.yml", ""),
        ("actions__starter-workflows/docker-publish.yml", "provenance-mode@74"),
        ("anchore__syft/release.yaml", ""),
        ("devwareh__SynoReverseProxy/docker-publish.yml", "provenance-mode@51 provenance-mode@98"),
        ("excid-io__attestations-test/ci_att_actions.yaml", "provenance-mode@45"),
        ("excid-io__attestations-test/ci_att_docker.yaml", "provenance-mode@55"),
        ("infobloxopen__ib-schema-registry/build-image.yml", ""),
        ("infobloxopen__ib-schema-registry/helm-test.yaml", ""),
        ("jacobwoffenden__github-attestation-demo/release.yml", "buildx-missing@38 provenance-mode@38"),
        ("midnightntwrk__midnight-node/sbom-scan-image.yml", ""),
        ("midnightntwrk__midnight-node/sign-image.yml", ""),
        ("midnightntwrk__midnight-node/test-attestation.yml", ""),
        ("mondoohq__mondoo-operator/publish.yaml",
         "action-version@65 action-version@105 buildx-missing@105 provenance-mode@105 action-version@115 action-version@158 action-version@204 "
            + "action-version@211 action-version@216 action-version@247 provenance-mode@247 action-version@294 action-version@409 action-version@484"),
        ("nexi-lab__nexus/docker-publish.yml", "provenance-mode@61 provenance-mode@253"),
        ("rohit-purandare__ShelfBridge/docker-publish.yml",
         "missing-attestations-write@38 missing-id-token@38 provenance-mode@131 qemu-missing@145 action-version@176"),
        ("sitespeedio__sitespeed.io/building-docker-release.yml", "provenance-mode@46 provenance-mode@57 provenance-mode@68"),
        ("ystkfujii__playground_supply-chain-guard/build_image.yml", "buildx-missing@50 provenance-mode@50"),
    ]

    @Test(arguments: expected)
    func findingsOfARealWorkflow(_ file: String, _ findings: String) throws {
        let url = try SharedTestData.url("workflows/" + file)
        let workflow = try WorkflowParser.parse(try String(contentsOf: url, encoding: .utf8), path: file)
        let found = Set(WorkflowDoctor().check(workflow).map { "\($0.rule)@\($0.position.line)" })
        #expect(found == Set(findings.split(separator: " ").map(String.init)), "\(file)")
    }
}
