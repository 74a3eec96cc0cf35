@skilling @edition-2025-01
Feature: Skilling: intermediate and advanced certifications
  Skilling counts the certified people associated to the partner's Partner Center
  account, in two subcategories worth at most 20 points each.

  Intermediate: the prerequisite is Azure Administrator Associate (AZ-104); the scoring
  certifications are Azure Developer Associate (AZ-204) and Power Platform Developer
  Associate (PL-400).
  Advanced: the prerequisite is Azure Solutions Architect Expert (AZ-305); the scoring
  certifications are Azure DevOps Engineer Expert (AZ-400), Power Platform Solution
  Architect Expert (PL-600) and, until its grace period ended with July 2024, Azure IoT
  Developer Specialty (AZ-220).

  On the SMB path one prerequisite holder earns 4 points and unlocks 4 points per scoring
  person, up to four people. On the Enterprise path two prerequisite holders are needed,
  earn nothing themselves, and unlock 4 points per scoring person, up to five people.
  A person counts once per subcategory, may count in both, and may hold the prerequisite
  as well. A certification counts when it was earned by the last day of the measurement
  month and has not expired before that day.

  Rule: On the SMB path one prerequisite holder earns 4 points and unlocks up to four scoring people

    @DAI.SKILL.SMB.POINTS @DAI.SKILL.INT.PREREQ
    Scenario: One Azure Administrator Associate alone earns 4 intermediate points
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification                 | earned     |
        | alice  | azure-administrator-associate | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 4 points
      And advanced certifications earn 0 points
      And the explanation cites DAI.SKILL.INT.PREREQ for person alice, saying "is an active prerequisite (Azure Administrator Associate)"
      And the explanation cites DAI.SKILL.SMB.POINTS for intermediate certifications, saying "1 associated person holds an active prerequisite (Azure Administrator Associate), 1 needed on the SMB path: 4 points"

    @DAI.SKILL.SMB.POINTS
    Scenario: Scoring people earn nothing while the SMB prerequisite is unmet
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification                      | earned     |
        | bob    | azure-developer-associate          | 2023-05-01 |
        | carol  | power-platform-developer-associate | 2023-06-01 |
      When the partner is scored
      Then intermediate certifications earn 0 points
      And the explanation cites DAI.SKILL.SMB.POINTS for intermediate certifications, saying "prerequisite not met: 0 associated people hold an active Azure Administrator Associate, 1 needed on the SMB path, so scoring certifications earn nothing (2 people with one)"
      And the explanation cites DAI.SKILL.INT.SCORING for person bob, saying "it earns nothing while the prerequisite is unmet"

    @DAI.SKILL.SMB.POINTS @DAI.SKILL.MAX
    Scenario: The prerequisite and four scoring people make the full 20; a fifth adds nothing
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification                      | earned     |
        | alice  | AZ-104                             | 2023-05-01 |
        | bob    | AZ-204                             | 2023-05-01 |
        | carol  | PL-400                             | 2023-05-01 |
        | dan    | AZ-204                             | 2023-05-01 |
        | erin   | PL-400                             | 2023-05-01 |
        | frank  | AZ-204                             | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 20 points
      And the explanation cites DAI.SKILL.SMB.POINTS for intermediate certifications, saying "5 people with an active scoring certification, counted 4 (at most 4) x 4 points"

  Rule: On the Enterprise path two prerequisite holders unlock up to five scoring people

    @DAI.SKILL.ENT.POINTS
    Scenario: One prerequisite holder is not enough on the Enterprise path
      Given the measurement month is 2024-12
      And the partner is on the enterprise path
      And these people:
        | person | certification                 | earned     |
        | alice  | azure-administrator-associate | 2023-05-01 |
        | bob    | azure-developer-associate     | 2023-05-01 |
        | carol  | azure-developer-associate     | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 0 points
      And the explanation cites DAI.SKILL.ENT.POINTS for intermediate certifications, saying "prerequisite not met: 1 associated person holds an active Azure Administrator Associate, 2 needed on the Enterprise path"

    @DAI.SKILL.ENT.POINTS @DAI.SKILL.ADV.PREREQ @DAI.SKILL.ADV.SCORING
    Scenario: Two Solutions Architect Experts unlock the advanced scorers but score nothing themselves
      Given the measurement month is 2024-12
      And the partner is on the enterprise path
      And these people:
        | person | certification                            | earned     |
        | alice  | azure-solutions-architect-expert         | 2022-05-01 |
        | bob    | AZ-305                                   | 2023-05-01 |
        | carol  | azure-devops-engineer-expert             | 2023-05-01 |
        | dan    | power-platform-solution-architect-expert | 2023-05-01 |
      When the partner is scored
      Then advanced certifications earn 8 points
      And intermediate certifications earn 0 points
      And the explanation cites DAI.SKILL.ADV.PREREQ for person bob, saying "(Azure Solutions Architect Expert)"
      And the explanation cites DAI.SKILL.ADV.SCORING for person carol, saying "(Azure DevOps Engineer Expert)"
      And the explanation cites DAI.SKILL.ADV.SCORING for person dan, saying "(Power Platform Solution Architect Expert)"
      And the explanation cites DAI.SKILL.ENT.POINTS for advanced certifications, saying "2 associated people hold an active prerequisite (Azure Solutions Architect Expert), 2 needed on the Enterprise path: 0 points; 2 people with an active scoring certification, counted 2 (at most 5) x 4 points"

    @DAI.SKILL.ENT.POINTS @DAI.SKILL.MAX
    Scenario: Five scoring people make the full 20 on the Enterprise path; a sixth adds nothing
      Given the measurement month is 2024-12
      And the partner is on the enterprise path
      And these people:
        | person | certification | earned     |
        | alice  | AZ-104        | 2023-05-01 |
        | bob    | AZ-104        | 2023-05-01 |
        | carol  | AZ-204        | 2023-05-01 |
        | dan    | PL-400        | 2023-05-01 |
        | erin   | AZ-204        | 2023-05-01 |
        | frank  | PL-400        | 2023-05-01 |
        | grace  | AZ-204        | 2023-05-01 |
        | heidi  | PL-400        | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 20 points
      And the explanation cites DAI.SKILL.ENT.POINTS for intermediate certifications, saying "6 people with an active scoring certification, counted 5 (at most 5) x 4 points"

  Rule: Each subcategory is capped at 20 points, so skilling is worth at most 40

    @DAI.SKILL.MAX @PCS.CATEGORY.MAX
    Scenario: Full benches in both subcategories give skilling 40, not 60
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification | earned     |
        | alice  | AZ-104        | 2023-05-01 |
        | alice  | AZ-305        | 2023-05-01 |
        | bob    | AZ-204        | 2023-05-01 |
        | bob    | AZ-400        | 2023-05-01 |
        | carol  | PL-400        | 2023-05-01 |
        | carol  | PL-600        | 2023-05-01 |
        | dan    | AZ-204        | 2023-05-01 |
        | dan    | AZ-400        | 2023-05-01 |
        | erin   | PL-400        | 2023-05-01 |
        | erin   | PL-600        | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 20 points
      And advanced certifications earn 20 points
      And the skilling category comes to 40 points

  Rule: Only the listed certifications count, written as a slug or an exam code

    @DAI.SKILL.INT.SCORING
    Scenario: Both intermediate scoring certifications count; other certifications score nothing
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification                      | earned     |
        | alice  | AZ-104                             | 2023-05-01 |
        | bob    | azure-developer-associate          | 2023-05-01 |
        | carol  | PL-400                             | 2023-05-01 |
        | dan    | AZ-900                             | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 12 points
      And the explanation cites DAI.SKILL.INT.SCORING for person bob, saying "(Azure Developer Associate)"
      And the explanation cites DAI.SKILL.INT.SCORING for person carol, saying "(Power Platform Developer Associate)"
      And the explanation cites DAI.SKILL.INT.SCORING for person dan, saying "`AZ-900` is neither a prerequisite nor a scoring certification here"

    @DAI.SKILL.INT.PREREQ @DAI.SKILL.ADV.PREREQ
    Scenario: Each subcategory is unlocked by its own prerequisite only
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification                    | earned     |
        | alice  | azure-solutions-architect-expert | 2023-05-01 |
        | bob    | azure-developer-associate        | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 0 points
      And advanced certifications earn 4 points

  Rule: Azure IoT Developer Specialty scores only while the measurement month is July 2024 or earlier

    @DAI.SKILL.ADV.IOT_GRACE
    Scenario: In July 2024 the retired IoT certification still scores
      Given the measurement month is 2024-07
      And the partner is on the SMB path
      And these people:
        | person | certification                    | earned     |
        | alice  | azure-solutions-architect-expert | 2022-01-01 |
        | bob    | azure-iot-developer-specialty    | 2023-01-10 |
      When the partner is scored
      Then advanced certifications earn 8 points
      And the explanation cites DAI.SKILL.ADV.SCORING for person bob, saying "is an active scoring certification (Azure IoT Developer Specialty)"

    @DAI.SKILL.ADV.IOT_GRACE
    Scenario: From August 2024 the retired IoT certification scores nothing
      Given the measurement month is 2024-08
      And the partner is on the SMB path
      And these people:
        | person | certification                    | earned     |
        | alice  | azure-solutions-architect-expert | 2022-01-01 |
        | bob    | AZ-220                           | 2023-01-10 |
      When the partner is scored
      Then advanced certifications earn 4 points
      And the explanation cites DAI.SKILL.ADV.IOT_GRACE for person bob, saying "retired on 2023-07-31; it scored only while the measurement month was 2024-07 or earlier"

  Rule: A certification counts when it is active on the last day of the measurement month

    @DAI.SKILL.ACTIVE
    Scenario Outline: A prerequisite earned <earned> and expiring <expires> <verdict> in December 2024
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification                 | earned   | expires   |
        | alice  | azure-administrator-associate | <earned> | <expires> |
      When the partner is scored
      Then intermediate certifications earn <points> points

      Examples:
        | earned     | expires    | verdict         | points |
        | 2024-12-31 |            | counts          | 4      |
        | 2025-01-01 |            | does not count  | 0      |
        | 2022-01-01 | 2024-12-31 | counts          | 4      |
        | 2022-01-01 | 2024-12-30 | does not count  | 0      |

    @DAI.SKILL.ACTIVE
    Scenario: The explanation gives the date that makes a certification inactive
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification                 | earned     | expires    |
        | alice  | azure-administrator-associate | 2022-01-01 | 2024-12-30 |
        | bob    | azure-administrator-associate | 2025-01-01 |            |
      When the partner is scored
      Then intermediate certifications earn 0 points
      And the explanation cites DAI.SKILL.ACTIVE for person alice, saying "expired 2024-12-30, before the last day of 2024-12 (2024-12-31)"
      And the explanation cites DAI.SKILL.ACTIVE for person bob, saying "earned 2025-01-01, after the last day of 2024-12 (2024-12-31)"

  Rule: Only people associated to the partner's Partner Center account count

    @DAI.SKILL.ASSOC
    Scenario: An unassociated person neither meets a prerequisite nor scores
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | associated | certification                    | earned     |
        | alice  | no         | azure-administrator-associate    | 2023-05-01 |
        | bob    | yes        | azure-developer-associate        | 2023-05-01 |
        | carol  |            | azure-solutions-architect-expert | 2023-05-01 |
        | dan    | no         | azure-devops-engineer-expert     | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 0 points
      And advanced certifications earn 4 points
      And the explanation cites DAI.SKILL.ASSOC for person alice, saying "not associated to the partner's Partner Center account"
      And the explanation cites DAI.SKILL.ASSOC for person dan

  Rule: A person counts once per subcategory, in each subcategory they qualify for

    @DAI.SKILL.UNIQUE
    Scenario: A person with both intermediate scoring certifications counts once
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification | earned     |
        | alice  | AZ-104        | 2023-05-01 |
        | bob    | AZ-204        | 2023-05-01 |
        | bob    | PL-400        | 2023-06-01 |
      When the partner is scored
      Then intermediate certifications earn 8 points
      And the explanation cites DAI.SKILL.UNIQUE for person bob, saying "holds 2 active scoring certifications and counts once in this subcategory"

    @DAI.SKILL.UNIQUE
    Scenario: A person scoring in both subcategories counts in each
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these people:
        | person | certification | earned     |
        | alice  | AZ-104        | 2023-05-01 |
        | alice  | AZ-305        | 2023-05-01 |
        | bob    | AZ-204        | 2023-05-01 |
        | bob    | AZ-400        | 2023-06-01 |
      When the partner is scored
      Then intermediate certifications earn 8 points
      And advanced certifications earn 8 points

  Rule: The people who meet a prerequisite may also be the people who score

    @DAI.SKILL.SAME_PEOPLE
    Scenario: Two prerequisite holders who also score unlock their own points on the Enterprise path
      Given the measurement month is 2024-12
      And the partner is on the enterprise path
      And these people:
        | person | certification | earned     |
        | alice  | AZ-104        | 2023-05-01 |
        | alice  | AZ-204        | 2023-05-01 |
        | bob    | AZ-104        | 2023-05-01 |
        | bob    | PL-400        | 2023-05-01 |
      When the partner is scored
      Then intermediate certifications earn 8 points
      And the explanation cites DAI.SKILL.SAME_PEOPLE for person alice, saying "meets the prerequisite and also counts as a scoring person"
