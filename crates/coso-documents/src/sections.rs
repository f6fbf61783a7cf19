//! The section tree, recovered from numbering rather than from styles: Decree 30 documents
//! rely on direct formatting, so `I.`, `1.`, `1.1.`, `a)`, `-` and `+` are what is left.
//!
//! Levels are not fixed per numbering style; the first style met becomes the outer level and
//! later styles nest inside it, as a reader would understand them. A style seen again closes
//! everything opened after it. Duplicated or skipped numbers (`2.` followed by `4.`) are kept
//! as written: the heading text is never renumbered.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Section;

/// A numbering style; two headings of the same style are siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `Phần I`, `Chương II`
    Part,
    /// `I.`, `II.`
    Roman,
    /// `Điều 1.`
    Article,
    /// `1.`, `2)`
    Arabic,
    /// `1.1.`, `2.3`; the count of numbers
    Decimal(usize),
    /// `a)`, `b)`
    Letter,
    /// `-`, `+`, `•`: the marker character
    Bullet(char),
}

static PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:phần|chương)\s+(?:[IVXLC]+|\d+)\b").expect("static regex"));
static ROMAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[IVXLC]{1,6}\s*[.)]\s*\S").expect("static regex"));
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^Điều\s+\d{1,3}\s*[.:]").expect("static regex"));
static DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+\S").expect("static regex"));
static ARABIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\s*[.)](?:\s+|[^\d\s./])").expect("static regex"));
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-zđ]\s*\)\s*\S").expect("static regex"));
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([-–+•*·])\s*\S").expect("static regex"));

/// The numbering style of a line, if it starts a section or an item.
pub(crate) fn style_of(line: &str) -> Option<Style> {
    if PART.is_match(line) {
        Some(Style::Part)
    } else if ARTICLE.is_match(line) {
        Some(Style::Article)
    } else if ROMAN.is_match(line) {
        Some(Style::Roman)
    } else if let Some(c) = DECIMAL.captures(line) {
        Some(Style::Decimal(c.get(1).map_or(2, |m| m.as_str().split('.').count())))
    } else if ARABIC.is_match(line) {
        Some(Style::Arabic)
    } else if LETTER.is_match(line) {
        Some(Style::Letter)
    } else {
        BULLET.captures(line).and_then(|c| c.get(1)).and_then(|m| m.as_str().chars().next()).map(|c| match c {
            '–' | '·' | '*' => Style::Bullet('-'),
            other => Style::Bullet(other),
        })
    }
}

/// True for styles that open the body of a document (`I.`, `Phần`, `Điều`).
pub(crate) fn is_major(style: Style) -> bool {
    matches!(style, Style::Part | Style::Roman | Style::Article)
}

struct Node {
    section: Section,
    children: Vec<usize>,
}

/// Builds the tree from body lines. Bullets are leaves: a plain paragraph after a bullet
/// belongs to the item that holds the list, not to the last bullet; it is kept after the
/// list, in an unnumbered child (empty heading), so that the tree reads in document order.
pub(crate) fn build(lines: &[String]) -> Vec<Section> {
    let mut arena: Vec<Node> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut stack: Vec<(Style, usize)> = Vec::new();
    let mut loose: Vec<String> = Vec::new();
    for line in lines {
        match style_of(line) {
            Some(style) => {
                if let Some(pos) = stack.iter().position(|(s, _)| *s == style) {
                    stack.truncate(pos);
                } else {
                    // Bullets are leaves: a new kind of item never nests inside a bullet.
                    while stack.last().is_some_and(|(s, _)| matches!(s, Style::Bullet(_))) {
                        stack.pop();
                    }
                }
                let idx = arena.len();
                arena.push(Node {
                    section: Section { heading: line.clone(), ..Section::default() },
                    children: Vec::new(),
                });
                match stack.last() {
                    Some(&(_, parent)) => arena[parent].children.push(idx),
                    None => roots.push(idx),
                }
                stack.push((style, idx));
            }
            None => {
                while stack.last().is_some_and(|(s, _)| matches!(s, Style::Bullet(_))) {
                    stack.pop();
                }
                let Some(&(_, node)) = stack.last() else {
                    loose.push(line.clone());
                    continue;
                };
                if arena[node].children.is_empty() {
                    arena[node].section.paragraphs.push(line.clone());
                    continue;
                }
                // Text after a list: keep reading order with an unnumbered child.
                let last = arena[node].children.last().copied();
                match last.filter(|&c| arena[c].section.heading.is_empty() && arena[c].children.is_empty()) {
                    Some(c) => arena[c].section.paragraphs.push(line.clone()),
                    None => {
                        let idx = arena.len();
                        arena.push(Node {
                            section: Section { paragraphs: vec![line.clone()], ..Section::default() },
                            children: Vec::new(),
                        });
                        arena[node].children.push(idx);
                    }
                }
            }
        }
    }
    let mut out: Vec<Section> = Vec::new();
    if !loose.is_empty() {
        out.push(Section { heading: String::new(), paragraphs: loose, children: Vec::new() });
    }
    out.extend(roots.into_iter().map(|r| assemble(&mut arena, r)));
    out
}

/// The value of an item number: `4.` → 4, `IV.` → 4, `c)` → 3 (Vietnamese order: `d`, `đ`, `e`).
fn number_of(line: &str, style: Style) -> Option<u32> {
    let head: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
    match style {
        Style::Arabic => head.parse().ok(),
        Style::Roman => head
            .chars()
            .rev()
            .try_fold((0u32, 0u32), |(total, max), c| {
                let v = match c {
                    'I' => 1,
                    'V' => 5,
                    'X' => 10,
                    'L' => 50,
                    'C' => 100,
                    _ => return None,
                };
                Some(if v < max { (total.saturating_sub(v), max) } else { (total + v, v) })
            })
            .map(|(total, _)| total),
        Style::Letter => "abcdđeghiklmnopqrstuvxy".chars().position(|c| head.starts_with(c)).map(|i| i as u32 + 1),
        _ => None,
    }
}

/// Items numbered out of sequence (`2.` followed by `4.`, or `2.` twice), in Vietnamese for
/// the review screen. The tree keeps them as written.
pub(crate) fn numbering_gaps(lines: &[String]) -> Vec<String> {
    let mut stack: Vec<(Style, Option<u32>, &str)> = Vec::new();
    let mut out = Vec::new();
    for line in lines {
        let Some(style) = style_of(line) else {
            continue;
        };
        let n = number_of(line, style);
        if let Some(pos) = stack.iter().position(|(s, _, _)| *s == style) {
            let (_, prev, prev_line) = stack[pos];
            if let (Some(p), Some(c)) = (prev, n)
                && c != p + 1
            {
                let label = |l: &str| l.split_whitespace().next().unwrap_or_default().to_string();
                out.push(format!("Đánh số mục không liên tục: “{}” sau “{}”.", label(line), label(prev_line)));
            }
            stack.truncate(pos);
        } else {
            while stack.last().is_some_and(|(s, _, _)| matches!(s, Style::Bullet(_))) {
                stack.pop();
            }
        }
        stack.push((style, n, line.as_str()));
    }
    out
}

/// Moves a node and its descendants out of the arena into a `Section`. Iterative, so that a
/// pathological document with thousands of nested bullets cannot overflow the stack.
fn assemble(arena: &mut [Node], root: usize) -> Section {
    // Post-order: children are finished before their parent collects them.
    let mut order = Vec::new();
    let mut todo = vec![root];
    while let Some(n) = todo.pop() {
        order.push(n);
        todo.extend(arena[n].children.iter().copied());
    }
    let mut done: Vec<Option<Section>> = (0..arena.len()).map(|_| None).collect();
    for &n in order.iter().rev() {
        let mut section = std::mem::take(&mut arena[n].section);
        section.children = arena[n].children.iter().filter_map(|c| done[*c].take()).collect();
        done[n] = Some(section);
    }
    done[root].take().unwrap_or_default()
}

/// Every heading and paragraph of the tree in reading order, with the index of its
/// top-level section.
pub(crate) fn flatten(sections: &[Section]) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (top, s) in sections.iter().enumerate() {
        let mut todo = vec![s];
        while let Some(node) = todo.pop() {
            if !node.heading.is_empty() {
                out.push((top, node.heading.as_str()));
            }
            out.extend(node.paragraphs.iter().map(|p| (top, p.as_str())));
            todo.extend(node.children.iter().rev());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn styles() {
        assert_eq!(style_of("I. MỤC ĐÍCH"), Some(Style::Roman));
        assert_eq!(style_of("1. Mục đích"), Some(Style::Arabic));
        assert_eq!(style_of("1.2. Nội dung"), Some(Style::Decimal(2)));
        assert_eq!(style_of("a) Nội dung"), Some(Style::Letter));
        assert_eq!(style_of("- Nội dung"), Some(Style::Bullet('-')));
        assert_eq!(style_of("Điều 1. Ban hành"), Some(Style::Article));
        assert_eq!(style_of("14/6 hằng năm"), None);
        assert_eq!(style_of("1.000 người"), None);
        assert_eq!(style_of("Việc"), None);
    }

    #[test]
    fn gaps_are_reported() {
        let gaps = numbering_gaps(&s(&["I. A", "1. a", "2. b", "4. d", "II. B", "1. x", "a) y", "b) z", "IV. D"]));
        assert_eq!(
            gaps,
            vec!["Đánh số mục không liên tục: “4.” sau “2.”.", "Đánh số mục không liên tục: “IV.” sau “II.”."]
        );
    }

    #[test]
    fn tree_with_skipped_numbers() {
        let t = build(&s(&["I. A", "1. a", "- x", "- y", "sau danh sách", "2. b", "4. d", "II. B", "p", "III. C"]));
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].children.len(), 3);
        assert_eq!(t[0].children[0].children.len(), 3);
        assert_eq!(t[0].children[0].children[2].heading, "");
        assert_eq!(t[0].children[0].children[2].paragraphs, vec!["sau danh sách"]);
        assert_eq!(t[0].children[2].heading, "4. d");
        assert_eq!(t[1].paragraphs, vec!["p"]);
    }
}
