Feature: Editions of the rules
  The rules change over time, so every score is worked out under one edition of them.
  A file may name its edition; otherwise the edition in force for its measurement month
  is used: 2025-01 up to 2026-04, 2026-05 from 2026-05. A designation with no rules in
  that edition is refused, never scored under rules that were not in force.
  Each scenario is tagged with the edition (or both) whose rule it pins.

  # GitHub Copilot scores for Digital & App Innovation from the 2026-05 edition on; under
  # 2025-01 it is a certification no rule lists.
  @EDITION.CHOICE @edition-2025-01
  Scenario: The same partner, a month apart, is scored under the edition in force each month
    Given this partner file:
      """
      designation: digital-app-innovation
      as_of: 2026-04
      path: smb
      people:
        - id: dana
          certifications:
            - {cert: azure-solutions-architect-expert, earned: 2025-01-10}
            - {cert: github-copilot, earned: 2025-03-01}
      """
    When the partner is scored
    Then the total is 4 points

  @EDITION.CHOICE @edition-2026-05
  Scenario: A month later the 2026-05 edition is in force and the same person scores
    Given this partner file:
      """
      designation: digital-app-innovation
      as_of: 2026-05
      path: smb
      people:
        - id: dana
          certifications:
            - {cert: azure-solutions-architect-expert, earned: 2025-01-10}
            - {cert: github-copilot, earned: 2025-03-01}
      """
    When the partner is scored
    Then the total is 8 points

  @EDITION.CHOICE @edition-2026-05
  Scenario: A file that names its edition is scored by it, whatever the month
    Given this partner file:
      """
      designation: digital-app-innovation
      edition: 2026-05
      as_of: 2026-04
      path: smb
      people:
        - id: dana
          certifications:
            - {cert: azure-solutions-architect-expert, earned: 2025-01-10}
            - {cert: github-copilot, earned: 2025-03-01}
      """
    When the partner is scored
    Then the total is 8 points

  # The refusal under 2025-01 names 2026-05, the edition that has the rules, and how to
  # name it: the rule of both editions' tables.
  @EDITION.MISSING @edition-2025-01 @edition-2026-05
  Scenario: A designation with no rules in the edition in force is refused at its designation
    Given this partner file:
      """
      designation: infrastructure
      as_of: 2026-04
      """
    When the partner file is read
    Then it is refused with:
      """
      the partner file built by the steps:1:14: designation: found `infrastructure` at as_of
      2026-04, whose edition in force, `2025-01`, has no rules for it, expected a designation
      and edition with rules (EDITION.MISSING): `infrastructure` has rules in `2026-05` only;
      to score it by them, name the edition in the file (`edition: 2026-05`)
      """

  @EDITION.MISSING @edition-2025-01
  Scenario: A named edition without rules for the designation is refused at the edition
    Given this partner file:
      """
      designation: infrastructure
      edition: 2025-01
      as_of: 2026-06
      """
    When the partner file is read
    Then it is refused with:
      """
      the partner file built by the steps:2:10: edition: found edition `2025-01`, which has
      no rules for `infrastructure` (the edition in force for as_of 2026-06 is `2026-05`),
      expected a designation and edition with rules (EDITION.MISSING): `infrastructure` has
      rules in `2026-05` only; to score it by them, name the edition in the file
      (`edition: 2026-05`)
      """

  @EDITION.SHOWN @edition-2026-05
  Scenario: The explanation names the 2026-05 edition, its source, and that it is provisional
    Given this partner file:
      """
      designation: infrastructure
      as_of: 2026-06
      path: enterprise
      """
    When the partner is scored
    Then the explanation says "rules: edition 2026-05, provisional (Microsoft Learn pages on the Solutions Partner designations"

  @EDITION.SHOWN @edition-2025-01
  Scenario: The explanation names the 2025-01 edition and the program guide it reads
    Given this partner file:
      """
      designation: digital-app-innovation
      as_of: 2025-06
      path: smb
      """
    When the partner is scored
    Then the explanation says "rules: edition 2025-01 (Microsoft AI Cloud Partner Program guide, updated January 31, 2025)"

  @AZ.SKILL.RETIRING @edition-2026-05
  Scenario: A retiring certification scores while active, and the explanation gives its date
    Given this partner file:
      """
      designation: data-ai
      as_of: 2026-05
      path: smb
      people:
        - id: gil
          certifications:
            - {cert: azure-administrator-associate, earned: 2025-01-10}
            - {cert: azure-solutions-architect-expert, earned: 2025-01-10}
            - {cert: AI-102, earned: 2025-06-30}
      """
    When the partner is scored
    Then the total is 12 points
    And the explanation says "Azure AI Engineer Associate retires on 2026-06-30; while the person's certification is active it counts like any other, and the date changes no score"
    And the explanation says "step 1 (Azure Administrator Associate): 1 holder of the 1 needed on the SMB path, met, 4 points; step 2 (Azure Solutions Architect Expert): 1 holder of the 1 needed on the SMB path, met, 4 points; 1 person with an active scoring certification, counted 1 (at most 8) x 4 points"
