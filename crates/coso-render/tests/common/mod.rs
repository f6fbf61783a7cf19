//! Shared by the integration tests: the test documents, unzipping, and the external tools.
#![expect(clippy::unwrap_used, reason = "a test stops at the first unexpected failure")]

pub mod ooxml;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use coso_documents::Document;

pub const PLAN: &str = "plan-tan-lap-07-KH-UBND-2024.json";
pub const REPORT: &str = "report-tan-lap-15-BC-UBND-2024.json";

pub fn data_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

pub fn load(name: &str) -> Document {
    let text = std::fs::read_to_string(data_path(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// One part of a DOCX package, as text.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut file = archive.by_name(name).unwrap_or_else(|_| panic!("DOCX has no {name}"));
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

/// A scratch directory unique to one test.
pub fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("coso-render").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether an external tool is on PATH. When it is not, the test fails with what to install,
/// unless `skip_var` is set to 1: a missing tool must never look like a passing test.
pub fn require_tool(tool: &str, package: &str, skip_var: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok() || Command::new(tool).arg("--version").output().is_ok();
    if found {
        return true;
    }
    if std::env::var(skip_var).as_deref() == Ok("1") {
        eprintln!("{tool} not found; skipped because {skip_var}=1");
        return false;
    }
    panic!("`{tool}` is not installed: run `apt-get install {package}` (or set {skip_var}=1 to skip this test)");
}

pub const POPPLER: (&str, &str) = ("poppler-utils", "COSO_SKIP_POPPLER");

/// Runs a command and returns its stdout, failing the test with its stderr otherwise.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `pdfinfo`'s page count.
pub fn page_count(pdf: &Path) -> usize {
    let info = run(Command::new("pdfinfo").arg(pdf));
    info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|n| n.trim().parse().unwrap()).unwrap()
}

/// `pdftotext -layout` of the whole file.
pub fn pdf_text(pdf: &Path) -> String {
    run(Command::new("pdftotext").arg("-layout").arg(pdf).arg("-"))
}

/// A page rasterised by `pdftoppm -r 50 -png`, as grey levels (0 black … 255 white).
pub struct Raster {
    pub width: usize,
    pub height: usize,
    pub grey: Vec<u8>,
    pub dpi: f64,
}

impl Raster {
    pub fn of_page(pdf: &Path, page: usize, out_prefix: &Path) -> Raster {
        let dpi = 50.0;
        run(Command::new("pdftoppm")
            .args(["-r", "50", "-png", "-singlefile", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(pdf)
            .arg(out_prefix));
        let png_path = out_prefix.with_extension("png");
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png_path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let channels = info.color_type.samples();
        let grey = buf[..info.buffer_size()]
            .chunks(channels)
            .map(|px| {
                if channels >= 3 { ((u32::from(px[0]) + u32::from(px[1]) + u32::from(px[2])) / 3) as u8 } else { px[0] }
            })
            .collect();
        Raster { width: info.width as usize, height: info.height as usize, grey, dpi }
    }

    pub fn px(&self, mm: f64) -> usize {
        (mm / 25.4 * self.dpi).round() as usize
    }

    fn ink(&self, x: usize, y: usize) -> bool {
        self.grey[y * self.width + x] < 128
    }

    /// Dark pixels in the rectangle given in millimetres from the top-left corner.
    pub fn ink_in(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> usize {
        let (x0, x1) = (self.px(x0), self.px(x1).min(self.width));
        let (y0, y1) = (self.px(y0), self.px(y1).min(self.height));
        (y0..y1).flat_map(|y| (x0..x1).map(move |x| (x, y))).filter(|&(x, y)| self.ink(x, y)).count()
    }

    /// Horizontal extent (mm) of the ink in a band of rows, or `None` if the band is blank.
    pub fn ink_extent(&self, y0: f64, y1: f64) -> Option<(f64, f64)> {
        let (y0, y1) = (self.px(y0), self.px(y1).min(self.height));
        let xs: Vec<usize> = (y0..y1).flat_map(|y| (0..self.width).filter(move |&x| self.ink(x, y))).collect();
        let to_mm = |px: usize| px as f64 * 25.4 / self.dpi;
        Some((to_mm(*xs.iter().min()?), to_mm(*xs.iter().max()?)))
    }

    /// The longest run of dark pixels on one row within the rectangle: its length and the x of its
    /// centre, in millimetres. A rule drawn across text shows as a run far longer than any letter.
    pub fn longest_run(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> (f64, f64) {
        let (x0, x1) = (self.px(x0), self.px(x1).min(self.width));
        let (y0, y1) = (self.px(y0), self.px(y1).min(self.height));
        let mut best = (0, 0);
        for y in y0..y1 {
            let mut run = 0;
            for x in x0..x1 {
                run = if self.ink(x, y) { run + 1 } else { 0 };
                if run > best.0 {
                    best = (run, x + 1 - run / 2);
                }
            }
        }
        let to_mm = |px: usize| px as f64 * 25.4 / self.dpi;
        (to_mm(best.0), to_mm(best.1))
    }

    /// Rows (mm from the top) that carry ink, grouped into bands: the lines of text.
    pub fn bands(&self, x0: f64, x1: f64) -> Vec<(f64, f64)> {
        let (x0, x1) = (self.px(x0), self.px(x1).min(self.width));
        let to_mm = |px: usize| px as f64 * 25.4 / self.dpi;
        let mut bands = Vec::new();
        let mut start = None;
        for y in 0..self.height {
            let inked = (x0..x1).any(|x| self.ink(x, y));
            match (inked, start) {
                (true, None) => start = Some(y),
                (false, Some(s)) => {
                    bands.push((to_mm(s), to_mm(y)));
                    start = None;
                }
                _ => {}
            }
        }
        bands
    }
}
