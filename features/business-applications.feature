Feature: Business Applications (2026-05)
  A Business Applications partner is measured on its Dynamics 365 and Power Platform
  workloads, one customer and workload at a time (a "pair"). Revenue makes net customer
  adds; usage priced on a rate card makes the monthly consumption value, which makes
  usage growth and deployments; certified people make skilling, with no prerequisite.
  Every scenario compares the measurement month M with the same month a year earlier.
  Fractional points are kept exact and shown truncated to two decimals. The tags are
  clause ids of the 2026-05 edition (PCS.CLAUSE.IDS).

  @BA.PERF.NCA.QUALIFY @BA.PERF.NCA.POINTS @BA.PATH.EXPLICIT @PCS.COMPARE @PCS.CLAUSE.IDS @PCS.JSON
  Scenario: On the SMB path revenue of exactly USD 250 qualifies a pair and 249.99 does not
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: smb
      customers:
        - {id: alder-inn, attribution: [CSP], workloads: [{workload: sales, revenue: {2026-10: 250}}]}
        - {id: birch-farm, attribution: [DPOR], workloads: [{workload: finance, revenue: {2026-10: 249.99}}]}
        - {id: cedar-press, attribution: [CPOR-REVREC], workloads: [{workload: power-apps, revenue: {2025-10: 250, 2026-10: 250}}]}
      """
    When the partner is scored
    Then the partner is scored on the SMB path, as the file says
    And net customer adds earn 3 points
    And the total is 3 points
    And the JSON card shows no paths

  @BA.PATH.DERIVED @BA.WORKLOADS.NCA @BA.ATTR.NCA @PCS.ATTR.SINCE
  Scenario: Five counting pairs above USD 5,000 in both months make the path Enterprise, but not a pair whose attribution starts at M-11
    # Four pairs of Kite Group and one of Lark Bank are above 5,000 in 2025-10 and 2026-10.
    # Lark Bank's DPOR starts in 2025-11, so it does not count in 2025-10: four pairs, SMB.
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      customers:
        - id: kite-group
          attribution: [CSP]
          workloads:
            - {workload: sales, revenue: {2025-10: 6000, 2026-10: 6000}}
            - {workload: finance, revenue: {2025-10: 6000, 2026-10: 6000}}
            - {workload: supply-chain, revenue: {2025-10: 6000, 2026-10: 6000}}
            - {workload: project-operations, revenue: {2025-10: 6000, 2026-10: 6000}}
        - {id: lark-bank, attribution: [{type: DPOR, since: 2025-11}], workloads: [{workload: sales, revenue: {2025-10: 6000, 2026-10: 6000}}]}
        - {id: iris-org, attribution: [DPOR], workloads: [{workload: core-hr, revenue: {2025-10: 9000, 2026-10: 9000}}]}
      """
    When the partner is scored
    Then the partner is scored on the SMB path, derived from the data
    And net customer adds earn 3 points

  @BA.PATH.DERIVED @PCS.ATTR.SINCE
  Scenario: The same pair counts when its attribution starts at M-12 itself
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      customers:
        - id: kite-group
          attribution: [CSP]
          workloads:
            - {workload: sales, revenue: {2025-10: 6000, 2026-10: 6000}}
            - {workload: finance, revenue: {2025-10: 6000, 2026-10: 6000}}
            - {workload: supply-chain, revenue: {2025-10: 6000, 2026-10: 6000}}
            - {workload: project-operations, revenue: {2025-10: 6000, 2026-10: 6000}}
        - {id: lark-bank, attribution: [{type: DPOR, since: 2025-10}], workloads: [{workload: sales, revenue: {2025-10: 6000, 2026-10: 6000}}]}
      """
    When the partner is scored
    Then the partner is scored on the Enterprise path, derived from the data
    And net customer adds earn 0 points

  @BA.ATTR.NCA @PCS.NET.CLAMP
  Scenario: Revenue counts under five attribution codes, and a net of more than five pairs is clamped to five
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: smb
      customers:
        - {id: c1, attribution: [CPOR-REVREC], workloads: [{workload: sales, revenue: {2026-10: 300}}, {workload: finance, revenue: {2026-10: 300}}]}
        - {id: c2, attribution: [CPOR-OSA], workloads: [{workload: sales, revenue: {2026-10: 300}}]}
        - {id: c3, attribution: [CPOR-REVREC-PERF], workloads: [{workload: sales, revenue: {2026-10: 300}}]}
        - {id: c4, attribution: [CSP], workloads: [{workload: sales, revenue: {2026-10: 300}}]}
        - {id: c5, attribution: [DPOR], workloads: [{workload: sales, revenue: {2026-10: 300}}]}
        - {id: c6, attribution: [PAL], workloads: [{workload: sales, revenue: {2026-10: 300}}]}
        - {id: c7, attribution: [CPOR-OSU], workloads: [{workload: sales, revenue: {2026-10: 300}}]}
      """
    When the partner is scored
    Then net customer adds earn 15 points

  @BA.MCV.RATES @BA.ATTR.CS @BA.CS.UG.FORMULA @BA.CS.UG.BASELINE @BA.CS.UG.POINTS
  Scenario: Usage times the rate card is the consumption value, and growth is a whole percent rounded down
    # P = 10,000 + 10,000 + 5,000 + 1,000 + 500 = 26,500 (at least 25,000 on SMB);
    # L = 12,000 + 11,000 + 6,000 + 2,000 + 500 = 31,500; growth 18.87%: 18.
    # The power-apps pair under CSP counts nothing: Power Platform needs PAL.
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: smb
      customers:
        - id: umber-freight
          attribution: [CSP, PAL]
          workloads:
            - {workload: business-central, usage: {2025-10: 10, 2026-10: 12}}
            - {workload: power-bi, usage: {2025-10: 50, 2026-10: 55}}
            - {workload: customer-insights, usage: {2025-10: 25000, 2026-10: 30000}}
        - id: vale-stores
          attribution: [DPOR]
          workloads:
            - {workload: finance-and-operations, usage: {2025-10: 10, 2026-10: 20}}
            - {workload: retail, usage: {2025-10: 5, 2026-10: 5}}
            - {workload: power-apps, attribution: [CSP], usage: {2025-10: 1000, 2026-10: 9000}}
      """
    When the partner is scored
    Then usage growth earns 18 points
    And deployments earn 0 points

  @BA.CS.UG.BASELINE
  Scenario: An Enterprise baseline under USD 50,000 earns no usage growth
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: enterprise
      customers:
        - {id: bolt-logistics, attribution: [CSP], workloads: [{workload: business-central, usage: {2025-10: 49.999, 2026-10: 75}}]}
      """
    When the partner is scored
    Then usage growth earns 0 points

  @BA.CS.DEP.QUALIFY @BA.CS.DEP.POINTS @BA.ATTR.CS @PCS.COMPARE
  Scenario: A pair with a counting consumption value of exactly USD 5,000 is an SMB deployment
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: smb
      customers:
        - {id: gully-farms, attribution: [PAL], workloads: [{workload: customer-insights, usage: {2026-10: 25000}}]}
        - {id: haven-clinic, attribution: [PAL], workloads: [{workload: customer-insights, usage: {2026-10: 24999}}]}
        - {id: willow-pharma, attribution: [PAL], workloads: [{workload: business-central, usage: {2026-10: 6}}]}
      """
    When the partner is scored
    Then deployments earn 4 points

  @BA.SKILL.ADV @BA.SKILL.INT @PCS.POINTS.EXACT @PCS.POINTS.SHOWN @PCS.SKILL.RETIRING
  Scenario: Seven Enterprise advanced people at 15/7 each make exactly 15
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: enterprise
      people:
        - {id: p1, certifications: [{cert: MB-335, earned: 2025-01-10}, {cert: MB-310, earned: 2025-01-10}]}
        - {id: p2, certifications: [{cert: MB-700, earned: 2025-01-10}, {cert: MB-240, earned: 2025-01-10}]}
        - {id: p3, certifications: [{cert: PL-600, earned: 2025-01-10}]}
        - {id: p4, certifications: [{cert: MB-820, earned: 2025-01-10}]}
        - {id: p5, certifications: [{cert: agentic-ai-business-solutions-architect, earned: 2026-01-10}]}
        - {id: p6, certifications: [{cert: MB-335, earned: 2025-01-10}]}
        - {id: p7, certifications: [{cert: MB-820, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then advanced certifications earn 15 points
    And intermediate certifications earn 2 points
    And the total is 17 points

  @BA.SKILL.ADV @PCS.POINTS.SHOWN
  Scenario: Three Enterprise advanced people earn 45/7, shown 6.42
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: enterprise
      people:
        - {id: p1, certifications: [{cert: MB-335, earned: 2025-01-10}]}
        - {id: p2, certifications: [{cert: MB-700, earned: 2025-01-10}]}
        - {id: p3, certifications: [{cert: PL-600, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then advanced certifications earn 6.42 points
    And the skilling category comes to 6.42 points

  @BA.SKILL.ADV @BA.SKILL.INT @PCS.EXPECTED.DECIMALS
  Scenario: On SMB one advanced person earns 7.5, which is shown 7.50
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: smb
      people:
        - {id: kai, certifications: [{cert: MB-820, earned: 2025-01-10}, {cert: MB-800, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then advanced certifications earn 7.5 points
    And advanced certifications earn 7.50 points
    And intermediate certifications earn 4 points

  @PCS.POINTS.EXACT @PCS.POINTS.SHOWN
  Scenario: An exact total of 69.857... is shown 69.85 and is not attained
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: enterprise
      customers:
        - {id: n1, attribution: [CSP], workloads: [{workload: sales, revenue: {2026-10: 2000}}]}
        - {id: n2, attribution: [CSP], workloads: [{workload: sales, revenue: {2026-10: 2000}}]}
        - {id: n3, attribution: [DPOR], workloads: [{workload: sales, revenue: {2026-10: 2000}}]}
        - {id: n4, attribution: [DPOR], workloads: [{workload: sales, revenue: {2026-10: 2000}}]}
        - {id: n5, attribution: [CPOR-REVREC], workloads: [{workload: sales, revenue: {2026-10: 2000}}]}
        - {id: jade-corp, attribution: [CSP], workloads: [{workload: business-central, usage: {2025-10: 50, 2026-10: 70}}]}
        - {id: kelp-inc, attribution: [DPOR], workloads: [{workload: customer-engagement, usage: {2026-10: 50}}]}
      people:
        - {id: p1, certifications: [{cert: MB-310, earned: 2025-01-10}, {cert: MB-335, earned: 2025-01-10}]}
        - {id: p2, certifications: [{cert: MB-500, earned: 2025-01-10}, {cert: MB-700, earned: 2025-01-10}]}
        - {id: p3, certifications: [{cert: MB-330, earned: 2025-01-10}, {cert: PL-600, earned: 2025-01-10}]}
        - {id: p4, certifications: [{cert: MB-230, earned: 2025-01-10}, {cert: MB-820, earned: 2025-01-10}]}
        - {id: p5, certifications: [{cert: MB-800, earned: 2025-01-10}, {cert: agentic-ai-business-solutions-architect, earned: 2025-01-10}]}
        - {id: p6, certifications: [{cert: PL-400, earned: 2025-01-10}, {cert: PL-600, earned: 2025-01-10}]}
        - {id: p7, certifications: [{cert: PL-300, earned: 2025-01-10}]}
        - {id: p8, certifications: [{cert: PL-200, earned: 2025-01-10}]}
      """
    When the partner is scored
    Then advanced certifications earn 12.85 points
    And the total is 69.85 points
    And the designation is not attained

  @PCS.DATA.UNUSED
  Scenario: Known workloads and data Business Applications does not read count nothing
    Given this partner file:
      """
      designation: business-applications
      as_of: 2026-10
      path: smb
      customers:
        - id: tern-media
          attribution: [CSP, PAL]
          acr: {2026-10: 90000}
          acr_by_service: {Sentinel: {2026-10: 5000}}
          workloads:
            - {workload: power-bi, revenue: {2026-10: 300}}
            - {workload: teams, paid_licences: {2026-10: 500}, active_users: {2026-10: 450}}
            - {workload: defender-for-endpoint-p2, paid_licences: {2026-10: 500}}
      """
    When the partner is scored
    Then net customer adds earn 3 points
    And the total is 3 points
