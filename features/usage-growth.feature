@customer-success @usage-growth
Feature: Usage growth
  Usage growth shows customers' Azure consumption growing with the partner. L is the ACR
  of all customers with PAL, DPOR or CSP attribution in the measurement month; P is the
  same a year earlier. Growth is (L - P) / P x 100, computed exactly in decimal, and
  each whole percent is one point, rounded down, from 0 to 20 points. Nothing is earned
  unless L is at least USD 1,000, and nothing without a baseline (P of zero).

  In these examples the measurement month is December 2024: L is the ACR of 2024-12
  and P the ACR of 2023-12.

  Background:
    Given the measurement month is 2024-12

  Rule: Growth compares the measurement month with the same month a year earlier

    @DAI.CS.UG.FORMULA
    Scenario: Only 2024-12 and 2023-12 are compared
      Given these customers:
        | customer | segment | attribution | 2023-11 | 2023-12 | 2024-01 | 2024-11 | 2024-12 |
        | contoso  | smb     | PAL         | 9000    | 1000    | 5000    | 9000    | 1150    |
      When the partner is scored
      Then usage growth earns 15 points
      And the explanation cites DAI.CS.UG.FORMULA for partner, saying "L = eligible ACR in 2024-12 = USD 1,150.00; P = eligible ACR in 2023-12 = USD 1,000.00"
      And the explanation cites DAI.CS.UG.FORMULA for partner, saying "growth = (USD 1,150.00 - USD 1,000.00) / USD 1,000.00 x 100 = 15%"

    @DAI.CS.UG.FORMULA @DAI.WINDOW.MISSING
    Scenario: Sums run over all customers, and a customer gone by the measurement month adds nothing to L
      Given these customers:
        | customer | segment    | attribution | 2023-12 | 2024-12 |
        | contoso  | smb        | PAL         | 600     |         |
        | fabrikam | enterprise | DPOR        | 400     | 1100    |
      When the partner is scored
      Then usage growth earns 10 points
      And the explanation cites DAI.CS.UG.FORMULA for customer contoso, saying "2024-12 USD 0.00; 2023-12 USD 600.00"

  Rule: One point per whole percent, rounded down, between 0 and 20

    @DAI.CS.UG.POINTS @DAI.CS.UG.FORMULA
    Scenario Outline: From USD <prior> to USD <last> is <growth> growth, worth <points> points
      Given these customers:
        | customer | segment | attribution | 2023-12 | 2024-12 |
        | contoso  | smb     | CSP         | <prior> | <last>  |
      When the partner is scored
      Then usage growth earns <points> points
      And the explanation cites DAI.CS.UG.POINTS for usage growth

      Examples:
        | prior   | last    | growth  | points |
        | 1000    | 1199.90 | 19.99%  | 19     |
        | 1000    | 1200    | 20%     | 20     |
        | 1000.10 | 1200.12 | 20%     | 20     |
        | 1000    | 1500    | 50%     | 20     |
        | 1000    | 1009.99 | 0.999%  | 0      |
        | 1000    | 1000    | 0%      | 0      |
        | 1200    | 1000    | -16.66% | 0      |

    @DAI.CS.UG.POINTS
    Scenario: The explanation shows the percentage and the whole percents counted
      Given these customers:
        | customer | segment | attribution | 2023-12 | 2024-12 |
        | contoso  | smb     | CSP         | 1000    | 1199.90 |
      When the partner is scored
      Then usage growth earns 19 points
      And the explanation cites DAI.CS.UG.FORMULA for partner, saying "= 19.99%"
      And the explanation cites DAI.CS.UG.POINTS for usage growth, saying "19 whole percent x 1 point, held between 0 and 20"

  Rule: Nothing is earned unless the measurement month reaches USD 1,000

    @DAI.CS.UG.MIN_ACR
    Scenario Outline: USD <last> in the measurement month <verdict>
      Given these customers:
        | customer | segment | attribution | 2023-12 | 2024-12 |
        | contoso  | smb     | PAL         | 500     | <last>  |
      When the partner is scored
      Then usage growth earns <points> points

      Examples:
        | last   | verdict                 | points |
        | 1000   | qualifies               | 20     |
        | 999.99 | earns nothing           | 0      |

    @DAI.CS.UG.MIN_ACR
    Scenario: The explanation says the measurement month is too small
      Given these customers:
        | customer | segment | attribution | 2023-12 | 2024-12 |
        | contoso  | smb     | PAL         | 500     | 999.99  |
      When the partner is scored
      Then usage growth earns 0 points
      And the explanation cites DAI.CS.UG.MIN_ACR for partner, saying "USD 999.99 in 2024-12 is under the USD 1,000.00 needed to qualify"

  Rule: Without a baseline growth is undefined and earns nothing

    @DAI.CS.UG.NO_BASELINE
    Scenario: Nothing a year ago, plenty now
      Given these customers:
        | customer | segment | attribution | 2023-11 | 2023-12 | 2024-12 |
        | contoso  | smb     | PAL         | 3000    |         | 5000    |
      When the partner is scored
      Then usage growth earns 0 points
      And the explanation cites DAI.CS.UG.NO_BASELINE for partner, saying "no baseline: eligible ACR in 2023-12 is USD 0.00, so growth is undefined"

  Rule: Customers without PAL, DPOR or CSP attribution are left out of L and P

    @DAI.ATTR.ELIGIBLE @DAI.CS.UG.FORMULA
    Scenario: A large unattributed customer does not move usage growth
      Given these customers:
        | customer  | segment    | attribution | 2023-12 | 2024-12 |
        | contoso   | smb        | PAL         | 1000    | 1100    |
        | cyberdyne | enterprise | MPN         | 0       | 50,000  |
      When the partner is scored
      Then usage growth earns 10 points
      And the explanation cites DAI.CS.UG.FORMULA for partner, saying "L = eligible ACR in 2024-12 = USD 1,100.00; P = eligible ACR in 2023-12 = USD 1,000.00"
