# Fixture for tests/coverage.rs: edition tags. The feature's tag names 2026-05 for every
# scenario under it; a scenario's own edition tag replaces it.
@edition-2026-05
Feature: Deployments in two editions

  @AZ.CS.DEP
  Scenario: Under 2026-05 a distinct service is worth 2 points
    Given a partner

  @edition-2025-01 @DAI.CS.DEP.POINTS
  Scenario: Under 2025-01 a distinct service is worth 2 points
    Given a partner

  @DAI.CS.DEP.DISTINCT
  Scenario: A 2025-01 id under the feature's 2026-05 tag is not in that edition
    Given a partner

  @edition-2024-03 @AZ.CS.DEP.ELIGIBLE
  Scenario: An edition tag that names no edition
    Given a partner

  Scenario Outline: Both editions' rules for the same services
    Given a partner

    @edition-2025-01 @DAI.CS.DEP.ELIGIBLE
    Examples: 2025-01
      | service |
      | x       |

    @AZ.CS.DEP.ELIGIBLE
    Examples: 2026-05
      | service |
      | x       |

  # Both editions named: each id counts for the named edition whose catalogue has it.
  @edition-2025-01 @edition-2026-05 @DAI.PATH.DERIVED @AZ.PATH.SHARE
  Scenario: The same partner's path under both editions
    Given a partner
