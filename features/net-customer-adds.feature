@performance @net-customer-adds
Feature: Net customer adds
  Performance is measured by the customers a partner wins and loses. A customer is an
  add when it spent nothing in both baseline months and reached the threshold in at
  least one of the last two months. It is a loss when it reached the threshold in a
  baseline month and stayed under it in both of the last two months. Every other
  customer counts for nothing. Each net add (adds minus losses) is worth 10 points, and
  net adds are held between 0 and 3, so the subcategory is worth at most 30 points.

  The threshold is USD 1,000 of ACR in a month on the Enterprise path and USD 500 on the
  SMB path; reaching it exactly counts as above it.

  In these examples the measurement month is December 2024: the baseline months are
  2023-11 and 2023-12, the last two months 2024-11 and 2024-12.

  Background:
    Given the measurement month is 2024-12

  Rule: The threshold depends on the path, and reaching it exactly is enough

    @DAI.PERF.NCA.THRESHOLD
    Scenario Outline: On the <path> path a new customer at <recent> in a month is <verdict>
      Given the partner is on the <path> path
      And these customers:
        | customer | segment    | attribution | 2023-11 | 2023-12 | 2024-11 | 2024-12  |
        | contoso  | enterprise | PAL         | 0       | 0       |         | <recent> |
      When the partner is scored
      Then net customer adds earn <points> points
      And the explanation cites DAI.PERF.NCA.THRESHOLD for threshold, saying "<threshold> of ACR in a month on the <path> path"
      And the explanation cites <clause> for customer contoso

      Examples:
        | path       | recent | verdict    | points | threshold    | clause               |
        | Enterprise | 1000   | an add     | 10     | USD 1,000.00 | DAI.PERF.NCA.ADD     |
        | Enterprise | 999.99 | not an add | 0      | USD 1,000.00 | DAI.PERF.NCA.NEUTRAL |
        | SMB        | 500    | an add     | 10     | USD 500.00   | DAI.PERF.NCA.ADD     |
        | SMB        | 499.99 | not an add | 0      | USD 500.00   | DAI.PERF.NCA.NEUTRAL |

  Rule: An add spent nothing in both baseline months and reached the threshold in a last month

    @DAI.PERF.NCA.ADD
    Scenario: One month at the threshold out of the last two is enough
      Given the partner is on the enterprise path
      And these customers:
        | customer | segment    | attribution | 2023-11 | 2023-12 | 2024-11 | 2024-12 |
        | contoso  | enterprise | PAL         | 0       | 0       | 1200    | 0       |
        | fabrikam | smc        | CSP         |         |         | 300     | 1000    |
      When the partner is scored
      Then net customer adds earn 20 points
      And the explanation cites DAI.PERF.NCA.ADD for customer contoso, saying "last two months 2024-11 USD 1,200.00, 2024-12 USD 0.00"
      And the explanation cites DAI.PERF.NCA.ADD for customer fabrikam

    @DAI.PERF.NCA.ADD @DAI.PERF.NCA.NEUTRAL
    Scenario: One cent in a baseline month means the customer is not new
      Given the partner is on the enterprise path
      And these customers:
        | customer | segment    | attribution | 2023-11 | 2023-12 | 2024-11 | 2024-12 |
        | contoso  | enterprise | PAL         | 0       | 0.01    | 1200    | 0       |
      When the partner is scored
      Then net customer adds earn 0 points
      And the explanation cites DAI.PERF.NCA.NEUTRAL for customer contoso, saying "not an add: USD 0.01 in 2023-12, a baseline month"

  Rule: A loss reached the threshold in a baseline month and is under it in both last months

    @DAI.PERF.NCA.LOSS
    Scenario Outline: A customer at <baseline> and <last> in the baseline, then <recent> and <latest>, is <verdict>
      Given the partner is on the enterprise path
      And these customers:
        | customer | segment    | attribution | 2023-11    | 2023-12 | 2024-11  | 2024-12  |
        | adatum   | enterprise | PAL         |            |         |          | 1500     |
        | tailspin | enterprise | DPOR        | <baseline> | <last>  | <recent> | <latest> |
      When the partner is scored
      Then net customer adds earn <points> points
      And the explanation cites <clause> for customer tailspin, saying "<reason>"

      Examples:
        | baseline | last   | recent | latest | verdict | points | clause               | reason                                                            |
        | 0        | 1200   | 300    | 450    | a loss  | 0      | DAI.PERF.NCA.LOSS    | a loss: at or above the threshold in a baseline month             |
        | 1000     | 0      | 0      | 0      | a loss  | 0      | DAI.PERF.NCA.LOSS    | a loss                                                            |
        | 999.99   | 999.99 | 0      | 0      | no loss | 10     | DAI.PERF.NCA.NEUTRAL | not a loss: under the threshold throughout the baseline           |
        | 1200     | 1200   | 999.99 | 1000   | no loss | 10     | DAI.PERF.NCA.NEUTRAL | at or above the threshold in a baseline month and in a last month |

  Rule: Every other customer counts for nothing

    @DAI.PERF.NCA.NEUTRAL
    Scenario: Customers above or below the threshold throughout are neither adds nor losses
      Given the partner is on the enterprise path
      And these customers:
        | customer | segment    | attribution | 2023-11 | 2023-12 | 2024-11 | 2024-12 |
        | steady   | enterprise | PAL         | 5000    | 5000    | 5000    | 5000    |
        | small    | enterprise | PAL         | 200     | 200     | 200     | 200     |
        | dormant  | enterprise | PAL         |         |         |         |         |
      When the partner is scored
      Then net customer adds earn 0 points
      And the explanation cites DAI.PERF.NCA.NEUTRAL for customer steady, saying "not an add and not a loss: at or above the threshold in a baseline month and in a last month"
      And the explanation cites DAI.PERF.NCA.NEUTRAL for customer small, saying "not an add: USD 200.00 in 2023-11, a baseline month"
      And the explanation cites DAI.PERF.NCA.NEUTRAL for customer dormant, saying "not an add: under the threshold in both last months; not a loss: nothing in the baseline"

  Rule: Ten points per net add, with net adds held between 0 and 3

    @DAI.PERF.NCA.POINTS
    Scenario: Four adds earn the maximum of 30 points
      Given the partner is on the SMB path
      And these customers:
        | customer | segment | attribution | 2024-12 |
        | alpha    | smb     | PAL         | 600     |
        | bravo    | smb     | PAL         | 600     |
        | charlie  | smb     | PAL         | 600     |
        | delta    | smb     | PAL         | 600     |
      When the partner is scored
      Then net customer adds earn 30 points
      And the explanation cites DAI.PERF.NCA.POINTS for net customer adds, saying "4 adds - 0 losses = 4 net; counted 3 (0 to 3) x 10 points"

    @DAI.PERF.NCA.POINTS @DAI.PERF.NCA.LOSS
    Scenario: Losses are subtracted before the cap
      Given the partner is on the SMB path
      And these customers:
        | customer | segment | attribution | 2023-12 | 2024-12 |
        | alpha    | smb     | PAL         |         | 600     |
        | bravo    | smb     | PAL         |         | 600     |
        | charlie  | smb     | PAL         |         | 600     |
        | delta    | smb     | PAL         |         | 600     |
        | lost-one | smb     | PAL         | 700     |         |
        | lost-two | smb     | PAL         | 700     |         |
      When the partner is scored
      Then net customer adds earn 20 points
      And the explanation cites DAI.PERF.NCA.POINTS for net customer adds, saying "4 adds - 2 losses = 2 net; counted 2"

    @DAI.PERF.NCA.POINTS @DAI.PERF.NCA.LOSS
    Scenario: More losses than adds earn nothing, not less than nothing
      Given the partner is on the SMB path
      And these customers:
        | customer | segment | attribution | 2023-12 | 2024-12 |
        | alpha    | smb     | PAL         |         | 600     |
        | lost-one | smb     | PAL         | 700     |         |
        | lost-two | smb     | PAL         | 700     |         |
      When the partner is scored
      Then net customer adds earn 0 points
      And the explanation cites DAI.PERF.NCA.POINTS for net customer adds, saying "1 adds - 2 losses = -1 net; counted 0"

  Rule: Customers without PAL, DPOR or CSP attribution are neither adds nor losses

    @DAI.ATTR.ELIGIBLE
    Scenario: An unattributed new customer and an unattributed lost customer count for nothing
      Given the partner is on the enterprise path
      And these customers:
        | customer | segment    | attribution | 2023-12 | 2024-12 |
        | contoso  | enterprise | PAL         |         | 1500    |
        | adatum   | enterprise | MPN         |         | 2000    |
        | litware  | enterprise | none        | 5000    |         |
      When the partner is scored
      Then net customer adds earn 10 points
      And the explanation cites DAI.ATTR.ELIGIBLE for customer adatum, saying "counts toward neither the path, net customer adds nor usage growth"
      And the explanation cites DAI.ATTR.ELIGIBLE for customer litware
      And the explanation cites DAI.PERF.NCA.POINTS for net customer adds, saying "1 adds - 0 losses"
