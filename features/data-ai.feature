@edition-2026-05 @data-ai
Feature: Solutions Partner for Data & AI (Azure), 2026-05
  Data & AI has one skilling subcategory, intermediate certifications, worth up to 40
  points, and no advanced one. It is a ladder of three steps: step 1 is Azure
  Administrator Associate, step 2 Azure Solutions Architect Expert, and step 3 eleven
  data and AI certifications (Azure Database Administrator Associate, Azure AI Engineer
  Associate, Data Analyst Associate also written Power BI Data Analyst Associate, the
  Fabric certifications and more). Step-3 people earn 4 points each only when both
  steps are met. On the SMB path each met step earns 4 points on its own; on the
  Enterprise path a step needs two holders and earns nothing.

  Background:
    Given the designation is data-ai
    And the measurement month is 2026-06

  Rule: On the SMB path each met step earns 4 points once

    @DAT.SKILL.STEP1 @DAT.SKILL.POINTS @AZ.SKILL.GATE.SMB
    Scenario: Step 1 alone gives 4, whatever the step-3 people hold
      Given the partner is on the SMB path
      And these people:
        | person | certification                          | earned     |
        | ana    | azure-administrator-associate          | 2025-02-01 |
        | ben    | azure-database-administrator-associate | 2025-03-01 |
      When the partner is scored
      Then intermediate certifications earn 4 points

    @DAT.SKILL.STEP2 @DAT.SKILL.SCORING @AZ.SKILL.SCORE
    Scenario: Both steps met, two step-3 people: 4 + 4 + 8
      Given the partner is on the SMB path
      And these people:
        | person | certification                    | earned     |
        | ana    | azure-administrator-associate    | 2025-02-01 |
        | ana    | azure-solutions-architect-expert | 2025-02-01 |
        | ben    | DP-700                           | 2025-03-01 |
        | cleo   | power-bi-data-analyst-associate  | 2025-04-01 |
      When the partner is scored
      Then intermediate certifications earn 16 points
      And the skilling category comes to 16 points

    @DAT.SKILL.POINTS
    Scenario: Eight step-3 people fill the 40 points; a ninth adds nothing
      Given the partner is on the SMB path
      And these people:
        | person | certification                                | earned     |
        | ana    | azure-administrator-associate                | 2025-02-01 |
        | ana    | azure-solutions-architect-expert             | 2025-02-01 |
        | p1     | azure-database-administrator-associate       | 2025-03-01 |
        | p2     | AI-102                                       | 2025-03-01 |
        | p3     | DP-100                                       | 2025-03-01 |
        | p4     | PL-300                                       | 2025-03-01 |
        | p5     | DP-420                                       | 2025-03-01 |
        | p6     | DP-600                                       | 2025-03-01 |
        | p7     | sql-ai-developer-associate                   | 2025-03-01 |
        | p8     | azure-ai-apps-and-agents-developer-associate | 2025-03-01 |
        | p9     | azure-databricks-data-engineer-associate     | 2025-03-01 |
      When the partner is scored
      Then intermediate certifications earn 40 points

  Rule: On the Enterprise path both steps need two holders

    @AZ.SKILL.GATE.ENT @DAT.SKILL.STEP2
    Scenario: One Solutions Architect blocks every step-3 point
      Given the partner is on the Enterprise path
      And these people:
        | person | certification                                  | earned     |
        | ana    | azure-administrator-associate                  | 2025-02-01 |
        | ben    | azure-administrator-associate                  | 2025-02-01 |
        | ana    | azure-solutions-architect-expert               | 2025-02-01 |
        | cleo   | fabric-analytics-engineer-associate            | 2025-03-01 |
        | dan    | machine-learning-operations-engineer-associate | 2025-03-01 |
      When the partner is scored
      Then intermediate certifications earn 0 points

    @AZ.SKILL.GATE.ENT @AZ.SKILL.COUNT
    Scenario: The same two people can meet both steps, and then each step-3 person earns 4
      Given the partner is on the Enterprise path
      And these people:
        | person | certification                       | earned     |
        | ana    | azure-administrator-associate       | 2025-02-01 |
        | ana    | azure-solutions-architect-expert    | 2025-02-01 |
        | ben    | azure-administrator-associate       | 2025-02-01 |
        | ben    | azure-solutions-architect-expert    | 2025-02-01 |
        | ben    | DP-700                              | 2025-03-01 |
        | cleo   | fabric-analytics-engineer-associate | 2025-03-01 |
        | cleo   | fabric-data-engineer-associate      | 2025-03-01 |
      When the partner is scored
      Then intermediate certifications earn 8 points

  Rule: A retiring certification scores while it is active

    @AZ.SKILL.RETIRING
    Scenario: Azure Data Scientist Associate, retiring 2026-06-01, still scores in June 2026
      Given the partner is on the SMB path
      And these people:
        | person | certification                    | earned     |
        | ana    | azure-administrator-associate    | 2025-02-01 |
        | ana    | azure-solutions-architect-expert | 2025-02-01 |
        | ben    | DP-100                           | 2025-03-01 |
      When the partner is scored
      Then intermediate certifications earn 12 points
      And the explanation says "retires on 2026-06-01"
