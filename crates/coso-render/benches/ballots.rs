//! The ballots of a whole commune in one PDF. Target: 5,000 households (5,000 pages) in < 10 s.
#![expect(clippy::unwrap_used, reason = "a bench stops at the first unexpected failure")]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

#[cfg(feature = "pdf")]
fn commune(households: usize) -> coso_render::ballots::BallotBatch {
    use coso_render::ballots::{BallotBatch, BallotSheet};
    BallotBatch {
        issuer: "ỦY BAN NHÂN DÂN XÃ TÂN LẬP".into(),
        title: "Về việc đặt tên đường liên thôn".into(),
        question: "Đồng ý đặt tên đường liên thôn từ ngã ba chợ đến trạm y tế là đường Tân Lập?".into(),
        choices: vec!["Đồng ý".into(), "Không đồng ý".into()],
        deadline_line: "Hạn nộp phiếu: ngày 08/03/2024".into(),
        sheets: (0..households)
            .map(|i| BallotSheet {
                code: format!("{:04}-{:04}-{}", i / 10_000, i % 10_000, i % 10),
                village: format!("Thôn {}", i / 400 + 1),
                household: format!("Hộ số {i}"),
                address: format!("Số {i}"),
            })
            .collect(),
    }
}

fn ballots(c: &mut Criterion) {
    #[cfg(feature = "pdf")]
    {
        let batch = commune(5_000);
        coso_render::ballots::render_ballots_pdf(&commune(2)).unwrap();
        let mut group = c.benchmark_group("ballots");
        group.sample_size(10).measurement_time(Duration::from_secs(60));
        group.bench_function("commune_5000_households_pdf", |b| {
            b.iter(|| coso_render::ballots::render_ballots_pdf(std::hint::black_box(&batch)).unwrap())
        });
        group.finish();
    }
    #[cfg(not(feature = "pdf"))]
    let _ = (c, Duration::ZERO);
}

criterion_group!(benches, ballots);
criterion_main!(benches);
