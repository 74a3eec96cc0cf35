Feature: Modern Work (2026-05)
  A Modern Work partner is measured on its customers' Microsoft 365 tenants: how many
  licences they pay for (which makes a tenant Enterprise-size or SMB-size), how many
  people actively use them, and which association the partner has with each. Both
  paths are scored and the better one is chosen. Every scenario compares the
  measurement month M with the same month a year earlier; fractional points are kept
  exact and shown truncated to two decimals. The tags are clause ids of the 2026-05
  edition (PCS.CLAUSE.IDS).

  @MW.TENANT.SIZE @MW.WORKLOADS @MW.ATTR @MW.PERF.NCA @PCS.COMPARE @PCS.CLAUSE.IDS
  Scenario: More than 300 licences make a tenant Enterprise-size, 11 to 300 SMB-size
    # Enterprise path: Acme (301, DPOR) is new; Birch (300) is not Enterprise-size.
    # SMB path: Dale (11, CSP) is new; Elm (10) is not SMB-size, nor is Fern, whose only
    # licences are teams-premium, which sizes no tenant.
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      customers:
        - {id: acme-tools, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 301}}]}
        - {id: birch-law, attribution: [DPOR], workloads: [{workload: exchange-online, paid_licences: {2026-10: 300}}]}
        - {id: dale-cafe, attribution: [CSP], workloads: [{workload: teams, paid_licences: {2026-10: 11}}]}
        - {id: elm-dental, attribution: [CSP], workloads: [{workload: sharepoint-online, paid_licences: {2026-10: 10}}]}
        - {id: fern-yoga, attribution: [CSP], workloads: [{workload: teams-premium, paid_licences: {2026-10: 50}}]}
      """
    When the partner is scored
    Then on the Enterprise path, net customer adds earn 4 points
    And on the SMB path, net customer adds earn 2 points
    And the chosen path is Enterprise because neither attains and its total is higher

  @MW.TENANT.CARRY @MW.PERF.NCA
  Scenario: A tenant promoted to Enterprise size since last year stays SMB-size at M
    # Ivy: 200 licences a year ago, 500 now: still an SMB path tenant, so not a loss.
    # Mint and Nook are new; Loom left. Net (Ivy, Mint, Nook) - (Ivy, Loom) = 1.
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      path: smb
      customers:
        - {id: ivy-print, attribution: [CSP], workloads: [{workload: teams, paid_licences: {2025-10: 200, 2026-10: 500}}]}
        - {id: loom-cafe, attribution: [CSP], workloads: [{workload: teams, paid_licences: {2025-10: 100}}]}
        - {id: mint-bar, attribution: [CSP], workloads: [{workload: teams, paid_licences: {2026-10: 20}}]}
        - {id: nook-inn, attribution: [CSP], workloads: [{workload: teams, paid_licences: {2026-10: 30}}]}
      """
    When the partner is scored
    Then the chosen path is SMB because the file names it
    And net customer adds earn 2 points

  @PCS.ATTR.SINCE @MW.ATTR @PCS.NET.CLAMP
  Scenario: An association from M-12 counts a year ago, one from M-11 makes a new tenant
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      path: enterprise
      customers:
        - {id: opal-farms, attribution: [{type: DPOR, since: 2025-10}], workloads: [{workload: teams, paid_licences: {2025-10: 400, 2026-10: 400}}]}
        - {id: pike-rail, attribution: [{type: DPOR, since: 2025-11}], workloads: [{workload: teams, paid_licences: {2025-10: 400, 2026-10: 400}}]}
      """
    When the partner is scored
    Then net customer adds earn 4 points

  @MW.CS.UG.FORMULA @MW.CS.UG.POINTS @MW.CS.DEP.QUALIFY @MW.CS.DEP.POINTS @PCS.POINTS.EXACT @PCS.POINTS.SHOWN
  Scenario: Usage growth and deployments are scored per association type and the best type scores
    # CPOR: 300 more users / 1,000 x 30 = 9; DPOR: 2,100 more / 4,000 x 30 = 15.75.
    # Deployed (40%): CPOR net 1 x 5 = 5; DPOR net 1 x 2.5 = 2.5.
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      path: enterprise
      customers:
        - {id: sable-co, attribution: [CPOR], workloads: [{workload: teams, paid_licences: {2025-10: 1000, 2026-10: 1000}, active_users: {2025-10: 300, 2026-10: 500}}]}
        - {id: tide-inc, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2025-10: 3000, 2026-10: 3000}, active_users: {2025-10: 100, 2026-10: 2100}}]}
        - {id: umbra-ag, attribution: [CPOR, DPOR], workloads: [{workload: teams, paid_licences: {2025-10: 1000, 2026-10: 1000}, active_users: {2025-10: 500, 2026-10: 600}}]}
      """
    When the partner is scored
    Then usage growth earns 15.75 points
    And deployments earn 5 points
    And the customer success category comes to 20.75 points

  @MW.CS.DEP.QUALIFY @MW.WORKLOADS @PCS.COMPARE
  Scenario: Active users reaching exactly 40% of paid licences make a deployment
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      path: smb
      customers:
        - {id: able-inn, attribution: [CSP], workloads: [{workload: teams, paid_licences: {2026-10: 100}, active_users: {2026-10: 40}}]}
        - {id: bay-salon, attribution: [CSP], workloads: [{workload: teams, paid_licences: {2026-10: 100}, active_users: {2026-10: 39}}]}
      """
    When the partner is scored
    Then deployments earn 2.50 points
    And usage growth earns 1.18 points

  @MW.CS.UG.SINCE @MW.CS.DEP.EXCLUDE @MW.CS.DEP.SINCE_MONTH
  Scenario: A tenant associated during the year grows from its since month, and is no new deployment when it was deployed then
    # Vega's CPOR starts 2026-03: its 40 users then go to Before. Now 120, Before 60:
    # 60 / 500 x 30 = 3.6. Vega was deployed in 2026-03 (66.7%): only Wren is new.
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      path: smb
      customers:
        - id: vega-spa
          attribution: [{type: CPOR, since: 2026-03}]
          workloads:
            - {workload: teams, paid_licences: {2025-10: 50, 2026-03: 60, 2026-10: 80}, active_users: {2025-10: 10, 2026-03: 40, 2026-10: 70}}
        - {id: wren-ltd, attribution: [CPOR], workloads: [{workload: teams, paid_licences: {2025-10: 100, 2026-10: 100}, active_users: {2025-10: 20, 2026-10: 50}}]}
      """
    When the partner is scored
    Then usage growth earns 3.60 points
    And deployments earn 5 points
    And the total is 10.60 points

  @MW.SKILL.INT @MW.SKILL.ADV @PCS.SKILL.RETIRING
  Scenario: Microsoft 365 Fundamentals scores through 2027-03 and not after
    Given this partner file:
      """
      designation: modern-work
      as_of: 2027-04
      path: smb
      people:
        - {id: gus, certifications: [{cert: MS-900, earned: 2025-01-10}]}
        - {id: hana, certifications: [{cert: MS-900, earned: 2025-01-10}, {cert: MS-700, earned: 2025-01-10}]}
        - {id: jun, certifications: [{cert: MS-102, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then intermediate certifications earn 5 points
    And advanced certifications earn 15 points

  @MW.SKILL.ADV
  Scenario: The Teams meetings assessment scores through 2027-06 and Enterprise Administrator Expert through 2027-11
    Given this partner file:
      """
      designation: modern-work
      as_of: 2027-07
      path: enterprise
      people:
        - {id: ivo, certifications: [{cert: teams-meetings-and-meeting-rooms-technical-assessment, earned: 2025-01-10}]}
        - {id: jun, certifications: [{cert: MS-102, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then advanced certifications earn 7.50 points

  @MW.PATH.BEST @PCS.JSON
  Scenario: When both paths total the same, Enterprise is chosen and both cards are shown
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      customers:
        - {id: e1, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 400}}]}
        - {id: e2, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 400}}]}
        - {id: e3, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 400}}]}
        - {id: s1, attribution: [CSP], workloads: [{workload: teams, paid_licences: {2026-10: 50}}]}
      people:
        - {id: tia, certifications: [{cert: MS-700, earned: 2025-01-10}]}
        - {id: udo, certifications: [{cert: MS-102, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then the enterprise path totals 22 points
    And the smb path totals 22 points
    And the chosen path is Enterprise because the totals tie
    And the JSON card shows both paths

  @MW.PATH.BEST
  Scenario: The path that attains is chosen although the other totals more
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      customers:
        - {id: ent-1, attribution: [CPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 300}}]}
        - {id: ent-2, attribution: [CPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 300}}]}
        - {id: ent-3, attribution: [CPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 300}}]}
        - {id: ent-4, attribution: [CPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 300}}]}
        - {id: ent-5, attribution: [CPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 300}}]}
        - {id: smb-1, attribution: [CPOR-OSU], workloads: [{workload: teams, paid_licences: {2026-10: 300}, active_users: {2026-10: 119}}]}
        - {id: smb-2, attribution: [CPOR-OSU], workloads: [{workload: teams, paid_licences: {2026-10: 300}, active_users: {2026-10: 119}}]}
        - {id: smb-3, attribution: [CPOR-OSU], workloads: [{workload: teams, paid_licences: {2026-10: 300}, active_users: {2026-10: 119}}]}
        - {id: smb-4, attribution: [CPOR-OSU], workloads: [{workload: teams, paid_licences: {2026-10: 300}, active_users: {2026-10: 119}}]}
        - {id: smb-5, attribution: [CPOR-OSU], workloads: [{workload: teams, paid_licences: {2026-10: 300}, active_users: {2026-10: 119}}]}
        - {id: smb-6, attribution: [CPOR-OSU], workloads: [{workload: teams, paid_licences: {2026-10: 300}, active_users: {2026-10: 119}}]}
        - {id: smb-7, attribution: [CPOR-OSU], workloads: [{workload: teams, paid_licences: {2026-10: 300}, active_users: {2026-10: 200}}]}
      people:
        - {id: vic, certifications: [{cert: MS-700, earned: 2025-01-10}, {cert: MS-102, earned: 2025-01-10}]}
        - {id: wyn, certifications: [{cert: MS-700, earned: 2025-01-10}, {cert: MS-102, earned: 2025-01-10}]}
        - {id: xia, certifications: [{cert: MS-700, earned: 2025-01-10}]}
        - {id: yul, certifications: [{cert: MS-700, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then the enterprise path totals 75 points
    And the enterprise path is not attained
    And on the enterprise path, deployments earn 0 points
    And the smb path totals 74 points
    And the chosen path is SMB because only it attains
    And the designation is attained

  @PCS.POINTS.EXACT @PCS.POINTS.SHOWN @PCS.EXPECTED.DECIMALS
  Scenario: An exact total of 69.995 is shown 69.99, never 70, and is not attained
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      path: enterprise
      customers:
        - {id: zeta-one, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 800}}]}
        - {id: zeta-two, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 800}}]}
        - {id: zeta-three, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 399}}]}
        - {id: zeta-four, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 1000}, active_users: {2026-10: 399}}]}
        - {id: zeta-five, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 4000}, active_users: {2026-10: 1268}}]}
      people:
        - {id: ari, certifications: [{cert: MS-700, earned: 2025-01-10}, {cert: MS-102, earned: 2025-01-10}]}
        - {id: bea, certifications: [{cert: SC-300, earned: 2025-01-10}]}
        - {id: cai, certifications: [{cert: MD-102, earned: 2025-01-10}]}
        - {id: dov, certifications: [{cert: MS-721, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then usage growth earns 27.49 points
    And advanced certifications earn 7.5 points
    And the total is 69.99 points
    And the designation is not attained

  @PCS.DATA.UNUSED
  Scenario: Workloads Modern Work does not read count nothing
    Given this partner file:
      """
      designation: modern-work
      as_of: 2026-10
      path: enterprise
      customers:
        - {id: gem-corp, attribution: [DPOR], workloads: [{workload: teams, paid_licences: {2026-10: 400}}]}
        - id: hub-ltd
          attribution: [DPOR]
          acr_by_service: {Sentinel: {2026-10: 900}}
          workloads:
            - {workload: defender-for-endpoint-p2, paid_licences: {2026-10: 500}, active_users: {2026-10: 450}}
            - {workload: business-central, revenue: {2026-10: 6000}, usage: {2026-10: 12}}
      """
    When the partner is scored
    Then net customer adds earn 4 points
    And the total is 4 points
