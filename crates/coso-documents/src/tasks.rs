//! Tasks (nhiệm vụ) with their lead unit (chủ trì) and partner units (phối hợp), read from
//! the organisation section (`TỔ CHỨC THỰC HIỆN`), or from the article of a decision that
//! names who carries it out (`… chịu trách nhiệm thi hành Quyết định này`).
//!
//! Each item of that section is an assignment: `Giao Sở Nội vụ theo dõi…`,
//! `Phòng Nội vụ: chủ trì, phối hợp với…`, or a heading naming the unit (`1. Các cơ quan,
//! đơn vị, địa phương:`) followed by paragraphs. Every paragraph is its own task; it takes
//! the item's unit unless it names its own (`Các cơ quan chuyên môn thị xã có trách nhiệm…`).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Section, Task};
use crate::text;
use crate::units;

static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*|Điều\s+\d{1,3}\s*[.:]\s*|[-–+•*·]\s*)")
        .expect("static regex")
});
static ORGANISATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)tổ chức thực hiện|trách nhiệm|phân công").expect("static regex"));
static CHARGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)chịu trách nhiệm thi hành").expect("static regex"));
static DUTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:có trách nhiệm|chịu trách nhiệm)\s*:?\s*").expect("static regex"));
static LEAD_ONLY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?i:chủ trì)\s*[,;]?\s*").expect("static regex"));

/// Strips the item numbering (`1.`, `a)`, `-`, `Điều 3.`).
pub(crate) fn strip_numbering(s: &str) -> &str {
    NUMBERING.find(s).map_or(s, |m| &s[m.end()..]).trim()
}

/// Tasks of the document.
pub(crate) fn extract(sections: &[Section]) -> Vec<Task> {
    let mut tasks = Vec::new();
    // A section title, not an article that happens to mention responsibility.
    let organisation = sections
        .iter()
        .rev()
        .find(|s| ORGANISATION.is_match(&s.heading) && !s.heading.is_empty() && text::word_count(&s.heading) <= 12);
    if let Some(section) = organisation {
        for p in &section.paragraphs {
            push_paragraph(&mut tasks, p, None);
        }
        for item in &section.children {
            item_tasks(&mut tasks, item, None);
        }
        return tasks;
    }
    // A decision: the article that says who carries it out.
    for s in sections.iter().filter(|s| CHARGE.is_match(&s.heading) || s.paragraphs.iter().any(|p| CHARGE.is_match(p)))
    {
        let body = std::iter::once(strip_numbering(&s.heading).to_string()).chain(s.paragraphs.iter().cloned());
        for p in body.filter(|p| CHARGE.is_match(p)) {
            let Some(m) = CHARGE.find(&p).map(|m| m.start()) else {
                continue;
            };
            let lead = text::trim_end_punct(p[..m].trim()).to_string();
            let what = text::capitalize_first(text::trim_end_punct(p[m..].trim()));
            if !lead.is_empty() {
                tasks.push(Task { text: what, lead_unit: Some(lead), partner_units: Vec::new() });
            }
        }
    }
    tasks
}

fn item_tasks(tasks: &mut Vec<Task>, item: &Section, inherited: Option<&str>) {
    let heading = strip_numbering(&item.heading);
    let mut lead: Option<String> = inherited.map(str::to_string);
    match units::split_subject(heading) {
        Some((subject, predicate)) => {
            lead = Some(subject);
            if !text::trim_end_punct(&predicate).is_empty() {
                tasks.push(task(lead.as_deref(), &predicate));
            }
        }
        None if !heading.is_empty() => tasks.push(task(lead.as_deref(), heading)),
        None => {}
    }
    for p in &item.paragraphs {
        push_paragraph(tasks, p, lead.as_deref());
    }
    for child in &item.children {
        item_tasks(tasks, child, lead.as_deref());
    }
}

fn push_paragraph(tasks: &mut Vec<Task>, p: &str, lead: Option<&str>) {
    let p = strip_numbering(p);
    if p.is_empty() {
        return;
    }
    match units::split_subject(p) {
        Some((subject, predicate)) => tasks.push(task(Some(&subject), &predicate)),
        None => tasks.push(task(lead, p)),
    }
}

/// One task from its unit and predicate: partners are moved out of the text, and the duty
/// words that only restate the assignment (`chủ trì,`, `có trách nhiệm`) are dropped.
fn task(lead: Option<&str>, predicate: &str) -> Task {
    let predicate = DUTY.replace(predicate.trim(), "");
    let (partner_units, rest) = units::partners(&predicate);
    let leads = LEAD_ONLY.is_match(&predicate);
    let body = if partner_units.is_empty() {
        LEAD_ONLY.replace(&predicate, "").into_owned()
    } else if leads {
        rest
    } else {
        format!("phối hợp {rest}")
    };
    Task {
        text: text::capitalize_first(text::trim_end_punct(body.trim())),
        lead_unit: lead.map(|l| text::trim_end_punct(l).to_string()).filter(|l| !l.is_empty()),
        partner_units,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sec(heading: &str, paragraphs: &[&str], children: Vec<Section>) -> Section {
        Section { heading: heading.into(), paragraphs: paragraphs.iter().map(|s| s.to_string()).collect(), children }
    }

    #[test]
    fn items_with_units_and_partners() {
        let org = sec(
            "III. TỔ CHỨC THỰC HIỆN",
            &[],
            vec![
                sec(
                    "1. Các cơ quan, đơn vị:",
                    &["Căn cứ Kế hoạch, chủ động xây dựng kế hoạch.", "Các phòng chuyên môn có trách nhiệm hướng dẫn."],
                    vec![],
                ),
                sec(
                    "2. Phòng Văn hóa: chỉ đạo tuyên truyền.",
                    &["Chủ trì, phối hợp với các cơ quan có liên quan hướng dẫn rà soát hương ước."],
                    vec![],
                ),
                sec("3. Giao Sở Nội vụ theo dõi, đôn đốc./.", &[], vec![]),
            ],
        );
        let t = extract(&[org]);
        let got: Vec<(&str, Option<&str>, usize)> =
            t.iter().map(|t| (t.text.as_str(), t.lead_unit.as_deref(), t.partner_units.len())).collect();
        assert_eq!(
            got,
            vec![
                ("Căn cứ Kế hoạch, chủ động xây dựng kế hoạch", Some("Các cơ quan, đơn vị"), 0),
                ("Hướng dẫn", Some("Các phòng chuyên môn"), 0),
                ("Chỉ đạo tuyên truyền", Some("Phòng Văn hóa"), 0),
                ("Hướng dẫn rà soát hương ước", Some("Phòng Văn hóa"), 1),
                ("Theo dõi, đôn đốc", Some("Sở Nội vụ"), 0),
            ]
        );
    }
}
