@customer-success @deployments
Feature: Deployments
  Deployments show that a partner delivers solutions. Each distinct Azure service the
  partner deployed at Service Level 2 in the trailing twelve months, for a customer with
  PAL, DPOR or CSP attribution, is worth 2 points, up to five services (10 points).
  Virtual Machines Licenses never count. A service deployed for several customers, or
  several times, counts once; service names are matched ignoring case and surrounding
  spaces. A deployment may carry its own attribution, which then replaces its
  customer's.

  In these examples the measurement month is December 2024, so the trailing twelve
  months run from 2024-01 to 2024-12.

  Background:
    Given the measurement month is 2024-12
    And these customers:
      | customer  | segment    | attribution |
      | contoso   | enterprise | PAL         |
      | fabrikam  | smb        | CSP         |
      | cyberdyne | enterprise | MPN         |

  Rule: Only Service Level 2 deployments count, and never Virtual Machines Licenses

    @DAI.CS.DEP.ELIGIBLE
    Scenario: Deployments at other service levels do not count
      Given these deployments:
        | customer | service                  | service level | month   |
        | contoso  | Azure Kubernetes Service | 2             | 2024-06 |
        | contoso  | Azure Monitor            | 1             | 2024-06 |
        | contoso  | Azure Functions          | 3             | 2024-06 |
      When the partner is scored
      Then deployments earn 2 points
      And the explanation cites DAI.CS.DEP.ELIGIBLE for deployment 1, saying "distinct service `azure kubernetes service`"
      And the explanation cites DAI.CS.DEP.ELIGIBLE for deployment 2, saying "not counted: service level 1, only level 2 counts"
      And the explanation cites DAI.CS.DEP.ELIGIBLE for deployment 3, saying "service level 3"

    @DAI.CS.DEP.ELIGIBLE
    Scenario: Virtual Machines Licenses never count, however they are written
      Given these deployments:
        | customer | service                       | service level | month   |
        | contoso  | Virtual Machines Licenses     | 2             | 2024-06 |
        | fabrikam | " virtual machines LICENSES " | 2             | 2024-07 |
        | contoso  | Azure App Service             | 2             | 2024-06 |
      When the partner is scored
      Then deployments earn 2 points
      And the explanation cites DAI.CS.DEP.ELIGIBLE for deployment 1, saying "`Virtual Machines Licenses` never counts toward deployments"
      And the explanation cites DAI.CS.DEP.ELIGIBLE for deployment 2, saying "never counts toward deployments"

  Rule: A deployment's own attribution, when it has one, replaces its customer's

    @DAI.ATTR.ELIGIBLE @DAI.CS.DEP.ELIGIBLE
    Scenario: Own attribution decides; without one, the customer's does
      Given these deployments:
        | customer  | service           | service level | month   | attribution |
        | cyberdyne | Azure Front Door  | 2             | 2024-08 | PAL         |
        | cyberdyne | Azure Cosmos DB   | 2             | 2024-08 |             |
        | contoso   | Azure Logic Apps  | 2             | 2024-08 | none        |
        | contoso   | Azure Functions   | 2             | 2024-08 | MPN         |
        | fabrikam  | Azure Service Bus | 2             | 2024-08 |             |
      When the partner is scored
      Then deployments earn 4 points
      And the explanation cites DAI.CS.DEP.ELIGIBLE for deployment 1, saying "distinct service `azure front door`"
      And the explanation cites DAI.ATTR.ELIGIBLE for deployment 2, saying "its customer's attribution [MPN] has none of PAL, DPOR, CSP"
      And the explanation cites DAI.ATTR.ELIGIBLE for deployment 3, saying "its own attribution [] (none) has none of PAL, DPOR, CSP"
      And the explanation cites DAI.ATTR.ELIGIBLE for deployment 4, saying "its own attribution [MPN]"
      And the explanation cites DAI.CS.DEP.ELIGIBLE for deployment 5, saying "distinct service `azure service bus`"

  Rule: Only deployments in the trailing twelve months count

    @DAI.CS.DEP.WINDOW @DAI.WINDOW.TTM
    Scenario: M-11 and M count; M-12 and a later month do not
      Given these deployments:
        | customer | service            | service level | month   |
        | contoso  | Azure App Service  | 2             | 2023-12 |
        | contoso  | Azure SQL Database | 2             | 2024-01 |
        | contoso  | Azure Functions    | 2             | 2024-12 |
        | contoso  | Azure Cosmos DB    | 2             | 2025-01 |
      When the partner is scored
      Then deployments earn 4 points
      And the explanation cites DAI.CS.DEP.WINDOW for deployment 1, saying "2023-12 lies outside the trailing twelve months 2024-01 to 2024-12"
      And the explanation cites DAI.CS.DEP.WINDOW for deployment 4, saying "2025-01 lies outside the trailing twelve months"

  Rule: A service counts once, however many times and for however many customers it was deployed

    @DAI.CS.DEP.DISTINCT
    Scenario: The same service for two customers, written three ways, counts once
      Given these deployments:
        | customer | service                       | service level | month   |
        | contoso  | Azure Kubernetes Service      | 2             | 2024-03 |
        | fabrikam | "  azure kubernetes service " | 2             | 2024-05 |
        | contoso  | AZURE KUBERNETES SERVICE      | 2             | 2024-09 |
        | fabrikam | Azure Container Registry      | 2             | 2024-05 |
      When the partner is scored
      Then deployments earn 4 points
      And the explanation cites DAI.CS.DEP.DISTINCT for deployment 2, saying "same service as deployment 1: counted once as `azure kubernetes service`"
      And the explanation cites DAI.CS.DEP.DISTINCT for deployment 3, saying "same service as deployment 1"
      And the explanation cites DAI.CS.DEP.POINTS for deployments, saying "2 distinct services: `azure kubernetes service` (deployment 1, 2, 3), `azure container registry` (deployment 4)"

  Rule: Two points per distinct service, at most five services

    @DAI.CS.DEP.POINTS
    Scenario: Three distinct services earn 6 points
      Given these deployments:
        | customer | service           | service level | month   |
        | contoso  | Azure App Service | 2             | 2024-02 |
        | contoso  | Azure Functions   | 2             | 2024-03 |
        | fabrikam | Azure Cosmos DB   | 2             | 2024-04 |
      When the partner is scored
      Then deployments earn 6 points

    @DAI.CS.DEP.POINTS
    Scenario: Six distinct services earn the maximum of 10
      Given these deployments:
        | customer | service            | service level | month   |
        | contoso  | Azure App Service  | 2             | 2024-02 |
        | contoso  | Azure Functions    | 2             | 2024-03 |
        | fabrikam | Azure Cosmos DB    | 2             | 2024-04 |
        | fabrikam | Azure SQL Database | 2             | 2024-05 |
        | contoso  | Azure Front Door   | 2             | 2024-06 |
        | fabrikam | Azure Logic Apps   | 2             | 2024-07 |
      When the partner is scored
      Then deployments earn 10 points
      And the explanation cites DAI.CS.DEP.POINTS for deployments, saying "6 distinct services"
      And the explanation cites DAI.CS.DEP.POINTS for deployments, saying "counted 5 (at most 5) x 2 points"
