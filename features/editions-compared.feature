@edition-2025-01 @edition-2026-05
Feature: The same partner under the 2025-01 and the 2026-05 rules
  From May 2026 the Azure designations are scored by the Learn pages' rules (edition
  2026-05) instead of the January 2025 program guide (edition 2025-01). For Digital &
  App Innovation four things change that an analyst will see on a real partner: the
  GitHub certifications now score, the Azure IoT Developer certification no longer
  does, the path no longer asks whether the partner drives USD 1,000,000 of Azure
  consumption, and plain Virtual Machines deployments stop counting. Each scenario
  scores one partner file under both editions, naming the edition in the file.

  @DAI.SKILL.ADV.SCORING @DAI.SKILL.INT.SCORING
  Scenario: GitHub certifications score from 2026-05 on
    Given the measurement month is 2026-06
    And the partner is on the SMB path
    And these people:
      | person | certification                     | earned     |
      | ana    | azure-administrator-associate     | 2025-01-10 |
      | ana    | azure-solutions-architect-expert  | 2025-01-10 |
      | ben    | github-agentic-ai-developer       | 2025-09-01 |
      | cleo   | GH-300                            | 2025-03-01 |
      | dev    | GH-500                            | 2025-04-01 |
    When the partner is scored under 2025-01 and under 2026-05
    Then intermediate certifications go from 4 to 8 points
    And advanced certifications go from 4 to 12 points
    And the total goes from 8 to 20 points
    And under 2025-01 the explanation says "`GH-300` is neither a prerequisite nor a scoring certification here"

  @DAI.SKILL.ADV.SCORING @DAI.SKILL.ADV.IOT_GRACE
  Scenario: Azure IoT Developer Specialty scores under the guide's grace but not in 2026-05
    Given the measurement month is 2024-07
    And the partner is on the SMB path
    And these people:
      | person | certification                    | earned     |
      | ana    | azure-solutions-architect-expert | 2023-01-10 |
      | ben    | azure-iot-developer-specialty    | 2023-03-01 |
    When the partner is scored under 2025-01 and under 2026-05
    Then advanced certifications go from 8 to 4 points

  @DAI.PATH.DERIVED @AZ.PATH.SHARE
  Scenario: A partner of SMB customers driving over USD 1,000,000 moves from Enterprise to SMB
    Given the measurement month is 2026-06
    And these customers:
      | customer | segment | attribution | 2026-05 | 2026-06 |
      | alder    | smb     | PAL         | 100,000 | 100,000 |
      | birch    | smb     | PAL         | 100,000 | 100,000 |
      | cedar    | smc     | CSP         | 100,000 | 100,000 |
      | dogwood  | smb     | DPOR        | 100,000 | 100,000 |
      | elm      | smb     | PAL         | 100,000 | 100,000 |
    When the partner is scored under 2025-01 and under 2026-05
    Then the path goes from enterprise to smb
    And under 2025-01 the explanation says "1,000,000"

  @DAI.CS.DEP.ELIGIBLE @AZ.CS.DEP.ELIGIBLE
  Scenario: Virtual Machines deployments count under the guide and not from 2026-05
    Given the measurement month is 2026-06
    And the partner is on the Enterprise path
    And these customers:
      | customer | segment    | attribution |
      | contoso  | enterprise | PAL         |
    And these deployments:
      | customer | service                   | service level | month   |
      | contoso  | Virtual Machines          | 2             | 2026-02 |
      | contoso  | Virtual Machines Licenses | 2             | 2026-02 |
      | contoso  | Azure Kubernetes Service  | 2             | 2026-03 |
    When the partner is scored under 2025-01 and under 2026-05
    Then deployments go from 4 to 2 points
