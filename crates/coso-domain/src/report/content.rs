//! What a unit reports: indicator values, narrative and self-assessment, checked against the
//! template. `ReportContent` is stored as JSON in `submission_version.content`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rank::rank_for;
use super::template::Template;
use super::{check, number};
use crate::field::PathError;

/// A checked report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportContent {
    /// Indicator code → value; optional indicators left empty are absent.
    pub indicators: BTreeMap<String, f64>,
    /// Section code → text (NFC, paragraphs kept).
    pub narrative: BTreeMap<String, String>,
    /// One score per criterion, in the template's order.
    pub assessment: Vec<CriterionScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub code: String,
    pub points: f64,
    /// What the unit shows for its points (documents, minutes, figures).
    pub evidence: String,
}

/// The report as typed in a form or sent as JSON: every value a string.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportInput {
    pub indicators: BTreeMap<String, String>,
    pub narrative: BTreeMap<String, String>,
    pub assessment: BTreeMap<String, ScoreInput>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreInput {
    pub points: String,
    pub evidence: String,
}

/// A report that passed [`validate`], with its score and rank.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated {
    pub content: ReportContent,
    /// The sum of the points, to two decimals; `None` when the template has no criteria.
    pub score: Option<f64>,
    pub rank: Option<String>,
}

const NARRATIVE_MAX: usize = 50_000;
const EVIDENCE_MAX: usize = 2_000;

/// Checks a report against its template, collecting every error with the field's label.
pub fn validate(template: &Template, input: &ReportInput) -> Result<Validated, Vec<PathError>> {
    let mut errs = Vec::new();
    let mut content = ReportContent::default();
    for code in input.indicators.keys().filter(|c| template.indicator(c).is_none()) {
        errs.push(PathError::new(
            format!("indicators.{code}"),
            format!("Chỉ tiêu «{code}» không có trong mẫu báo cáo."),
        ));
    }
    for code in input.narrative.keys().filter(|c| template.section(c).is_none()) {
        errs.push(PathError::new(format!("narrative.{code}"), format!("Phần «{code}» không có trong mẫu báo cáo.")));
    }
    for code in input.assessment.keys().filter(|c| template.criterion(c).is_none()) {
        errs.push(PathError::new(
            format!("assessment.{code}"),
            format!("Tiêu chí «{code}» không có trong mẫu báo cáo."),
        ));
    }
    for ind in &template.indicators {
        let raw = input.indicators.get(&ind.code).map(String::as_str).unwrap_or("");
        if raw.trim().is_empty() && !ind.required {
            continue;
        }
        match number::parse(raw, ind.integer) {
            Ok(v) => {
                content.indicators.insert(ind.code.clone(), v);
            }
            Err(e) => errs.push(PathError::new(format!("indicators.{}", ind.code), e.message(&ind.label, raw))),
        }
    }
    for s in &template.sections {
        let text = paragraphs(input.narrative.get(&s.code).map(String::as_str).unwrap_or(""));
        let path = format!("narrative.{}", s.code);
        if text.is_empty() {
            if s.required {
                errs.push(PathError::new(path, format!("«{}» không được để trống.", s.title)));
            }
        } else if text.chars().count() > NARRATIVE_MAX {
            errs.push(PathError::new(path, format!("«{}» dài quá {NARRATIVE_MAX} ký tự.", s.title)));
        } else {
            content.narrative.insert(s.code.clone(), text);
        }
    }
    for c in &template.criteria {
        let given = input.assessment.get(&c.code).cloned().unwrap_or_default();
        let path = format!("assessment.{}", c.code);
        let points = match number::parse(&given.points, false) {
            Ok(p) if p <= c.max_points => Some(p),
            Ok(_) => {
                let msg = format!("«{}»: điểm tự chấm không được vượt quá {} điểm.", c.label, c.max_points);
                errs.push(PathError::new(path.clone(), msg));
                None
            }
            Err(e) => {
                errs.push(PathError::new(path.clone(), e.message(&c.label, &given.points)));
                None
            }
        };
        let evidence = coso_text::clean(&given.evidence);
        if evidence.chars().count() > EVIDENCE_MAX {
            let msg = format!("«{}»: minh chứng dài quá {EVIDENCE_MAX} ký tự.", c.label);
            errs.push(PathError::new(format!("{path}.evidence"), msg));
        }
        if let Some(points) = points {
            content.assessment.push(CriterionScore { code: c.code.clone(), points, evidence });
        }
    }
    // Cross-field checks only between values that read well, so that each error is about one thing.
    errs.extend(check::failed(template, &content.indicators));
    if !errs.is_empty() {
        return Err(errs);
    }
    let score = (!template.criteria.is_empty()).then(|| round2(content.assessment.iter().map(|s| s.points).sum()));
    let rank = score.and_then(|s| rank_for(s, &template.rank_bands)).map(str::to_string);
    Ok(Validated { content, score, rank })
}

/// Two decimals, so that 89.9 + 0.1 ranks as 90.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// NFC text with its paragraphs: lines trimmed, runs of blank lines reduced to one.
fn paragraphs(raw: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in coso_text::nfc(raw).lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests;
