# Fixture for tests/coverage.rs: tags at every level Gherkin allows, and clause ids
# where they must not count (this comment: @DAI.WINDOW.TTM).
@DAI.PERF.NCA.THRESHOLD @performance
Feature: Net customer adds

  Customers new since the baseline are adds.

  @DAI.PERF.NCA.ADD
  Scenario: A new customer above the threshold is an add
    Given a customer with no ACR in the baseline months
    And the customer spends the threshold in the last month
    Then the partner has 1 net customer add

  @boundary
  @DAI.PERF.NCA.LOOS
  Scenario: A misspelt clause id is reported where it is written
    Given a customer who reached the threshold in a baseline month
    Then the partner has 0 net customer adds

  Scenario: A clause id inside a doc string is not a citation
    Given the note
      """
      @DAI.WINDOW.BASELINE
      """
    Then the partner has 0 net customer adds

  @DAI.PERF.NCA.POINTS
  Rule: Net adds are held between 0 and 3

    @DAI.PERF.NCA.NEUTRAL
    Scenario: Four adds count as three
      Given 4 new customers
      Then the partner has 30 points

    Scenario Outline: Losses are subtracted before the cap
      Given <adds> new customers and <losses> lost customers
      Then the partner has <points> points

      @DAI.PERF.NCA.LOSS
      Examples: with losses
        | adds | losses | points |
        | 4    | 1      | 30     |
