//! The count of a household ballot, entered twice by two members of the counting team
//! independently (issue 14, deliverable 3): the two entries are compared field by field, a
//! mismatch is flagged naming the fields, and a member reconciles them with the recount; the
//! reconciled entry is kept with who made it. The count is then held against all the
//! households of the snapshot (DEC-6), never against the ballots returned.

use serde::{Deserialize, Serialize};

use crate::field::{Errors, FieldError};
use crate::ids::UserId;

/// One entry's three counts: ballots agreeing, disagreeing, and spoilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct TallyCounts {
    pub yes: u32,
    pub no: u32,
    pub invalid: u32,
}

impl TallyCounts {
    /// Every ballot counted, valid or not.
    pub fn total(self) -> u64 {
        u64::from(self.yes) + u64::from(self.no) + u64::from(self.invalid)
    }

    /// The fields where `self` and `other` differ, in the order of the form.
    pub fn mismatches(self, other: TallyCounts) -> Vec<TallyField> {
        TallyField::ALL.into_iter().filter(|field| field.of(self) != field.of(other)).collect()
    }
}

/// A field of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TallyField {
    Yes,
    No,
    Invalid,
}

impl TallyField {
    pub const ALL: [TallyField; 3] = [TallyField::Yes, TallyField::No, TallyField::Invalid];

    /// The stored and JSON code.
    pub fn as_str(self) -> &'static str {
        match self {
            TallyField::Yes => "yes",
            TallyField::No => "no",
            TallyField::Invalid => "invalid",
        }
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            TallyField::Yes => "Số phiếu đồng ý",
            TallyField::No => "Số phiếu không đồng ý",
            TallyField::Invalid => "Số phiếu không hợp lệ",
        }
    }

    fn of(self, counts: TallyCounts) -> u32 {
        match self {
            TallyField::Yes => counts.yes,
            TallyField::No => counts.no,
            TallyField::Invalid => counts.invalid,
        }
    }
}

/// Which entry a form or a body fills: the two independent ones or the reconciled one. The
/// field names of its errors say which (`first_yes`, `reconciled_invalid`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntrySlot {
    First,
    Second,
    Reconciled,
}

impl EntrySlot {
    pub const ALL: [EntrySlot; 3] = [EntrySlot::First, EntrySlot::Second, EntrySlot::Reconciled];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            EntrySlot::First => "first",
            EntrySlot::Second => "second",
            EntrySlot::Reconciled => "reconciled",
        }
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        match self {
            EntrySlot::First => "Lần nhập thứ nhất",
            EntrySlot::Second => "Lần nhập thứ hai",
            EntrySlot::Reconciled => "Kết quả đối chiếu",
        }
    }

    fn field_name(self, field: TallyField) -> &'static str {
        match (self, field) {
            (EntrySlot::First, TallyField::Yes) => "first_yes",
            (EntrySlot::First, TallyField::No) => "first_no",
            (EntrySlot::First, TallyField::Invalid) => "first_invalid",
            (EntrySlot::Second, TallyField::Yes) => "second_yes",
            (EntrySlot::Second, TallyField::No) => "second_no",
            (EntrySlot::Second, TallyField::Invalid) => "second_invalid",
            (EntrySlot::Reconciled, TallyField::Yes) => "reconciled_yes",
            (EntrySlot::Reconciled, TallyField::No) => "reconciled_no",
            (EntrySlot::Reconciled, TallyField::Invalid) => "reconciled_invalid",
        }
    }

    /// The name of the entry's field of all counts together, for the error on their sum.
    fn total_name(self) -> &'static str {
        match self {
            EntrySlot::First => "first_total",
            EntrySlot::Second => "second_total",
            EntrySlot::Reconciled => "reconciled_total",
        }
    }
}

/// An entry as typed: three counts as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TallyInput {
    pub yes: String,
    pub no: String,
    pub invalid: String,
}

fn count(slot: EntrySlot, field: TallyField, raw: &str) -> Result<u32, FieldError> {
    let name = slot.field_name(field);
    let label = field.label();
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(name, format!("{}: {label} không được để trống.", slot.label())));
    }
    raw.parse::<u32>().map_err(|_| {
        let shown: String = raw.chars().take(20).collect();
        FieldError::new(name, format!("{}: {label} phải là số nguyên không âm: «{shown}».", slot.label()))
    })
}

impl TallyInput {
    /// The counts of this entry, each a whole number, all together no more than the ballots
    /// returned (`collected`).
    pub fn parse(&self, slot: EntrySlot, collected: u32) -> Result<TallyCounts, Vec<FieldError>> {
        let mut errors = Errors::default();
        let yes = errors.take(count(slot, TallyField::Yes, &self.yes));
        let no = errors.take(count(slot, TallyField::No, &self.no));
        let invalid = errors.take(count(slot, TallyField::Invalid, &self.invalid));
        let (Some(yes), Some(no), Some(invalid)) = (yes, no, invalid) else { return Err(errors.0) };
        let counts = TallyCounts { yes, no, invalid };
        check_total(slot, counts, collected).map_err(|e| vec![e])?;
        Ok(counts)
    }
}

/// An entry's ballots can be no more than those returned.
pub fn check_total(slot: EntrySlot, counts: TallyCounts, collected: u32) -> Result<(), FieldError> {
    if counts.total() > u64::from(collected) {
        return Err(FieldError::new(
            slot.total_name(),
            format!("{}: tổng số phiếu ({}) nhiều hơn số phiếu đã thu về ({collected}).", slot.label(), counts.total()),
        ));
    }
    Ok(())
}

/// An entry with who made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyEntry {
    pub counts: TallyCounts,
    pub entered_by: UserId,
}

/// Where the count of a ballot stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum TallyState {
    /// No entry yet.
    NotEntered,
    /// One member entered; the second entry is awaited.
    OneEntry,
    /// The two entries differ in these fields; a reconciliation is awaited.
    Mismatch { fields: Vec<TallyField> },
    /// The two entries agree: the count stands.
    Agreed { counts: TallyCounts },
    /// The two entries differed and a member recorded the recount.
    Reconciled { counts: TallyCounts, reconciled_by: UserId },
}

impl TallyState {
    /// The state of the entries made so far.
    pub fn of(first: Option<TallyEntry>, second: Option<TallyEntry>, reconciled: Option<TallyEntry>) -> TallyState {
        match (first, second, reconciled) {
            (_, _, Some(entry)) => TallyState::Reconciled { counts: entry.counts, reconciled_by: entry.entered_by },
            (Some(a), Some(b), None) if a.counts == b.counts => TallyState::Agreed { counts: a.counts },
            (Some(a), Some(b), None) => TallyState::Mismatch { fields: a.counts.mismatches(b.counts) },
            (Some(_), None, None) | (None, Some(_), None) => TallyState::OneEntry,
            (None, None, None) => TallyState::NotEntered,
        }
    }

    /// The counts that stand, once the entries agree or are reconciled.
    pub fn result(&self) -> Option<TallyCounts> {
        match self {
            TallyState::Agreed { counts } | TallyState::Reconciled { counts, .. } => Some(*counts),
            TallyState::NotEntered | TallyState::OneEntry | TallyState::Mismatch { .. } => None,
        }
    }

    /// The stored and JSON code.
    pub fn as_str(&self) -> &'static str {
        match self {
            TallyState::NotEntered => "not_entered",
            TallyState::OneEntry => "one_entry",
            TallyState::Mismatch { .. } => "mismatch",
            TallyState::Agreed { .. } => "agreed",
            TallyState::Reconciled { .. } => "reconciled",
        }
    }

    /// What people read.
    pub fn label(&self) -> &'static str {
        match self {
            TallyState::NotEntered => "Chưa nhập kết quả kiểm phiếu",
            TallyState::OneEntry => "Đã nhập một lần, chờ lần nhập thứ hai",
            TallyState::Mismatch { .. } => "Hai lần nhập không khớp, cần đối chiếu",
            TallyState::Agreed { .. } => "Hai lần nhập khớp nhau",
            TallyState::Reconciled { .. } => "Đã đối chiếu",
        }
    }
}

/// The second entry must come from another member than the first: two entries by one person
/// are not independent.
pub fn check_independent(first: Option<TallyEntry>, second_by: UserId) -> Result<(), FieldError> {
    match first {
        Some(entry) if entry.entered_by == second_by => Err(FieldError::new(
            "second_yes",
            "Lần nhập thứ hai phải do một thành viên khác với người nhập lần thứ nhất thực hiện.",
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(yes: &str, no: &str, invalid: &str) -> TallyInput {
        TallyInput { yes: yes.into(), no: no.into(), invalid: invalid.into() }
    }

    fn entry(yes: u32, no: u32, invalid: u32, by: i64) -> TallyEntry {
        TallyEntry { counts: TallyCounts { yes, no, invalid }, entered_by: UserId(by) }
    }

    #[test]
    fn an_entry_reads_three_whole_numbers() {
        let counts = input(" 66 ", "40", "2").parse(EntrySlot::First, 110).expect("counts");
        assert_eq!(counts, TallyCounts { yes: 66, no: 40, invalid: 2 });
    }

    #[test]
    fn bad_numbers_are_refused_naming_the_entry_and_the_field() {
        let errors = input("", "-1", "ba").parse(EntrySlot::Second, 110).expect_err("bad");
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["second_yes", "second_no", "second_invalid"]);
        assert!(errors[0].message.starts_with("Lần nhập thứ hai: Số phiếu đồng ý không được để trống"), "{errors:?}");
        assert!(errors[2].message.contains("«ba»"), "{errors:?}");
    }

    #[test]
    fn an_entry_counting_more_ballots_than_returned_is_refused() {
        let errors = input("60", "40", "11").parse(EntrySlot::First, 110).expect_err("too many");
        assert_eq!(errors[0].field, "first_total");
        assert!(errors[0].message.contains("(111)") && errors[0].message.contains("(110)"), "{errors:?}");
        assert!(input("60", "40", "10").parse(EntrySlot::First, 110).is_ok());
    }

    #[test]
    fn two_entries_that_differ_are_flagged_field_by_field_then_reconciled() {
        let first = entry(66, 40, 2, 1);
        let second = entry(65, 40, 3, 2);
        let state = TallyState::of(Some(first), Some(second), None);
        assert_eq!(state, TallyState::Mismatch { fields: vec![TallyField::Yes, TallyField::Invalid] });
        assert_eq!(state.result(), None);
        let reconciled = entry(66, 40, 2, 3);
        let state = TallyState::of(Some(first), Some(second), Some(reconciled));
        assert_eq!(
            state,
            TallyState::Reconciled { counts: TallyCounts { yes: 66, no: 40, invalid: 2 }, reconciled_by: UserId(3) }
        );
        assert_eq!(state.result().map(|c| c.yes), Some(66));
    }

    #[test]
    fn two_entries_that_agree_stand_without_reconciliation() {
        let state = TallyState::of(Some(entry(66, 40, 2, 1)), Some(entry(66, 40, 2, 2)), None);
        assert_eq!(state.as_str(), "agreed");
        assert_eq!(state.result(), Some(TallyCounts { yes: 66, no: 40, invalid: 2 }));
        assert_eq!(TallyState::of(Some(entry(1, 0, 0, 1)), None, None), TallyState::OneEntry);
        assert_eq!(TallyState::of(None, None, None), TallyState::NotEntered);
    }

    #[test]
    fn the_second_entry_comes_from_another_member() {
        let first = Some(entry(66, 40, 2, 7));
        assert_eq!(check_independent(first, UserId(7)).map_err(|e| e.field), Err("second_yes"));
        assert!(check_independent(first, UserId(8)).is_ok());
        assert!(check_independent(None, UserId(7)).is_ok());
    }
}
