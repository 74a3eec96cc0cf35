@windows-and-path
Feature: Measurement windows and the partner's path
  Every figure is counted back from one measurement month, M. The last two months are
  M-1 and M; the baseline months are the same two months a year earlier, M-13 and M-12;
  the trailing twelve months (TTM) run from M-11 to M. A month without a figure counts
  as USD 0.

  The path sets the net customer adds threshold and the skilling schedule. A partner
  file may name it; otherwise it follows from the customers with PAL, DPOR or CSP
  attribution and their spend over the TTM. A partner driving less than USD 1,000,000
  with at least 80% of its spending customers in the SMB or SMC segment is on the SMB
  path; every other partner is on the Enterprise path, and a partner without spending
  customers is on the SMB path.

  Rule: The last two months are M-1 and M, across the turn of the year too

    @DAI.WINDOW.RECENT
    Scenario: In January the last two months are December and January
      Given the measurement month is 2025-01
      And the partner is on the enterprise path
      And these customers:
        | customer | segment    | attribution | 2024-11 | 2024-12 | 2025-01 |
        | contoso  | enterprise | PAL         |         | 1000    |         |
        | fabrikam | enterprise | PAL         | 5000    |         |         |
      When the partner is scored
      Then net customer adds earn 10 points
      And the explanation cites DAI.WINDOW.RECENT for last two months, saying "2024-12 and 2025-01"
      And the explanation cites DAI.PERF.NCA.ADD for customer contoso
      And the explanation cites DAI.PERF.NCA.NEUTRAL for customer fabrikam, saying "under the threshold in both last months; not a loss: nothing in the baseline"

  Rule: The baseline months are M-13 and M-12

    @DAI.WINDOW.BASELINE
    Scenario: Spend just outside the baseline months does not make a customer old
      Given the measurement month is 2024-12
      And the partner is on the enterprise path
      And these customers:
        | customer | segment    | attribution | 2023-10 | 2023-11 | 2023-12 | 2024-01 | 2024-12 |
        | contoso  | enterprise | PAL         | 4000    | 0       | 0       | 4000    | 1500    |
        | fabrikam | enterprise | PAL         |         | 2000    |         |         | 1500    |
      When the partner is scored
      Then net customer adds earn 10 points
      And the explanation cites DAI.WINDOW.BASELINE for baseline months, saying "2023-11 and 2023-12"
      And the explanation cites DAI.PERF.NCA.ADD for customer contoso
      And the explanation cites DAI.PERF.NCA.NEUTRAL for customer fabrikam, saying "at or above the threshold in a baseline month and in a last month"

  Rule: The trailing twelve months are M-11 through M

    @DAI.WINDOW.TTM @DAI.PATH.DERIVED
    Scenario: Spend in M-12 does not count toward the driven ACR
      Given the measurement month is 2024-12
      And these customers:
        | customer | segment | attribution | 2023-12   | 2024-01    | 2024-12 |
        | contoso  | smb     | PAL         | 2,000,000 | 999,999.99 |         |
      When the partner is scored
      Then the partner is scored on the SMB path, derived from the data
      And the explanation cites DAI.WINDOW.TTM for trailing twelve months, saying "2024-01 to 2024-12"
      And the explanation cites DAI.PATH.DERIVED for partner, saying "summed over 2024-01 to 2024-12) is USD 999,999.99, under USD 1,000,000.00"

  Rule: A month without a figure counts as zero

    @DAI.WINDOW.MISSING
    Scenario: A customer with no figures for the baseline months is new
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these customers:
        | customer | segment | attribution | 2024-12 |
        | contoso  | smb     | CSP         | 500     |
        | fabrikam | smb     | CSP         |         |
      When the partner is scored
      Then net customer adds earn 10 points
      And the explanation cites DAI.WINDOW.MISSING for missing months
      And the explanation cites DAI.PERF.NCA.ADD for customer contoso, saying "baseline 2023-11 USD 0.00, 2023-12 USD 0.00"
      And the explanation cites DAI.PERF.NCA.NEUTRAL for customer fabrikam

  Rule: A path written in the partner file is used as it is

    @DAI.PATH.EXPLICIT
    Scenario: A file naming the SMB path is scored on it although its data says Enterprise
      Given the measurement month is 2024-12
      And the partner is on the SMB path
      And these customers:
        | customer | segment    | attribution | 2024-12 |
        | contoso  | enterprise | PAL         | 600     |
      When the partner is scored
      Then the partner is scored on the SMB path, as the file says
      And net customer adds earn 10 points
      And the explanation cites DAI.PATH.EXPLICIT for partner, saying "the data alone would give enterprise"

    @DAI.PATH.EXPLICIT
    Scenario: A file naming the Enterprise path is scored on it although its data says SMB
      Given the measurement month is 2024-12
      And the partner is on the enterprise path
      And these customers:
        | customer | segment | attribution | 2024-12 |
        | contoso  | smb     | PAL         | 600     |
      When the partner is scored
      Then the partner is scored on the Enterprise path, as the file says
      And net customer adds earn 0 points
      And the explanation cites DAI.PATH.EXPLICIT for partner, saying "the data alone would give smb"

  Rule: Without a path in the file, the driven ACR and the customer mix decide

    @DAI.PATH.DERIVED
    Scenario Outline: Driven ACR of <driven> puts the partner on the <path> path
      Given the measurement month is 2024-12
      And these customers:
        | customer | segment | attribution | 2024-06 | 2024-12 |
        | contoso  | smb     | PAL         | <june>  | 500,000 |
      When the partner is scored
      Then the partner is scored on the <path> path, derived from the data
      And the explanation cites DAI.PATH.DERIVED for partner, saying "is <driven>, <comparison> USD 1,000,000.00"

      Examples:
        | june       | driven               | comparison   | path       |
        | 500,000    | USD 1,000,000.00     | at or above  | Enterprise |
        | 499,999.99 | USD 999,999.99       | under        | SMB        |

    @DAI.PATH.DERIVED
    Scenario: Exactly 80% of spending customers in SMB or SMC keeps the partner on the SMB path
      Given the measurement month is 2024-12
      And these customers:
        | customer | segment    | attribution | 2024-12 |
        | alpha    | smb        | PAL         | 100     |
        | bravo    | smc        | DPOR        | 100     |
        | charlie  | smb        | CSP         | 100     |
        | delta    | smc        | PAL         | 100     |
        | echo     | enterprise | PAL         | 100     |
      When the partner is scored
      Then the partner is scored on the SMB path, derived from the data
      And the explanation cites DAI.PATH.DERIVED for partner, saying "4 of 5 eligible customers with ACR in the TTM are SMB/SMC (80%), meeting the 80% needed for SMB"

    @DAI.PATH.DERIVED
    Scenario: Three SMB customers out of four is short of 80% and means Enterprise
      Given the measurement month is 2024-12
      And these customers:
        | customer | segment    | attribution | 2024-12 |
        | alpha    | smb        | PAL         | 100     |
        | bravo    | smc        | DPOR        | 100     |
        | charlie  | smb        | CSP         | 100     |
        | echo     | enterprise | PAL         | 100     |
      When the partner is scored
      Then the partner is scored on the Enterprise path, derived from the data
      And the explanation cites DAI.PATH.DERIVED for partner, saying "3 of 4 eligible customers with ACR in the TTM are SMB/SMC (75%), short of the 80% needed for SMB"

    @DAI.PATH.DERIVED @DAI.WINDOW.TTM
    Scenario: A customer without spend in the TTM does not count toward the customer mix
      Given the measurement month is 2024-12
      And these customers:
        | customer | segment    | attribution | 2023-06 | 2024-12 |
        | alpha    | smb        | PAL         |         | 100     |
        | bravo    | enterprise | PAL         | 90,000  | 0       |
      When the partner is scored
      Then the partner is scored on the SMB path, derived from the data
      And the explanation cites DAI.PATH.DERIVED for partner, saying "1 of 1 eligible customers with ACR in the TTM are SMB/SMC (100%)"

    @DAI.PATH.DERIVED
    Scenario: A partner without customers is on the SMB path
      Given this partner file:
        """
        as_of: 2024-12
        """
      When the partner is scored
      Then the partner is scored on the SMB path, derived from the data
      And the explanation cites DAI.PATH.DERIVED for partner, saying "no eligible customer had ACR in the TTM"

  Rule: Only customers with PAL, DPOR or CSP attribution count toward the path

    @DAI.ATTR.ELIGIBLE @DAI.PATH.DERIVED
    Scenario: Customers with other, lower-case or no attribution do not make the partner Enterprise
      Given the measurement month is 2024-12
      And these customers:
        | customer  | segment    | attribution | 2024-12   |
        | contoso   | smb        | DPOR        | 2,000     |
        | fabrikam  | enterprise | MPN         | 3,000,000 |
        | northwind | enterprise | pal         | 50,000    |
        | tailspin  | enterprise | none        | 50,000    |
      When the partner is scored
      Then the partner is scored on the SMB path, derived from the data
      And the explanation cites DAI.ATTR.ELIGIBLE for customer fabrikam, saying "attribution [MPN] has none of PAL, DPOR, CSP"
      And the explanation cites DAI.ATTR.ELIGIBLE for customer northwind, saying "attribution [pal] has none of PAL, DPOR, CSP"
      And the explanation cites DAI.ATTR.ELIGIBLE for customer tailspin, saying "attribution [] (none)"

    @DAI.ATTR.ELIGIBLE @DAI.PATH.DERIVED
    Scenario: One eligible code among others is enough
      Given the measurement month is 2024-12
      And these customers:
        | customer | segment    | attribution | 2024-12 |
        | contoso  | smb        | DPOR        | 2,000   |
        | fabrikam | enterprise | MPN, CSP    | 100     |
      When the partner is scored
      Then the partner is scored on the Enterprise path, derived from the data
      And the explanation cites DAI.PATH.DERIVED for partner, saying "1 of 2 eligible customers"
