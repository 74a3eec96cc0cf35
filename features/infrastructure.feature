@edition-2026-05 @infrastructure
Feature: Solutions Partner for Infrastructure (Azure), 2026-05
  Infrastructure is scored like the other Azure designations: net customer adds, usage
  growth and deployments follow the shared Azure rules, and its skilling asks for Azure
  Administrator Associate before Azure Network Engineer Associate or Windows Server
  Hybrid Administrator Associate score (intermediate), and for Azure Solutions Architect
  Expert before Azure Virtual Desktop Specialty or Azure for SAP Workloads Specialty
  score (advanced). Each subcategory is capped at 20 points.

  Background:
    Given the designation is infrastructure
    And the measurement month is 2026-06

  Rule: On the SMB path a prerequisite holder earns 4 points, then each scoring person 4

    @INF.SKILL.INT.PREREQ @AZ.SKILL.GATE.SMB
    Scenario: One Azure Administrator alone earns the SMB gate's 4 points
      Given the partner is on the SMB path
      And these people:
        | person | certification                 | earned     |
        | ana    | azure-administrator-associate | 2025-02-01 |
      When the partner is scored
      Then intermediate certifications earn 4 points
      And advanced certifications earn 0 points

    @INF.SKILL.ADV.PREREQ @INF.SKILL.ADV.SCORING @AZ.SKILL.SCORE
    Scenario: An architect and two specialists fill 12 of the advanced 20 points
      Given the partner is on the SMB path
      And these people:
        | person | certification                      | earned     |
        | ana    | azure-solutions-architect-expert   | 2025-02-01 |
        | ben    | azure-virtual-desktop-specialty    | 2025-05-01 |
        | cleo   | AZ-120                             | 2025-06-01 |
      When the partner is scored
      Then advanced certifications earn 12 points
      And the skilling category comes to 12 points

  Rule: On the Enterprise path a prerequisite needs two holders and earns nothing

    @AZ.SKILL.GATE.ENT @INF.SKILL.INT.SCORING
    Scenario: One administrator blocks the network engineers' points; a second unlocks them
      Given the partner is on the Enterprise path
      And these people:
        | person | certification                 | earned     |
        | ana    | azure-administrator-associate | 2025-02-01 |
        | ben    | AZ-700                        | 2025-03-01 |
        | cleo   | AZ-801                        | 2025-03-01 |
      When the partner is scored
      Then intermediate certifications earn 0 points

    @AZ.SKILL.GATE.ENT @INF.SKILL.INT.SCORING @AZ.SKILL.COUNT
    Scenario: With two administrators each scoring person earns 4, once however many certifications
      Given the partner is on the Enterprise path
      And these people:
        | person | certification                                 | earned     |
        | ana    | azure-administrator-associate                 | 2025-02-01 |
        | dan    | azure-administrator-associate                 | 2025-02-01 |
        | ben    | AZ-700                                        | 2025-03-01 |
        | ben    | windows-server-hybrid-administrator-associate | 2025-04-01 |
        | cleo   | AZ-801                                        | 2025-03-01 |
      When the partner is scored
      Then intermediate certifications earn 8 points

  Rule: The path comes from the customers with spend in the measurement month

    @AZ.PATH.SHARE @AZ.ATTR.ELIGIBLE
    Scenario: Four SMB customers of five with spend in M put the partner on the SMB path
      Given these customers:
        | customer | segment    | attribution | 2026-06   |
        | alder    | smb        | PAL         | 2,000,000 |
        | birch    | smb        | CSP         | 50        |
        | cedar    | smc        | DPOR        | 50        |
        | dogwood  | smb        | PAL         | 50        |
        | elm      | enterprise | PAL         | 50        |
        | fir      | enterprise | MPN         | 50        |
      When the partner is scored
      Then the partner is scored on the SMB path, derived from the data

  Rule: Virtual Machines never count as a deployment

    @AZ.CS.DEP.ELIGIBLE @AZ.CS.DEP
    Scenario: Only the services other than Virtual Machines earn 2 points each
      Given the partner is on the Enterprise path
      And these customers:
        | customer | segment    | attribution |
        | contoso  | enterprise | PAL         |
      And these deployments:
        | customer | service                   | service level | month   |
        | contoso  | Virtual Machines          | 2             | 2026-01 |
        | contoso  | Virtual Machines Licenses | 2             | 2026-01 |
        | contoso  | Azure Virtual Desktop     | 2             | 2026-02 |
        | contoso  | Azure Backup              | 2             | 2026-03 |
      When the partner is scored
      Then deployments earn 4 points

  Rule: Net customer adds and attainment are the shared Azure rules

    @AZ.PERF.NCA @AZ.WINDOW @AZ.ATTAINED
    Scenario: Two new enterprise customers earn 20 points, not enough to attain
      Given the partner is on the Enterprise path
      And these customers:
        | customer | segment    | attribution | 2025-05 | 2025-06 | 2026-05 | 2026-06 |
        | contoso  | enterprise | PAL         |         |         | 1,000   |         |
        | fabrikam | enterprise | CSP         |         |         |         | 4,000   |
        | tailspin | enterprise | PAL         | 2,000   |         | 2,000   |         |
      When the partner is scored
      Then net customer adds earn 20 points
      And the designation is not attained
