//! The pages of household ballots and online votes.

use askama::Template;
use askama_web::WebTemplate;
use coso_app::decisions::online::HouseholdVote;

use crate::forms::FieldErrors;
use crate::views::Nav;

/// One online vote on the resident's page.
pub struct MyVote {
    pub id: i64,
    pub title: String,
    pub village: String,
    /// `dd/mm/yyyy`.
    pub from: String,
    pub until: String,
    pub open: bool,
    /// The household's choice in words, empty before it voted.
    pub choice: String,
    pub chose_yes: bool,
    pub chose_no: bool,
    /// After the close: the count in words, the outcome's label and its reason.
    pub result: Option<(String, &'static str, String)>,
}

impl From<HouseholdVote> for MyVote {
    fn from(v: HouseholdVote) -> MyVote {
        use coso_domain::decision::online_vote::Choice;
        MyVote {
            id: v.id,
            title: v.title,
            village: v.village_name,
            from: v.held_on.format("%d/%m/%Y").to_string(),
            until: v.ends_on.format("%d/%m/%Y").to_string(),
            open: v.open,
            choice: v.choice.map(|c| c.label().to_string()).unwrap_or_default(),
            chose_yes: v.choice == Some(Choice::Yes),
            chose_no: v.choice == Some(Choice::No),
            result: v.result.map(|r| {
                (
                    format!("{} đồng ý, {} không đồng ý, trên tổng số {} hộ gia đình", r.yes, r.no, r.households),
                    r.outcome.label(),
                    r.reason,
                )
            }),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "decision_votes/mine.html")]
pub struct MyVotesPage {
    pub nav: Nav,
    /// The account represents a household.
    pub linked: bool,
    pub votes: Vec<MyVote>,
    pub errors: FieldErrors,
}

/// One entry of the count as the officials' page lists it.
pub struct EntryLine {
    pub slot: &'static str,
    pub yes: i64,
    pub no: i64,
    pub invalid: i64,
    pub by: String,
}

impl From<&coso_store::TallyEntryRow> for EntryLine {
    fn from(e: &coso_store::TallyEntryRow) -> EntryLine {
        use coso_domain::decision::ballot::EntrySlot;
        let slot = match e.slot.as_str() {
            "first" => EntrySlot::First,
            "second" => EntrySlot::Second,
            _ => EntrySlot::Reconciled,
        };
        EntryLine {
            slot: slot.label(),
            yes: e.yes_votes,
            no: e.no_votes,
            invalid: e.invalid_votes,
            by: e.entered_by_name.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "decision_votes/ballot.html")]
pub struct BallotPage {
    pub nav: Nav,
    /// The decision's officials' path.
    pub base: String,
    pub unit_code: String,
    pub unit_name: String,
    pub title: String,
    pub households: i64,
    pub period: String,
    pub outcome: Option<&'static str>,
    pub reason: String,
    pub planned: bool,
    pub content: String,
    pub issued: i64,
    pub collected: i64,
    pub entries: Vec<EntryLine>,
    pub tally_label: &'static str,
    /// The labels of the fields where the two entries differ.
    pub mismatched: Vec<&'static str>,
    /// The entry asked for next: its code and label.
    pub next_slot: Option<(&'static str, &'static str)>,
    /// The count stands (agreed or reconciled): Mẫu 04 can be made.
    pub counted: bool,
    /// `dd/mm/yyyy`, the collection form's default day.
    pub today: String,
    pub typed: coso_domain::decision::ballot::BallotPlanInput,
    pub errors: FieldErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "decision_votes/online.html")]
pub struct OnlinePage {
    pub nav: Nav,
    pub base: String,
    pub unit_code: String,
    pub unit_name: String,
    pub title: String,
    pub households: i64,
    pub period: String,
    /// How many households voted so far (their choices are not shown before the close).
    pub voted: i64,
    pub outcome: Option<&'static str>,
    pub reason: String,
    pub yes: Option<i64>,
    pub no: Option<i64>,
}

impl BallotPage {
    /// What the page says when the two entries differ.
    pub fn mismatch_notice(&self) -> String {
        format!(
            "Hai lần nhập không khớp ở: {}. Hãy kiểm lại phiếu và nhập kết quả đối chiếu.",
            self.mismatched.join(", ")
        )
    }
}
