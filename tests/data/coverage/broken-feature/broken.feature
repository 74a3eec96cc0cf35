Feature: A table with rows of different widths
  Scenario: broken
    Given a table
      | a | b |
      | c |
