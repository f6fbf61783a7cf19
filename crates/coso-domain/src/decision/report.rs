//! Which indicators of a periodic report are filled from the community decisions: the meetings
//! held (`community_meetings`) and the household ballots issued (`household_ballots`) of the
//! default template, by their `source`, or by their code in templates stored without one.

use super::codes::DecisionForm;
use crate::report::Indicator;

/// The form of decision an indicator counts, if it counts one.
pub fn counted_form(indicator: &Indicator) -> Option<DecisionForm> {
    match indicator.source.as_deref().unwrap_or(indicator.code.as_str()) {
        "community_meetings" => Some(DecisionForm::Meeting),
        "household_ballots" => Some(DecisionForm::Ballot),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_counts_meetings_and_ballots() {
        let t = crate::report::Template::default_grassroots();
        let counted: Vec<(&str, DecisionForm)> =
            t.indicators.iter().filter_map(|i| counted_form(i).map(|f| (i.code.as_str(), f))).collect();
        assert_eq!(
            counted,
            [("community_meetings", DecisionForm::Meeting), ("household_ballots", DecisionForm::Ballot)]
        );
    }

    #[test]
    fn a_source_wins_over_the_code() {
        let t = crate::report::Template::default_grassroots();
        let mut meetings = t.indicators.iter().find(|i| i.code == "community_meetings").expect("indicator").clone();
        meetings.source = Some("dialogues".into());
        assert_eq!(counted_form(&meetings), None);
        meetings.source = None;
        assert_eq!(counted_form(&meetings), Some(DecisionForm::Meeting));
    }
}
