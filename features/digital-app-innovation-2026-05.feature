@edition-2026-05 @digital-app-innovation
Feature: Solutions Partner for Digital & App Innovation (Azure), 2026-05
  From May 2026 Digital & App Innovation keeps its two skilling ladders with new lists.
  Intermediate: Azure Administrator Associate, then Azure Developer Associate (retiring
  2026-07-31), Power Platform Developer Associate, Azure AI Cloud Developer Associate or
  GitHub Certified: Agentic AI Developer score. Advanced: Azure Solutions Architect
  Expert, then Azure DevOps Engineer Expert, Power Platform Solution Architect Expert or
  one of the four GitHub certifications (Actions GH-200, Administration GH-100, Advanced
  Security GH-500, Copilot GH-300) score. Azure IoT Developer Specialty is gone.

  Background:
    Given the measurement month is 2026-06

  @DAI.SKILL.INT.PREREQ @DAI.SKILL.INT.SCORING @AZ.SKILL.GATE.SMB
  Scenario: The new intermediate certifications score behind an administrator
    Given the partner is on the SMB path
    And these people:
      | person | certification                      | earned     |
      | ana    | azure-administrator-associate      | 2025-02-01 |
      | ben    | azure-ai-cloud-developer-associate | 2025-10-01 |
      | cleo   | github-agentic-ai-developer        | 2025-11-01 |
    When the partner is scored
    Then intermediate certifications earn 12 points

  @DAI.SKILL.ADV.PREREQ @DAI.SKILL.ADV.SCORING
  Scenario: Four GitHub certification holders fill the advanced 20 points on the SMB path
    Given the partner is on the SMB path
    And these people:
      | person | certification                    | earned     |
      | ana    | azure-solutions-architect-expert | 2025-02-01 |
      | ben    | GH-200                           | 2025-03-01 |
      | cleo   | GH-100                           | 2025-03-01 |
      | dan    | github-advanced-security         | 2025-03-01 |
      | eve    | github-copilot                   | 2025-03-01 |
    When the partner is scored
    Then advanced certifications earn 20 points

  @DAI.SKILL.ADV.SCORING
  Scenario: Azure IoT Developer Specialty scores nothing in this edition
    Given the partner is on the SMB path
    And these people:
      | person | certification                    | earned     |
      | ana    | azure-solutions-architect-expert | 2025-02-01 |
      | ben    | azure-iot-developer-specialty    | 2025-03-01 |
    When the partner is scored
    Then advanced certifications earn 4 points

  @DAI.SKILL.ADV.PREREQ @AZ.SKILL.GATE.ENT
  Scenario: On the Enterprise path one architect is not enough
    Given the partner is on the Enterprise path
    And these people:
      | person | certification                           | earned     |
      | ana    | azure-solutions-architect-expert        | 2025-02-01 |
      | ben    | azure-devops-engineer-expert            | 2025-03-01 |
      | cleo   | power-platform-solution-architect-expert | 2025-03-01 |
    When the partner is scored
    Then advanced certifications earn 0 points

  @AZ.SKILL.RETIRING @DAI.SKILL.INT.SCORING
  Scenario: Azure Developer Associate, retiring 2026-07-31, scores while active
    Given the partner is on the SMB path
    And these people:
      | person | certification                 | earned     |
      | ana    | azure-administrator-associate | 2025-02-01 |
      | ben    | AZ-204                        | 2025-03-01 |
    When the partner is scored
    Then intermediate certifications earn 8 points
    And the explanation says "retires on 2026-07-31"
