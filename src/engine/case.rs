//! The validated case: the child, the parents' questionnaire, the assessment team and
//! its ICF scores, the team's goals, the expert service list with both rankings, and the
//! settings. Only [`crate::engine::validate`] builds these from raw JSON; serialised
//! (camelCase) they are the normalised input embedded in a plan document.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::date::{Date, YearMonth};
use crate::engine::reference::{serialize_display, serialize_money, TargetGroup};

/// A complete, valid case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Case {
    /// The child.
    pub child: Child,
    /// The parents' questionnaire.
    pub questionnaire: Questionnaire,
    /// The assessment team with each member's ICF qualifiers.
    pub team: Vec<TeamMember>,
    /// The team's long- and short-term goals.
    pub goals: Vec<TeamGoal>,
    /// The expert service list with expert and parent ranks.
    pub services: Vec<ServiceRequest>,
    /// Period, budget, weights and policies.
    pub settings: Settings,
    /// How the parents' order was settled when not by their own ranks (the parents'
    /// decision to follow the experts' order); absent when the parents ranked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parents_order: Option<ParentsOrder>,
    /// The plan and the review this case's plan follows on from (issue 15: "start the
    /// next plan from this review"); absent for a first plan, so plans without it are
    /// byte-identical to before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follows: Option<Follows>,
    /// The earlier versions of this plan when it is an amendment inside its period
    /// (issue 14, item 5); absent for an unamended plan, so plans without it are
    /// byte-identical to before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amends: Option<Amends>,
}

/// The most earlier plan versions an amendment names (the same bound as a provision
/// record's `previousPlanDigests`).
pub const MAX_AMENDED_VERSIONS: usize = 50;

/// The earlier versions of an amended plan: their digests
/// ([`crate::engine::review::document_digest`], without proofs), oldest first; the last
/// is the version this plan directly replaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Amends {
    /// The digests, oldest first (each 64 lower-case hex digits; 1 to
    /// [`MAX_AMENDED_VERSIONS`]).
    pub plan_digests: Vec<String>,
}

/// The previous plan period a case continues: the digests
/// ([`crate::engine::review::document_digest`], without proofs) of the plan reviewed and
/// of its review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Follows {
    /// The previous plan's digest (64 lower-case hex digits).
    pub plan_digest: String,
    /// The review's digest (64 lower-case hex digits).
    pub review_digest: String,
}

/// The parents' order, when it is not the parents' own ranks. A case's parents' order
/// is final in one of two ways: every service has the parents' rank, or the team has
/// recorded (with a reason) that the parents chose to follow the experts' order, in
/// which case each service's parents' rank is its experts' rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParentsOrder {
    /// The parents chose to follow the experts' order.
    pub follow_experts: FollowExperts,
}

/// The recorded decision that the parents follow the experts' order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowExperts {
    /// Why (required text, as the team recorded it).
    pub reason: String,
}

/// The child, pseudonymously.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Child {
    /// A pseudonymous identifier (never a name or personal code).
    pub id: String,
    /// Birth year and month.
    #[serde(serialize_with = "serialize_display")]
    pub birth: YearMonth,
    /// Municipality code from the regions file.
    pub municipality: String,
    /// DI target group.
    pub target_group: TargetGroup,
}

/// The parents' questionnaire (anketa).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    /// The goals the parents want to reach.
    pub goals: Vec<ParentGoal>,
}

/// One parents' goal, scored COPM-style.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParentGoal {
    /// Identifier the team's goals link to.
    pub id: String,
    /// The goal in the parents' words.
    pub text: String,
    /// Life domain (an assessment-domain code).
    pub life_domain: String,
    /// Importance 1–10.
    pub importance: u8,
    /// Performance 1–10 at the assessment.
    pub performance: u8,
    /// Satisfaction 1–10 at the assessment.
    pub satisfaction: u8,
    /// Ratings at the review, if done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// The parents' ratings at the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// Performance 1–10.
    pub performance: u8,
    /// Satisfaction 1–10.
    pub satisfaction: u8,
}

/// A member of the assessment team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamMember {
    /// Identifier within the case.
    pub id: String,
    /// Role code from the roles file.
    pub role: String,
    /// Name or initials, optional.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// ICF qualifiers given by this member.
    pub assessments: Vec<Assessment>,
}

/// One ICF qualifier for one domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// Domain code from the domains file.
    pub domain: String,
    /// 0–4, 8 (not specified) or 9 (not applicable).
    pub qualifier: u8,
    /// The specialist's note.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Long- or short-term goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Term {
    /// Long-term (ilgtermiņa).
    Long,
    /// Short-term (īstermiņa).
    Short,
}

/// A team goal with its Goal Attainment Scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamGoal {
    /// Identifier within the case.
    pub id: String,
    /// Long or short term.
    pub term: Term,
    /// The goal.
    pub text: String,
    /// Ids of the parents' goals this goal serves.
    pub parent_goals: Vec<String>,
    /// Descriptions of the five levels, −2 to +2 in order.
    pub levels: Vec<GasLevel>,
    /// Level at the start (usually −1 or −2).
    pub baseline: i8,
    /// Level reached at the review, if reviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attained: Option<i8>,
    /// Weight for the weighted T-score (1 when unweighted).
    pub weight: u32,
}

/// The description of one GAS level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GasLevel {
    /// −2..=+2.
    pub level: i8,
    /// What reaching this level looks like.
    pub text: String,
}

/// One service on the expert list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceRequest {
    /// Service code from the catalogue.
    pub code: String,
    /// Units needed over the plan period.
    pub quantity: u64,
    /// The experts' rank, 1 = most important.
    pub expert_rank: u32,
    /// The parents' rank, 1 = most important (the experts' rank when the parents chose
    /// to follow the experts' order).
    pub parent_rank: u32,
    /// Ids of the team's goals this service serves (optional links).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// Free note.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How far down the priority list funding goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Policy {
    /// Continue past a line that did not fit, so cheaper lines below can be funded.
    #[default]
    Fill,
    /// Stop at the first line that does not fit in full (its whole units that fit are
    /// still funded).
    Strict,
}

/// What to do with a quantity above a service's cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum CapPolicy {
    /// Fund at most the cap; the rest stays as unmet need (reason `capped`).
    #[default]
    Trim,
    /// Treat a quantity above the cap as a validation problem.
    Reject,
}

/// Expert and parent weights, summing to 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Weights {
    /// Weight of the experts' ranking (default 0.6).
    #[serde(serialize_with = "serialize_display")]
    pub expert: Decimal,
    /// Weight of the parents' ranking (default 0.4).
    #[serde(serialize_with = "serialize_display")]
    pub parent: Decimal,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            expert: Decimal::new(6, 1),
            parent: Decimal::new(4, 1),
        }
    }
}

/// Period, budget, weights and policies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// First day of the plan.
    #[serde(serialize_with = "serialize_display")]
    pub start_date: Date,
    /// Length of the plan in months, 1–12 (default 6).
    pub period_months: u32,
    /// The individual budget for the period, EUR.
    #[serde(serialize_with = "serialize_money")]
    pub budget: Decimal,
    /// Expert and parent weights.
    pub weights: Weights,
    /// Funding policy.
    pub policy: Policy,
    /// What a quantity above a cap means.
    pub caps: CapPolicy,
}

/// Default plan period in months (DOMAIN.md §2).
pub const DEFAULT_PERIOD_MONTHS: u32 = 6;
