@designation @attainment
Feature: Attaining the designation
  The partner capability score adds up three categories: performance (net customer adds,
  at most 30 points), skilling (intermediate and advanced certifications, at most 40)
  and customer success (usage growth and deployments, at most 30), 100 in all. The
  designation is attained with at least 70 points and at least one point in every one
  of the five subcategories.

  Every example here is an SMB partner measured in December 2024 with the same bench of
  certified people: Ana holds both prerequisites, four colleagues hold intermediate
  scoring certifications, and Ben holds an advanced one. That is 4 + 4 x 4 = 20
  intermediate points and 4 + 4 = 8 advanced points.

  Background:
    Given the measurement month is 2024-12
    And the partner is on the SMB path
    And these people:
      | person | certification                      | earned     |
      | ana    | azure-administrator-associate      | 2023-01-10 |
      | ana    | azure-solutions-architect-expert   | 2023-02-10 |
      | ben    | azure-developer-associate          | 2023-03-10 |
      | ben    | azure-devops-engineer-expert       | 2023-07-10 |
      | cleo   | azure-developer-associate          | 2023-04-10 |
      | dev    | power-platform-developer-associate | 2023-05-10 |
      | eli    | power-platform-developer-associate | 2023-06-10 |

  Rule: Attained with at least 70 points and a point in every subcategory

    @PCS.ATTAINED
    Scenario Outline: <total> points with every subcategory scored is <verdict>
      Given these customers:
        | customer  | segment | attribution | 2023-11 | 2023-12 | 2024-11 | 2024-12  |
        | steady    | smb     | CSP         | 2000    | 2000    | 1200    | <steady> |
        | new-one   | smb     | PAL         |         |         |         | 600      |
        | new-two   | smb     | PAL         |         |         |         | 600      |
      And these deployments:
        | customer | service           | service level | month   |
        | steady   | Azure App Service | 2             | 2024-06 |
      When the partner is scored
      Then net customer adds earn 20 points
      And intermediate certifications earn 20 points
      And advanced certifications earn 8 points
      And usage growth earns <growth> points
      And deployments earn 2 points
      And the total is <total> points
      And the designation is <verdict>
      And the explanation cites PCS.ATTAINED for SMB path, saying "<reason>"

      Examples:
        | steady | growth | total | verdict      | reason                                                              |
        | 1200   | 20     | 70    | attained     | attained: 70 points reach 70 and every subcategory has at least 1   |
        | 1180   | 19     | 69    | not attained | not attained: 69 points, 70 needed                                  |

    @PCS.ATTAINED
    Scenario: 78 points with no deployments is not attained
      Given these customers:
        | customer  | segment | attribution | 2023-11 | 2023-12 | 2024-11 | 2024-12 |
        | steady    | smb     | CSP         | 2000    | 2000    | 1200    | 1200    |
        | new-one   | smb     | PAL         |         |         |         | 600     |
        | new-two   | smb     | PAL         |         |         |         | 600     |
        | new-three | smb     | PAL         |         |         | 700     |         |
      When the partner is scored
      Then net customer adds earn 30 points
      And usage growth earns 20 points
      And deployments earn 0 points
      And the total is 78 points
      And the designation is not attained
      And the explanation cites PCS.ATTAINED for SMB path, saying "not attained: 78 points, and deployments has fewer than 1 point"

    @PCS.ATTAINED @DAI.PERF.NCA.NEUTRAL
    Scenario: Without net customer adds the designation is out of reach
      Given these customers:
        | customer | segment | attribution | 2023-11 | 2023-12 | 2024-11 | 2024-12 |
        | steady   | smb     | CSP         | 2000    | 2000    | 2600    | 2600    |
      And these deployments:
        | customer | service            | service level | month   |
        | steady   | Azure App Service  | 2             | 2024-02 |
        | steady   | Azure Functions    | 2             | 2024-03 |
        | steady   | Azure Cosmos DB    | 2             | 2024-04 |
        | steady   | Azure SQL Database | 2             | 2024-05 |
        | steady   | Azure Front Door   | 2             | 2024-06 |
      When the partner is scored
      Then net customer adds earn 0 points
      And the total is 58 points
      And the designation is not attained
      And the explanation cites PCS.ATTAINED for SMB path, saying "not attained: 58 points of the 70 needed, and net_customer_adds has fewer than 1 point"

  Rule: Categories are capped at 30, 40 and 30 points, 100 in all

    @PCS.CATEGORY.MAX @PCS.ATTAINED
    Scenario: A perfect partner scores 100
      Given these people:
        | person | certification                            | earned     |
        | cleo   | azure-devops-engineer-expert             | 2023-08-10 |
        | dev    | power-platform-solution-architect-expert | 2023-09-10 |
        | eli    | azure-devops-engineer-expert             | 2023-10-10 |
      And these customers:
        | customer  | segment | attribution | 2023-11 | 2023-12 | 2024-11 | 2024-12 |
        | steady    | smb     | CSP         | 2000    | 2000    | 2000    | 2000    |
        | new-one   | smb     | PAL         |         |         |         | 600     |
        | new-two   | smb     | PAL         |         |         |         | 600     |
        | new-three | smb     | PAL         |         |         |         | 600     |
      And these deployments:
        | customer  | service            | service level | month   |
        | steady    | Azure App Service  | 2             | 2024-02 |
        | steady    | Azure Functions    | 2             | 2024-03 |
        | new-one   | Azure Cosmos DB    | 2             | 2024-12 |
        | new-two   | Azure SQL Database | 2             | 2024-12 |
        | new-three | Azure Front Door   | 2             | 2024-12 |
      When the partner is scored
      Then advanced certifications earn 20 points
      And the performance category comes to 30 points
      And the skilling category comes to 40 points
      And the customer success category comes to 30 points
      And the total is 100 points
      And the designation is attained
      And the explanation cites PCS.CATEGORY.MAX for skilling, saying "intermediate_certifications 20 + advanced_certifications 20 (maximum 40)"
