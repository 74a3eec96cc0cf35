Feature: Security (2026-05)
  A Security partner is measured on two sides: its customers' Azure security services
  (their consumption over the trailing twelve months) and their Microsoft 365 security
  workloads (licences and active users per tenant). Each metric is scored on both sides,
  each side's change is floored at zero, then the sides are added and capped. Both paths
  are scored and the better one is chosen. Fractional points are kept exact and shown
  truncated to two decimals. The tags are clause ids of the 2026-05 edition
  (PCS.CLAUSE.IDS).

  @SEC.AZ.SERVICES @SEC.AZ.ATTR @SEC.PERF.NCA.AZURE @SEC.PERF.NCA.POINTS @PCS.COMPARE @PCS.CLAUSE.IDS
  Scenario: An Azure customer under PAL or CSP with a security TTM of exactly USD 600 is counted
    # Ash: 300 + 300 = 600, counted; Bay: 599.99, not; Fen is DPOR, on neither side;
    # Ivy: two spellings of Sentinel, summed, 600; Virtual Machines is not a security service.
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: smb
      customers:
        - {id: ash-law, attribution: [PAL], acr_by_service: {Sentinel: {2026-01: 300, 2026-10: 300}}}
        - {id: bay-co, attribution: [CSP], acr_by_service: {Key Vault: {2026-10: 599.99}}}
        - {id: fen-co, attribution: [DPOR], acr_by_service: {Sentinel: {2026-10: 1000}}}
        - id: ivy-co
          attribution: [CSP]
          acr_by_service: {sentinel: {2026-10: 300}, " Sentinel ": {2026-10: 300}, Virtual Machines: {2026-10: 5000}}
      """
    When the partner is scored
    Then net customer adds earn 8 points

  @SEC.AZ.TTM_ALL @PCS.ATTR.SINCE @SEC.CS.DEP.AZURE
  Scenario: A security TTM sums all twelve months, also those before the association began
    # Kai's PAL starts 2026-09, but its TTM at M is 400 + 400 = 800: counted, and an SMB
    # deployment (750 to 12,000). Moa's CSP from 2025-11 is not in force at M-12.
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: smb
      customers:
        - {id: kai-spa, attribution: [{type: PAL, since: 2026-09}], acr_by_service: {Sentinel: {2025-12: 400, 2026-10: 400}}}
        - {id: lux-inn, attribution: [{type: CSP, since: 2025-10}], acr_by_service: {Key Vault: {2025-06: 700, 2026-06: 700}}}
        - {id: moa-co, attribution: [{type: CSP, since: 2025-11}], acr_by_service: {Key Vault: {2025-06: 700, 2026-06: 700}}}
      """
    When the partner is scored
    Then net customer adds earn 8 points
    And deployments earn 3.33 points
    And usage growth earns 2 points

  @SEC.M365.WORKLOADS @SEC.M365.TENANT @SEC.PERF.NCA.M365 @PCS.COMPARE
  Scenario: Microsoft 365 tenants are sized on the security workloads, under any CPOR or CSP
    # Enterprise-size: more than 300 licences; SMB-size: 5 to 300. Nia (301) and Rho (5)
    # are new; Oak (300) is SMB-size only; Sia (4) is neither; Quo is DPOR; Tau's teams
    # licences are not a security workload.
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      customers:
        - {id: nia-co, attribution: [CPOR], workloads: [{workload: entra-id-p1, paid_licences: {2026-10: 301}}]}
        - {id: oak-ltd, attribution: [CSP], workloads: [{workload: intune, paid_licences: {2026-10: 300}}]}
        - {id: rho-cafe, attribution: [CSP], workloads: [{workload: intune, paid_licences: {2026-10: 5}}]}
        - {id: sia-deli, attribution: [CSP], workloads: [{workload: defender-for-identity, paid_licences: {2026-10: 4}}]}
        - {id: quo-inc, attribution: [DPOR], workloads: [{workload: defender-for-endpoint-p2, paid_licences: {2026-10: 400}}]}
        - {id: tau-bar, attribution: [CPOR], workloads: [{workload: teams, paid_licences: {2026-10: 100}}]}
      """
    When the partner is scored
    Then on the Enterprise path, net customer adds earn 2 points
    And on the SMB path, net customer adds earn 8 points
    And the chosen path is SMB because neither attains and its total is higher

  @SEC.M365.TENANT
  Scenario: A tenant promoted to Enterprise size since last year stays SMB-size at M
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: smb
      customers:
        - {id: vim-co, attribution: [CSP], workloads: [{workload: entra-id-p1, paid_licences: {2025-10: 100, 2026-10: 400}}]}
        - {id: yew-spa, attribution: [CSP], workloads: [{workload: intune, paid_licences: {2026-10: 10}}]}
      """
    When the partner is scored
    Then net customer adds earn 4 points

  @SEC.SIDES @PCS.NET.CLAMP @SEC.CS.UG.POINTS @SEC.CS.DEP.POINTS
  Scenario: Azure losses do not cancel Microsoft 365 gains: each side is floored at zero
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: smb
      customers:
        - {id: zed-co, attribution: [PAL], acr_by_service: {Sentinel: {2025-10: 700}}}
        - {id: abe-ltd, attribution: [CSP], acr_by_service: {Key Vault: {2025-05: 800}}}
        - {id: bo-deli, attribution: [CSP], workloads: [{workload: intune, paid_licences: {2026-10: 20}, active_users: {2026-10: 10}}]}
        - {id: cy-bar, attribution: [CPOR], workloads: [{workload: entra-id-p1, paid_licences: {2026-10: 300}, active_users: {2026-10: 40}}]}
      """
    When the partner is scored
    Then net customer adds earn 8 points
    And usage growth earns 1 point
    And deployments earn 3.33 points

  @PCS.ONE.CUSTOMER @SEC.CS.DEP.AZURE @SEC.CS.DEP.M365 @SEC.CS.DEP.POINTS @PCS.POINTS.EXACT
  Scenario: One customer counts on the Azure side and on the Microsoft 365 side at once
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: smb
      customers:
        - id: dot-labs
          attribution: [CSP]
          acr_by_service: {Sentinel: {2026-10: 900}}
          workloads:
            - {workload: intune, paid_licences: {2026-10: 20}, active_users: {2026-10: 10}}
      """
    When the partner is scored
    Then net customer adds earn 8 points
    And deployments earn 6.66 points
    And the total is 15.66 points

  @SEC.CS.DEP.M365 @PCS.COMPARE
  Scenario: Active users reaching exactly 15% of the licences make a Microsoft 365 deployment
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: enterprise
      customers:
        - {id: jem-co, attribution: [CPOR], workloads: [{workload: intune, paid_licences: {2026-10: 400}, active_users: {2026-10: 60}}]}
        - {id: kip-ltd, attribution: [CSP], workloads: [{workload: entra-id-p1, paid_licences: {2026-10: 1000}, active_users: {2026-10: 149}}]}
      """
    When the partner is scored
    Then deployments earn 3.33 points

  @SEC.CS.UG.AZURE @SEC.CS.UG.M365 @SEC.CS.UG.POINTS
  Scenario: Usage growth counts whole steps of growth on each side
    # Azure (Enterprise class, TTM over 12,000): G = 17,000 + 12,500 - 13,000 - 14,000 =
    # 2,500: 2 x 1,250. Microsoft 365: 250 more users of Enterprise-size tenants: 2 x 125.
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: enterprise
      customers:
        - {id: mae-co, attribution: [PAL], acr_by_service: {Sentinel: {2025-10: 13000, 2026-10: 17000}}}
        - {id: ned-ltd, attribution: [CSP], acr_by_service: {Sentinel: {2025-10: 6000, 2026-10: 12500}}}
        - {id: ora-ag, attribution: [PAL], acr_by_service: {Sentinel: {2025-10: 14000, 2026-10: 12000}}}
        - {id: pia-co, attribution: [CPOR], workloads: [{workload: intune, paid_licences: {2025-10: 1000, 2026-10: 1000}, active_users: {2025-10: 100, 2026-10: 350}}]}
      """
    When the partner is scored
    Then usage growth earns 4 points

  @SEC.SKILL.STEP1 @SEC.SKILL.STEP2 @SEC.SKILL.SCORING @SEC.SKILL.POINTS @PCS.POINTS.SHOWN @PCS.EXPECTED.DECIMALS
  Scenario: On Enterprise two holders of each step unlock 40/6 points per step-3 person
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: enterprise
      people:
        - {id: ava, certifications: [{cert: AZ-500, earned: 2025-01-10}, {cert: SC-200, earned: 2025-01-10}]}
        - {id: bo, certifications: [{cert: cloud-and-ai-security-engineer-associate, earned: 2026-02-10}, {cert: SC-200, earned: 2025-01-10}]}
        - {id: cy, certifications: [{cert: SC-100, earned: 2025-01-10}]}
        - {id: di, certifications: [{cert: SC-300, earned: 2025-01-10}, {cert: SC-401, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then intermediate certifications earn 13.33 points
    And the skilling category comes to 13.33 points

  @SEC.SKILL.POINTS @PCS.SKILL.RETIRING
  Scenario: On SMB each met step earns 4, and step-3 people earn 8 each only when both are met
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: smb
      people:
        - {id: qi, certifications: [{cert: AZ-500, earned: 2026-05-10, expires: 2027-05-10}, {cert: SC-100, earned: 2025-01-10}]}
        - {id: ro, certifications: [{cert: information-protection-administrator-associate, earned: 2025-01-10, expires: 2026-12-31}]}
      """
    When the partner is scored
    Then intermediate certifications earn 4 points

  @SEC.PATH @PCS.JSON
  Scenario: When both paths total the same, Enterprise is chosen and both cards are shown
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      customers:
        - {id: big-1, attribution: [CPOR], workloads: [{workload: entra-id-p1, paid_licences: {2026-10: 400}}]}
        - {id: big-2, attribution: [CPOR], workloads: [{workload: entra-id-p1, paid_licences: {2026-10: 400}}]}
        - {id: small-1, attribution: [CSP], workloads: [{workload: intune, paid_licences: {2026-10: 50}}]}
      """
    When the partner is scored
    Then the enterprise path totals 4 points
    And the smb path totals 4 points
    And the chosen path is Enterprise because the totals tie
    And the JSON card shows both paths

  @SEC.PATH @PCS.POINTS.EXACT @PCS.POINTS.SHOWN
  Scenario: The path that attains is chosen although the other totals more
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      customers:
        - {id: gil-co, attribution: [PAL], acr_by_service: {Sentinel: {2026-10: 13000}}}
        - {id: hal-ltd, attribution: [PAL], acr_by_service: {Sentinel: {2026-10: 13000}}}
        - id: shop-1
          attribution: [CSP]
          workloads:
            - {workload: intune, paid_licences: {2026-10: 300}, active_users: {2026-10: 269}}
            - {workload: entra-id-p1, paid_licences: {2026-10: 300}}
            - {workload: defender-for-office-365, paid_licences: {2026-10: 300}}
            - {workload: defender-for-endpoint-p2, paid_licences: {2026-10: 300}}
            - {workload: defender-for-identity, paid_licences: {2026-10: 300}}
            - {workload: purview-information-protection, paid_licences: {2026-10: 300}}
        - id: shop-2
          attribution: [CSP]
          workloads:
            - {workload: intune, paid_licences: {2026-10: 300}, active_users: {2026-10: 269}}
            - {workload: entra-id-p1, paid_licences: {2026-10: 300}}
            - {workload: defender-for-office-365, paid_licences: {2026-10: 300}}
            - {workload: defender-for-endpoint-p2, paid_licences: {2026-10: 300}}
            - {workload: defender-for-identity, paid_licences: {2026-10: 300}}
            - {workload: purview-information-protection, paid_licences: {2026-10: 300}}
        - id: shop-3
          attribution: [CSP]
          workloads:
            - {workload: intune, paid_licences: {2026-10: 300}, active_users: {2026-10: 269}}
            - {workload: entra-id-p1, paid_licences: {2026-10: 300}}
            - {workload: defender-for-office-365, paid_licences: {2026-10: 300}}
            - {workload: defender-for-endpoint-p2, paid_licences: {2026-10: 300}}
            - {workload: defender-for-identity, paid_licences: {2026-10: 300}}
            - {workload: purview-information-protection, paid_licences: {2026-10: 300}}
      people:
        - {id: ana, certifications: [{cert: AZ-500, earned: 2025-01-10}, {cert: SC-200, earned: 2025-01-10}, {cert: SC-100, earned: 2025-01-10}]}
        - {id: ben, certifications: [{cert: AZ-500, earned: 2025-01-10}, {cert: SC-200, earned: 2025-01-10}, {cert: SC-300, earned: 2025-01-10}]}
        - {id: cas, certifications: [{cert: SC-401, earned: 2025-01-10}]}
        - {id: dov, certifications: [{cert: SC-401, earned: 2025-01-10}]}
        - {id: eda, certifications: [{cert: SC-401, earned: 2025-01-10}]}
        - {id: fil, certifications: [{cert: SC-401, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then the smb path totals 76 points
    And the smb path is not attained
    And on the smb path, deployments earn 0 points
    And the enterprise path totals 70.66 points
    And the chosen path is Enterprise because only it attains
    And the designation is attained

  @PCS.DATA.UNUSED
  Scenario: Plain ACR and workloads Security does not read count nothing
    Given this partner file:
      """
      designation: security
      as_of: 2026-10
      path: smb
      customers:
        - id: pam-co
          attribution: [CSP]
          acr: {2026-10: 5000}
          workloads:
            - {workload: intune, paid_licences: {2026-10: 10}}
            - {workload: teams, paid_licences: {2026-10: 100}, active_users: {2026-10: 90}}
            - {workload: business-central, revenue: {2026-10: 6000}}
      """
    When the partner is scored
    Then net customer adds earn 4 points
    And the total is 4 points
