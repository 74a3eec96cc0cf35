@catalogue
Feature: Every clause of the interpretation is specified
  Each reading of the guide has a clause id (interpretation.md); the rulebook catalogues
  them and the engine cites them in every explanation. Feature scenarios are tagged
  with the ids of the clauses they specify. A catalogued clause that tags no scenario is
  a rule nobody specified, and a misspelt id in a tag or in a YAML scenario's `clauses:`
  specifies nothing while looking as if it did: both fail the run.

  Scenario: Every catalogued clause id tags at least one feature scenario
    Given the feature files
    When their clause ids are checked against the rulebook's catalogue
    Then every catalogued clause id tags at least one scenario

  Scenario: Every clause id the feature and scenario files use is catalogued
    Given the feature files
    And the scenario files
    When their clause ids are checked against the rulebook's catalogue
    Then every clause id they use is catalogued

  Scenario: The interpretation page defines exactly the catalogued clause ids
    Given the interpretation page, where it exists
    Then it defines exactly the catalogued clause ids

  Scenario: The check names a catalogued clause that no scenario is tagged with
    Given this feature file:
      """
      Feature: Only adds
        @DAI.PERF.NCA.ADD
        Scenario: One new customer
          Given the measurement month is 2024-12
      """
    When their clause ids are checked against the rulebook's catalogue
    Then the check reports "DAI.PERF.NCA.LOSS is catalogued but tags no feature scenario"

  Scenario: The check names a tag shaped like a clause id that the catalogue lacks
    Given this feature file:
      """
      Feature: A typo
        @DAI.PERF.NCA.ADDS
        Scenario: One new customer
          Given the measurement month is 2024-12
      """
    When their clause ids are checked against the rulebook's catalogue
    Then the check reports '@DAI.PERF.NCA.ADDS (scenario "One new customer") looks like a clause id but is not in the catalogue'
