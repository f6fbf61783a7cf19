//! Throughput of the two hot paths: solar → lunar conversion (target ≥ 1,000,000/s) and
//! deadline computation with its explanation text (target ≥ 200,000/s).

use std::hint::black_box;

use chrono::NaiveDate;
use coso_calendar::{Circumstances, Complexity, HolidayCalendar, RuleBook, compute_deadline, solar_to_lunar};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn dates(n: usize, span_days: i64) -> Vec<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
    (0..n as i64).map(|i| start + chrono::TimeDelta::try_days((i * 7919) % span_days).unwrap_or_default()).collect()
}

fn solar_to_lunar_bench(c: &mut Criterion) {
    let days = dates(10_000, 109_500);
    // Fill the per-year tables first: the benchmark measures the steady state.
    for d in &days {
        let _ = solar_to_lunar(*d);
    }
    let mut group = c.benchmark_group("lunar");
    group.throughput(Throughput::Elements(days.len() as u64));
    group.bench_function("solar_to_lunar x10000", |b| {
        b.iter(|| {
            for d in &days {
                let _ = black_box(solar_to_lunar(black_box(*d)));
            }
        })
    });
    group.finish();
}

fn deadline_bench(c: &mut Criterion) {
    let rules = RuleBook::builtin();
    let calendar = HolidayCalendar::builtin();
    let ids =
        ["complaint.first", "denunciation.initial", "petition.reply", "village_head.plan", "denunciation.resolve"];
    let start = NaiveDate::from_ymd_opt(2023, 9, 1).unwrap_or_default();
    let cases: Vec<(&str, NaiveDate, Circumstances)> = (0..1000i64)
        .map(|i| {
            let complexity = if i % 3 == 0 { Complexity::Complex } else { Complexity::Normal };
            (
                ids[(i as usize) % ids.len()],
                start + chrono::TimeDelta::try_days(i % 900).unwrap_or_default(),
                Circumstances { complexity, remote: i % 2 == 0 },
            )
        })
        .collect();
    let mut group = c.benchmark_group("deadline");
    group.throughput(Throughput::Elements(cases.len() as u64));
    group.bench_function("compute_deadline + to_vietnamese_text x1000", |b| {
        b.iter(|| {
            for (id, from, circ) in &cases {
                if let Ok(d) = compute_deadline(rules, calendar, id, *from, *circ) {
                    black_box(d.explanation.to_vietnamese_text());
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, solar_to_lunar_bench, deadline_bench);
criterion_main!(benches);
