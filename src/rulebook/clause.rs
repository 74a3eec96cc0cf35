//! The clause ids the engine cites, by name.
//!
//! A clause id names a reading of the guide (`docs/rules.md`); the catalogue
//! with its wording is in the rulebook file. These constants let the rule logic cite a
//! clause without spelling the id twice; a test checks each is in the catalogue.

/// The last two months are M-1 and M.
pub const WINDOW_RECENT: &str = "DAI.WINDOW.RECENT";
/// The baseline months are M-13 and M-12.
pub const WINDOW_BASELINE: &str = "DAI.WINDOW.BASELINE";
/// The trailing twelve months are M-11 to M.
pub const WINDOW_TTM: &str = "DAI.WINDOW.TTM";
/// A month without a figure counts as zero.
pub const WINDOW_MISSING: &str = "DAI.WINDOW.MISSING";
/// A path in the file is used as is.
pub const PATH_EXPLICIT: &str = "DAI.PATH.EXPLICIT";
/// The path derived from the data.
pub const PATH_DERIVED: &str = "DAI.PATH.DERIVED";
/// Only PAL, DPOR, CSP attributions count.
pub const ATTR_ELIGIBLE: &str = "DAI.ATTR.ELIGIBLE";
/// The net customer adds threshold per path.
pub const NCA_THRESHOLD: &str = "DAI.PERF.NCA.THRESHOLD";
/// A net customer add.
pub const NCA_ADD: &str = "DAI.PERF.NCA.ADD";
/// A net customer loss.
pub const NCA_LOSS: &str = "DAI.PERF.NCA.LOSS";
/// A customer that neither adds nor subtracts.
pub const NCA_NEUTRAL: &str = "DAI.PERF.NCA.NEUTRAL";
/// Points for net customer adds.
pub const NCA_POINTS: &str = "DAI.PERF.NCA.POINTS";
/// When a certification is active.
pub const SKILL_ACTIVE: &str = "DAI.SKILL.ACTIVE";
/// Only associated people count.
pub const SKILL_ASSOC: &str = "DAI.SKILL.ASSOC";
/// A person counts once per subcategory.
pub const SKILL_UNIQUE: &str = "DAI.SKILL.UNIQUE";
/// Prerequisite and scoring people may be the same.
pub const SKILL_SAME_PEOPLE: &str = "DAI.SKILL.SAME_PEOPLE";
/// The retired IoT certification's grace period.
pub const SKILL_IOT_GRACE: &str = "DAI.SKILL.ADV.IOT_GRACE";
/// A skilling subcategory's cap.
pub const SKILL_MAX: &str = "DAI.SKILL.MAX";
/// An eligible deployment.
pub const DEP_ELIGIBLE: &str = "DAI.CS.DEP.ELIGIBLE";
/// A deployment inside the trailing twelve months.
pub const DEP_WINDOW: &str = "DAI.CS.DEP.WINDOW";
/// Deployments count as distinct services.
pub const DEP_DISTINCT: &str = "DAI.CS.DEP.DISTINCT";
/// The usage growth formula.
pub const UG_FORMULA: &str = "DAI.CS.UG.FORMULA";
/// Usage growth without a baseline.
pub const UG_NO_BASELINE: &str = "DAI.CS.UG.NO_BASELINE";

/// Every constant above, for the catalogue check.
pub const ALL: &[&str] = &[
    WINDOW_RECENT,
    WINDOW_BASELINE,
    WINDOW_TTM,
    WINDOW_MISSING,
    PATH_EXPLICIT,
    PATH_DERIVED,
    ATTR_ELIGIBLE,
    NCA_THRESHOLD,
    NCA_ADD,
    NCA_LOSS,
    NCA_NEUTRAL,
    NCA_POINTS,
    SKILL_ACTIVE,
    SKILL_ASSOC,
    SKILL_UNIQUE,
    SKILL_SAME_PEOPLE,
    SKILL_IOT_GRACE,
    SKILL_MAX,
    DEP_ELIGIBLE,
    DEP_WINDOW,
    DEP_DISTINCT,
    UG_FORMULA,
    UG_NO_BASELINE,
];
