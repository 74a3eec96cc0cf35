# Fixture for tests/coverage.rs: no edition tag. An id one edition has counts for it; an
# id both editions have needs a tag to say which it pins.
Feature: No edition named

  @AZ.SKILL.RETIRING
  Scenario: An id only 2026-05 has counts for 2026-05
    Given a partner

  @EDITION.SHOWN
  Scenario: An id both editions have needs an edition tag
    Given a partner
