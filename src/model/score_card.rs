//! The score card: the numbers `score` prints and a scenario's `expected:` block checks.

use super::{PathKind, Points};

/// The five subcategories of Digital & App Innovation, in the guide's order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Subcategory {
    /// Performance: net customer adds.
    NetCustomerAdds,
    /// Skilling: intermediate certifications.
    IntermediateCertifications,
    /// Skilling: advanced certifications.
    AdvancedCertifications,
    /// Customer success: usage growth.
    UsageGrowth,
    /// Customer success: deployments.
    Deployments,
}

impl Subcategory {
    /// All five, in score card order.
    pub const ALL: [Subcategory; 5] = [
        Subcategory::NetCustomerAdds,
        Subcategory::IntermediateCertifications,
        Subcategory::AdvancedCertifications,
        Subcategory::UsageGrowth,
        Subcategory::Deployments,
    ];

    /// The score card key, such as `net_customer_adds`.
    pub fn key(self) -> &'static str {
        match self {
            Subcategory::NetCustomerAdds => "net_customer_adds",
            Subcategory::IntermediateCertifications => "intermediate_certifications",
            Subcategory::AdvancedCertifications => "advanced_certifications",
            Subcategory::UsageGrowth => "usage_growth",
            Subcategory::Deployments => "deployments",
        }
    }

    /// A heading for people, such as `Net customer adds`.
    pub fn title(self) -> &'static str {
        match self {
            Subcategory::NetCustomerAdds => "Net customer adds",
            Subcategory::IntermediateCertifications => "Intermediate certifications",
            Subcategory::AdvancedCertifications => "Advanced certifications",
            Subcategory::UsageGrowth => "Usage growth",
            Subcategory::Deployments => "Deployments",
        }
    }

    /// Looks a subcategory up by its score card key.
    pub fn from_key(key: &str) -> Option<Subcategory> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The category it belongs to.
    pub fn category(self) -> Category {
        match self {
            Subcategory::NetCustomerAdds => Category::Performance,
            Subcategory::IntermediateCertifications | Subcategory::AdvancedCertifications => {
                Category::Skilling
            }
            Subcategory::UsageGrowth | Subcategory::Deployments => Category::CustomerSuccess,
        }
    }
}

/// The three categories of the partner capability score.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Category {
    /// Net customer adds.
    Performance,
    /// Certifications.
    Skilling,
    /// Usage growth and deployments.
    CustomerSuccess,
}

impl Category {
    /// All three, in score card order.
    pub const ALL: [Category; 3] = [
        Category::Performance,
        Category::Skilling,
        Category::CustomerSuccess,
    ];

    /// The score card key, such as `customer_success`.
    pub fn key(self) -> &'static str {
        match self {
            Category::Performance => "performance",
            Category::Skilling => "skilling",
            Category::CustomerSuccess => "customer_success",
        }
    }

    /// Looks a category up by its score card key.
    pub fn from_key(key: &str) -> Option<Category> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// Points per subcategory, in [`Subcategory::ALL`] order.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct CardPoints(pub [Points; 5]);

impl CardPoints {
    /// The points of one subcategory.
    pub fn get(&self, sub: Subcategory) -> Points {
        self.0[sub as usize]
    }

    /// Sets the points of one subcategory.
    pub fn set(&mut self, sub: Subcategory, points: Points) {
        self.0[sub as usize] = points;
    }
}

/// A partner's score for one designation: what `score` prints.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ScoreCard {
    /// The path scored on.
    pub path: PathKind,
    /// Points per subcategory.
    pub points: CardPoints,
    /// Points per category, in [`Category::ALL`] order.
    pub categories: [Points; 3],
    /// The sum of all points.
    pub total: Points,
    /// Whether the designation is attained (`PCS.ATTAINED`).
    pub attained: bool,
}

impl ScoreCard {
    /// The points of one category.
    pub fn category(&self, category: Category) -> Points {
        self.categories[category as usize]
    }
}

/// A scenario's `expected:` block: any part of a score card; what is absent is not checked.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Expected {
    /// `path`
    pub path: Option<PathKind>,
    /// `points.<subcategory>`, in [`Subcategory::ALL`] order.
    pub points: [Option<Points>; 5],
    /// `categories.<category>`, in [`Category::ALL`] order.
    pub categories: [Option<Points>; 3],
    /// `total`
    pub total: Option<Points>,
    /// `attained`
    pub attained: Option<bool>,
}
